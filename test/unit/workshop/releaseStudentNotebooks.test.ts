import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../lib/cli';
import { InputError } from '../../../lib/InputError';
import { defaultCourseNotebooksDir, notebookText, releaseNotebook, releaseStudentNotebooks } from '../../../lib/workshop';
import { memoryIo } from '../cli/memoryIo';

// `workshop release` on disk: the student folder holds exactly the released notebooks, appears in one
// rename (no half-written folder), and is never written over by accident.

const REPO = join(__dirname, '..', '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'teaming-lab-release-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const courseFiles = readdirSync(join(REPO, 'notebooks')).filter((f) => f.endsWith('.ipynb')).sort();

describe('releaseStudentNotebooks', () => {
  it("defaults to the repository's notebooks/ folder next to the package", () => {
    expect(defaultCourseNotebooksDir()).toBe(join(REPO, 'notebooks'));
  });

  it('writes the released copy of every course notebook, and nothing else, into a new folder', () => {
    const out = join(scratch, 'new', 'students');
    const written = releaseStudentNotebooks({ outDir: out });
    expect(written.map((w) => w.file)).toEqual(courseFiles);
    expect(readdirSync(out).sort()).toEqual(courseFiles);
    for (const file of courseFiles) {
      const course = JSON.parse(readFileSync(join(REPO, 'notebooks', file), 'utf8'));
      expect(readFileSync(join(out, file), 'utf8')).toBe(notebookText(releaseNotebook(course, { name: file }).notebook));
    }
    // No staging folder is left next to it.
    expect(readdirSync(join(scratch, 'new'))).toEqual(['students']);
  });

  it('refuses a non-empty folder unless forced, and then replaces its contents', () => {
    const out = join(scratch, 'busy');
    mkdirSync(out);
    writeFileSync(join(out, 'notes.txt'), 'keep me');
    expect(() => releaseStudentNotebooks({ outDir: out })).toThrow(InputError);
    expect(readdirSync(out)).toEqual(['notes.txt']);
    releaseStudentNotebooks({ outDir: out, force: true });
    expect(readdirSync(out).sort()).toEqual(courseFiles);
    expect(readdirSync(scratch).filter((f) => f.startsWith('.'))).toEqual([]);
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
    const from = join(scratch, 'from-bad');
    mkdirSync(from);
    writeFileSync(join(from, 'a.ipynb'), JSON.stringify({ cells: [], metadata: {} }));
    writeFileSync(join(from, 'b.ipynb'), JSON.stringify({ cells: [{ cell_type: 'code', metadata: {}, source: '// BEGIN SOLUTION\nconst x = 1;' }] }));
    expect(() => releaseStudentNotebooks({ outDir: join(scratch, 'out-bad'), fromDir: from })).toThrow('b.ipynb cell 0');
    expect(existsSync(join(scratch, 'out-bad'))).toBe(false);
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
      [['workshop'], /^teaming-lab: workshop subcommand: got nothing; expected release, source or grade/],
      [['workshop', 'release'], /^teaming-lab: OUT_DIR: /],
      [['workshop', 'release', join(scratch, 'cli-out')], /^teaming-lab: OUT_DIR: got .*expected an empty or new folder \(or --force/],
      [['workshop', 'release', join(scratch, 'y'), '--out', 'z'], /^teaming-lab: workshop release options: got "--out"/],
      [['workshop', 'grade', scratch], /^teaming-lab: --out: got nothing/],
      [['workshop', 'grade', join(scratch, 'none'), '--out', join(scratch, 'r')], /^teaming-lab: SUBMISSIONS_DIR: got /],
      [['workshop', 'grade', scratch, '--out', join(scratch, 'r'), '--timeout-s', '0'], /^teaming-lab: --timeout-s: got "0"; expected a whole number from 1 to 3600\n$/],
      [['workshop', 'grade', scratch, '--out', join(scratch, 'r'), '--jobs', 'many'], /^teaming-lab: --jobs: got "many"/],
    ];
    for (const [argv, expected] of cases) {
      const { io, stdout, stderr } = memoryIo();
      expect(await runCli(argv, io), argv.join(' ')).toBe(2);
      expect(stderr().split('\n').filter(Boolean), argv.join(' ')).toHaveLength(1);
      expect(stderr(), argv.join(' ')).toMatch(expected);
      expect(stdout()).toBe('');
    }
  });

  it('documents both subcommands in its help and in the command list', async () => {
    const help = memoryIo();
    expect(await runCli(['workshop', '--help'], help.io)).toBe(0);
    expect(help.stdout()).toContain('teaming-lab workshop release OUT_DIR [--from DIR] [--force]');
    expect(help.stdout()).toContain('teaming-lab workshop grade SUBMISSIONS_DIR --out REPORT_DIR [--timeout-s N]');
    const global = memoryIo();
    await runCli(['--help'], global.io);
    expect(global.stdout()).toMatch(/\n {2}workshop +release student notebooks/);
  });
});
