import { afterEach, describe, expect, it, vi } from 'vitest';
import { check } from '../../../lib/exercises';
import { InputError } from '../../../lib/InputError';

describe('check(id, answer)', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('prints one PASS or FAIL line for the learner and returns the result', () => {
    // Because notebook and site check cells show that line. ex-03-2: two migrations hashed onto two
    // members collide with probability 1/2 (the birthday problem for N = M = 2).
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    expect(check('ex-03-2', 0.5).pass).toBe(true);
    expect(check('ex-03-2', 0.9).pass).toBe(false);
    expect(log.mock.calls.map((call) => String(call[0]).split(' ')[0])).toEqual(['PASS', 'FAIL']);
  });

  it('refuses an id that is not an exercise with InputError, even one every object inherits', () => {
    // Because `toString` and `__proto__` are found on any object: they used to reach `exercise.check`
    // and end in a TypeError instead of the input error a mistyped id gets.
    for (const id of ['ex-99-1', 'toString', '__proto__', 'constructor']) {
      let thrown: unknown;
      try {
        check(id, 1);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(InputError);
      expect((thrown as InputError).field).toBe('exercise');
    }
  });
});
