// check() prints its PASS/FAIL line; a notebook kernel then prints the cell's last value with
// util.inspect. The result must inspect as nothing, so the learner sees the line once, not the object again.
import { inspect } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import { check } from '../../../lib/exercises';

describe('check()', () => {
  it('prints one line and its result inspects as nothing, while staying usable in code', () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      const result = check('ex-06-1', -1);
      expect(log.mock.calls.map((c) => String(c[0]))).toEqual([expect.stringMatching(/^FAIL ex-06-1/)]);
      expect(inspect(result)).toBe('');
      expect(result.pass).toBe(false);
      expect(JSON.parse(JSON.stringify(result))).toMatchObject({ id: 'ex-06-1', pass: false });
    } finally {
      log.mockRestore();
    }
  });
});
