import { releaseNotebook } from './releaseNotebook';
import { writeCourseNotebooks } from './writeCourseNotebooks';
import type { WriteCourseNotebooksOptions } from './writeCourseNotebooks';

export { defaultCourseNotebooksDir } from './writeCourseNotebooks';

/** Options of `releaseStudentNotebooks`: `outDir`, `fromDir` (default: the course notebooks), `force`. */
export type ReleaseStudentNotebooksOptions = WriteCourseNotebooksOptions;

/** One student notebook written. */
export interface ReleasedFile {
  /** File name, e.g. `06-hyper-v-port-cap.ipynb`. */
  file: string;
  /** Ids of its exercises. */
  exercises: string[];
}

/**
 * Writes the student copy (`releaseNotebook`) of every `.ipynb` in `fromDir` to `outDir`. Nothing is
 * half-written: the copies go to a temporary folder next to `outDir`, which then replaces it in one rename.
 *
 * @throws InputError when `fromDir` is missing or has no notebooks (`--from`), when `outDir` is not empty
 * and `force` is not set, overlaps `fromDir`, or is a file (`OUT_DIR`), or when a notebook cannot be read or
 * released (named by file and cell).
 */
export function releaseStudentNotebooks(options: ReleaseStudentNotebooksOptions): ReleasedFile[] {
  const written = writeCourseNotebooks(
    options,
    (notebook, file) => {
      const result = releaseNotebook(notebook, { name: file });
      return { notebook: result.notebook, info: result.exercises.map((e) => e.id) };
    },
    'release',
  );
  return written.map(({ file, info }) => ({ file, exercises: info }));
}
