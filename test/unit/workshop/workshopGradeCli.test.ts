import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../lib/cli';
import { memoryIo } from '../cli/memoryIo';

// `workshop grade`'s own flags and the submissions folder are checked before any kernel starts: bad input
// exits 2 with one line naming the flag or folder, the value and what is allowed.

const root = mkdtempSync(join(tmpdir(), 'teaming-lab-grade-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
mkdirSync(join(root, 'loose-only'));
writeFileSync(join(root, 'loose-only', '02-x.ipynb'), '{}');

async function grade(args: string[]) {
  const { io, stdout, stderr } = memoryIo();
  const code = await runCli(['workshop', 'grade', ...args], io);
  return { code, stdout: stdout(), stderr: stderr() };
}

describe('teaming-lab workshop grade, bad input', () => {
  it.each([
    [['--lessons', '2,x'], '--lessons'],
    [['--lessons', '0'], '--lessons'],
    [['--lessons', '99'], '--lessons'],
    [['--memory-mib', '100'], '--memory-mib'],
    [['--cpu-s', '0'], '--cpu-s'],
    [['--jobs', '0'], '--jobs'],
    [['--processes', '8'], '--processes'],
    [['--disk-mib', '1e3'], '--disk-mib'],
  ])('%j exits 2 with one line naming %s', async (flags, name) => {
    const result = await grade([join(root, 'loose-only'), '--out', join(root, 'report'), ...flags]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(name);
  });

  it('refuses a folder with only loose notebooks, saying where they should go', async () => {
    const result = await grade([join(root, 'loose-only'), '--out', join(root, 'report')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("1 notebook(s) lie loose in it: put each in its student's folder");
  });

  it('documents the sandbox, the limits and what is reported in its help', async () => {
    const { io, stdout } = memoryIo();
    expect(await runCli(['workshop', '--help'], io)).toBe(0);
    for (const words of ['bubblewrap sandbox', '--memory-mib N', '--cpu-s N', '--processes N', '--disk-mib N', '--lessons LIST', 'loose notebooks', 'Graded S students, N notebooks']) expect(stdout()).toContain(words);
  });
});
