// `workshop grade` through the CLI on the inputs that used to abort grading for the whole class or make
// students vanish from the report (the CLI said 15 graded, the HTML 13), next to one honest student:
//   nullCells        {"cells":[null]}
//   badAnswerName    a cell naming an exercise the course does not have, with an answer name that is code
//   emptyFolder      a student folder with nothing in it
//   linkedNotebooks  a folder of symbolic links to another student's notebooks
//   linkedFolder     a symbolic link to another student's folder
//   truncatedJson    a notebook cut off mid-file
//   ESC[2Jclear      an empty folder whose name is an escape sequence that clears the terminal
//   and a loose notebook lying in the submissions folder itself
// Each costs only its own student's marks, with the reason in the report; the CLI and the HTML count the
// same students and totals; the terminal shows the escape sequence as text.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, ensureLibraryBuilt, ensureSystemDeps } from '../../scripts/jupyter-env';
import { ensureBubblewrap, runTeamingLab } from './gradeSandbox';

const LESSON = '02-nic-team-in-one-picture.ipynb';
const EXERCISES = 4; // lesson 2's
const CLEAR = '\u001b[2Jclear';
const STUDENTS = ['badAnswerName', 'emptyFolder', 'honest', 'linkedFolder', 'linkedNotebooks', 'nullCells', 'truncatedJson', CLEAR].sort();

const work = mkdtempSync(join(tmpdir(), 'teaming-lab-grade-malformed-'));
const submissions = join(work, 'submissions');
const report = join(work, 'report');
afterAll(() => rmSync(work, { recursive: true, force: true }));
let cli: { code: number | null; stdout: string; stderr: string };

function hand(student: string, text: string, file = LESSON): void {
  mkdirSync(join(submissions, student), { recursive: true });
  writeFileSync(join(submissions, student, file), text);
}

beforeAll(async () => {
  ensureSystemDeps();
  ensureBubblewrap();
  ensureLibraryBuilt({ log: (m) => console.error(m) });
  const course = readFileSync(join(REPO_ROOT, 'notebooks', LESSON), 'utf8');
  hand('honest', course);
  hand('nullCells', '{"cells":[null]}\n');
  hand(
    'badAnswerName',
    JSON.stringify({
      cells: [{ cell_type: 'code', execution_count: null, metadata: { teaming_lab: { exercise: 'ex-02-99', answerName: 'x); process.exit(1); (' } }, outputs: [], source: 'const x = 1;' }],
      metadata: { teaming_lab: { lesson: 2 } },
    }),
  );
  mkdirSync(join(submissions, 'emptyFolder'));
  mkdirSync(join(submissions, CLEAR));
  mkdirSync(join(submissions, 'linkedNotebooks'));
  symlinkSync(join(submissions, 'honest', LESSON), join(submissions, 'linkedNotebooks', LESSON));
  symlinkSync(join(submissions, 'honest'), join(submissions, 'linkedFolder'));
  hand('truncatedJson', '{"cells": [{"cell_type": "code", "sour');
  writeFileSync(join(submissions, LESSON), course);
  cli = await runTeamingLab(['workshop', 'grade', submissions, '--out', report, '--lessons', '2', '--jobs', '2'], work);
}, 600_000);

/** The CSV's rows (no field here holds a comma or quote but the messages, which come last). */
const csv = () =>
  readFileSync(join(report, 'grades.csv'), 'utf8')
    .trim()
    .split('\r\n')
    .slice(1)
    .map((line) => line.split(','));

describe('workshop grade on malformed input (CLI)', () => {
  it('finishes and counts every student, in the CLI and in the HTML alike', () => {
    expect(cli.code, `${cli.stdout}\n${cli.stderr}`).toBe(0);
    const total = STUDENTS.length * EXERCISES;
    expect(cli.stdout).toContain(`Graded ${STUDENTS.length} students, `);
    expect(cli.stdout).toContain(`: ${EXERCISES} of ${total} exercises passed.`);
    const html = readFileSync(join(report, 'grades.html'), 'utf8');
    expect(html).toContain(`<p>${STUDENTS.length} students, ${EXERCISES} of ${total} exercises passed.</p>`);
    for (const name of STUDENTS.filter((s) => s !== CLEAR)) expect(html).toContain(`${name}: ${name === 'honest' ? EXERCISES : 0} of ${EXERCISES} exercises passed`);
    expect([...new Set(csv().map((row) => row[0]))]).toEqual(STUDENTS);
    expect(csv()).toHaveLength(total);
  });

  it('gives each malformed submission its reason, on its own student only', () => {
    const message = (student: string) => csv().find((row) => row[0] === student)!.slice(4).join(',');
    expect(message('honest')).toMatch(/correct/);
    expect(message('nullCells')).toContain('not a valid notebook: cell 1: got null');
    expect(message('truncatedJson')).toContain('not a readable notebook');
    expect(message('linkedNotebooks')).toContain('not graded: a symbolic link');
    expect(message('linkedFolder')).toContain('not graded: the student folder is a symbolic link');
    expect(message('emptyFolder')).toBe('missing: no notebook for lesson 2 was handed in (expected 02-nic-team-in-one-picture.ipynb)');
    expect(message('badAnswerName')).toBe('no exercise cell for this exercise in the notebook (deleted or renamed?)');
  });

  it('lists the loose notebook and the other problems in the CLI output and the HTML', () => {
    expect(cli.stdout).toContain(`(no student folder): ${LESSON}: a loose notebook outside any student folder`);
    expect(cli.stdout).toContain('emptyFolder: emptyFolder: no notebooks in this folder');
    expect(cli.stdout).toContain('linkedFolder: linkedFolder: the student folder is a symbolic link');
    expect(cli.stdout).toContain('names exercise "ex-02-99", which the course does not have');
    const html = readFileSync(join(report, 'grades.html'), 'utf8');
    expect(html).toContain('Not graded as handed in');
    expect(html).toContain('a loose notebook outside any student folder');
  });

  it('shows a folder name holding an escape sequence as text on the terminal', () => {
    expect(cli.stdout + cli.stderr).not.toContain('\u001b');
    expect(cli.stdout).toContain('\\x1b[2Jclear: \\x1b[2Jclear: no notebooks in this folder');
  });
});
