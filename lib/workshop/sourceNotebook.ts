import { InputError } from '../InputError';
import { exercises as registry } from '../exercises';
import type { Exercise } from '../exercises';
import type { Notebook, NotebookCell } from './Notebook';
import { cellText, cloneJson, sourceLines } from './Notebook';
import { exerciseOfCell } from './exerciseCell';
import { BEGIN_HIDDEN_TESTS, BEGIN_SOLUTION, END_HIDDEN_TESTS, END_SOLUTION } from './releaseNotebook';
import { SOLUTION_FOLD, splitSolutionFolds } from './solutionFolds';

/** Points nbgrader's autograde gives for an exercise whose test cell runs without error. */
export const TEST_CELL_POINTS = 1;

/** Options of `sourceNotebook`. */
export interface SourceNotebookOptions {
  /** Names the notebook in errors, e.g. `06-hyper-v-port-cap.ipynb`. Default `notebook`. */
  name?: string;
  /** The exercises by id, for each one's answer variable. Default: the library's registry. */
  exercises?: Record<string, Exercise>;
}

/** An exercise of an nbgrader source notebook. */
export interface SourceExercise {
  /** Exercise id, e.g. `ex-06-1`; the solution cell's `grade_id`. */
  id: string;
  /** The variable the exercise cell assigns and the test cell checks. */
  answerName: string;
  /** Position of the exercise (solution) cell in the source notebook. */
  cellIndex: number;
  /** Position of its autograder test cell (the next cell); its `grade_id` is `<id>-test`. */
  testCellIndex: number;
}

/** What `sourceNotebook` returns. */
export interface SourceNotebook {
  /** The nbgrader source version. */
  notebook: Notebook;
  /** Its exercises, in order. */
  exercises: SourceExercise[];
}

/**
 * The locked autograder test cell for one exercise: it runs the library's `check` on the answer variable
 * (undefined when the exercise cell failed and never declared it) and, when the answer does not pass or
 * the check throws, writes one line to stderr. nbgrader's autograde (0.7 and later) gives a test cell no
 * points when it has an error or stderr output, and its points otherwise.
 *
 * The cell reports on stderr instead of throwing on purpose: tslab answers every execute request that
 * reaches it within 200 ms of an error with "abort" (tslab issue 19), whatever the client asks, so a
 * throwing test cell would make the next exercise's cells skip, and nbgrader counts a test cell that never
 * ran (no output) as passed. tslab shows a thrown error on stderr too, so the grade is the same.
 */
export function autograderTestSource(id: string, answerName: string): string {
  if (!/^[A-Za-z_$][\w$]*$/.test(answerName)) throw new InputError('answerName', answerName, 'a JavaScript identifier');
  if (!/^[\w-]+$/.test(id)) throw new InputError('id', id, 'an exercise id such as ex-06-1');
  return [
    `// Autograder test for ${id} (nbgrader, locked): a line on stderr means no points. It does not throw,`,
    '// because tslab skips the cells sent in the 200 ms after an error and nbgrader would pass those.',
    "import { check } from 'teaming-lab';",
    '{',
    '  let tlTestPassed = false;',
    '  try {',
    `    // @ts-ignore: ${answerName} is not declared when the exercise cell failed`,
    `    tlTestPassed = check('${id}', typeof ${answerName} === 'undefined' ? undefined : ${answerName}).pass === true;`,
    '  } catch (tlTestError) {',
    `    console.error('${id}: the check failed: ' + (tlTestError instanceof Error ? tlTestError.message : String(tlTestError)));`,
    '  }',
    `  if (!tlTestPassed) console.error('${id}: not answered correctly yet (see the FAIL line above)');`,
    '}',
  ].join('\n');
}

/** A region between a begin and an end marker line: the line numbers of both markers. */
interface Region {
  begin: number;
  end: number;
}

/** The regions between `begin` and `end` marker lines; throws for a marker without its partner. */
function markerRegions(lines: string[], begin: RegExp, end: RegExp, where: string, marker: string): Region[] {
  const regions: Region[] = [];
  let open = -1;
  lines.forEach((line, index) => {
    if (begin.test(line)) {
      if (open >= 0) throw new InputError(where, line.trim(), `// END ${marker} before the next // BEGIN ${marker}`);
      open = index;
    } else if (end.test(line)) {
      if (open < 0) throw new InputError(where, line.trim(), `// END ${marker} only after a // BEGIN ${marker} line`);
      regions.push({ begin: open, end: index });
      open = -1;
    }
  });
  if (open >= 0) throw new InputError(where, lines[open].trim(), `a // BEGIN ${marker} line closed by // END ${marker}`);
  return regions;
}

