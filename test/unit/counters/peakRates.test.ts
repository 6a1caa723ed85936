import { describe, expect, it } from 'vitest';
import { peakRates } from '../../../lib/counters';
import { simulateTimeline } from '../../../lib/timeline';

const GB = 1e9;

describe('peakRates', () => {
  it('peakRates(result) is the highest instantaneous rate, 0 for an unused link', () => {
    // In details: on L, a runs alone at 10 Gbps, then shares 5/5 with b, then alone again.
    // Expectations: L peaks at 10, because that is its rate while a is alone; M at 0, because nothing uses it.
    const result = simulateTimeline({
      links: [
        { id: 'L', gbps: 10 },
        { id: 'M', gbps: 10 },
      ],
      flows: [
        { id: 'a', links: ['L'], bytes: 2.5 * GB, startS: 0 },
        { id: 'b', links: ['L'], bytes: 0.625 * GB, startS: 1 },
      ],
    });
    const peaks = peakRates(result);
    expect(peaks.L).toBeCloseTo(10, 9);
    expect(peaks.M).toBe(0);
    expect(Object.keys(peakRates(result, ['M']))).toEqual(['M']);
  });
});
