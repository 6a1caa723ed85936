import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { collectSubmissions } from '../../../lib/classroom';
import { runCli } from '../../../lib/cli';
import { InputError } from '../../../lib/InputError';
import { memoryIo } from '../cli/memoryIo';

// `workshop collect` reads folders that participants control. These tests build homes the way a participant
// could (links to other people's files and to system files, a FIFO that would block a reader, folders nested
// without end, names that are not participant names) and check that collect copies only each participant's
// own regular notebooks, read-only, and says in the manifest what it left out.

const root = mkdtempSync(join(tmpdir(), 'teaming-lab-collect-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let homes = '';
let out = '';
let secret = '';

const notebook = (text: string) => JSON.stringify({ cells: [{ cell_type: 'code', source: text, metadata: {}, outputs: [], execution_count: null }], metadata: {}, nbformat: 4, nbformat_minor: 5 });

beforeEach(() => {
  const dir = mkdtempSync(join(root, 'case-'));
  homes = join(dir, 'homes');
  out = join(dir, 'submissions');
  secret = join(dir, 'instructor-solutions.ipynb');
  writeFileSync(secret, notebook('the solutions'));
  mkdirSync(join(homes, 'ada', 'week1'), { recursive: true });
  mkdirSync(join(homes, 'bao'), { recursive: true });
  mkdirSync(join(homes, 'chen'), { recursive: true });
  writeFileSync(join(homes, 'ada', '02-lesson.ipynb'), notebook('ada answer'));
  writeFileSync(join(homes, 'ada', 'week1', '06-lesson.ipynb'), notebook('ada week 1'));
  writeFileSync(join(homes, 'ada', 'notes.txt'), 'not a notebook');
  mkdirSync(join(homes, 'ada', '.ipynb_checkpoints'));
  writeFileSync(join(homes, 'ada', '.ipynb_checkpoints', '02-lesson-checkpoint.ipynb'), notebook('old'));
  writeFileSync(join(homes, 'bao', '02-lesson.ipynb'), notebook('bao answer'));
});

describe('collectSubmissions', () => {
  it('copies each participant\'s notebooks, read-only, in the layout the grader reads, with a manifest', () => {
    const manifest = collectSubmissions({ homesDir: homes, outDir: out });
    expect(readdirSync(out).sort()).toEqual(['ada', 'bao', 'chen', 'manifest.json']);
    expect(readFileSync(join(out, 'ada', 'week1', '06-lesson.ipynb'), 'utf8')).toBe(notebook('ada week 1'));
    expect(statSync(join(out, 'bao', '02-lesson.ipynb')).mode & 0o777).toBe(0o444);
    // Checkpoints and other files are not submissions.
    expect(existsSync(join(out, 'ada', '.ipynb_checkpoints'))).toBe(false);
    expect(existsSync(join(out, 'ada', 'notes.txt'))).toBe(false);
    // chen saved nothing, but still has a folder, so the grader lists them as missing work rather than forgetting them.
    expect(readdirSync(join(out, 'chen'))).toEqual([]);
    expect(manifest.participants.map((p) => [p.name, p.notebooks.map((n) => n.path)])).toEqual([
      ['ada', ['02-lesson.ipynb', 'week1/06-lesson.ipynb']],
      ['bao', ['02-lesson.ipynb']],
      ['chen', []],
    ]);
    const onDisk = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(onDisk.participants[1].notebooks[0].sha256).toBe(createHash('sha256').update(notebook('bao answer')).digest('hex'));
    expect(onDisk.participants[1].notebooks[0].bytes).toBe(Buffer.byteLength(notebook('bao answer')));
  });

  it('never follows a link a participant planted, to another file or to a folder, and lists it as left out', () => {
    symlinkSync(secret, join(homes, 'bao', 'solutions.ipynb'));
    symlinkSync(join(homes, 'ada'), join(homes, 'bao', 'ada-folder'));
    symlinkSync('/etc', join(homes, 'bao', 'etc'));
    // A whole home replaced by a link: not a participant's folder at all.
    symlinkSync(join(homes, 'ada'), join(homes, 'dara'));
    const manifest = collectSubmissions({ homesDir: homes, outDir: out });
    const bao = manifest.participants.find((p) => p.name === 'bao')!;
    expect(bao.notebooks.map((n) => n.path)).toEqual(['02-lesson.ipynb']);
    expect(bao.skipped).toEqual([{ path: 'solutions.ipynb', reason: 'a symbolic link (not followed)' }]);
    expect(readdirSync(join(out, 'bao'))).toEqual(['02-lesson.ipynb']);
    expect(manifest.participants.map((p) => p.name)).toEqual(['ada', 'bao', 'chen']);
    expect(JSON.stringify(manifest)).not.toContain('the solutions');
  });

  it('skips a FIFO named like a notebook (it would block a reader), a too-large notebook and folders nested without end', () => {
    expect(spawnSync('mkfifo', [join(homes, 'chen', 'blocker.ipynb')]).status).toBe(0);
    writeFileSync(join(homes, 'bao', 'huge.ipynb'), 'x'.repeat(2000));
    let deep = join(homes, 'ada');
    for (let i = 0; i < 30; i++) deep = join(deep, 'd');
    mkdirSync(deep, { recursive: true });
    writeFileSync(join(deep, 'deep.ipynb'), notebook('deep'));
    const manifest = collectSubmissions({ homesDir: homes, outDir: out, maxNotebookBytes: 1000 });
    const byName = Object.fromEntries(manifest.participants.map((p) => [p.name, p]));
    expect(byName.chen.skipped).toEqual([{ path: 'blocker.ipynb', reason: 'not a regular file' }]);
    expect(byName.bao.skipped).toEqual([{ path: 'huge.ipynb', reason: 'larger than 1000 bytes (2000)' }]);
    expect(byName.ada.skipped).toHaveLength(1);
    expect(byName.ada.skipped[0].reason).toMatch(/^nested deeper than \d+ folders/);
  });

  it('refuses to overwrite a non-empty folder without force, and leaves no half-written folder', () => {
    mkdirSync(out);
    writeFileSync(join(out, 'keep.txt'), 'mine');
    expect(() => collectSubmissions({ homesDir: homes, outDir: out })).toThrow(InputError);
    expect(readdirSync(out)).toEqual(['keep.txt']);
    collectSubmissions({ homesDir: homes, outDir: out, force: true });
    expect(readdirSync(out).sort()).toEqual(['ada', 'bao', 'chen', 'manifest.json']);
    expect(readdirSync(join(out, '..')).filter((name) => name.includes('.collect-'))).toEqual([]);
    expect(() => collectSubmissions({ homesDir: join(homes, 'nowhere'), outDir: join(out, 'x') })).toThrow(/--classroom/);
    expect(() => collectSubmissions({ homesDir: homes, outDir: join(homes, 'ada', 'sub') })).toThrow(/outside the homes/);
  });

  it('runs as teaming-lab workshop collect, one line per participant', async () => {
    const classroom = join(homes, '..');
    const { io, stdout, stderr } = memoryIo();
    expect(await runCli(['workshop', 'collect', out, '--classroom', classroom], io), stderr()).toBe(0);
    expect(stdout()).toBe(['ada  2 notebook(s)', 'bao  1 notebook(s)', 'chen  0 notebook(s)', `Collected 3 notebooks of 3 participants into ${out}.`, ''].join('\n'));
    const again = memoryIo();
    expect(await runCli(['workshop', 'collect', out, '--classroom', classroom], again.io)).toBe(2);
    expect(again.stderr()).toMatch(/^teaming-lab: OUT_DIR: got ".*"; expected an empty or new folder, or --force to replace it\n$/);
  });
});
