import { describe, expect, it } from 'vitest';
import { linkCounter } from '../../../lib/counters';
import { linkBytes, simulateTimeline } from '../../../lib/timeline';
import { InputError } from '../../../lib/InputError';
import { GB, links, stepRun, thrownBy } from '../timeline/timelineFixtures';

describe('linkCounter', () => {
  it('linkCounter(result, id) is exact at the breakpoints', () => {
    // Claim: the counter is 0 until the flow starts and reaches the flow's bytes when it ends.
    // Expectations: breakpoints 0, 0.4 and 2.4 s, because the segments are [0, 0.4] (idle) and [0.4, 2.4];
    // bytes 0, 0 and 2.5 GB, because nothing moves before 0.4 s and the whole flow after.
    const counter = linkCounter(stepRun(), 'L');
    expect(counter.timesS).toHaveLength(3);
    expect(counter.timesS[0]).toBe(0);
    expect(counter.timesS[1]).toBeCloseTo(0.4, 12);
    expect(counter.timesS[2]).toBeCloseTo(2.4, 9);
    expect(counter.bytes[0]).toBe(0);
    expect(counter.bytes[1]).toBe(0);
    expect(counter.bytes[2]).toBeCloseTo(2.5 * GB, 0);
  });

  it('linkCounter totals equal linkBytes on a run with sharing and chaining', () => {
    // Claim: integrating the recorded rates gives back what the flows moved.
    // In details: three flows on two send links and one shared receive link, one of them chained.
    // Expectations: the final counter value equals linkBytes for every link (to 1e-9 relative), because
    // every byte a flow moves goes over each of its links.
    const result = simulateTimeline({
      links: links({ 'A/send': 10, 'B/send': 25, 'C/receive': 10 }),
      flows: [
        { id: 'ac', links: ['A/send', 'C/receive'], bytes: 3 * GB, startS: 0 },
        { id: 'bc', links: ['B/send', 'C/receive'], bytes: 1.7 * GB, startS: 0.3 },
      ],
      onFlowEnd: (ended, nowS) =>
        ended.id === 'bc' ? [{ id: 'bc2', links: ['B/send'], bytes: 0.9 * GB, startS: nowS + 0.2 }] : [],
    });
    const totals = linkBytes(result);
    for (const id of ['A/send', 'B/send', 'C/receive']) {
      const counter = linkCounter(result, id);
      const last = counter.bytes[counter.bytes.length - 1];
      expect(Math.abs(last - totals[id])).toBeLessThanOrEqual(1e-9 * totals[id]);
      for (let i = 1; i < counter.bytes.length; i++) expect(counter.bytes[i]).toBeGreaterThanOrEqual(counter.bytes[i - 1]);
    }
  });

  it('linkCounter(result, link not recorded) throws InputError', () => {
    // Because a link whose rates were not kept has no counter: answering 0 would be a silent lie.
    const result = simulateTimeline({ links: [{ id: 'L', gbps: 1 }], flows: [], recordLinks: [] });
    const error = thrownBy(() => linkCounter(result, 'L'));
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).field).toBe('linkId');
  });
});
