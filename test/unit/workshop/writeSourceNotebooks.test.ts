import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../lib/cli';
import { sourceNotebook, writeSourceNotebooks } from '../../../lib/workshop';
import { memoryIo } from '../cli/memoryIo';
import {
  courseFiles,
  expectEveryCourseNotebookWritten,
  expectRefusesBusyFolderUnlessForced,
  expectUsageErrors,
  expectWritesNothingOnBadNotebook,
  REPO,
  scratchDir,
} from './fixtures';

// `workshop source` on disk: like `release`, the folder holds exactly the converted notebooks, appears in
// one rename, and is never written over by accident; bad input is one line and exit status 2.

const scratch = scratchDir('teaming-lab-source-test-');

describe('writeSourceNotebooks', () => {
  it('writes the source version of every course notebook, and nothing else, into a new folder', () => {
    const written = writeSourceNotebooks({ outDir: join(scratch, 'new', 'source') });
    expectEveryCourseNotebookWritten(written, join(scratch, 'new'), 'source', (course, file) => sourceNotebook(course, { name: file }).notebook);
    expect(written.reduce((n, w) => n + w.exercises.length, 0)).toBeGreaterThan(0);
  });

  it('refuses a non-empty folder unless forced, and then replaces its contents', () => {
    expectRefusesBusyFolderUnlessForced(writeSourceNotebooks, scratch);
  });

  it('writes nothing when one notebook cannot be converted', () => {
    // b.ipynb's exercise cell has no solution region, so nbgrader would publish its answer.
    expectWritesNothingOnBadNotebook(writeSourceNotebooks, scratch, { cell_type: 'code', metadata: {}, source: "const ex06_1 = 10;\ncheck('ex-06-1', ex06_1);" });
  });
});

describe('teaming-lab workshop source (CLI)', () => {
  it('writes the source notebooks and lists them, exit 0', async () => {
    const { io, stdout, stderr } = memoryIo();
    const out = join(scratch, 'cli-out');
    expect(await runCli(['workshop', 'source', out], io)).toBe(0);
    expect(stderr()).toBe('');
    expect(stdout()).toContain(`Wrote ${courseFiles.length} nbgrader source notebooks`);
    expect(readdirSync(out).sort()).toEqual(courseFiles);
  });

  it('reads --from and replaces a non-empty folder with --force', async () => {
    const from = join(scratch, 'from-one');
    mkdirSync(from);
    writeFileSync(join(from, courseFiles[0]), readFileSync(join(REPO, 'notebooks', courseFiles[0])));
    const out = join(scratch, 'cli-out');
    const { io } = memoryIo();
    expect(await runCli(['workshop', 'source', out, '--from', from, '--force'], io)).toBe(0);
    expect(readdirSync(out)).toEqual([courseFiles[0]]);
  });

  it('exits 2 with one line naming the field for bad input', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['workshop', 'source'], /^teaming-lab: OUT_DIR: /],
      [['workshop', 'source', join(scratch, 'a'), join(scratch, 'b')], /^teaming-lab: OUT_DIR: .*expected one output folder/],
      [['workshop', 'source', join(scratch, 'cli-out')], /^teaming-lab: OUT_DIR: got .*expected an empty or new folder \(or --force/],
      [['workshop', 'source', join(scratch, 'y'), '--from', join(scratch, 'none')], /^teaming-lab: --from: got /],
      [['workshop', 'source', join(scratch, 'y'), '--jobs', '2'], /^teaming-lab: workshop source options: got "--jobs"/],
      [['workshop', 'source', join(REPO, 'notebooks', 'inside')], /^teaming-lab: OUT_DIR: .*apart from the course notebooks/],
    ];
    await expectUsageErrors(cases);
    expect(existsSync(join(scratch, 'y'))).toBe(false);
    expect(existsSync(join(REPO, 'notebooks', 'inside'))).toBe(false);
  });

  it('documents the subcommand in its help', async () => {
    const help = memoryIo();
    expect(await runCli(['workshop', '--help'], help.io)).toBe(0);
    expect(help.stdout()).toContain('teaming-lab workshop source OUT_DIR [--from DIR] [--force]');
    expect(help.stdout()).toContain("c.ClearSolutions.code_stub = {'typescript': '// YOUR CODE HERE'}");
  });
});
