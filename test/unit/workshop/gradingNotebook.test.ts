import { describe, expect, it } from 'vitest';
import { InputError } from '../../../lib/InputError';
import { exercises } from '../../../lib/exercises';
import { cellText, compareIds, gradingNotebook } from '../../../lib/workshop';
import type { Notebook, NotebookCell } from '../../../lib/workshop';

// The grading copy of a submission: the student's cells untouched but for their outputs, and after each
// exercise cell one hidden capture cell that prints the answer's value (the check runs outside the kernel).

const code = (text: string, metadata: Record<string, unknown> = {}): NotebookCell => ({
  cell_type: 'code',
  execution_count: 7,
  metadata,
  outputs: [{ output_type: 'stream', name: 'stdout', text: ['old output\n'] }],
  source: text,
});

/** A lesson-6 submission: ex-06-1 answered twice (the student copied the cell), ex-06-2 by metadata only,
 * ex-06-3 and ex-06-4 deleted. */
function submission(): Notebook {
  return {
    cells: [
      { cell_type: 'markdown', metadata: {}, source: '# Lesson 6' },
      code("import { check } from 'teaming-lab';\nconst ex06_1 = 5;\ncheck('ex-06-1', ex06_1);"),
      code("import { check } from 'teaming-lab';\nconst ex06_1b = 10;\ncheck('ex-06-1', ex06_1b);"),
      code("const ex06_2 = 'none';", { nbgrader: { solution: true, grade_id: 'ex-06-2' } }),
      code("console.log('my own cell');"),
    ],
    metadata: { teaming_lab: { lesson: 6 } },
  };
}

describe('gradingNotebook', () => {
  const input = submission();
  const before = JSON.stringify(input);
  const { notebook, plan } = gradingNotebook(input);

  it('adds one capture cell right after the last cell of each exercise, reading the registry answer variable', () => {
    // Cells: md, ex1 (first copy), ex1 (last copy) + grading, ex2 + grading, own cell = 7 cells.
    expect(notebook.cells).toHaveLength(7);
    expect(notebook.cells[3].metadata?.teaming_lab).toEqual({ capture_of: 'ex-06-1' });
    expect(notebook.cells[5].metadata?.teaming_lab).toEqual({ capture_of: 'ex-06-2' });
    // The registry says ex-06-1's answer is ex06_1, whatever name the student's check call used.
    expect(cellText(notebook.cells[3])).toContain("typeof ex06_1 === 'undefined' ? undefined : ex06_1");
    expect(cellText(notebook.cells[5])).toContain("typeof ex06_2 === 'undefined' ? undefined : ex06_2");
  });

  it("plans every exercise of the notebook's lesson, in order, the deleted ones without cells", () => {
    expect(plan).toEqual([
      { id: 'ex-06-1', answerName: 'ex06_1', exerciseIndex: 2, captureIndex: 3 },
      { id: 'ex-06-2', answerName: 'ex06_2', exerciseIndex: 4, captureIndex: 5 },
      { id: 'ex-06-3', answerName: 'ex06_3' },
      { id: 'ex-06-4', answerName: 'ex06_4' },
    ]);
    // Those are lesson 6's exercises in the registry.
    expect(Object.values(exercises).filter((e) => e.lesson === 6).map((e) => e.id)).toEqual(['ex-06-1', 'ex-06-2', 'ex-06-3', 'ex-06-4']);
  });

  it("expects a lesson's numbered exercises only: the guide's named capstone is not in any lesson notebook", () => {
    expect(exercises['ex-10-capstone'].lesson).toBe(10);
    const ids = gradingNotebook({ cells: [], metadata: { teaming_lab: { lesson: 10 } } }, {}).plan.map((e) => e.id);
    expect(ids).toEqual(Object.keys(exercises).filter((id) => /^ex-10-\d+$/.test(id)).sort(compareIds));
    expect(ids).not.toContain('ex-10-capstone');
  });

  it('clears old outputs and keeps the student cells otherwise, without changing the submission', () => {
    const cells = notebook.cells.filter((c) => c.metadata?.teaming_lab?.capture_of === undefined);
    expect(cells.map(cellText)).toEqual(submission().cells.map(cellText));
    for (const cell of cells.filter((c) => c.cell_type === 'code')) {
      expect(cell.outputs).toEqual([]);
      expect(cell.execution_count).toBeNull();
    }
    expect(JSON.stringify(input)).toBe(before);
  });

  it('takes the lesson from the options when the metadata does not say, the metadata winning', () => {
    expect(gradingNotebook({ cells: [] }, { lesson: 2 }).plan.map((e) => e.id)).toEqual(['ex-02-1', 'ex-02-2', 'ex-02-3', 'ex-02-4']);
    expect(gradingNotebook({ cells: [], metadata: { teaming_lab: { lesson: 6 } } }, { lesson: 2 }).lesson).toBe(6);
  });
});

describe('gradingNotebook on hostile input', () => {
  it('refuses, naming the cell, a cell that is null, an array or has no cell_type ({"cells":[null]})', () => {
    expect(() => gradingNotebook({ cells: [null] } as unknown as Notebook)).toThrow(/cell 1: got null/);
    expect(() => gradingNotebook({ cells: [code('x'), []] } as unknown as Notebook)).toThrow(/cell 2/);
    expect(() => gradingNotebook({ cells: [{ source: 'x' }] } as unknown as Notebook)).toThrow(/cell 1.*cell_type/);
    expect(() => gradingNotebook({ cells: 'x' } as unknown as Notebook)).toThrow(InputError);
  });

  it('marks an exercise whose metadata answer name is not a variable name, without a capture cell and without throwing', () => {
    const nb: Notebook = { cells: [code('const x = 1;', { teaming_lab: { exercise: 'ex-99-1', answerName: 'x); process.exit(' } })] };
    const unknown = gradingNotebook(nb);
    expect(unknown.plan).toEqual([]);
    expect(unknown.ignored).toEqual(['cell 1 names exercise "ex-99-1", which the course does not have']);
    const fake = { 'ex-99-1': { ...exercises['ex-06-1'], id: 'ex-99-1', lesson: 99, answerName: undefined as unknown as string } };
    const { plan, notebook } = gradingNotebook(nb, { exercises: fake });
    expect(plan).toEqual([{ id: 'ex-99-1', exerciseIndex: 0, problem: `the answer name "x); process.exit(" in the cell's metadata is not a variable name` }]);
    expect(notebook.cells).toHaveLength(1);
  });
});

describe('compareIds', () => {
  it('orders exercise ids by their numbers', () => {
    expect(['ex-06-10', 'ex-06-2', 'ex-05-3', 'ex-06-1'].sort(compareIds)).toEqual(['ex-05-3', 'ex-06-1', 'ex-06-2', 'ex-06-10']);
  });
});
