import { describe, expect, it } from 'vitest';
import { InputError } from '../../../lib/InputError';
import { exercises } from '../../../lib/exercises';
import { answerStub, cellText, exerciseOfCell, releaseNotebook } from '../../../lib/workshop';
import type { Notebook, NotebookCell } from '../../../lib/workshop';
import { code, courseFiles, lessonExercisesOf, md, readCourseNotebook, runCell } from './fixtures';

// The release transform: a student copy keeps everything a course notebook teaches and shows none of its
// answers. Checked on a hand-made notebook (every kind of cell and marker) and on every course notebook.

/** What an exercise cell of a course notebook shows once someone ran it with the solution. */
const solvedOutput = [{ output_type: 'stream', name: 'stdout', text: ['PASS ex-06-1: correct (10 Gbps)\n'] }];

/** A course notebook in miniature: teaching cells, one exercise with hint, solution and hidden tests. */
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
          'const secretRun = 41 + 1; // SECRET-SOLUTION-LINE',
          'const ex06_1 = secretRun / 4.2;',
          '// END SOLUTION',
          '// BEGIN HIDDEN TESTS',
          "console.assert(ex06_1 === 10, 'SECRET-HIDDEN-TEST');",
          '// END HIDDEN TESTS',
          "check('ex-06-1', ex06_1);",
        ].join('\n'),
        {},
        solvedOutput,
      ),
      md('<details><summary>Solution</summary>\n\nSECRET-SOLUTION-PROSE: one member.\n\nThe solution code:\n\n```ts\nconst ex06_1 = 10;\n```\n\n</details>'),
      md('Before the fold.\n\n<details><summary>Solution</summary>\n\n<details><summary>Nested</summary>SECRET-NESTED</details>\n\n</details>\n\nAfter the fold.'),
      { cell_type: 'raw', metadata: {}, source: ['raw text'] },
    ],
    metadata: { kernelspec: { name: 'tslab' }, teaming_lab: { lesson: 6 } },
    nbformat: 4,
    nbformat_minor: 5,
  };
}

describe('releaseNotebook on a hand-made course notebook', () => {
  const input = courseNotebook();
  const before = JSON.stringify(input);
  const { notebook, exercises: released, droppedCells } = releaseNotebook(input, { name: 'mini.ipynb' });
  const text = JSON.stringify(notebook);

  it('leaves no solution code, hidden test, folded solution or solution output', () => {
    // Because each of these would hand the student the answer.
    for (const secret of ['SECRET-SOLUTION-LINE', 'secretRun', 'SECRET-HIDDEN-TEST', 'SECRET-SOLUTION-PROSE', 'SECRET-NESTED', 'BEGIN SOLUTION', 'HIDDEN TESTS', 'The solution code', 'correct (10 Gbps)']) {
      expect(text, secret).not.toContain(secret);
    }
  });

  it('puts a stub that leaves the answer undefined where the solution was, and keeps the check', () => {
    // Because the stub declares the registry's answer variable (ex06_1) as undefined, so check() runs and fails.
    expect(exercises['ex-06-1'].answerName).toBe('ex06_1');
    expect(cellText(notebook.cells[3])).toBe(
      ["import { check } from 'teaming-lab';", 'const ex06_1: any = undefined; // YOUR ANSWER HERE', "check('ex-06-1', ex06_1);"].join('\n'),
    );
    expect(released).toEqual([{ id: 'ex-06-1', answerName: 'ex06_1', cellIndex: 3 }]);
  });

  it('marks the exercise cell for nbgrader (an autograded answer with grade_id = the exercise id) and clears its outputs', () => {
    expect(notebook.cells[3].metadata?.nbgrader).toEqual({ grade: false, grade_id: 'ex-06-1', locked: false, schema_version: 3, solution: true, task: false });
    expect(notebook.cells[3].metadata?.teaming_lab).toEqual({ exercise: 'ex-06-1', answerName: 'ex06_1' });
    expect(notebook.cells[3].outputs).toEqual([]);
    expect(notebook.cells[3].execution_count).toBeNull();
  });

  it('drops a cell that only held a solution, and cuts the fold out of a cell that holds more', () => {
    // 7 cells in; the solution-only cell goes (6 out); the mixed cell keeps its text around the fold.
    expect(droppedCells).toBe(1);
    expect(notebook.cells).toHaveLength(6);
    expect(cellText(notebook.cells[4])).toBe('Before the fold.\n\nAfter the fold.');
  });

  it('keeps every non-exercise cell as it was (the hint too) and does not change its input', () => {
    const original = courseNotebook();
    expect(notebook.cells[0]).toEqual(original.cells[0]);
    expect(notebook.cells[1]).toEqual(original.cells[1]);
    expect(notebook.cells[2]).toEqual(original.cells[2]);
    expect(notebook.cells[5]).toEqual(original.cells[6]);
    expect(notebook.metadata).toEqual(original.metadata);
    expect(JSON.stringify(input)).toBe(before);
  });
});

