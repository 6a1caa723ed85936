import { describe, expect, it } from 'vitest';
import { InputError } from '../../../lib/InputError';
import { exercises } from '../../../lib/exercises';
import { cellText, compareIds, gradeTag, gradingCellSource, gradingNotebook } from '../../../lib/workshop';
import type { Notebook, NotebookCell } from '../../../lib/workshop';

// The grading copy of a submission: the student's cells untouched but for their outputs, and after each
// exercise cell one hidden cell that checks the answer and tags its line with the run's nonce.

const NONCE = '0123456789abcdef0123456789abcdef';
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
  const { notebook, plan } = gradingNotebook(input, { nonce: NONCE });

  it('adds one grading cell right after the last cell of each exercise, reading the registry answer variable', () => {
    // Cells: md, ex1 (first copy), ex1 (last copy) + grading, ex2 + grading, own cell = 7 cells.
    expect(notebook.cells).toHaveLength(7);
    expect(notebook.cells[3].metadata?.teaming_lab).toEqual({ grading_of: 'ex-06-1' });
    expect(notebook.cells[5].metadata?.teaming_lab).toEqual({ grading_of: 'ex-06-2' });
    // The registry says ex-06-1's answer is ex06_1, whatever name the student's check call used.
    expect(cellText(notebook.cells[3])).toContain("typeof ex06_1 === 'undefined' ? undefined : ex06_1");
    expect(cellText(notebook.cells[5])).toContain("typeof ex06_2 === 'undefined' ? undefined : ex06_2");
  });

  it("plans every exercise of the notebook's lesson, in order, the deleted ones without cells", () => {
    expect(plan).toEqual([
      { id: 'ex-06-1', answerName: 'ex06_1', exerciseIndex: 2, gradingIndex: 3 },
      { id: 'ex-06-2', answerName: 'ex06_2', exerciseIndex: 4, gradingIndex: 5 },
      { id: 'ex-06-3', answerName: 'ex06_3' },
      { id: 'ex-06-4', answerName: 'ex06_4' },
    ]);
    // Those are lesson 6's exercises in the registry.
    expect(Object.values(exercises).filter((e) => e.lesson === 6).map((e) => e.id)).toEqual(['ex-06-1', 'ex-06-2', 'ex-06-3', 'ex-06-4']);
  });

  it("expects a lesson's numbered exercises only: the guide's named capstone is not in any lesson notebook", () => {
    expect(exercises['ex-10-capstone'].lesson).toBe(10);
    const ids = gradingNotebook({ cells: [], metadata: { teaming_lab: { lesson: 10 } } }, { nonce: NONCE }).plan.map((e) => e.id);
    expect(ids).toEqual(Object.keys(exercises).filter((id) => /^ex-10-\d+$/.test(id)).sort(compareIds));
    expect(ids).not.toContain('ex-10-capstone');
  });

  it('clears old outputs and keeps the student cells otherwise, without changing the submission', () => {
    const cells = notebook.cells.filter((c) => c.metadata?.teaming_lab?.grading_of === undefined);
    expect(cells.map(cellText)).toEqual(submission().cells.map(cellText));
    for (const cell of cells.filter((c) => c.cell_type === 'code')) {
      expect(cell.outputs).toEqual([]);
      expect(cell.execution_count).toBeNull();
    }
    expect(JSON.stringify(input)).toBe(before);
  });

  it("refuses a nonce that is short or not hex (it is the run's secret)", () => {
    expect(() => gradingNotebook(submission(), { nonce: 'abc' })).toThrow(InputError);
    expect(() => gradingNotebook(submission(), { nonce: 'PASS-PASS-PASS-PASS' })).toThrow(InputError);
  });
});

describe('gradingCellSource', () => {
  it('prints one line starting with the tag of the nonce, and guards against a missing answer and a throwing check', () => {
    const source = gradingCellSource('ex-06-1', 'ex06_1', NONCE);
    expect(gradeTag(NONCE)).toBe(`TEAMING-LAB-GRADE-${NONCE}`);
    expect(source).toContain(`console.log("TEAMING-LAB-GRADE-${NONCE} " + JSON.stringify(tlGradeLine));`);
    expect(source.match(/console\.log/g)).toHaveLength(1);
    expect(source).toContain('// @ts-ignore');
    expect(source).toContain('catch (tlGradeError)');
  });

  it('refuses an answer name that is not an identifier (it is pasted into code)', () => {
    expect(() => gradingCellSource('ex-06-1', 'x); process.exit(', NONCE)).toThrow(InputError);
  });
});

describe('compareIds', () => {
  it('orders exercise ids by their numbers', () => {
    expect(['ex-06-10', 'ex-06-2', 'ex-05-3', 'ex-06-1'].sort(compareIds)).toEqual(['ex-05-3', 'ex-06-1', 'ex-06-2', 'ex-06-10']);
  });
});
