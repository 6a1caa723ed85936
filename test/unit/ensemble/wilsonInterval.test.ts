import { describe, expect, it } from 'vitest';
import { drawsForHalfWidth, wilsonInterval } from '../../../lib/ensemble';

// The Wilson score interval (Wilson 1927), checked against values worked by hand from its formula and
// against the textbook example of Brown, Cai and DasGupta (2001).

describe('wilsonInterval(appeared, runs)', () => {
  it('gives the known 95 % interval for 5 of 10: [0.2366, 0.7634]', () => {
    // (0.5 + 1.9208/10 ± 1.96 sqrt(0.025 + 0.0096)) / 1.38415 by hand.
    const e = wilsonInterval(5, 10);
    expect(e.probability).toBe(0.5);
    expect(e.low).toBeCloseTo(0.2366, 4);
    expect(e.high).toBeCloseTo(0.7634, 4);
  });

  it('stays inside [0, 1] at the edges, where the normal interval collapses to a point', () => {
    expect(wilsonInterval(0, 10)).toMatchObject({ low: 0, probability: 0 });
    expect(wilsonInterval(0, 10).high).toBeCloseTo(0.2775, 4);
    expect(wilsonInterval(40, 40)).toMatchObject({ high: 1, probability: 1 });
    expect(wilsonInterval(40, 40).low).toBeCloseTo(40 / (40 + 1.96 ** 2), 3);
  });

  it('narrows as draws grow: 192 of 385 is within +-0.05', () => {
    const e = wilsonInterval(192, 385);
    expect((e.high - e.low) / 2).toBeLessThanOrEqual(0.05);
    expect(drawsForHalfWidth(0.5, 0.05)).toBe(385);
  });

  it('refuses impossible counts, naming the field', () => {
    expect(() => wilsonInterval(3, 2)).toThrow(/^appeared: /);
    expect(() => wilsonInterval(0, 0)).toThrow(/^runs: /);
    expect(() => wilsonInterval(1, 2, 0.8)).toThrow(/^confidence: /);
  });
});
