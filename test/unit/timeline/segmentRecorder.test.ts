import { describe, expect, it } from 'vitest';
import { simulateTimeline } from '../../../lib/timeline';
import { GB, links } from './timelineFixtures';

// Review finding: merging a segment into the previous one compared flow-rate lists even when the previous
// (idle) segment had none, a TypeError whenever a transfer lasts less than the float resolution of the
// current time (a member of 1e20 Gbps, or a VM of 1e-20 GiB after a 1 s setup).

describe('simulateTimeline: a flow shorter than the float resolution of the time', () => {
  it('runs on, and the idle time before and after the instant flow is one idle segment', () => {
    // a: 1e-12 bytes at 10 Gbps take 8e-22 s, below the spacing of doubles near 1 s (2.2e-16), so it
    // starts and ends at 1 s. b: 1.25 GB at 10 Gbps (1.25 GB/s) from 2 s takes 1 s, so the run ends at 3 s.
    const run = simulateTimeline({
      links: links({ L: 10 }),
      flows: [
        { id: 'a', links: ['L'], bytes: 1e-12, startS: 1 },
        { id: 'b', links: ['L'], bytes: 1.25 * GB, startS: 2 },
      ],
    });
    expect(run.durationS).toBeCloseTo(3, 12);
    expect(run.flows.map((f) => [f.id, f.endS])).toEqual([
      ['a', 1],
      ['b', 3],
    ]);
    // Because nothing moves from 0 to 2 s (a moves nothing measurable), those 2 s are one idle segment
    // without rates; then b alone has the whole link.
    expect(run.segments).toHaveLength(2);
    expect(run.segments[0]).toEqual({ startS: 0, endS: 2, linkGbps: [] });
    expect(run.segments[1].startS).toBe(2);
    expect(run.segments[1].linkGbps).toEqual([['L', 10]]);
    expect(run.segments[1].flowGbps).toEqual([['b', 10]]);
  });

  it('does not merge an idle segment with one where a capped flow without links runs', () => {
    // c has no link and a 5 Gbps cap: 0.625 GB take 1 s from 1 s. Because its rate is recorded, the
    // segment [1, 2] differs from the idle [0, 1] even though no link carries anything.
    const run = simulateTimeline({
      links: links({ L: 10 }),
      flows: [
        { id: 'a', links: ['L'], bytes: 1e-12, startS: 1 },
        { id: 'c', links: [], capGbps: 5, bytes: 0.625 * GB, startS: 1 },
      ],
    });
    expect(run.segments.map((s) => [s.startS, s.endS, s.flowGbps])).toEqual([
      [0, 1, undefined],
      [1, 2, [['c', 5]]],
    ]);
  });
});
