// A workshop on the classroom hub, end to end: `teaming-lab classroom up` starts Debian's JupyterHub with a
// roster of five participants; each logs in in Chromium (a browser context of their own), opens the released
// lesson 2 in their Jupyter Notebook server, runs it, and saves; two of them first answer exercise 1 with the
// course's solution. Then `workshop collect` gathers the five notebooks and `workshop grade` grades them, and
// the report is checked row by row: exercise 1 passes for exactly those two, every other row fails. The hub is
// stopped in afterAll whatever happened, and the test checks that no process it started is left.
import { execFile, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classroomProcesses } from '../../lib/classroom';
import { cellText, exerciseOfCell } from '../../lib/workshop';
import type { Notebook } from '../../lib/workshop';
import { REPO_ROOT, ensureLibraryBuilt, ensureSystemDeps } from '../../scripts/jupyter-env';
import { launchChromium } from './support';

const LESSON = '02-nic-team-in-one-picture.ipynb';
const PARTICIPANTS = ['ada', 'bao', 'chen', 'dara', 'eli'];
/** The two who answer exercise 1 right. */
const ANSWERING = new Set(['bao', 'dara']);
const PASSWORD = 'shared-workshop-secret';
/** eli has a password of their own on the roster. */
const OWN_PASSWORD = 'eli-own-password';

const work = mkdtempSync(join(tmpdir(), 'teaming-lab-classroom-'));
const classroom = join(work, 'classroom');
const submissions = join(work, 'submissions');
const report = join(work, 'report');
let port = 0;
let browser: Browser | undefined;
let released: Notebook;
let exerciseIds: string[] = [];
let answerCellIndex = -1;
let answerSource = '';

const runFile = promisify(execFile);

/** Runs the teaming-lab CLI as a process; resolves with its exit code and output whatever the code. */
async function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const bin = join(REPO_ROOT, 'lib', 'bin', 'teaming-lab.js');
  try {
    const { stdout, stderr } = await runFile(process.execPath, [bin, ...args], { cwd: work, env: { ...process.env, ...env }, maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: unknown; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : null, stdout: failed.stdout ?? '', stderr: failed.stderr ?? String(error) };
  }
}

