import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../lib/cli';
import { defaultCourseNotebooksDir, releaseNotebook, releaseStudentNotebooks } from '../../../lib/workshop';
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

// `workshop release` on disk: the student folder holds exactly the released notebooks, appears in one
// rename (no half-written folder), and is never written over by accident.

const scratch = scratchDir('teaming-lab-release-test-');

describe('releaseStudentNotebooks', () => {
  it("defaults to the repository's notebooks/ folder next to the package", () => {
    expect(defaultCourseNotebooksDir()).toBe(join(REPO, 'notebooks'));
  });

  it('writes the released copy of every course notebook, and nothing else, into a new folder', () => {
    const written = releaseStudentNotebooks({ outDir: join(scratch, 'new', 'students') });
    expectEveryCourseNotebookWritten(written, join(scratch, 'new'), 'students', (course, file) => releaseNotebook(course, { name: file }).notebook);
  });

  it('refuses a non-empty folder unless forced, and then replaces its contents', () => {
    expectRefusesBusyFolderUnlessForced(releaseStudentNotebooks, scratch);
  });

  it('accepts an existing empty folder', () => {
    const out = join(scratch, 'empty');
    mkdirSync(out);
    releaseStudentNotebooks({ outDir: out });
    expect(readdirSync(out)).toHaveLength(courseFiles.length);
  });

  it('names a missing --from folder, and refuses an output inside the course notebooks', () => {
    const missing = join(scratch, 'no-such-folder');
    expect(() => releaseStudentNotebooks({ outDir: join(scratch, 'x'), fromDir: missing })).toThrow(`--from: got ${JSON.stringify(missing)}`);
    expect(() => releaseStudentNotebooks({ outDir: join(REPO, 'notebooks', 'students'), force: true })).toThrow(/^OUT_DIR: /);
    expect(existsSync(join(scratch, 'x'))).toBe(false);
  });

  it('writes nothing when one notebook cannot be released', () => {
    expectWritesNothingOnBadNotebook(releaseStudentNotebooks, scratch, { cell_type: 'code', metadata: {}, source: '// BEGIN SOLUTION\nconst x = 1;' });
  });
});

describe('teaming-lab workshop (CLI)', () => {
  it('release writes the student notebooks and lists them, exit 0', async () => {
    const { io, stdout } = memoryIo();
    const out = join(scratch, 'cli-out');
    expect(await runCli(['workshop', 'release', out], io)).toBe(0);
    expect(stdout()).toContain(`Wrote ${courseFiles.length} student notebooks`);
    expect(readdirSync(out).sort()).toEqual(courseFiles);
  });

  it('exits 2 with one line naming the field for bad input', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['workshop'], /^teaming-lab: workshop subcommand: got nothing; expected release, source, grade or collect/],
      [['workshop', 'release'], /^teaming-lab: OUT_DIR: /],
      [['workshop', 'release', join(scratch, 'cli-out')], /^teaming-lab: OUT_DIR: got .*expected an empty or new folder \(or --force/],
      [['workshop', 'release', join(scratch, 'y'), '--out', 'z'], /^teaming-lab: workshop release options: got "--out"/],
      [['workshop', 'grade', scratch], /^teaming-lab: --out: got nothing/],
      [['workshop', 'grade', join(scratch, 'none'), '--out', join(scratch, 'r')], /^teaming-lab: SUBMISSIONS_DIR: got /],
      [['workshop', 'grade', scratch, '--out', join(scratch, 'r'), '--timeout-s', '0'], /^teaming-lab: --timeout-s: got "0"; expected a whole number from 1 to 3600\n$/],
      [['workshop', 'grade', scratch, '--out', join(scratch, 'r'), '--jobs', 'many'], /^teaming-lab: --jobs: got "many"/],
    ];
    await expectUsageErrors(cases);
  });

  it('documents both subcommands in its help and in the command list', async () => {
    const help = memoryIo();
    expect(await runCli(['workshop', '--help'], help.io)).toBe(0);
    expect(help.stdout()).toContain('teaming-lab workshop release OUT_DIR [--from DIR] [--force]');
    expect(help.stdout()).toContain('teaming-lab workshop grade SUBMISSIONS_DIR --out REPORT_DIR [--lessons LIST] [--timeout-s N]');
    const global = memoryIo();
    await runCli(['--help'], global.io);
    expect(global.stdout()).toMatch(/\n {2}workshop +release student notebooks/);
  });
});