describe('releaseNotebook refuses what it cannot release safely', () => {
  const one = (cell: NotebookCell): Notebook => ({ cells: [cell], metadata: {} });
  const error = (notebook: Notebook) => {
    try {
      releaseNotebook(notebook, { name: 'bad.ipynb' });
    } catch (e) {
      return e;
    }
    return undefined;
  };

  it('names the notebook and cell for a BEGIN SOLUTION that is never closed', () => {
    const e = error(one(code("// BEGIN SOLUTION\nconst ex06_1 = 10;\ncheck('ex-06-1', ex06_1);")));
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).field).toBe('bad.ipynb cell 0');
  });

  it('rejects an END SOLUTION with no BEGIN, an unclosed folded solution, and a leftover marker', () => {
    expect(error(one(code("const ex06_1 = 10;\n// END SOLUTION\ncheck('ex-06-1', ex06_1);")))).toBeInstanceOf(InputError);
    expect(error(one(md('<details><summary>Solution</summary>\n\nnever closed')))).toBeInstanceOf(InputError);
    // A marker inside a line (not on a line of its own) is not a region, so it would leak: refused.
    expect(error(one(code("const x = 1; // BEGIN SOLUTION\ncheck('ex-06-1', x);")))).toBeInstanceOf(InputError);
  });

  it('rejects a solution region in an exercise cell whose answer variable it cannot tell', () => {
    const cell = code('// BEGIN SOLUTION\nconst y = 1;\n// END SOLUTION', { nbgrader: { solution: true, grade_id: 'ex-99-9' } });
    expect(exerciseOfCell(cell)).toEqual({ id: 'ex-99-9' });
    expect(error(one(cell))).toBeInstanceOf(InputError);
  });
});

describe('every course notebook, released', () => {
  it('there are course notebooks', () => {
    expect(courseFiles.length).toBeGreaterThan(0);
  });

  for (const file of courseFiles) {
    const course = readCourseNotebook(file);
    const solutions = lessonExercisesOf(course);
    const released = releaseNotebook(course, { name: file });
    const text = released.notebook.cells.map(cellText).join('\n');

    it(`${file}: one stubbed, nbgrader-marked cell per exercise of the lesson, and no solution left`, () => {
      // Because the lesson's <Exercise> blocks are the exercises; each must reach the student as a stub.
      expect(released.exercises.map((e) => e.id)).toEqual(solutions.map((s) => s.id));
      for (const s of solutions) {
        const cell = released.notebook.cells.find((c) => c.metadata?.nbgrader?.grade_id === s.id)!;
        expect(cell.metadata?.nbgrader?.solution).toBe(true);
        // Only the stub declares the answer: no line assigns it a value.
        const declarations = text.split('\n').filter((line) => new RegExp(`\\b(const|let|var)\\s+${s.answerName}\\b`).test(line));
        expect(declarations.map((l) => l.trim()), s.id).toEqual([answerStub(s.answerName)]);
        expect(text).not.toContain(s.solution);
      }
      expect(text).not.toMatch(/<summary>\s*Solution/);
      expect(text).not.toContain('The solution code');
    });

    it(`${file}: keeps every non-exercise cell byte for byte`, () => {
      const kept = course.cells.filter((c) => !exerciseOfCell(c) && !/<summary>Solution<\/summary>/.test(cellText(c)));
      const out = released.notebook.cells.filter((c) => !exerciseOfCell(c));
      expect(out).toEqual(kept);
    });

    it(`${file}: every released exercise cell's check FAILs until answered`, () => {
      // Because the stub leaves the answer undefined and no check accepts "no answer".
      for (const e of released.exercises) {
        const { lines } = runCell(cellText(released.notebook.cells[e.cellIndex]));
        expect(lines, e.id).toHaveLength(1);
        expect(lines[0]).toMatch(new RegExp(`^FAIL ${e.id}\\b`));
      }
    });
  }
});
