import { describe, expect, it } from 'vitest';
import { InputError } from '../../../lib/InputError';
import * as library from '../../../lib';
import { autograderTestSource, cellText, exerciseOfCell, releaseNotebook, sourceNotebook } from '../../../lib/workshop';
import type { Notebook, NotebookCell } from '../../../lib/workshop';
import { code, courseFiles, lessonExercisesOf, md, readCourseNotebook, runCell } from './fixtures';

// The nbgrader source version (`teaming-lab workshop source`): nbgrader's generate_assignment strips what
// lies between // BEGIN SOLUTION and // END SOLUTION in solution cells, and autograde gives a grade cell
// its points unless it shows an error or writes to stderr (how tslab shows errors). So each exercise cell
// must keep its solution between the markers and carry solution metadata, and each must be followed by a
// locked grade cell that writes to stderr exactly when the answer is wrong, without throwing (tslab skips
// the cells sent in the 200 ms after an error, and nbgrader would count those test cells as passed).
// Checked on a hand-made notebook and on every course notebook, whose test cells are run with the library.

/** The exact nbgrader metadata the brief and nbgrader's schema version 3 ask for. */
const SOLUTION_METADATA = (id: string) => ({ grade: false, grade_id: id, locked: false, schema_version: 3, solution: true, task: false });
const TEST_METADATA = (id: string) => ({ grade: true, grade_id: `${id}-test`, locked: true, points: 1, schema_version: 3, solution: false, task: false });

/** A course notebook in miniature: a teaching cell, one exercise with hint, hidden tests and a folded solution. */
function courseNotebook(): Notebook {
  return {
    cells: [
      md('# Lesson 6: Hyper-V Port\n\nIntro text.'),
      code("import { experiments } from 'teaming-lab';\nconsole.log(experiments['finding-3'].claim);"),
      md('### Exercise 1: Predict the cap\n\nWhat peak rate?\n\n<details><summary>Hint</summary>\n\nLook at the sender.\n\n</details>'),
      code(
        [
          "import { check } from 'teaming-lab';",
          '// BEGIN SOLUTION',
          'const ex06_1 = 10; // SOLUTION-LINE',
          '// END SOLUTION',
          '// BEGIN HIDDEN TESTS',
          "console.assert(ex06_1 === 10, 'HIDDEN-TEST');",
          '// END HIDDEN TESTS',
          "check('ex-06-1', ex06_1);",
        ].join('\n'),
        {},
        [{ output_type: 'stream', name: 'stdout', text: ['PASS ex-06-1: correct\n'] }],
      ),
      md('Before the fold.\n\n<details><summary>Solution</summary>\n\nSOLUTION-PROSE: one member.\n\n</details>\n\nAfter the fold.'),
      { cell_type: 'raw', metadata: {}, source: ['raw text'] },
    ],
    metadata: { kernelspec: { name: 'tslab', language: 'typescript' }, teaming_lab: { lesson: 6 } },
    nbformat: 4,
    nbformat_minor: 5,
  };
}

/** The lines between a cell's // BEGIN SOLUTION and // END SOLUTION (nbgrader's solution region). */
function solutionRegion(text: string): string[] {
  const lines = text.split('\n');
  return lines.slice(lines.indexOf('// BEGIN SOLUTION') + 1, lines.indexOf('// END SOLUTION'));
}

