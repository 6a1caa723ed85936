import { exercises as registry } from '../exercises';
import type { Exercise } from '../exercises';
import type { NotebookCell } from './Notebook';
import { cellText } from './Notebook';

/** The exercise a code cell answers. */
export interface ExerciseCellInfo {
  /** Exercise id, e.g. `ex-06-1`. */
  id: string;
  /** The variable the cell assigns its answer to (`ex06_1`); undefined when neither the registry nor the
   * cell's `check(...)` call tells. */
  answerName?: string;
}

/** The call an exercise cell ends with: `check('ex-06-1', ex06_1)`. */
const CHECK_CALL = /\bcheck\(\s*(['"])(ex-[\w-]+)\1\s*,\s*([A-Za-z_$][\w$]*)\s*\)/;

/**
 * Tells whether a cell is an exercise cell and which exercise it answers. A code cell is one when its
 * metadata names the exercise (nbgrader's `grade_id` on a solution cell, or `teaming_lab.exercise`) or when
 * it calls `check('ex-..', answer)`, unless it is an autograder test cell (nbgrader `grade: true` without
 * `solution: true`, or `teaming_lab.test_of`). The answer variable comes from the exercise registry (the exercise's
 * `answerName`), else from the `check` call.
 *
 * @param known the exercises by id (default: the library's registry)
 */
export function exerciseOfCell(cell: NotebookCell, known: Record<string, Exercise> = registry): ExerciseCellInfo | undefined {
  if (cell.cell_type !== 'code') return undefined;
  const nbgrader = cell.metadata?.nbgrader;
  // An autograder test cell (nbgrader's grade: true without solution: true, as `workshop source` writes
  // after each exercise cell) calls check() on the answer but is not where the answer is written.
  if (cell.metadata?.teaming_lab?.test_of !== undefined || (nbgrader?.grade === true && nbgrader?.solution !== true)) return undefined;
  const call = CHECK_CALL.exec(cellText(cell));
  const fromMetadata =
    typeof cell.metadata?.teaming_lab?.exercise === 'string'
      ? (cell.metadata.teaming_lab.exercise as string)
      : nbgrader?.solution === true && typeof nbgrader.grade_id === 'string' && /^ex-[\w-]+$/.test(nbgrader.grade_id)
        ? (nbgrader.grade_id as string)
        : undefined;
  const id = fromMetadata ?? call?.[2];
  if (id === undefined) return undefined;
  const answerName =
    known[id]?.answerName ??
    (call && call[2] === id ? call[3] : undefined) ??
    (typeof cell.metadata?.teaming_lab?.answerName === 'string' ? (cell.metadata.teaming_lab.answerName as string) : undefined);
  return answerName === undefined ? { id } : { id, answerName };
}
