// `workshop grade` against students who attack it, in real Jupyter with the tslab kernel in its bubblewrap
// sandbox. Each attacker hands in lesson 2 with an attack written the way a student would write it:
//   replaceCheck    replaces every exercise's check (and the check function) with one that always passes,
//                   answers nothing                                   -> every exercise FAILs ("no answer yet")
//   rewriteConsole  wraps console.log to turn FAIL into PASS and "pass":false into "pass":true, answers wrong
//                                                                     -> every exercise FAILs
//   snoop           looks for the grading files (../../grading, a walk of /), and for the submissions
//                   through /proc/*/cmdline and environ, and reads its own limits; solves the lesson
//                                                                     -> finds nothing of the grader; PASSes
//   escape          writes to the submissions folder (whose path it was told), over another student's
//                   notebook, into the library, /usr and the host's /tmp; solves the lesson
//                                                                     -> nothing outside changed; PASSes
//   network         connects to a server the test runs on 127.0.0.1, to outside addresses, resolves a name
//                                                                     -> no connection reached; PASSes
//   orphan          leaves a detached child process spinning on the CPU -> it dies with its kernel
// A second run with tight limits (15 CPU seconds, 2 GiB of address space, 300 s per cell) on a notebook of
// lesson 2's four solution cells:
//   memoryBomb      fills the heap in exercise 1; cpuHog spins the CPU in exercise 1
//                   -> exercise 1 FAILs ("the kernel died"), exercises 2 to 4 PASS in a fresh kernel
// The inputs that used to abort the class or make students vanish: workshop-grade-malformed.test.ts.
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exercises } from '../../lib/exercises';
import { answerStub, cellText, gradeSubmissions, releaseNotebook } from '../../lib/workshop';
import type { GradeSubmissionsResult, Notebook, NotebookCell } from '../../lib/workshop';
import { REPO_ROOT, ensureLibraryBuilt, ensureSystemDeps } from '../../scripts/jupyter-env';
import { ensureBubblewrap } from './gradeSandbox';
import { lessonExpectations } from './outputs';

const LESSON = '02-nic-team-in-one-picture.ipynb';
const IDS = ['ex-02-1', 'ex-02-2', 'ex-02-3', 'ex-02-4'];
const MARK = randomBytes(6).toString('hex');

const work = mkdtempSync(join(tmpdir(), 'teaming-lab-grade-attacks-'));
const server: { connections: number; port: number; close?: () => void } = { connections: 0, port: 0 };
afterAll(() => {
  server.close?.();
  rmSync(work, { recursive: true, force: true });
  if (attackRun?.workDir) rmSync(attackRun.workDir, { recursive: true, force: true });
  // Leave nothing spinning whatever happened: only the processes carrying this run's random mark.
  for (const pid of orphans()) process.kill(pid, 'SIGKILL');
});

/** Processes whose command line carries this run's mark (the orphan attack's spinner). */
function orphans(): number[] {
  const ps = spawnSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).stdout;
  return ps
    .split('\n')
    .filter((line) => line.includes(`tl-orphan-${MARK}`) && !line.includes('ps -eo'))
    .map((line) => Number(line.trim().split(/\s+/)[0]));
}

const course = (): Notebook => JSON.parse(readFileSync(join(REPO_ROOT, 'notebooks', LESSON), 'utf8'));
const released = (): Notebook => releaseNotebook(course(), { name: LESSON }).notebook;
const code = (source: string): NotebookCell => ({ cell_type: 'code', execution_count: null, metadata: {}, outputs: [], source });
/** The notebook with `cell` added before its first exercise cell. */
function withCellFirst(nb: Notebook, source: string): Notebook {
  const first = nb.cells.findIndex((c) => c.cell_type === 'code' && /check\('ex-02-1'/.test(cellText(c)));
  nb.cells.splice(first, 0, code(source));
  return nb;
}
/** A lesson 2 notebook of its four solution cells only (light on CPU), `prefix` at the start of the first. */
function solutionsOnly(prefix: string): Notebook {
  const solutions = lessonExpectations('content/02-nic-team-in-one-picture.mdx').exercises;
  expect(solutions.map((s) => s.id)).toEqual(IDS);
  return { cells: solutions.map((s, k) => code(k === 0 ? `${prefix}\n${s.solution}` : s.solution)), metadata: { teaming_lab: { lesson: 2 } }, nbformat: 4, nbformat_minor: 5 };
}
function hand(folder: string, student: string, nb: Notebook | string, file = LESSON): void {
  mkdirSync(join(folder, student), { recursive: true });
  writeFileSync(join(folder, student, file), typeof nb === 'string' ? nb : `${JSON.stringify(nb, null, 1)}\n`);
}
function fingerprint(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      const stat = statSync(path, { throwIfNoEntry: false });
      if (stat?.isDirectory()) walk(path);
      else out[relative(dir, path)] = stat ? createHash('sha256').update(readFileSync(path)).digest('hex') : 'dangling';
    }
  };
  walk(dir);
  return out;
}
const rowsOf = (result: GradeSubmissionsResult, student: string) => result.rows.filter((r) => r.student === student);

