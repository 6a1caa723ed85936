// `teaming-lab workshop grade` end to end, in real Jupyter with the tslab kernel. Four students hand in
// lessons 2 and 6, made at test time from the course notebooks and their released copies:
//   correct  the course notebooks with every exercise's solution in place        -> every exercise PASS
//   wrong    the released notebooks with every answer set to 'wrong answer'      -> every exercise FAIL
//   broken   a syntax error in exercise 1, a thrown error in exercise 2, the rest solved
//            -> exercises 1 and 2 FAIL with the reason, the others PASS (a failing cell fails only itself)
//   endless  `while (true) {}` in exercise 2 of lesson 2, the rest solved
//            -> that exercise FAILs on the timeout, every later one still PASSes (the kernel was replaced)
// The report must hold exactly these rows, grading must finish (exit 0), and the submissions must be
// byte-for-byte unchanged.
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exercises } from '../../lib/exercises';
import { answerStub, cellText } from '../../lib/workshop';
import type { Notebook } from '../../lib/workshop';
import { REPO_ROOT, ensureLibraryBuilt, ensureSystemDeps } from '../../scripts/jupyter-env';
import { lessonExpectations } from './outputs';
import { ensureBubblewrap, runTeamingLab } from './gradeSandbox';

const LESSONS = ['02-nic-team-in-one-picture', '06-hyper-v-port-cap'];
/** Per-cell timeout for the run: a few times the slowest lesson cell, so only the endless loop hits it. */
const TIMEOUT_S = 30;
const STUDENTS = ['broken', 'correct', 'endless', 'wrong'];
const WRONG = 'wrong answer';

const work = mkdtempSync(join(tmpdir(), 'teaming-lab-workshop-grade-'));
const submissions = join(work, 'submissions');
const report = join(work, 'report');
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every file under a folder with its SHA-256, to prove grading changed nothing. */
function fingerprint(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out[relative(dir, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

/** RFC 4180 CSV, as gradesCsv writes it. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

const run = (args: string[]) => runTeamingLab(args, work);

/** What each student should score on each exercise, and a word the message must contain. */
const expected: Array<{ student: string; notebook: string; exercise: string; pass: boolean; says: string }> = [];
let before: Record<string, string> = {};
let result: { code: number | null; stdout: string; stderr: string };
let started = 0;

beforeAll(async () => {
  ensureSystemDeps();
  ensureBubblewrap();
  ensureLibraryBuilt({ log: (m) => console.error(m) });
  // The released copies, made by the command itself.
  const course = join(work, 'course');
  mkdirSync(course);
  for (const lesson of LESSONS) cpSync(join(REPO_ROOT, 'notebooks', `${lesson}.ipynb`), join(course, `${lesson}.ipynb`));
  const released = await run(['workshop', 'release', join(work, 'released'), '--from', course]);
  if (released.code !== 0) throw new Error(`workshop release failed: ${released.stderr}`);

  for (const lesson of LESSONS) {
    const file = `${lesson}.ipynb`;
    const solutions = lessonExpectations(`content/${lesson}.mdx`).exercises;
    const student: Record<string, Notebook> = {
      correct: JSON.parse(readFileSync(join(course, file), 'utf8')),
      wrong: JSON.parse(readFileSync(join(work, 'released', file), 'utf8')),
      broken: JSON.parse(readFileSync(join(work, 'released', file), 'utf8')),
      endless: JSON.parse(readFileSync(join(work, 'released', file), 'utf8')),
    };
    solutions.forEach((s, k) => {
      // A wrong answer must be one the check refuses, or the expectation below would be wrong.
      expect(exercises[s.id].check(WRONG).pass, `${s.id} accepts "${WRONG}"`).toBe(false);
      const stub = answerStub(s.answerName);
      const find = (nb: Notebook) => {
        const cell = nb.cells.find((c) => c.cell_type === 'code' && cellText(c).includes(`check('${s.id}', ${s.answerName})`));
        if (!cell) throw new Error(`no exercise cell for ${s.id} in ${file}`);
        return cell;
      };
      find(student.correct).source = s.solution;
      find(student.wrong).source = cellText(find(student.wrong)).replace(stub, `const ${s.answerName}: any = ${JSON.stringify(WRONG)};`);
      find(student.broken).source =
        k === 0
          ? cellText(find(student.broken)).replace(stub, `const ${s.answerName}: any = 10 +;`)
          : k === 1
            ? s.solution.replace(`check('${s.id}'`, `throw new Error('broken on purpose');\ncheck('${s.id}'`)
            : s.solution;
      find(student.endless).source = k === 1 && lesson === LESSONS[0] ? `while (true) {}\n${s.solution}` : s.solution;

      const row = (name: string, pass: boolean, says: string) => expected.push({ student: name, notebook: file, exercise: s.id, pass, says });
      row('correct', true, 'correct');
      row('wrong', false, WRONG);
      row('broken', k > 1, k === 0 ? 'the exercise cell failed: ' : k === 1 ? 'broken on purpose' : 'correct');
      row('endless', !(k === 1 && lesson === LESSONS[0]), k === 1 && lesson === LESSONS[0] ? `past the ${TIMEOUT_S} s timeout` : 'correct');
    });
    for (const name of STUDENTS) {
      mkdirSync(join(submissions, name), { recursive: true });
      writeFileSync(join(submissions, name, file), `${JSON.stringify(student[name], null, 1)}\n`);
    }
  }
  before = fingerprint(submissions);
  started = Date.now();
  result = await run(['workshop', 'grade', submissions, '--out', report, '--lessons', '2,6', '--timeout-s', String(TIMEOUT_S), '--jobs', '2']);
}, 600_000);

describe('teaming-lab workshop grade', () => {
  it('finishes grading every notebook and exits 0', () => {
    expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
    expect(result.stdout).toContain(`Graded ${STUDENTS.length} students, ${STUDENTS.length * LESSONS.length} notebooks`);
    console.error(`workshop grade took ${Math.round((Date.now() - started) / 1000)} s:\n${result.stderr}`);
  });

  it('reports every student, notebook and exercise with the expected result and reason', () => {
    const [header, ...rows] = parseCsv(readFileSync(join(report, 'grades.csv'), 'utf8'));
    expect(header).toEqual(['student', 'notebook', 'exercise', 'pass', 'message']);
    const key = (r: { student: string; notebook: string; exercise: string }) => `${r.student} ${r.notebook} ${r.exercise}`;
    const got = new Map(rows.map(([student, notebook, exercise, pass, message]) => [key({ student, notebook, exercise }), { pass, message }]));
    expect([...got.keys()].sort()).toEqual(expected.map(key).sort());
    for (const e of expected) {
      const row = got.get(key(e))!;
      expect(`${key(e)}: ${row.pass}`, row.message).toBe(`${key(e)}: ${e.pass}`);
      expect(row.message, key(e)).toContain(e.says);
    }
  });

  it('writes a self-contained HTML page with each student and total', () => {
    const html = readFileSync(join(report, 'grades.html'), 'utf8');
    for (const name of STUDENTS) {
      const mine = expected.filter((e) => e.student === name);
      expect(html).toContain(`${name}: ${mine.filter((e) => e.pass).length} of ${mine.length} exercises passed`);
    }
    expect(html).not.toMatch(/<script|<link|src=/i);
  });

  it('leaves the submissions byte for byte as they were', () => {
    expect(fingerprint(submissions)).toEqual(before);
  });
});