/** A Markdown solution turned into comment lines, wrapped near 100 columns, under a one-line heading. */
function explanationComment(folds: string[], indent: string): string[] {
  const out = [`${indent}// Explanation (the lesson's folded solution):`];
  const width = 100 - indent.length - 3;
  for (const line of folds.join('\n\n').split('\n')) {
    if (line.trim() === '') {
      out.push(`${indent}//`);
      continue;
    }
    let rest = line.trimEnd();
    while (rest.length > width) {
      const cut = rest.lastIndexOf(' ', width);
      if (cut <= 0) break;
      out.push(`${indent}// ${rest.slice(0, cut)}`);
      rest = rest.slice(cut + 1);
    }
    out.push(`${indent}// ${rest}`);
  }
  while (out[out.length - 1] === `${indent}//`) out.pop();
  return out;
}

/** An exercise cell being built, waiting for the folded solutions that follow it. */
interface PendingExercise {
  cell: NotebookCell;
  lines: string[];
  /** Line of the last `// END SOLUTION` in `lines`. */
  endLine: number;
  folds: string[];
}

/**
 * Makes the nbgrader *source* version of a course notebook. Pure: the input is not changed.
 *
 * - Each exercise cell (see `exerciseOfCell`) keeps its solution between `// BEGIN SOLUTION` and
 *   `// END SOLUTION`, which nbgrader's `generate_assignment` replaces by its stub; the folded solution that
 *   follows it in Markdown (`<details><summary>Solution</summary>` ..., what a lesson's `<Solution>`
 *   becomes) moves into its last solution region as comment lines, so the explanation stays with the
 *   solution and leaves the student version with it. The cell gets nbgrader's metadata for an autograded
 *   answer (`solution: true`, `grade: false`, `grade_id` = the exercise id) and loses its outputs.
 * - After each exercise cell comes a locked autograder test cell (`autograderTestSource`; `grade: true`,
 *   `points: 1`, `grade_id: '<id>-test'`) that reports a wrong answer on stderr, which also receives any `// BEGIN HIDDEN TESTS` region of the
 *   exercise cell (nbgrader allows hidden tests only in test cells).
 * - Markdown cells lose their folded solutions (a cell left empty is dropped). Other cells are kept.
 *
 * @throws InputError for an exercise cell without a solution region or with an unknown answer variable,
 * an exercise met twice, an unmatched marker, a folded solution before any exercise cell, or a marker left
 * in a cell nbgrader would reject it in.
 */
