// The learner's side of the notebooks, in real Jupyter: the workspace copy is never overwritten (only an
// explicit reset replaces it), the student workspace holds released copies without solutions, and
// `npm run notebooks:kernel` registers the kernel so that plain `jupyter nbconvert --execute` works with no
// JUPYTER_PATH or other setup.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PYTHON, REPO_ROOT, ensureLibraryBuilt, ensureSystemDeps } from '../../scripts/jupyter-env';
import { syncWorkspace } from '../../scripts/notebookWorkspace';
import { parseNotebookArgs } from '../../scripts/notebooks';
import { checks, plainText } from './outputs';

// A scratch repository: its own notebooks/ and workspace/, with lib/ linked for the student release.
mkdirSync(join(REPO_ROOT, '.cache'), { recursive: true });
const scratch = mkdtempSync(join(REPO_ROOT, '.cache', 'workspace-test-'));
const home = join(scratch, 'home');

beforeAll(() => {
  ensureSystemDeps();
  ensureLibraryBuilt({ log: (m) => console.error(m) });
  cpSync(join(REPO_ROOT, 'notebooks'), join(scratch, 'notebooks'), { recursive: true });
  mkdirSync(join(scratch, 'lib'), { recursive: true });
  cpSync(join(REPO_ROOT, 'lib', 'package.json'), join(scratch, 'lib', 'package.json'));
  cpSync(join(REPO_ROOT, 'lib', 'dist'), join(scratch, 'lib', 'dist'), { recursive: true });
  mkdirSync(home, { recursive: true });
}, 600_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const NB = '06-hyper-v-port-cap.ipynb';

/** Runs a command without blocking the test worker (a minutes-long synchronous spawn would). */
function run(command: string, args: string[], env: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, cwd: REPO_ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('npm run notebooks: the workspace', () => {
  it('copies the course notebooks once, keeps a learner’s edits on the next start, and replaces them only on --reset', () => {
    const first = syncWorkspace({ root: scratch, kind: 'course' });
    expect(first.copied).toContain(NB);
    const mine = join(first.dir, NB);
    writeFileSync(mine, readFileSync(mine, 'utf8').replace('"cells": [', '"cells": [{"cell_type": "markdown", "id": "mine", "metadata": {}, "source": ["my notes"]},'));
    const second = syncWorkspace({ root: scratch, kind: 'course' });
    expect(second.copied).toEqual([]);
    expect(readFileSync(mine, 'utf8')).toContain('my notes');
    const reset = syncWorkspace({ root: scratch, kind: 'course', reset: [NB] });
    expect(reset.copied).toEqual([NB]);
    expect(readFileSync(mine, 'utf8')).not.toContain('my notes');
    expect(() => syncWorkspace({ root: scratch, kind: 'course', reset: ['99-nope.ipynb'] })).toThrow(/--reset: no course notebook named 99-nope\.ipynb/);
  });

  it('--student opens released student copies: no solutions, the shared stub in every exercise cell', () => {
    const { dir, copied } = syncWorkspace({ root: scratch, kind: 'student' });
    expect(copied).toContain(NB);
    const text = readFileSync(join(dir, NB), 'utf8');
    expect(text).not.toMatch(/BEGIN SOLUTION|<summary>Solution<\/summary>/);
    expect(text).toContain('const ex06_1: any = undefined; // YOUR ANSWER HERE');
  }, 120_000);

  it('reads its command line, refusing unknown flags', () => {
    expect(parseNotebookArgs(['--student', '--reset', NB])).toMatchObject({ kind: 'student', reset: [NB] });
    expect(parseNotebookArgs(['--reset'])).toMatchObject({ kind: 'course', reset: true });
    expect(() => parseNotebookArgs(['--bogus'])).toThrow(/unknown argument --bogus/);
  });
});

describe('npm run notebooks:kernel', () => {
  it('registers tslab for the user, after which plain `jupyter nbconvert --execute` runs a lesson', async () => {
    const env = { HOME: home, PATH: '/usr/bin:/bin', LANG: 'C.UTF-8' };
    // The command a learner types (npm run notebooks:kernel), with this test's home folder as the user's.
    const register = await run(process.execPath, ['--import', './scripts/ts-loader.mjs', 'scripts/notebooks.ts', '--install-kernel'], env);
    expect(register.status, register.stderr).toBe(0);
    expect(register.stdout).toContain(`Registered the tslab TypeScript kernel in ${home}`);
    // A learner's copy inside the repository, where `teaming-lab` resolves through node_modules.
    const work = join(scratch, 'workspace', 'course');
    const convert = await run(PYTHON, ['-m', 'jupyter', 'nbconvert', '--to', 'notebook', '--execute', '--output', 'executed.ipynb', join(work, NB)], env);
    expect(convert.stderr).not.toMatch(/No such kernel/);
    expect(convert.status, convert.stderr).toBe(0);
    const executed = JSON.parse(readFileSync(join(work, 'executed.ipynb'), 'utf8')) as { cells: Array<{ outputs?: Array<Record<string, any>> }> };
    const lines = checks(executed.cells.flatMap((c) => c.outputs ?? []));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.filter((l) => l.result !== 'PASS')).toEqual([]);
    expect(plainText(executed.cells.flatMap((c) => c.outputs ?? []))).toMatch(/Finding 3: holds/);
  }, 600_000);
});
