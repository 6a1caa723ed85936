import { describe, expect, it } from 'vitest';
import { ANSWER_TAG, firstErrorLine, readGrades } from '../../../lib/workshop';
import type { CellRun, GradingPlanEntry, Notebook } from '../../../lib/workshop';
import { exercises } from '../../../lib/exercises';

// Reading grades from an executed grading notebook: the capture cell's one answer line is decoded and the
// grader's own check decides; whatever the kernel printed as PASS counts for nothing, and every other
// outcome fails with its reason.

const answer = (id: string, encoded: unknown) => `${ANSWER_TAG} ${JSON.stringify({ id, answer: encoded })}\n`;
const stdout = (text: string) => ({ output_type: 'stream', name: 'stdout', text });
const stderr = (text: string) => ({ output_type: 'stream', name: 'stderr', text });

/** An executed notebook whose cells are given by their outputs (two cells per exercise). */
function executed(outputs: Array<Array<Record<string, unknown>>>): Notebook {
  return { cells: outputs.map((o) => ({ cell_type: 'code', metadata: {}, source: '', outputs: o })) };
}

const entry = (id: string, exerciseIndex: number): GradingPlanEntry => ({ id, answerName: id.replace(/-/g, '_'), exerciseIndex, captureIndex: exerciseIndex + 1 });
const run = (statuses: CellRun['status'][]): CellRun[] => statuses.map((status, index) => ({ index, status, seconds: 1 }));
const ok = { cells: run(['ok', 'ok']), restarts: 0, fatal: null };
/** Lesson 2's first exercise: how many members one VM's migration uses (the right answer is 1). */
const ID = 'ex-02-1';
const RIGHT = 1;

describe('readGrades', () => {
  it("runs the grader's own check on the captured value", () => {
    expect(exercises[ID].check(RIGHT).pass).toBe(true);
    expect(readGrades(executed([[], [stdout(answer(ID, RIGHT))]]), [entry(ID, 0)], ok, { timeoutSeconds: 60 })).toEqual([exercises[ID].check(RIGHT)].map((r) => ({ exercise: ID, pass: true, message: r.message })));
    expect(readGrades(executed([[], [stdout(answer(ID, 7))]]), [entry(ID, 0)], ok, { timeoutSeconds: 60 })[0].pass).toBe(false);
  });

  it('ignores PASS lines and fake check results printed by the student: only the value counts', () => {
    const nb = executed([[stdout(`PASS ${ID}: correct\n${answer(ID, RIGHT)}`)], [stdout(`PASS ${ID}: correct\n{"id":"${ID}","pass":true}\n${answer(ID, 7)}`)]]);
    const [grade] = readGrades(nb, [entry(ID, 0)], ok, { timeoutSeconds: 60 });
    expect(grade.pass).toBe(false);
    expect(grade.message).toBe(exercises[ID].check(7).message);
  });

  it('uses the exercises it is given, never anything from the notebook', () => {
    const strict = { [ID]: { ...exercises[ID], check: () => ({ id: ID, pass: false, message: 'strict' }) } };
    expect(readGrades(executed([[], [stdout(answer(ID, RIGHT))]]), [entry(ID, 0)], ok, { timeoutSeconds: 60, exercises: strict })[0]).toEqual({ exercise: ID, pass: false, message: 'strict' });
  });

  it('fails when the capture cell shows two answer lines (output tampered with), none, or a malformed one', () => {
    const read = (outputs: Array<Record<string, unknown>>) => readGrades(executed([[], outputs]), [entry(ID, 0)], ok, { timeoutSeconds: 60 })[0];
    expect(read([stdout(answer(ID, RIGHT) + answer(ID, RIGHT))]).message).toBe('could not read the answer from the kernel (more than one answer line (output tampered with?))');
    expect(read([stdout('nothing\n')]).message).toBe('could not read the answer from the kernel (no answer line)');
    expect(read([stdout(`${ANSWER_TAG} {"id":"${ID}","answer":{"$":"eval","v":"x"}}\n`)]).message).toContain('unknown marker');
    expect(read([stdout(answer('ex-02-2', RIGHT))]).message).toContain('malformed answer line');
  });

  it('fails an exercise whose cell errored, timed out, died or was never reached, even with a right answer captured', () => {
    const right = (id: string) => [stdout(answer(id, RIGHT))];
    const nb = executed([[stderr("evalmachine.<anonymous>:5\nthrow new Error('boom');\n^\n\nError: boom\n    at evalmachine.<anonymous>:5:7\n")], right('ex-02-1'), [], right('ex-02-2'), [], right('ex-02-3'), [], []]);
    const plan = [entry('ex-02-1', 0), entry('ex-02-2', 2), entry('ex-02-3', 4), entry('ex-02-4', 6), { id: 'ex-02-5', answerName: 'ex02_5' }, { id: 'ex-02-6', exerciseIndex: 7, problem: 'bad name' }];
    const grades = readGrades(nb, plan, { cells: run(['error', 'ok', 'timeout', 'ok', 'dead', 'ok', 'not-run', 'not-run']), restarts: 2, fatal: 'kernel did not start' }, { timeoutSeconds: 30 });
    expect(grades).toEqual([
      { exercise: 'ex-02-1', pass: false, message: 'the exercise cell failed: Error: boom' },
      { exercise: 'ex-02-2', pass: false, message: 'the exercise cell ran past the 30 s timeout (an endless loop?); grading went on in a fresh kernel' },
      { exercise: 'ex-02-3', pass: false, message: 'the kernel died while running the exercise cell (a memory or CPU limit?); grading went on in a fresh kernel' },
      { exercise: 'ex-02-4', pass: false, message: 'not reached: kernel did not start' },
      { exercise: 'ex-02-5', pass: false, message: 'no exercise cell for this exercise in the notebook (deleted or renamed?)' },
      { exercise: 'ex-02-6', pass: false, message: 'bad name' },
    ]);
  });
});

describe('firstErrorLine', () => {
  it("picks tslab's compile diagnostic, a runtime error's name line, or an error output", () => {
    expect(firstErrorLine([stderr('2:20 - Expression expected.\n')])).toBe('2:20 - Expression expected.');
    expect(firstErrorLine([stderr('evalmachine.<anonymous>:3\nfoo();\n^\n\nTypeError: foo is not a function\n')])).toBe('TypeError: foo is not a function');
    expect(firstErrorLine([{ output_type: 'error', ename: 'RangeError', evalue: 'bad', traceback: [] }])).toBe('RangeError: bad');
    expect(firstErrorLine([])).toBe('an error with no message');
  });
});
