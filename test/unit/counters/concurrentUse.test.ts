import { describe, expect, it } from 'vitest';
import { concurrentUse, perfmonView, taskManagerView } from '../../../lib/counters';
import { simulateTimeline } from '../../../lib/timeline';
import type { TimelineFlowInput } from '../../../lib/timeline';
import { InputError } from '../../../lib/InputError';
import { GB, links, thrownBy } from '../timeline/timelineFixtures';

/** Two 10 Gbps members A and B; a runs on A from 0 to 10 s, b on B for `bSeconds` from `bStartS`. */
function overlapRun(bStartS: number, bSeconds: number) {
  const flows: TimelineFlowInput[] = [
    { id: 'a', links: ['A'], bytes: 12.5 * GB, startS: 0 },
    { id: 'b', links: ['B'], bytes: 1.25 * GB * bSeconds, startS: bStartS },
  ];
  return simulateTimeline({
    links: links({ A: 10, B: 10 }),
    flows,
  });
}

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

  it('concurrentUse rejects a view whose links lack a series of rates with InputError', () => {
    // Because a view edited by hand (a link added, or samples cut) has no rate to compare for some
    // sample: that used to end in a TypeError while reading the missing series.
    const log = perfmonView(overlapRun(5, 1.5), { links: ['A', 'B'] });
    const extraLink = { ...log, links: ['A', 'B', 'C'] };
    const error = thrownBy(() => concurrentUse(extraLink, { thresholdGbps: 1 })) as InputError;
    expect(error).toBeInstanceOf(InputError);
    expect(error.field).toBe('view.links');
    expect(error.value).toBe('C');
    const shortSeries = { ...log, gbps: { ...log.gbps, B: log.gbps.B.slice(1) } };
    expect((thrownBy(() => concurrentUse(shortSeries, { thresholdGbps: 1 })) as InputError).field).toBe('view.links');
  });
});
