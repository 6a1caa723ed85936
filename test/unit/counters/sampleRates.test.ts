import { describe, expect, it } from 'vitest';
import { sampleRates } from '../../../lib/counters';
import { InputError } from '../../../lib/InputError';
import { stepRun, thrownBy } from '../timeline/timelineFixtures';

describe('sampleRates', () => {
  it('sampleRates(step inside an interval) shows one intermediate value at each end', () => {
    // Claim: perfmon averages over its interval, so a start at 0.4 s and an end at 2.4 s each show as a
    // partial value.
    // In details: interval 1 s from 0. [0, 1]: 0.6 s at 10 Gbps; [1, 2]: full; [2, 3]: 0.4 s at 10 Gbps.
    // Expectations: 6, 10, 4 Gbps at 1, 2, 3 s, because each value is 10 Gbps x the busy part of its second;
    // sampling stops at 3 s, the first sample at or after the run's end; M stays at 0.
    const samples = sampleRates(stepRun());
    expect(samples.timesS).toEqual([1, 2, 3]);
    expect(samples.gbps.L[0]).toBeCloseTo(6, 9);
    expect(samples.gbps.L[1]).toBeCloseTo(10, 9);
    expect(samples.gbps.L[2]).toBeCloseTo(4, 9);
    expect(samples.gbps.M).toEqual([0, 0, 0]);
  });

  it('sampleRates(offsetS, intervalS) moves and widens the boxes', () => {
    // In details: offset 0.5 s: [0.5, 1.5] is busy throughout, [1.5, 2.5] busy for 0.9 s.
    // Interval 2 s: [0, 2] busy for 1.6 s, [2, 4] for 0.4 s.
    // Expectations: 10 and 9 Gbps; then 8 and 2 Gbps, because of the busy shares above.
    const result = stepRun();
    const shifted = sampleRates(result, { links: ['L'], offsetS: 0.5 });
    expect(shifted.timesS).toEqual([1.5, 2.5]);
    expect(shifted.gbps.L[0]).toBeCloseTo(10, 9);
    expect(shifted.gbps.L[1]).toBeCloseTo(9, 9);
    const wide = sampleRates(result, { links: ['L'], intervalS: 2 });
    expect(wide.timesS).toEqual([2, 4]);
    expect(wide.gbps.L[0]).toBeCloseTo(8, 9);
    expect(wide.gbps.L[1]).toBeCloseTo(2, 9);
  });

  it('sampleRates(bad options) throws InputError', () => {
    // Because a zero interval or an unknown link has no meaningful answer.
    const result = stepRun();
    expect((thrownBy(() => sampleRates(result, { intervalS: 0 })) as InputError).field).toBe('intervalS');
    expect((thrownBy(() => sampleRates(result, { links: ['Z'] })) as InputError).field).toBe('links[0]');
    expect((thrownBy(() => sampleRates(result, { offsetS: NaN })) as InputError).field).toBe('offsetS');
    expect((thrownBy(() => sampleRates(result, { untilS: -1 })) as InputError).field).toBe('untilS');
  });
});