const attacks = join(work, 'attacks');
const limited = join(work, 'limited');
const libraryIndex = join(REPO_ROOT, 'lib', 'dist', 'index.js');
let attackRun: GradeSubmissionsResult;
let limitedRun: GradeSubmissionsResult;
let attacksBefore: Record<string, string> = {};
let libraryBefore = '';

const SNOOP = String.raw`import * as fs from 'fs';
import * as path from 'path';
const tlFound: Record<string, unknown> = {};
const tlProc: string[] = [];
for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
  for (const f of ['cmdline', 'environ']) {
    try { tlProc.push(fs.readFileSync('/proc/' + pid + '/' + f, 'utf8').replace(/\0/g, ' ')); } catch (e) { tlProc.push(pid + '/' + f + ': ' + (e as Error).message); }
  }
}
tlFound.proc = tlProc;
const tlNames: string[] = [];
const tlWalk = (dir: string, depth: number) => {
  if (depth > 8 || tlNames.length > 50000) return;
  let entries: fs.Dirent[] = [];
  try { entries = fs.readdirSync(dir, { withFileTypes: true }); } catch { return; }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (['/proc', '/sys', '/usr', '/dev', '/opt/teaming-lab/node_modules'].includes(p)) continue;
    tlNames.push(p);
    if (e.isDirectory()) tlWalk(p, depth + 1);
  }
};
tlWalk('/', 0);
tlFound.files = tlNames;
tlFound.relative = ['../../grading', '../grading', '../..', '../../submissions'].map((p) => { try { return fs.readdirSync(p); } catch (e) { return (e as Error).message; } });
tlFound.limits = fs.readFileSync('/proc/self/limits', 'utf8');
tlFound.env = process.env;
tlFound.argv = process.argv;
fs.writeFileSync('/home/student/findings.json', JSON.stringify(tlFound));`;

const escapeCell = (submissions: string, hostTmp: string) => String.raw`import * as fs from 'fs';
const tlTried: Record<string, string> = {};
const tlTry = (name: string, f: () => void) => { try { f(); tlTried[name] = 'written'; } catch (e) { tlTried[name] = (e as NodeJS.ErrnoException).code ?? String(e); } };
tlTry('submissions', () => fs.writeFileSync(${JSON.stringify(join(submissions, 'escape.txt'))}, 'x'));
tlTry('other student', () => fs.writeFileSync(${JSON.stringify(join(submissions, 'snoop', LESSON))}, '{"cells":[]}'));
tlTry('library', () => fs.appendFileSync('/opt/teaming-lab/lib/dist/index.js', '\nexports.exercises = {};\n'));
tlTry('usr', () => fs.writeFileSync('/usr/escape.txt', 'x'));
tlTry('host tmp', () => fs.writeFileSync(${JSON.stringify(hostTmp)}, 'x'));
tlTry('parent', () => fs.writeFileSync('../escape.txt', 'x'));
fs.writeFileSync('/home/student/tried.json', JSON.stringify(tlTried));`;

const networkCell = (port: number) => String.raw`import * as fs from 'fs';
import * as net from 'net';
import * as dns from 'dns';
const tlConnect = (host: string, port: number) => new Promise<string>((resolve) => {
  const s = net.connect(port, host);
  s.on('connect', () => { s.end(); resolve('connected'); });
  s.on('error', (e) => resolve((e as NodeJS.ErrnoException).code ?? 'error'));
  setTimeout(() => { s.destroy(); resolve('timeout'); }, 3000);
});
const tlAttempts = await Promise.all([tlConnect('127.0.0.1', ${port}), tlConnect('1.1.1.1', 80), tlConnect('104.16.0.35', 443)]);
const tlDns = await new Promise<string>((resolve) => dns.lookup('registry.npmjs.org', (e) => resolve(e ? (e.code ?? 'error') : 'resolved')));
fs.writeFileSync('/home/student/network.json', JSON.stringify({ attempts: tlAttempts, dns: tlDns }));`;

