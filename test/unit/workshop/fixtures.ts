import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, expect } from 'vitest';
import * as library from '../../../lib';
import { runCli } from '../../../lib/cli';
import { InputError } from '../../../lib/InputError';
import { notebookText } from '../../../lib/workshop';
import type { Notebook, NotebookCell } from '../../../lib/workshop';
import * as lab from '../../../lib/index';
import { allBlocks } from '../../../scripts/lesson/allBlocks';
import { parseLesson } from '../../../scripts/lesson/parseLesson';
import { memoryIo } from '../cli/memoryIo';

// Fixtures shared by the workshop tests: the course notebooks on disk, cell builders, a cell runner, and the
// checks that `workshop release` and `workshop source` share (they write folders the same way).

/** The repository root. */
export const REPO = join(__dirname, '..', '..', '..');
/** The course notebooks folder. */
export const NOTEBOOKS = join(REPO, 'notebooks');
/** The course notebook file names, sorted. */
export const courseFiles = readdirSync(NOTEBOOKS).filter((f) => f.endsWith('.ipynb')).sort();

/** Reads one course notebook. */
export function readCourseNotebook(file: string): Notebook {
  return JSON.parse(readFileSync(join(NOTEBOOKS, file), 'utf8')) as Notebook;
}

/** The exercises of the lesson a course notebook was generated from, in lesson order. */
export function lessonExercisesOf(course: Notebook): Array<{ id: string; answerName: string; solution: string }> {
  const lessonFile = course.metadata?.teaming_lab?.generated_from as string;
  const lesson = parseLesson(readFileSync(join(REPO, lessonFile), 'utf8'), lessonFile, lab);
  return allBlocks(lesson).flatMap((b) => (b.kind === 'cell' && b.exercise ? [b.exercise] : []));
}

/** A fresh temporary folder, removed after the test file. */
export function scratchDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A Markdown cell. */
export const md = (text: string, metadata: Record<string, unknown> = {}): NotebookCell => ({ cell_type: 'markdown', metadata, source: text.split(/(?<=\n)/) });
/** A code cell; with outputs it looks as if it had run. */
export const code = (text: string, metadata: Record<string, unknown> = {}, outputs: NotebookCell['outputs'] = []): NotebookCell => ({
  cell_type: 'code',
  execution_count: outputs.length > 0 ? 3 : null,
  metadata,
  outputs,
  source: text.split(/(?<=\n)/),
});

/**
 * Runs TypeScript cell code in Node as tslab would run it after the cells before it: compiled to CommonJS,
 * 'teaming-lab' = the library, and `scope` giving the names earlier cells declared. Returns what it wrote
 * to console.log (check() prints there) and console.error (tslab shows it on stderr), and the value of the
 * variable named `capture`.
 */
export function runCell(source: string, scope: Record<string, unknown> = {}, capture?: string): { lines: string[]; errors: string[]; value?: unknown } {
  const tail = capture === undefined ? '' : `\n__capture(typeof ${capture} === 'undefined' ? undefined : ${capture});`;
  const js = ts.transpileModule(source + tail, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 } }).outputText;
  const lines: string[] = [];
  const errors: string[] = [];
  let value: unknown;
  const require = (name: string) => {
    if (name !== 'teaming-lab') throw new Error(`unexpected import ${name}`);
    return library;
  };
  const { log, error } = console;
  console.log = (...args: unknown[]) => lines.push(args.map(String).join(' '));
  console.error = (...args: unknown[]) => errors.push(args.map(String).join(' '));
  try {
    const names = Object.keys(scope);
    new Function('require', 'exports', '__capture', ...names, js)(require, {}, (v: unknown) => (value = v), ...names.map((n) => scope[n]));
  } finally {
    console.log = log;
    console.error = error;
  }
  return { lines, errors, value };
}

/** What a folder writer (`releaseStudentNotebooks`, `writeSourceNotebooks`) takes and returns. */
type WriteNotebooks = (options: { outDir: string; fromDir?: string; force?: boolean }) => Array<{ file: string }>;

/**
 * Checks that `write` put the transformed copy of every course notebook, and nothing else, into `out`, a
 * new folder `leaf` inside `parent`, and left no staging folder next to it.
 */
export function expectEveryCourseNotebookWritten(
  written: Array<{ file: string }>,
  parent: string,
  leaf: string,
  transform: (course: Notebook, file: string) => Notebook,
): void {
  const out = join(parent, leaf);
  expect(written.map((w) => w.file)).toEqual(courseFiles);
  expect(readdirSync(out).sort()).toEqual(courseFiles);
  for (const file of courseFiles) {
    expect(readFileSync(join(out, file), 'utf8')).toBe(notebookText(transform(readCourseNotebook(file), file)));
  }
  // No staging folder is left next to it.
  expect(readdirSync(parent)).toEqual([leaf]);
}

/** Checks that `write` refuses a non-empty folder unless forced, and then replaces its contents. */
export function expectRefusesBusyFolderUnlessForced(write: WriteNotebooks, scratch: string): void {
  const out = join(scratch, 'busy');
  mkdirSync(out);
  writeFileSync(join(out, 'notes.txt'), 'keep me');
  expect(() => write({ outDir: out })).toThrow(InputError);
  expect(readdirSync(out)).toEqual(['notes.txt']);
  write({ outDir: out, force: true });
  expect(readdirSync(out).sort()).toEqual(courseFiles);
  expect(readdirSync(scratch).filter((f) => f.startsWith('.'))).toEqual([]);
}

/** Checks that `write` writes nothing when b.ipynb (holding `badCell`) cannot be converted, and names its cell. */
export function expectWritesNothingOnBadNotebook(write: WriteNotebooks, scratch: string, badCell: Record<string, unknown>): void {
  const from = join(scratch, 'from-bad');
  mkdirSync(from);
  writeFileSync(join(from, 'a.ipynb'), JSON.stringify({ cells: [], metadata: {} }));
  writeFileSync(join(from, 'b.ipynb'), JSON.stringify({ cells: [badCell] }));
  expect(() => write({ outDir: join(scratch, 'out-bad'), fromDir: from })).toThrow('b.ipynb cell 0');
  expect(existsSync(join(scratch, 'out-bad'))).toBe(false);
}

/** Checks that each argv exits 2 with one stderr line matching its pattern, and nothing on stdout. */
export async function expectUsageErrors(cases: Array<[string[], RegExp]>): Promise<void> {
  for (const [argv, expected] of cases) {
    const { io, stdout, stderr } = memoryIo();
    expect(await runCli(argv, io), argv.join(' ')).toBe(2);
    expect(stderr().split('\n').filter(Boolean), argv.join(' ')).toHaveLength(1);
    expect(stderr(), argv.join(' ')).toMatch(expected);
    expect(stdout()).toBe('');
  }
}
