import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { InputError } from '../InputError';
import { notebookText } from './Notebook';
import type { Notebook } from './Notebook';
import { packageRoot } from './jupyterKernel';

/** Options of `writeCourseNotebooks` (and of `releaseStudentNotebooks` and `writeSourceNotebooks`). */
export interface WriteCourseNotebooksOptions {
  /** Folder to write the notebooks to. Created if missing; must be empty unless `force`. */
  outDir: string;
  /** Folder of course notebooks. Default: `defaultCourseNotebooksDir()`. */
  fromDir?: string;
  /** Replace the contents of a non-empty `outDir`. Default false. */
  force?: boolean;
}

/** One notebook written, with what its transform reported about it. */
export interface WrittenNotebook<T> {
  /** File name, e.g. `06-hyper-v-port-cap.ipynb`. */
  file: string;
  /** What the transform returned besides the notebook. */
  info: T;
}

/** The repository's `notebooks/` folder, next to the package folder (`lib/`). */
export function defaultCourseNotebooksDir(): string {
  return join(dirname(packageRoot()), 'notebooks');
}

/** True when `inner` is `outer` or inside it. */
function within(inner: string, outer: string): boolean {
  const rel = relative(outer, inner);
  return !isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${sep}`);
}

/**
 * Writes `transform(notebook, file)` of every `.ipynb` in `fromDir` to `outDir`, under the same file names.
 * Nothing is half-written: every notebook is transformed first, then the results go to a temporary folder
 * next to `outDir` (named `.<OUT_DIR>.<tag>-...`), which then replaces it in one rename.
 *
 * @param tag names the temporary folder, e.g. `release`
 * @throws InputError when `fromDir` is missing or has no notebooks (`--from`), when `outDir` is not empty
 * and `force` is not set, overlaps `fromDir`, or is a file (`OUT_DIR`), or when a notebook cannot be read or
 * transformed (named by file and cell).
 */
export function writeCourseNotebooks<T>(
  options: WriteCourseNotebooksOptions,
  transform: (notebook: Notebook, file: string) => { notebook: Notebook; info: T },
  tag: string,
): Array<WrittenNotebook<T>> {
  const from = resolve(options.fromDir ?? defaultCourseNotebooksDir());
  const out = resolve(options.outDir);
  if (!existsSync(from) || !statSync(from).isDirectory()) {
    throw new InputError('--from', from, 'a folder of course notebooks (.ipynb); by default the notebooks/ folder next to the teaming-lab package');
  }
  const files = readdirSync(from).filter((f) => f.endsWith('.ipynb')).sort();
  if (files.length === 0) throw new InputError('--from', from, 'a folder holding at least one .ipynb notebook');
  if (within(out, from) || within(from, out)) throw new InputError('OUT_DIR', out, `a folder apart from the course notebooks (${from})`);
  if (existsSync(out)) {
    if (!statSync(out).isDirectory()) throw new InputError('OUT_DIR', out, 'a folder (this is a file)');
    if (readdirSync(out).length > 0 && !options.force) throw new InputError('OUT_DIR', out, 'an empty or new folder (or --force to replace its contents)');
  }
  const results = files.map((file) => {
    let notebook: Notebook;
    try {
      notebook = JSON.parse(readFileSync(join(from, file), 'utf8')) as Notebook;
    } catch (error) {
      throw new InputError(join(from, file), (error as Error).message, 'a notebook file in JSON');
    }
    const result = transform(notebook, file);
    return { file, text: notebookText(result.notebook), info: result.info };
  });

  mkdirSync(dirname(out), { recursive: true });
  const staging = mkdtempSync(join(dirname(out), `.${basename(out)}.${tag}-`));
  try {
    for (const r of results) writeFileSync(join(staging, r.file), r.text);
    if (existsSync(out)) {
      const old = `${staging}-old`;
      renameSync(out, old);
      renameSync(staging, out);
      rmSync(old, { recursive: true, force: true });
    } else {
      renameSync(staging, out);
    }
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  return results.map(({ file, info }) => ({ file, info }));
}
