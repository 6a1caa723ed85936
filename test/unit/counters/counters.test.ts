import { describe, expect, it } from 'vitest';
import { concurrentUse, linkCounter, peakRates, perfmonView, sampleRates, taskManagerView } from '../../../lib/counters';
import { linkBytes, simulateTimeline } from '../../../lib/timeline';
import type { TimelineFlowInput } from '../../../lib/timeline';
import { InputError } from '../../../lib/InputError';

const GB = 1e9;

/** One 10 Gbps link L; a 2.5 GB flow from 0.4 s runs at 10 Gbps (1.25 GB/s) for 2 s, until 2.4 s. */
function stepRun() {
  return simulateTimeline({
    links: [
      { id: 'L', gbps: 10 },
      { id: 'M', gbps: 10 },
    ],
    flows: [{ id: 'f', links: ['L'], bytes: 2.5 * GB, startS: 0.4 }],
  });
}

/** Two 10 Gbps members A and B; a runs on A from 0 to 10 s, b on B for `bSeconds` from `bStartS`. */
function overlapRun(bStartS: number, bSeconds: number) {
  const flows: TimelineFlowInput[] = [
    { id: 'a', links: ['A'], bytes: 12.5 * GB, startS: 0 },
    { id: 'b', links: ['B'], bytes: 1.25 * GB * bSeconds, startS: bStartS },
  ];
  return simulateTimeline({
    links: [
      { id: 'A', gbps: 10 },
      { id: 'B', gbps: 10 },
    ],
    flows,
  });
}

function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

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
      links: [
        { id: 'A/send', gbps: 10 },
        { id: 'B/send', gbps: 25 },
        { id: 'C/receive', gbps: 10 },
      ],
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

describe('perfmonView and taskManagerView', () => {
  it('a 1.5 s overlap shows in a perfmon log but not to a person watching Task Manager', () => {
    // Claim: a short use of both members is in the log, but too brief to notice live.
    // In details: A busy 0-10 s, B busy 5-6.5 s (1.875 GB at 10 Gbps); 1 s samples from 0, threshold 1 Gbps.
    // B's samples: 10 Gbps at 6 s (busy all of [5, 6]), 5 Gbps at 7 s (busy half of [6, 7]), 0 elsewhere.
    // Expectations: perfmon sees it first at 6 s, because one sample suffices; Task Manager with
    // minVisibleS = 3 does not, because only 2 consecutive updates (2 s) show both members busy.
    const result = overlapRun(5, 1.5);
    const log = perfmonView(result, { links: ['A', 'B'] });
    expect(log.gbps.B[5]).toBeCloseTo(10, 9);
    expect(log.gbps.B[6]).toBeCloseTo(5, 9);
    const inLog = concurrentUse(log, { thresholdGbps: 1 });
    expect(inLog.seen).toBe(true);
    expect(inLog.firstSeenS).toBe(6);
    expect(inLog.longestS).toBe(2);
    expect(inLog.samples.filter(Boolean)).toHaveLength(2);

    const live = concurrentUse(taskManagerView(result, { links: ['A', 'B'], minVisibleS: 3 }), { thresholdGbps: 1 });
    expect(live.seen).toBe(false);
    expect(live.firstSeenS).toBeNull();
    expect(live.longestS).toBe(2);
  });

  it('a 6 s overlap shows in both', () => {
    // In details: B busy 2-8 s; flagged samples at 3, 4, ..., 8 s (6 of them).
    // Expectations: perfmon sees it at 3 s (first flagged sample); Task Manager at 5 s, because the
    // third consecutive update completes 3 s on screen.
    const result = overlapRun(2, 6);
    const inLog = concurrentUse(perfmonView(result, { links: ['A', 'B'] }), { thresholdGbps: 1 });
    expect(inLog.firstSeenS).toBe(3);
    const view = taskManagerView(result, { links: ['A', 'B'] });
    expect(view.minVisibleS).toBe(3);
    expect(view.windowS).toBe(60);
    expect(view.intervalS).toBe(1);
    const live = concurrentUse(view, { thresholdGbps: 1 });
    expect(live.seen).toBe(true);
    expect(live.firstSeenS).toBe(5);
    expect(live.longestS).toBe(6);
  });

  it('a threshold above what B reaches hides the overlap, and minLinks 1 finds any use', () => {
    // Expectations: with thresholdGbps 10 nothing counts, because "above" is strict and neither link
    // exceeds 10; with minLinks 1 the log is flagged from the first sample, because A is busy from 0.
    const result = overlapRun(5, 1.5);
    const log = perfmonView(result, { links: ['A', 'B'] });
    expect(concurrentUse(log, { thresholdGbps: 10 }).seen).toBe(false);
    expect(concurrentUse(log, { thresholdGbps: 1, minLinks: 1 }).firstSeenS).toBe(1);
  });

  it('views and concurrentUse reject bad options with InputError', () => {
    // Because a negative threshold or an empty list of links has no meaning.
    const result = overlapRun(5, 1.5);
    expect((thrownBy(() => perfmonView(result, { links: [] })) as InputError).field).toBe('links');
    expect((thrownBy(() => taskManagerView(result, { links: ['A'], minVisibleS: 0 })) as InputError).field).toBe('minVisibleS');
    const log = perfmonView(result, { links: ['A', 'B'] });
    expect((thrownBy(() => concurrentUse(log, { thresholdGbps: -1 })) as InputError).field).toBe('thresholdGbps');
    expect((thrownBy(() => concurrentUse(log, { thresholdGbps: 1, minLinks: 0 })) as InputError).field).toBe('minLinks');
  });
});