function portFree(candidate: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(candidate, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A port p with p, p + 1 and p + 2 free (the hub uses all three). */
async function freePortTriple(): Promise<number> {
  for (;;) {
    const candidate = 20000 + Math.floor(Math.random() * 40000);
    if ((await portFree(candidate)) && (await portFree(candidate + 1)) && (await portFree(candidate + 2))) return candidate;
  }
}

/** The rows of a CSV file, read with Python's csv module (RFC 4180, as the grader writes it). */
function readCsv(file: string): string[][] {
  const result = spawnSync('/usr/bin/python3', ['-c', 'import csv, json, sys; print(json.dumps(list(csv.reader(open(sys.argv[1], newline="")))))', file], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`cannot read ${file}: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

beforeAll(async () => {
  ensureSystemDeps({ chromium: true });
  ensureLibraryBuilt({ log: (m) => console.error(m) });
  // Lesson 2 only, released by the command itself, so that grading stays short.
  const course = join(work, 'course');
  mkdirSync(course);
  writeFileSync(join(course, LESSON), readFileSync(join(REPO_ROOT, 'notebooks', LESSON)));
  const release = await cli(['workshop', 'release', join(work, 'released'), '--from', course]);
  if (release.code !== 0) throw new Error(`workshop release failed: ${release.stderr}`);
  released = JSON.parse(readFileSync(join(work, 'released', LESSON), 'utf8'));
  exerciseIds = released.cells.flatMap((cell) => exerciseOfCell(cell)?.id ?? []);
  // Exercise 1's cell in the student copy, and the course notebook's cell with its solution.
  answerCellIndex = released.cells.findIndex((cell) => exerciseOfCell(cell)?.id === exerciseIds[0]);
  const courseNotebook: Notebook = JSON.parse(readFileSync(join(REPO_ROOT, 'notebooks', LESSON), 'utf8'));
  answerSource = cellText(courseNotebook.cells.find((cell) => exerciseOfCell(cell)?.id === exerciseIds[0])!);

  const roster = join(work, 'roster.csv');
  writeFileSync(roster, `# the five participants of the test\n${PARTICIPANTS.map((name) => (name === 'eli' ? `${name},${OWN_PASSWORD}` : name)).join('\n')}\n`);
  port = await freePortTriple();
  const up = await cli(['classroom', 'up', '--dir', classroom, '--port', String(port), '--roster', roster, '--notebooks', join(work, 'released')], {
    TEAMING_LAB_WORKSHOP_PASSWORD: PASSWORD,
  });
  if (up.code !== 0) throw new Error(`classroom up failed (${up.code}): ${up.stderr}${up.stdout}`);
  expect(up.stdout).toContain(`Classroom running at http://127.0.0.1:${port}/`);
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  const down = await cli(['classroom', 'down', '--dir', classroom]);
  const left = classroomProcesses(classroom);
  rmSync(work, { recursive: true, force: true });
  expect(down.code, down.stderr).toBe(0);
  expect(left, 'processes of the classroom still running after down').toEqual([]);
  expect(await portFree(port)).toBe(true);
}, 120_000);

/** Logs in through the hub's login form; resolves to the page where the hub sends the participant. */
async function logIn(name: string, password: string) {
  const context = await browser!.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  // Five servers and kernels start at once on a small machine: pages may take minutes, not seconds.
  page.setDefaultTimeout(240_000);
  page.setDefaultNavigationTimeout(240_000);
  await page.goto(`http://127.0.0.1:${port}/hub/login`);
  await page.fill('#username_input', name);
  await page.fill('#password_input', password);
  await Promise.all([page.waitForNavigation(), page.click('#login_submit')]);
  return { context, page };
}

describe('the classroom hub', () => {
  it('refuses a name off the roster, and the workshop password for a participant with their own', async () => {
    for (const [name, password] of [
      ['mallory', PASSWORD],
      ['eli', PASSWORD],
      ['ada', 'not-the-password'],
    ]) {
      const { context, page } = await logIn(name, password);
      expect(page.url(), `${name} got in`).toContain('/hub/login');
      await expect.poll(() => page.locator('.login_error').textContent()).toMatch(/invalid username or password/i);
      await context.close();
    }
  });

  it('five participants log in, run lesson 2 in their own server, two answer exercise 1; collect and grade give that, row by row', async () => {
    expect(exerciseIds.length).toBeGreaterThanOrEqual(2);
    // Two participants work at a time: all five servers end up running side by side, while the shared test
    // machine (two cores) does not have to start five TypeScript kernels in the same minute.
    const queue = [...PARTICIPANTS];
    const participant = async (name: string) => {
      const { context, page } = await logIn(name, name === 'eli' ? OWN_PASSWORD : PASSWORD);
      try {
        // The hub spawns the server and redirects to it (through the spawn-pending page).
        await page.waitForURL(new RegExp(`/user/${name}/tree`), { timeout: 180_000 });
        await page.goto(`http://127.0.0.1:${port}/user/${name}/notebooks/${LESSON}`, { waitUntil: 'domcontentloaded' });
        await page.waitForFunction(() => (window as any).Jupyter?.notebook?.kernel?.is_connected?.() === true, null, { timeout: 480_000 });
        if (ANSWERING.has(name)) {
          await page.evaluate(([index, source]) => (window as any).Jupyter.notebook.get_cell(index).set_text(source), [answerCellIndex, answerSource] as const);
        }
        await page.evaluate(() => (window as any).Jupyter.notebook.execute_all_cells());
        await page.waitForFunction(
          () => (window as any).Jupyter.notebook.get_cells().filter((c: any) => c.cell_type === 'code').every((c: any) => typeof c.input_prompt_number === 'number'),
          null,
          { timeout: 480_000, polling: 1000 },
        );
        await page.evaluate(() => (window as any).Jupyter.notebook.save_notebook());
        // Saved when the file in the participant's home holds the run's outputs.
        const file = join(classroom, 'homes', name, LESSON);
        await expect
          .poll(() => (JSON.parse(readFileSync(file, 'utf8')) as Notebook).cells.filter((c) => c.cell_type === 'code').every((c) => typeof c.execution_count === 'number'), {
            timeout: 60_000,
            interval: 500,
          })
          .toBe(true);
      } finally {
        await context.close();
      }
    };
    await Promise.all(
      [0, 1].map(async () => {
        for (let name = queue.shift(); name !== undefined; name = queue.shift()) await participant(name);
      }),
    );

    // Each participant's home holds their own copy: the answer is only in the two homes that wrote it.
    for (const name of PARTICIPANTS) {
      const notebook: Notebook = JSON.parse(readFileSync(join(classroom, 'homes', name, LESSON), 'utf8'));
      expect(cellText(notebook.cells[answerCellIndex]) === answerSource, name).toBe(ANSWERING.has(name));
    }

    const collect = await cli(['workshop', 'collect', submissions, '--classroom', classroom]);
    expect(collect.code, collect.stderr).toBe(0);
    expect(collect.stdout).toContain(`Collected ${PARTICIPANTS.length} notebooks of ${PARTICIPANTS.length} participants`);
    const manifest = JSON.parse(readFileSync(join(submissions, 'manifest.json'), 'utf8'));
    expect(manifest.participants.map((p: { name: string }) => p.name)).toEqual(PARTICIPANTS);
    for (const participant of manifest.participants) {
      expect(participant.notebooks.map((n: { path: string }) => n.path)).toEqual([LESSON]);
      const copy = join(submissions, participant.name, LESSON);
      expect(statSync(copy).mode & 0o777, 'read-only copy').toBe(0o444);
      expect(createHash('sha256').update(readFileSync(copy)).digest('hex')).toBe(participant.notebooks[0].sha256);
      // Compared as bytes in one call (an executed notebook carries megabytes of plotly.js; an element-wise diff would crawl).
      expect(readFileSync(copy).equals(readFileSync(join(classroom, 'homes', participant.name, LESSON))), participant.name).toBe(true);
    }

    const grade = await cli(['workshop', 'grade', submissions, '--out', report, '--lessons', '2', '--jobs', '2', '--timeout-s', '120']);
    expect(grade.code, grade.stderr).toBe(0);
    const [header, ...rows] = readCsv(join(report, 'grades.csv'));
    const column = (name: string) => header.indexOf(name);
    const graded = rows
      .filter((row) => row[column('notebook')] === LESSON)
      .map((row) => ({ student: row[column('student')], exercise: row[column('exercise')], pass: row[column('pass')] }));
    const expected = PARTICIPANTS.flatMap((student) =>
      exerciseIds.map((exercise, k) => ({ student, exercise, pass: k === 0 && ANSWERING.has(student) ? 'true' : 'false' })),
    );
    const key = (row: { student: string; exercise: string }) => `${row.student}/${row.exercise}`;
    expect(graded.sort((a, b) => key(a).localeCompare(key(b)))).toEqual(expected.sort((a, b) => key(a).localeCompare(key(b))));
  }, 2_400_000);
});
