import { sourceNotebook } from './sourceNotebook';
import { writeCourseNotebooks } from './writeCourseNotebooks';
import type { WriteCourseNotebooksOptions } from './writeCourseNotebooks';

/** Options of `writeSourceNotebooks`: `outDir`, `fromDir` (default: the course notebooks), `force`. */
export type WriteSourceNotebooksOptions = WriteCourseNotebooksOptions;

/** One nbgrader source notebook written. */
export interface SourceFile {
  /** File name, e.g. `06-hyper-v-port-cap.ipynb`. */
  file: string;
  /** Ids of its exercises, each with a solution cell and a locked test cell. */
  exercises: string[];
}

/**
 * Writes the nbgrader source version (`sourceNotebook`) of every `.ipynb` in `fromDir` to `outDir`, for an
 * nbgrader course's `source/<assignment>/` folder. Nothing is half-written: the notebooks go to a temporary
 * folder next to `outDir`, which then replaces it in one rename.
 *
 * @throws InputError when `fromDir` is missing or has no notebooks (`--from`), when `outDir` is not empty
 * and `force` is not set, overlaps `fromDir`, or is a file (`OUT_DIR`), or when a notebook cannot be read or
 * converted (named by file and cell).
 */
export function writeSourceNotebooks(options: WriteSourceNotebooksOptions): SourceFile[] {
  const written = writeCourseNotebooks(
    options,
    (notebook, file) => {
      const result = sourceNotebook(notebook, { name: file });
      return { notebook: result.notebook, info: result.exercises.map((e) => e.id) };
    },
    'source',
  );
  return written.map(({ file, info }) => ({ file, exercises: info }));
}