export function sourceNotebook(input: Notebook, options: SourceNotebookOptions = {}): SourceNotebook {
  const name = options.name ?? 'notebook';
  const known = options.exercises ?? registry;
  if (!input || !Array.isArray(input.cells)) throw new InputError(name, input, 'a Jupyter notebook (nbformat 4) with a cells list');
  const notebook = cloneJson(input);
  const cells: NotebookCell[] = [];
  const found: SourceExercise[] = [];
  const seen = new Set<string>();
  const ids = new Set(notebook.cells.map((cell) => cell.id).filter((id): id is string => typeof id === 'string'));
  let pending: PendingExercise | undefined;
  const finish = () => {
    if (pending === undefined) return;
    if (pending.folds.length > 0) {
      const indent = /^[ \t]*/.exec(pending.lines[pending.endLine])![0];
      pending.lines.splice(pending.endLine, 0, ...explanationComment(pending.folds, indent));
    }
    pending.cell.source = sourceLines(pending.lines.join('\n'));
    pending = undefined;
  };

  notebook.cells.forEach((cell, index) => {
    const where = `${name} cell ${index}`;
    if (cell.cell_type === 'markdown') {
      const text = cellText(cell);
      const wholeSolution = cell.metadata?.teaming_lab?.solution === true;
      if (!wholeSolution && !text.split('\n').some((line) => SOLUTION_FOLD.test(line))) {
        cells.push(cell);
        return;
      }
      const { kept, folds } = wholeSolution ? { kept: '', folds: [text.trim()] } : splitSolutionFolds(text, where);
      if (pending === undefined) throw new InputError(where, text.split('\n').find((l) => SOLUTION_FOLD.test(l)) ?? text, 'a folded solution after the exercise cell it explains');
      for (const fold of folds) {
        const marker = fold.split('\n').find((line) => /(BEGIN|END) (SOLUTION|HIDDEN TESTS)/.test(line));
        if (marker !== undefined) throw new InputError(where, marker.trim(), 'a folded solution that does not spell nbgrader\'s markers (they would end the solution region early)');
        if (fold !== '') pending.folds.push(fold);
      }
      if (kept.trim() !== '') cells.push({ ...cell, source: sourceLines(kept) });
      return;
    }
    if (cell.cell_type !== 'code') {
      cells.push(cell);
      return;
    }
    const exercise = exerciseOfCell(cell, known);
    const lines = cellText(cell).split('\n');
    const solutions = markerRegions(lines, BEGIN_SOLUTION, END_SOLUTION, where, 'SOLUTION');
    const hidden = markerRegions(lines, BEGIN_HIDDEN_TESTS, END_HIDDEN_TESTS, where, 'HIDDEN TESTS');
    if (exercise === undefined) {
      if (solutions.length > 0 || hidden.length > 0) {
        throw new InputError(where, lines[(solutions[0] ?? hidden[0]).begin].trim(), "solution and hidden-test markers only in an exercise cell (one that calls check('ex-..', answer))");
      }
      cells.push(cell);
      return;
    }
    finish();
    if (exercise.answerName === undefined) {
      throw new InputError(where, exercise.id, `an exercise known to the registry, or a check('${exercise.id}', answerVariable) call`);
    }
    if (seen.has(exercise.id)) throw new InputError(where, exercise.id, 'each exercise once per notebook (nbgrader needs a unique grade_id)');
    seen.add(exercise.id);
    if (solutions.length === 0) throw new InputError(where, exercise.id, 'an exercise cell with its solution between // BEGIN SOLUTION and // END SOLUTION lines');
    const hiddenLines = hidden.flatMap((r) => lines.slice(r.begin, r.end + 1));
    const inHidden = (k: number) => hidden.some((r) => k >= r.begin && k <= r.end);
    const kept = lines.filter((_, k) => !inHidden(k));
    const endLine = kept.reduce((last, line, k) => (END_SOLUTION.test(line) ? k : last), -1);
    const next: NotebookCell = {
      ...cell,
      metadata: {
        ...(cell.metadata ?? {}),
        nbgrader: { grade: false, grade_id: exercise.id, locked: false, schema_version: 3, solution: true, task: false },
        teaming_lab: { ...(cell.metadata?.teaming_lab ?? {}), exercise: exercise.id, answerName: exercise.answerName },
      },
      outputs: [],
      execution_count: null,
    };
    cells.push(next);
    pending = { cell: next, lines: kept, endLine, folds: [] };
    const testId = `${exercise.id}-test`;
    if (ids.has(testId)) throw new InputError(where, testId, 'a notebook whose cell ids leave <exercise id>-test free for the test cell');
    const test = autograderTestSource(exercise.id, exercise.answerName).split('\n');
    cells.push({
      cell_type: 'code',
      execution_count: null,
      id: testId,
      metadata: {
        nbgrader: { grade: true, grade_id: testId, locked: true, points: TEST_CELL_POINTS, schema_version: 3, solution: false, task: false },
        teaming_lab: { test_of: exercise.id },
      },
      outputs: [],
      source: sourceLines([...test.slice(0, 3), ...hiddenLines, ...test.slice(3)].join('\n')),
    });
    found.push({ id: exercise.id, answerName: exercise.answerName, cellIndex: cells.length - 2, testCellIndex: cells.length - 1 });
  });
  finish();
  notebook.cells = cells;

  // What nbgrader would reject or leak: solution markers outside solution cells, hidden tests outside test
  // cells, and a folded solution left in Markdown.
  cells.forEach((cell, index) => {
    const text = cellText(cell);
    const nbgrader = cell.metadata?.nbgrader;
    const problems: Array<[RegExp, string]> = [[/<summary>\s*Solution\s*<\/summary>/i, 'no folded solution left']];
    if (nbgrader?.solution !== true) problems.push([/BEGIN SOLUTION|END SOLUTION/, 'solution markers only in exercise cells']);
    if (nbgrader?.grade !== true) problems.push([/BEGIN HIDDEN TESTS|END HIDDEN TESTS/, 'hidden-test markers only in test cells']);
    for (const [pattern, expected] of problems) {
      if (pattern.test(text)) throw new InputError(`${name} cell ${index} of the source version`, text.split('\n').find((l) => pattern.test(l)), expected);
    }
  });
  return { notebook, exercises: found };
}
