// `workshop grade` against students who try to exhaust the grading machine, in real Jupyter with the tslab
// kernel in its bubblewrap sandbox (run as root here, the case where Linux ignores RLIMIT_NPROC unless the
// sandbox runs as another user). Each hands in lesson 2's four solution cells with an attack in front of
// exercise 1, written the way a student would write it:
//   forkBomb    the shell's classic fork bomb, :(){ :|:& };:       -> its forks fail at the process cap and
//               the bomb dies out (or the cell times out): exercise 1 FAILs with the reason, 2-4 PASS
//   spawnMany   starts 1000 `sleep` processes and counts how many it got, then answers exercise 1
//               -> fewer than the process cap start; the host's process count stays near its baseline
//   diskFill    writes a 2 GB file, then 2 GB in 32 MiB files to every folder it can name (its home,
//               /tmp, the kernel's socket folder, /, /dev, /opt), then one more 100 MiB file it does not
//               guard -> each place stops at its cap; exercise 1 FAILs with the write error; 2-4 PASS
// and one honest student, who PASSes everything in the same run. Afterwards nothing of the sandboxes is left
// running, and the host's disk did not take the writes (the sandbox's writable places are tmpfs).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_UID, gradeSubmissions, kernelLimits } from '../../lib/workshop';
import type { GradeSubmissionsResult, Notebook, NotebookCell } from '../../lib/workshop';
import { ensureLibraryBuilt, ensureSystemDeps } from '../../scripts/jupyter-env';
import { ensureBubblewrap, printedByKernel } from './gradeSandbox';
import { lessonExpectations } from './outputs';

const LESSON = '02-nic-team-in-one-picture.ipynb';
const IDS = ['ex-02-1', 'ex-02-2', 'ex-02-3', 'ex-02-4'];
const LIMITS = kernelLimits();
const MiB = 1024 * 1024;

const work = mkdtempSync(join(tmpdir(), 'teaming-lab-grade-exhaustion-'));
let run: GradeSubmissionsResult;
/** Processes on the host, sampled while grading. */
const hostProcesses: number[] = [];
let diskFreeBefore = 0;
let diskFreeAfter = 0;
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  if (run?.workDir) rmSync(run.workDir, { recursive: true, force: true });
});

const code = (source: string): NotebookCell => ({ cell_type: 'code', execution_count: null, metadata: {}, outputs: [], source });
/** Lesson 2's four solution cells, `attack` at the start of the first. */
function solutionsWith(attack: string): Notebook {
  const solutions = lessonExpectations('content/02-nic-team-in-one-picture.mdx').exercises;
  expect(solutions.map((s) => s.id)).toEqual(IDS);
  return { cells: solutions.map((s, k) => code(k === 0 ? `${attack}\n${s.solution}` : s.solution)), metadata: { teaming_lab: { lesson: 2 } }, nbformat: 4, nbformat_minor: 5 };
}
function hand(folder: string, student: string, nb: Notebook): void {
  mkdirSync(join(folder, student), { recursive: true });
  writeFileSync(join(folder, student, LESSON), `${JSON.stringify(nb, null, 1)}\n`);
}
const rowsOf = (student: string) => run.rows.filter((r) => r.student === student);
function countProcesses(): number {
  return readdirSync('/proc').filter((p) => /^\d+$/.test(p)).length;
}
/** Processes running as the sandbox's user, but those that ran before grading (a daemon running as
 * nobody): what a sandbox left behind. Zombies (state Z) are left out: they run nothing and hold no
 * memory, and a bwrap killed with its kernel is one until init reaps it. */
function sandboxLeftovers(): string[] {
  const ps = spawnSync('ps', ['-u', String(SANDBOX_UID), '-o', 'pid=,stat=,args='], { encoding: 'utf8' }).stdout;
  return ps.split('\n').filter((line) => line.trim() !== '' && !/^\s*\d+\s+Z/.test(line) && !runningBefore.has(line.trim().split(/\s+/)[0]));
}
const runningBefore = new Set<string>();
const printed = (tag: string) => printedByKernel(run.workDir!, tag);

const FORK_BOMB = String.raw`import { execSync } from 'child_process';
execSync(':(){ :|:& };:', { shell: '/bin/sh', stdio: 'ignore' });`;

const SPAWN_MANY = String.raw`import { spawn } from 'child_process';
import type { ChildProcess } from 'child_process';
const tlChildren: ChildProcess[] = [];
let tlRefused = '';
for (let i = 0; i < 1000 && !tlRefused; i++) {
  const child = spawn('/bin/sleep', ['300'], { stdio: 'ignore' });
  tlRefused = await new Promise<string>((resolve) => { child.once('spawn', () => resolve('')); child.once('error', (e) => resolve((e as NodeJS.ErrnoException).code ?? String(e))); });
  if (!tlRefused) tlChildren.push(child);
}
console.log('TL-SPAWNED ' + JSON.stringify({ started: tlChildren.length, refused: tlRefused }));
for (const child of tlChildren) child.kill('SIGKILL');`;

