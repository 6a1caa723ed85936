// One definition of the solution markers and the student stub serves the site, the notebooks and
// `workshop release`: these tests pin the stub text and the region handling they share.
import { describe, expect, it } from 'vitest';
import { answerStub, solutionCode, solutionRegion, studentCode } from '../../../lib/notebook/solutionMarkers';
import { answerStub as workshopStub, BEGIN_SOLUTION as workshopBegin } from '../../../lib/workshop';
import { BEGIN_SOLUTION } from '../../../lib/notebook/solutionMarkers';

const cell = ["import { check } from 'teaming-lab';", '  // BEGIN SOLUTION', '  const ex = 10;', '  // END SOLUTION', "check('ex-06-1', ex);"].join('\n');

describe('solution markers', () => {
  it('are the very objects workshop release uses', () => {
    expect(workshopStub).toBe(answerStub);
    expect(workshopBegin).toBe(BEGIN_SOLUTION);
  });

  it('studentCode replaces the region by the indented stub and keeps the check', () => {
    expect(studentCode(cell, 'ex')).toBe(
      ["import { check } from 'teaming-lab';", '  const ex: any = undefined; // YOUR ANSWER HERE', "check('ex-06-1', ex);"].join('\n'),
    );
  });

  it('solutionCode drops only the marker lines', () => {
    expect(solutionCode(cell)).toBe(["import { check } from 'teaming-lab';", '  const ex = 10;', "check('ex-06-1', ex);"].join('\n'));
  });

  it('finds no region when the markers are missing or out of order', () => {
    expect(solutionRegion('const a = 1;')).toBeUndefined();
    expect(solutionRegion('// END SOLUTION\n// BEGIN SOLUTION')).toBeUndefined();
    expect(studentCode('const a = 1;', 'a')).toBeUndefined();
  });
});
