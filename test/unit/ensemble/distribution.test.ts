import { describe, expect, it } from 'vitest';
import { distribution } from '../../../lib/ensemble';

describe('distribution(values)', () => {
  it('gives mean, extremes and nearest-rank percentiles of 1..100', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(distribution(values)).toMatchObject({ runs: 100, mean: 50.5, min: 1, p05: 5, median: 50, p95: 95, max: 100 });
    // The values stay in draw order, for histograms.
    expect(distribution(values).values[0]).toBe(100);
  });

  it('refuses an empty list or a value that is not a finite number', () => {
    expect(() => distribution([])).toThrow(/^values: /);
    expect(() => distribution([1, Number.NaN])).toThrow(/^values\[1\]: /);
  });
});