const DISK_FILL = String.raw`import * as fs from 'fs';
const tlMiB = Buffer.alloc(1024 * 1024, 120);
const tlFill = (path: string, mib: number) => {
  let written = 0;
  let error = '';
  let fd: number | undefined;
  try {
    fd = fs.openSync(path, 'w');
    for (; written < mib; written++) fs.writeSync(fd, tlMiB);
  } catch (e) {
    error = (e as NodeJS.ErrnoException).code ?? String(e);
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
  return { written, error };
};
const tlDisk: Record<string, { written: number; error: string }> = {};
tlDisk.oneFile = tlFill('/home/student/two-gigabytes.bin', 2048);
try { fs.unlinkSync('/home/student/two-gigabytes.bin'); } catch {}
for (const dir of ['/home/student', '/tmp', '/run/kernel', '/', '/dev', '/dev/shm', '/opt', '/run/handed-in']) {
  const total = { written: 0, error: '' };
  for (let k = 0; k < 64 && !total.error; k++) {
    const r = tlFill(dir + '/fill-' + k + '.bin', 32);
    total.written += r.written;
    total.error = r.error;
  }
  tlDisk[dir] = total;
}
console.log('TL-DISK ' + JSON.stringify(tlDisk));
fs.writeFileSync('/home/student/one-more.bin', Buffer.alloc(100 * 1024 * 1024, 120));`;

beforeAll(async () => {
  ensureSystemDeps();
  ensureBubblewrap();
  ensureLibraryBuilt({ log: (m) => console.error(m) });
  const submissions = join(work, 'submissions');
  hand(submissions, 'honest', solutionsWith(''));
  hand(submissions, 'forkBomb', solutionsWith(FORK_BOMB));
  hand(submissions, 'spawnMany', solutionsWith(SPAWN_MANY));
  hand(submissions, 'diskFill', solutionsWith(DISK_FILL));
  for (const line of sandboxLeftovers()) runningBefore.add(line.trim().split(/\s+/)[0]);
  diskFreeBefore = statfsSync(tmpdir()).bavail * statfsSync(tmpdir()).bsize;
  hostProcesses.push(countProcesses());
  const sampler = setInterval(() => hostProcesses.push(countProcesses()), 250);
  try {
    run = await gradeSubmissions({ submissionsDir: submissions, reportDir: join(work, 'report'), lessons: [2], timeoutSeconds: 40, jobs: 2, keepWorkDir: true, log: (l) => console.error(l) });
  } finally {
    clearInterval(sampler);
  }
  diskFreeAfter = statfsSync(tmpdir()).bavail * statfsSync(tmpdir()).bsize;
}, 900_000);

describe('workshop grade against students who try to exhaust the machine', () => {
  it('grades the honest student in the same run: every exercise PASSes', () => {
    expect(rowsOf('honest').map((r) => [r.exercise, r.pass])).toEqual(IDS.map((id) => [id, true]));
  });

  it('a fork bomb costs only its own exercise, with the reason in the report; the rest PASS in a fresh kernel', () => {
    const rows = rowsOf('forkBomb');
    expect(rows.map((r) => [r.exercise, r.pass])).toEqual(IDS.map((id, k) => [id, k > 0]));
    expect(rows[0].message).toMatch(/exercise cell failed: Error: Command failed|timeout|kernel died/i);
  });

  it('a sandbox gets fewer processes than its cap, and the host process count stays near its baseline', () => {
    const spawned = printed('TL-SPAWNED') as { started: number; refused: string };
    expect(spawned.refused).toBe('EAGAIN');
    expect(spawned.started).toBeGreaterThan(0);
    expect(spawned.started).toBeLessThan(LIMITS.processes);
    expect(rowsOf('spawnMany').every((r) => r.pass)).toBe(true);
    // Two kernels at once, each capped; other helpers' processes come and go, hence the slack.
    expect(Math.max(...hostProcesses) - hostProcesses[0]).toBeLessThan(2 * LIMITS.processes + 300);
  });

  it('writes stop at each cap: one file at the file-size limit, the home and /tmp at their sizes, the rest read-only', () => {
    const disk = printed('TL-DISK') as Record<string, { written: number; error: string }>;
    expect(disk.oneFile).toEqual({ written: LIMITS.fileMiB, error: 'EFBIG' });
    expect(disk['/home/student'].error).toBe('ENOSPC');
    expect(disk['/home/student'].written).toBeLessThanOrEqual(LIMITS.diskMiB + 2);
    expect(disk['/tmp']).toEqual({ written: expect.any(Number), error: 'ENOSPC' });
    expect(disk['/tmp'].written).toBeLessThanOrEqual(LIMITS.tmpMiB);
    expect(disk['/run/kernel'].written).toBeLessThanOrEqual(1);
    for (const dir of ['/', '/dev', '/dev/shm', '/opt', '/run/handed-in']) expect(disk[dir], dir).toEqual({ written: 0, error: 'EROFS' });
    const rows = rowsOf('diskFill');
    expect(rows.map((r) => [r.exercise, r.pass])).toEqual(IDS.map((id, k) => [id, k > 0]));
    expect(rows[0].message).toMatch(/ENOSPC|EFBIG|file too large|no space/i);
  });

  it('leaves the machine as it was: no sandbox process left, the host disk did not take the writes', () => {
    expect(sandboxLeftovers()).toEqual([]);
    expect(run.unfinished).toEqual([]);
    // The attacks wrote over 4 GB; a tmpfs took what was allowed. Other helpers write too, hence 1 GB.
    expect(diskFreeBefore - diskFreeAfter).toBeLessThan(1024 * MiB);
  });
});