describe('sourceNotebook on a hand-made course notebook', () => {
  const input = courseNotebook();
  const before = JSON.stringify(input);
  const { notebook, exercises } = sourceNotebook(input, { name: 'mini.ipynb' });
  const exerciseCell = notebook.cells[3];
  const testCell = notebook.cells[4];

  it('keeps the solution between the markers, with the folded explanation inside the region as comments', () => {
    // Because nbgrader removes exactly that region from the student version, so the explanation must
    // sit inside it, and no Markdown fold may remain (nbgrader would hand it to students).
    expect(solutionRegion(cellText(exerciseCell))).toEqual([
      'const ex06_1 = 10; // SOLUTION-LINE',
      "// Explanation (the lesson's folded solution):",
      '// SOLUTION-PROSE: one member.',
    ]);
    expect(cellText(exerciseCell).split('\n').slice(-1)).toEqual(["check('ex-06-1', ex06_1);"]);
    expect(notebook.cells.map(cellText).join('\n')).not.toMatch(/<summary>\s*Solution/);
    expect(cellText(notebook.cells[5])).toBe('Before the fold.\n\nAfter the fold.');
  });

  it('gives the exercise cell nbgrader solution metadata and clears its outputs', () => {
    expect(exerciseCell.metadata?.nbgrader).toEqual(SOLUTION_METADATA('ex-06-1'));
    expect(exerciseCell.metadata?.teaming_lab).toEqual({ exercise: 'ex-06-1', answerName: 'ex06_1' });
    expect(exerciseCell.outputs).toEqual([]);
    expect(exerciseCell.execution_count).toBeNull();
  });

  it('follows it with a locked 1-point test cell that checks the answer and holds the hidden tests', () => {
    // Because nbgrader allows hidden tests only in grade cells, they move from the exercise cell here.
    expect(testCell.metadata?.nbgrader).toEqual(TEST_METADATA('ex-06-1'));
    expect(testCell.id).toBe('ex-06-1-test');
    const text = cellText(testCell);
    expect(text).toContain("check('ex-06-1', typeof ex06_1 === 'undefined' ? undefined : ex06_1)");
    expect(text).toContain("// BEGIN HIDDEN TESTS\nconsole.assert(ex06_1 === 10, 'HIDDEN-TEST');\n// END HIDDEN TESTS");
    expect(cellText(exerciseCell)).not.toContain('HIDDEN');
    expect(exercises).toEqual([{ id: 'ex-06-1', answerName: 'ex06_1', cellIndex: 3, testCellIndex: 4 }]);
  });

  it('keeps the other cells as they are and does not change its input', () => {
    expect(notebook.cells.filter((_, i) => ![3, 4, 5].includes(i))).toEqual([0, 1, 2, 5].map((i) => input.cells[i]));
    expect(notebook.metadata).toEqual(input.metadata);
    expect(JSON.stringify(input)).toBe(before);
  });

  it('is not mistaken for two exercises: the test cell is no exercise cell', () => {
    // Because `workshop grade` and `release` find exercise cells with exerciseOfCell, and the test cell
    // also calls check('ex-06-1', ...).
    expect(exerciseOfCell(testCell)).toBeUndefined();
    expect(exerciseOfCell(exerciseCell)).toEqual({ id: 'ex-06-1', answerName: 'ex06_1' });
  });
});

