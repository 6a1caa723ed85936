import { InputError } from '../InputError';
import { exercises as registry } from '../exercises';
import type { Exercise } from '../exercises';
import type { Notebook, NotebookCell } from './Notebook';
import { cellText, cloneJson, sourceLines } from './Notebook';
import { exerciseOfCell } from './exerciseCell';
import { SOLUTION_FOLD, splitSolutionFolds } from './solutionFolds';

import { BEGIN_SOLUTION, END_SOLUTION, answerStub } from '../notebook/solutionMarkers';

/** nbgrader's markers around a solution and the student stub: one definition, shared with the lesson parser. */
export { BEGIN_SOLUTION, END_SOLUTION, answerStub };
/** nbgrader's markers around hidden tests. */
export const BEGIN_HIDDEN_TESTS = /^[ \t]*\/\/ BEGIN HIDDEN TESTS[ \t]*$/;
export const END_HIDDEN_TESTS = /^[ \t]*\/\/ END HIDDEN TESTS[ \t]*$/;
/** Text that must not survive in a student copy. */
const LEAKS: Array<[RegExp, string]> = [
  [/\/\/ (BEGIN|END) SOLUTION/, 'a solution marker'],
  [/\/\/ (BEGIN|END) HIDDEN TESTS/, 'a hidden-tests marker'],
  [/<summary>\s*Solution\s*<\/summary>/i, 'a folded solution'],
];

/** Options of `releaseNotebook`. */
export interface ReleaseNotebookOptions {
  /** Names the notebook in errors, e.g. `06-hyper-v-port-cap.ipynb`. Default `notebook`. */
  name?: string;
  /** The exercises by id, for each one's answer variable. Default: the library's registry. */
  exercises?: Record<string, Exercise>;
}

/** An exercise cell of a released notebook. */
export interface ReleasedExercise {
  /** Exercise id, e.g. `ex-06-1`. */
  id: string;
  /** The variable the student assigns. */
  answerName: string;
  /** Position of the exercise cell in the released notebook. */
  cellIndex: number;
}

/** What `releaseNotebook` returns. */
export interface ReleasedNotebook {
  /** The student copy. */
  notebook: Notebook;
  /** Its exercise cells, in order. */
  exercises: ReleasedExercise[];
  /** How many Markdown cells were dropped because they held only a solution. */
  droppedCells: number;
}

/**
 * Makes the student copy of a course notebook. Pure: the input is not changed.
 *
 * - In code cells, every `// BEGIN SOLUTION` ... `// END SOLUTION` region (nbgrader's markers) becomes a stub
 *   that declares the exercise's answer variable as `undefined`, so the cell's check fails until answered
 *   (a second region in the same cell becomes `// YOUR CODE HERE`); every `// BEGIN HIDDEN TESTS` ...
 *   `// END HIDDEN TESTS` region is removed.
 * - In Markdown cells, every folded solution (`<details><summary>Solution</summary>` ... `</details>`, what a
 *   lesson's `<Solution>` becomes) is removed, and a cell left empty is dropped.
 * - Each exercise cell gets nbgrader's metadata for an autograded answer (`nbgrader.solution: true`,
 *   `grade_id` = the exercise id) and `teaming_lab: { exercise, answerName }`, and loses its outputs.
 *   Other cells are kept as they are.
 *
 * @throws InputError for an unmatched marker, an unclosed folded solution, a solution region whose answer
 * variable is unknown, or anything left that would show a solution.
 */
