import { describe, it } from 'vitest';
import { expectRegistered, expectRight, expectWrong } from './exerciseAsserts';

// Lesson 1's exercise check: the lesson solution must pass and a plausible wrong answer must fail.

describe('lesson 1 exercises', () => {
  it('are registered for lesson 1 and match the lesson\'s check lines', () => {
    expectRegistered(1, ['ex-01-1'], { matchLessonCells: true });
  });

  it('ex-01-1: ten consecutive ports from an even one split evenly under the stand-in hash', () => {
    expectRight('ex-01-1', 5, '5');
    expectWrong('ex-01-1', 4, 6, 10, undefined);
  });
});