describe('sourceNotebook rejects what nbgrader would reject or leak', () => {
  const one = (...cells: NotebookCell[]): Notebook => ({ cells, metadata: {} });
  const error = (notebook: Notebook) => {
    try {
      sourceNotebook(notebook, { name: 'bad.ipynb' });
    } catch (e) {
      return e as Error;
    }
    throw new Error('expected an error');
  };
  const exercise = "import { check } from 'teaming-lab';\n// BEGIN SOLUTION\nconst ex06_1 = 10;\n// END SOLUTION\ncheck('ex-06-1', ex06_1);";

  it('an exercise cell without a solution region', () => {
    // nbgrader would have nothing to strip, so the student version would hold the answer.
    const e = error(one(code("import { check } from 'teaming-lab';\nconst ex06_1 = 10;\ncheck('ex-06-1', ex06_1);")));
    expect(e).toBeInstanceOf(InputError);
    expect(e.message).toMatch(/^bad\.ipynb cell 0: got "ex-06-1"; expected an exercise cell with its solution between/);
  });

  it('a folded solution with no exercise cell before it, and an exercise met twice', () => {
    expect(error(one(md('<details><summary>Solution</summary>\n\nx\n\n</details>'))).message).toMatch(/^bad\.ipynb cell 0: .*a folded solution after the exercise cell/);
    expect(error(one(code(exercise), code(exercise))).message).toMatch(/^bad\.ipynb cell 1: .*unique grade_id/);
  });

  it('solution markers in a cell that is not an exercise, and unmatched markers', () => {
    expect(error(one(code('// BEGIN SOLUTION\nconst y = 1;\n// END SOLUTION'))).message).toMatch(/^bad\.ipynb cell 0: got "\/\/ BEGIN SOLUTION"; expected solution and hidden-test markers only in an exercise cell/);
    expect(error(one(code("// BEGIN SOLUTION\nconst ex06_1 = 1;\ncheck('ex-06-1', ex06_1);")))).toBeInstanceOf(InputError);
    expect(error(one(code("const ex06_1 = 1;\n// END SOLUTION\ncheck('ex-06-1', ex06_1);")))).toBeInstanceOf(InputError);
  });

  it('a folded solution that spells a marker, which would end the region early', () => {
    const fold = md('<details><summary>Solution</summary>\n\nWrite it after // END SOLUTION.\n\n</details>');
    expect(error(one(code(exercise), fold)).message).toMatch(/nbgrader's markers/);
  });
});

describe('autograderTestSource', () => {
  it('writes one stderr line for a wrong or missing answer, judged by the library, and never throws', () => {
    // ex-06-1 asks for a peak rate with Hyper-V Port: a negative rate, no answer, and an answer variable
    // never declared (the exercise cell failed) all fail, because a rate is never below zero and no
    // check accepts "no answer". (A right answer writes nothing to stderr: see the course notebooks below.)
    const test = autograderTestSource('ex-06-1', 'ex06_1');
    expect(library.exercises['ex-06-1'].check(-1).pass).toBe(false);
    const expected = ['ex-06-1: not answered correctly yet (see the FAIL line above)'];
    expect(runCell(test, { ex06_1: -1 }).errors).toEqual(expected);
    expect(runCell(test, { ex06_1: undefined }).errors).toEqual(expected);
    expect(runCell(test).errors).toEqual(expected);
  });

  it('refuses an answer name that is not an identifier', () => {
    expect(() => autograderTestSource('ex-06-1', 'ex06 1')).toThrow(InputError);
  });
});

describe('every course notebook, as nbgrader source', () => {
  it('there are course notebooks', () => {
    expect(courseFiles.length).toBeGreaterThan(0);
  });

  for (const file of courseFiles) {
    const course = readCourseNotebook(file);
    const lessonExercises = lessonExercisesOf(course);
    const { notebook, exercises } = sourceNotebook(course, { name: file });

    it(`${file}: each exercise of the lesson has its solution between the markers, and solution metadata`, () => {
      expect(exercises.map((e) => e.id)).toEqual(lessonExercises.map((e) => e.id));
      for (const [k, e] of exercises.entries()) {
        const cell = notebook.cells[e.cellIndex];
        expect(cell.metadata?.nbgrader, e.id).toEqual(SOLUTION_METADATA(e.id));
        // The course cell's solution region starts the source cell's region (the explanation follows),
        // and every line of the lesson's solution code is in the cell.
        const courseCell = course.cells.find((c) => c.metadata?.teaming_lab?.exercise === e.id)!;
        const courseRegion = solutionRegion(cellText(courseCell));
        expect(courseRegion.length, e.id).toBeGreaterThan(0);
        expect(solutionRegion(cellText(cell)).slice(0, courseRegion.length), e.id).toEqual(courseRegion);
        for (const line of lessonExercises[k].solution.split('\n')) expect(cellText(cell).split('\n'), e.id).toContain(line);
      }
      expect(notebook.cells.map(cellText).join('\n')).not.toMatch(/<summary>\s*Solution/);
    });

    it(`${file}: a locked 1-point test cell follows each exercise cell`, () => {
      for (const e of exercises) {
        expect(e.testCellIndex).toBe(e.cellIndex + 1);
        const test = notebook.cells[e.testCellIndex];
        expect(test.cell_type).toBe('code');
        expect(test.metadata?.nbgrader, e.id).toEqual(TEST_METADATA(e.id));
        expect(cellText(test)).toContain(`check('${e.id}', typeof ${e.answerName} === 'undefined' ? undefined : ${e.answerName})`);
      }
      const gradeIds = notebook.cells.map((c) => c.metadata?.nbgrader?.grade_id).filter(Boolean);
      expect(new Set(gradeIds).size, 'grade ids are unique').toBe(gradeIds.length);
      const cellIds = notebook.cells.map((c) => c.id);
      expect(new Set(cellIds).size, 'cell ids are unique').toBe(cellIds.length);
    });

    it(`${file}: each test cell passes the solution's answer and flags a wrong one on stderr, with the library`, () => {
      // Run the exercise cell as written (solution included) to get its answer, then the test cell with
      // that answer (nothing on stderr: nbgrader gives the point) and with no answer, what a student who
      // has not answered leaves (a stderr line: no point), because no check accepts "no answer".
      for (const e of exercises) {
        const { value } = runCell(cellText(notebook.cells[e.cellIndex]), {}, e.answerName);
        const test = cellText(notebook.cells[e.testCellIndex]);
        const right = runCell(test, { [e.answerName]: value });
        expect(right.lines, e.id).toEqual([expect.stringMatching(new RegExp(`^PASS ${e.id}\\b`))]);
        expect(right.errors, e.id).toEqual([]);
        const wrong = runCell(test, { [e.answerName]: undefined });
        expect(wrong.lines, e.id).toEqual([expect.stringMatching(new RegExp(`^FAIL ${e.id}\\b`))]);
        expect(wrong.errors, e.id).toEqual([`${e.id}: not answered correctly yet (see the FAIL line above)`]);
      }
      // Running every check of a lesson simulates its scenarios: seconds on a loaded 2-core machine.
    }, 60_000);

    it(`${file}: its student version (solution regions stubbed) shows no solution or explanation`, () => {
      // What nbgrader's generate_assignment does to solution regions, done here by release.
      const released = releaseNotebook(notebook, { name: file }).notebook;
      const text = released.cells.map(cellText).join('\n');
      expect(text).not.toContain("Explanation (the lesson's folded solution)");
      expect(released.cells.filter((c) => c.metadata?.nbgrader?.grade === true)).toHaveLength(exercises.length);
    });
  }
});