beforeAll(async () => {
  ensureSystemDeps();
  ensureBubblewrap();
  ensureLibraryBuilt({ log: (m) => console.error(m) });
  const listening: Server = createServer((socket) => {
    server.connections++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve));
  server.port = (listening.address() as { port: number }).port;
  server.close = () => listening.close();

  // Run 1: the attackers, and one honest student.
  const submissions = join(attacks, 'submissions');
  hand(submissions, 'honest', course());
  hand(
    submissions,
    'replaceCheck',
    withCellFirst(
      released(),
      `import * as tl from 'teaming-lab';
for (const e of Object.values(tl.exercises)) (e as any).check = () => ({ id: e.id, pass: true, message: e.id + ': correct' });
(tl as any).check = (id: string) => { console.log('PASS ' + id + ': correct'); return { id, pass: true, message: 'correct' }; };
const tlRequire = require('module').createRequire(process.cwd() + '/');
const tlLib = tlRequire('teaming-lab');
for (const e of Object.values(tlLib.exercises) as any[]) e.check = () => ({ id: e.id, pass: true, message: e.id + ': correct' });`,
    ),
  );
  const wrong = released();
  for (const id of IDS) {
    const name = exercises[id].answerName;
    const cell = wrong.cells.find((c) => cellText(c).includes(`check('${id}', ${name})`))!;
    cell.source = cellText(cell).replace(answerStub(name), `const ${name}: any = 'wrong';`);
    expect(cellText(cell)).toContain(`const ${name}: any = 'wrong';`);
  }
  hand(
    submissions,
    'rewriteConsole',
    withCellFirst(
      wrong,
      `const tlLog = console.log;
console.log = (...args: unknown[]) => tlLog(...args.map((a) => (typeof a === 'string' ? a.replace(/FAIL/g, 'PASS').replace(/"pass":false/g, '"pass":true').replace(/not yet[^"]*/g, 'correct') : a)));
process.stdout.write = ((chunk: any, ...rest: any[]) => (process.stdout as any)._write.call(process.stdout, String(chunk).replace(/FAIL/g, 'PASS'), ...rest)) as any;`,
    ),
  );
  hand(submissions, 'snoop', withCellFirst(course(), SNOOP));
  const hostTmp = join(tmpdir(), `teaming-lab-escape-${MARK}.txt`);
  hand(submissions, 'escape', withCellFirst(course(), escapeCell(submissions, hostTmp)));
  hand(submissions, 'network', withCellFirst(course(), networkCell(server.port)));
  hand(
    submissions,
    'orphan',
    withCellFirst(course(), `import { spawn } from 'child_process';\nspawn('/bin/sh', ['-c', 'while :; do :; done # tl-orphan-${MARK}'], { detached: true, stdio: 'ignore' }).unref();`),
  );
  attacksBefore = fingerprint(submissions);
  libraryBefore = createHash('sha256').update(readFileSync(libraryIndex)).digest('hex');
  attackRun = await gradeSubmissions({ submissionsDir: submissions, reportDir: join(attacks, 'report'), lessons: [2], timeoutSeconds: 60, jobs: 2, keepWorkDir: true, log: (l) => console.error(l) });

  // Run 2: limits hit.
  hand(join(limited, 'submissions'), 'memoryBomb', solutionsOnly('const tlHoard: number[][] = [];\nwhile (true) tlHoard.push(new Array(1_000_000).fill(Math.random()));'));
  hand(join(limited, 'submissions'), 'cpuHog', solutionsOnly('let tlSpin = 0;\nwhile (true) tlSpin++;'));
  limitedRun = await gradeSubmissions({
    submissionsDir: join(limited, 'submissions'),
    reportDir: join(limited, 'report'),
    lessons: [2],
    // The wall-clock timeout far above the CPU limit, so that the limit is what stops the loop.
    timeoutSeconds: 300,
    jobs: 2,
    limits: { cpuSeconds: 15, memoryMiB: 2048 },
    log: (l) => console.error(l),
  });
}, 1_500_000);

