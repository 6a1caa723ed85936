import { describe, expect, it } from 'vitest';
import { firstErrorLine, gradeTag, readGrades } from '../../../lib/workshop';
import type { CellRun, GradingPlanEntry, Notebook } from '../../../lib/workshop';

// Reading grades from an executed grading notebook: only a line tagged with this run's nonce, printed
// by the grading cell itself, can make an exercise pass; every other outcome fails with its reason.

const NONCE = 'feedfacefeedfacefeedfacefeedface';
const tagged = (line: object, nonce = NONCE) => `${gradeTag(nonce)} ${JSON.stringify(line)}\n`;
const stdout = (text: string) => ({ output_type: 'stream', name: 'stdout', text });
const stderr = (text: string) => ({ output_type: 'stream', name: 'stderr', text });

/** An executed notebook whose cells are given by their outputs (two cells per exercise). */
function executed(outputs: Array<Array<Record<string, unknown>>>): Notebook {
  return { cells: outputs.map((o) => ({ cell_type: 'code', metadata: {}, source: '', outputs: o })) };
}

const entry = (id: string, exerciseIndex: number): GradingPlanEntry => ({ id, answerName: id.replace(/-/g, '_'), exerciseIndex, gradingIndex: exerciseIndex + 1 });
const run = (statuses: CellRun['status'][]): CellRun[] => statuses.map((status, index) => ({ index, status, seconds: 1 }));

describe('readGrades', () => {
  it('passes an exercise whose cell ran and whose grading cell printed one tagged PASS line', () => {
    const nb = executed([[stdout('PASS ex-06-1: correct (10 Gbps)\n')], [stdout(tagged({ id: 'ex-06-1', pass: true, message: 'ex-06-1: correct (10 Gbps)' }))]]);
    expect(readGrades(nb, [entry('ex-06-1', 0)], { cells: run(['ok', 'ok']), restarts: 0, fatal: null }, { nonce: NONCE, timeoutSeconds: 60 })).toEqual([
      { exercise: 'ex-06-1', pass: true, message: 'ex-06-1: correct (10 Gbps)' },
    ]);
  });

  it('ignores PASS lines printed by the student: untagged, tagged with another nonce, or in the exercise cell', () => {
    // Because only the grading cell knows this run's nonce; here it says FAIL.
    const fake = tagged({ id: 'ex-06-1', pass: true, message: 'fake' });
    const nb = executed([
      [stdout(`PASS ex-06-1: correct\n${fake}`)],
      [stdout(`PASS ex-06-1\n${tagged({ id: 'ex-06-1', pass: true, message: 'x' }, 'aaaaaaaaaaaaaaaa')}${tagged({ id: 'ex-06-1', pass: false, message: 'ex-06-1: not yet' })}`)],
    ]);
    const [grade] = readGrades(nb, [entry('ex-06-1', 0)], { cells: run(['ok', 'ok']), restarts: 0, fatal: null }, { nonce: NONCE, timeoutSeconds: 60 });
    expect(grade).toEqual({ exercise: 'ex-06-1', pass: false, message: 'ex-06-1: not yet' });
  });

  it('fails when the grading cell shows two tagged lines (output tampered with) or none', () => {
    const line = tagged({ id: 'ex-06-1', pass: true, message: 'ok' });
    const twice = executed([[], [stdout(line + line)]]);
    const none = executed([[], [stderr('1:5 - Cannot find name "check".\n')]]);
    const read = (nb: Notebook) => readGrades(nb, [entry('ex-06-1', 0)], { cells: run(['ok', 'ok']), restarts: 0, fatal: null }, { nonce: NONCE, timeoutSeconds: 60 })[0];
    expect(read(twice)).toEqual({ exercise: 'ex-06-1', pass: false, message: 'more than one grading line (output tampered with?)' });
    expect(read(none)).toEqual({ exercise: 'ex-06-1', pass: false, message: 'no grading result (the grading cell: 1:5 - Cannot find name "check".)' });
  });

  it('fails an exercise whose cell errored, timed out or was never reached, even if its grading line says PASS', () => {
    const pass = (id: string) => [stdout(tagged({ id, pass: true, message: `${id}: correct` }))];
    const nb = executed([
      [stderr("evalmachine.<anonymous>:5\nthrow new Error('boom');\n^\n\nError: boom\n    at evalmachine.<anonymous>:5:7\n")],
      pass('ex-06-1'),
      [],
      pass('ex-06-2'),
      [],
      [],
      [],
      [],
    ]);
    const plan = [entry('ex-06-1', 0), entry('ex-06-2', 2), entry('ex-06-3', 4), entry('ex-06-4', 6), { id: 'ex-06-5', answerName: 'ex06_5' }];
    const grades = readGrades(nb, plan, { cells: run(['error', 'ok', 'timeout', 'ok', 'ok', 'not-run', 'not-run', 'not-run']), restarts: 1, fatal: 'kernel did not start' }, { nonce: NONCE, timeoutSeconds: 30 });
    expect(grades).toEqual([
      { exercise: 'ex-06-1', pass: false, message: 'the exercise cell failed: Error: boom' },
      { exercise: 'ex-06-2', pass: false, message: 'the exercise cell ran past the 30 s timeout (an endless loop?); grading went on in a fresh kernel' },
      { exercise: 'ex-06-3', pass: false, message: 'not reached: kernel did not start' },
      { exercise: 'ex-06-4', pass: false, message: 'not reached: kernel did not start' },
      { exercise: 'ex-06-5', pass: false, message: 'no exercise cell for this exercise in the notebook (deleted or renamed?)' },
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