export function releaseNotebook(input: Notebook, options: ReleaseNotebookOptions = {}): ReleasedNotebook {
  const name = options.name ?? 'notebook';
  const known = options.exercises ?? registry;
  if (!input || !Array.isArray(input.cells)) throw new InputError(name, input, 'a Jupyter notebook (nbformat 4) with a cells list');
  const notebook = cloneJson(input);
  const cells: NotebookCell[] = [];
  const released: ReleasedExercise[] = [];
  let droppedCells = 0;
  notebook.cells.forEach((cell, index) => {
    const where = `${name} cell ${index}`;
    if (cell.cell_type === 'markdown') {
      const text = cellText(cell);
      const hasFold = text.split('\n').some((line) => SOLUTION_FOLD.test(line));
      if (!hasFold && cell.metadata?.teaming_lab?.solution !== true) {
        cells.push(cell);
        return;
      }
      const kept = cell.metadata?.teaming_lab?.solution === true ? '' : splitSolutionFolds(text, where).kept;
      if (kept.trim() === '') {
        droppedCells++;
        return;
      }
      cells.push({ ...cell, source: sourceLines(kept) });
      return;
    }
    if (cell.cell_type !== 'code') {
      cells.push(cell);
      return;
    }
    const exercise = exerciseOfCell(cell, known);
    const text = cellText(cell);
    let lines = removeRegions(text.split('\n'), BEGIN_HIDDEN_TESTS, END_HIDDEN_TESTS, where, 'HIDDEN TESTS', () => []);
    let stubbed = false;
    lines = removeRegions(lines, BEGIN_SOLUTION, END_SOLUTION, where, 'SOLUTION', (indent) => {
      if (exercise?.answerName !== undefined && !stubbed) {
        stubbed = true;
        return [answerStub(exercise.answerName, indent)];
      }
      if (exercise !== undefined && exercise.answerName === undefined) {
        throw new InputError(where, exercise.id, `an exercise known to the registry, or a check('${exercise.id}', answerVariable) call`);
      }
      return [`${indent}// YOUR CODE HERE`];
    });
    const changed = lines.join('\n') !== text;
    const next: NotebookCell = changed ? { ...cell, source: sourceLines(lines.join('\n')) } : cell;
    if (exercise !== undefined) {
      if (exercise.answerName === undefined) {
        throw new InputError(where, exercise.id, `an exercise known to the registry, or a check('${exercise.id}', answerVariable) call`);
      }
      next.metadata = {
        ...(next.metadata ?? {}),
        nbgrader: {
          ...(next.metadata?.nbgrader ?? {}),
          grade: false,
          grade_id: exercise.id,
          locked: false,
          schema_version: 3,
          solution: true,
          task: false,
        },
        teaming_lab: { ...(next.metadata?.teaming_lab ?? {}), exercise: exercise.id, answerName: exercise.answerName },
      };
      next.outputs = [];
      next.execution_count = null;
      released.push({ id: exercise.id, answerName: exercise.answerName, cellIndex: cells.length });
    }
    cells.push(next);
  });
  notebook.cells = cells;
  cells.forEach((cell, index) => {
    const text = cellText(cell);
    for (const [pattern, what] of LEAKS) {
      if (pattern.test(text)) throw new InputError(`${name} cell ${index} of the student copy`, text.split('\n').find((l) => pattern.test(l)), `no ${what} left (check the markers of that cell)`);
    }
  });
  return { notebook, exercises: released, droppedCells };
}

/** Replaces each region between a begin and an end marker line (both included) by `replace(indent)`. */
function removeRegions(
  lines: string[],
  begin: RegExp,
  end: RegExp,
  where: string,
  marker: string,
  replace: (indent: string) => string[],
): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (end.test(lines[i])) throw new InputError(where, lines[i].trim(), `// END ${marker} only after a // BEGIN ${marker} line`);
    if (!begin.test(lines[i])) {
      out.push(lines[i]);
      continue;
    }
    let j = i + 1;
    while (j < lines.length && !end.test(lines[j])) {
      if (begin.test(lines[j])) throw new InputError(where, lines[j].trim(), `// END ${marker} before the next // BEGIN ${marker}`);
      j++;
    }
    if (j >= lines.length) throw new InputError(where, lines[i].trim(), `a // BEGIN ${marker} line closed by // END ${marker}`);
    out.push(...replace(/^[ \t]*/.exec(lines[i])![0]));
    i = j;
  }
  return out;
}