describe('workshop grade against attacking students', () => {
  it('grades the honest student in the same run: every exercise PASSes', () => {
    expect(rowsOf(attackRun, 'honest').map((r) => [r.exercise, r.pass])).toEqual(IDS.map((id) => [id, true]));
  });

  it('replacing check() in the kernel changes nothing: the verdict is computed outside it', () => {
    const rows = rowsOf(attackRun, 'replaceCheck');
    expect(rows.map((r) => [r.exercise, r.pass])).toEqual(IDS.map((id) => [id, false]));
    for (const row of rows) expect(row.message).toBe(exercises[row.exercise].check(undefined).message);
  });

  it('rewriting console.log output changes nothing: wrong answers stay FAIL', () => {
    const rows = rowsOf(attackRun, 'rewriteConsole');
    expect(rows.map((r) => [r.exercise, r.pass])).toEqual(IDS.map((id) => [id, false]));
  });

  it('the kernel sees no grading file, no submissions path, no other process and no grader environment', () => {
    const home = attackRun.workDir!;
    const findings = readFileSync(join(home, 'homes', String(attackRun.students.indexOf('snoop') + 1), 'findings.json'), 'utf8');
    const submissions = join(attacks, 'submissions');
    for (const secret of [submissions, attacks, work, home, 'grading.ipynb', 'executed.ipynb', 'sandbox.json', 'TEAMING_LAB_SANDBOX', 'JUPYTER_', '--bind']) {
      expect(findings.includes(secret), `the kernel found ${secret}`).toBe(false);
    }
    const found = JSON.parse(findings) as { proc: string[]; relative: unknown[]; limits: string; env: Record<string, string> };
    // Only the sandbox's own processes (bwrap's init and the kernel): cmdline and environ of each.
    // Only the sandbox's own few processes (bwrap's first process, the kernel and what it started).
    expect(found.proc.length).toBeLessThanOrEqual(10);
    expect(Object.keys(found.env).sort()).toEqual(['HOME', 'LANG', 'PATH', 'PWD', 'TMPDIR']);
    expect(found.limits).toMatch(/Max address space\s+4294967296\s+4294967296\s+bytes/);
    expect(found.limits).toMatch(/Max cpu time\s+600\s+605\s+seconds/);
    expect(rowsOf(attackRun, 'snoop').every((r) => r.pass)).toBe(true);
  });

  it('writing outside its own folder fails and changes nothing outside the sandbox', () => {
    const tried = JSON.parse(readFileSync(join(attackRun.workDir!, 'homes', String(attackRun.students.indexOf('escape') + 1), 'tried.json'), 'utf8')) as Record<string, string>;
    expect(tried.submissions).not.toBe('written');
    expect(tried['other student']).not.toBe('written');
    expect(tried.library).not.toBe('written');
    expect(tried.usr).not.toBe('written');
    expect(fingerprint(join(attacks, 'submissions'))).toEqual(attacksBefore);
    expect(createHash('sha256').update(readFileSync(libraryIndex)).digest('hex')).toBe(libraryBefore);
    expect(existsSync(join(tmpdir(), `teaming-lab-escape-${MARK}.txt`))).toBe(false);
    expect(rowsOf(attackRun, 'escape').every((r) => r.pass)).toBe(true);
  });

  it('has no network: nothing reaches a server on the host, no outside address, no name lookup', () => {
    const seen = JSON.parse(readFileSync(join(attackRun.workDir!, 'homes', String(attackRun.students.indexOf('network') + 1), 'network.json'), 'utf8')) as { attempts: string[]; dns: string };
    expect(seen.attempts).toHaveLength(3);
    expect(seen.attempts).not.toContain('connected');
    expect(seen.dns).not.toBe('resolved');
    expect(server.connections).toBe(0);
  });

  it('a detached process left spinning dies with its kernel', () => {
    expect(orphans()).toEqual([]);
    expect(rowsOf(attackRun, 'orphan').every((r) => r.pass)).toBe(true);
  });

  it('a memory bomb or a CPU loop hits the limit and costs only that exercise; grading goes on in a fresh kernel', () => {
    for (const student of ['memoryBomb', 'cpuHog']) {
      const rows = rowsOf(limitedRun, student);
      expect(rows.map((r) => [r.exercise, r.pass]), student).toEqual(IDS.map((id, k) => [id, k > 0]));
      expect(rows[0].message, student).toMatch(/kernel died|exercise cell failed: .*(heap|memory|allocation)/i);
    }
    expect(limitedRun.unfinished).toEqual([]);
  });
});
