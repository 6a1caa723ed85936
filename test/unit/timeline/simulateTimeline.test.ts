import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { linkBytes, simulateTimeline } from '../../../lib/timeline';
import type { CompletedFlow, TimelineFlowInput, TimelineInput, TimelineResult } from '../../../lib/timeline';
import { InputError } from '../../../lib/InputError';
import { maxMinFair } from '../../../lib/sharing';
import { GB, links, thrownBy } from './timelineFixtures';

const BYTES_PER_GBPS_SECOND = 1e9 / 8;

function endOf(result: TimelineResult, id: string): number {
  const flow = result.flows.find((f) => f.id === id);
  if (flow === undefined) throw new Error(`no flow ${id}`);
  return flow.endS;
}

describe('simulateTimeline: hand-solved timelines', () => {
  it('simulateTimeline(two equal flows on one link) ends both at 2 s', () => {
    // Claim: two flows of 1.25 GB sharing a 10 Gbps link each get 5 Gbps.
    // In details: 5 Gbps = 0.625 GB/s, so 1.25 GB take 1.25 / 0.625 = 2 s.
    // Expectations: both end at 2 s, because they share equally all along; one segment [0, 2] with the
    // link at 10 Gbps and each flow at 5, because nothing changes in between.
    const result = simulateTimeline({
      links: [{ id: 'L', gbps: 10 }],
      flows: [
        { id: 'a', links: ['L'], bytes: 1.25 * GB, startS: 0 },
        { id: 'b', links: ['L'], bytes: 1.25 * GB, startS: 0 },
      ],
    });
    expect(endOf(result, 'a')).toBeCloseTo(2, 9);
    expect(endOf(result, 'b')).toBeCloseTo(2, 9);
    expect(result.durationS).toBeCloseTo(2, 9);
    expect(result.segments).toHaveLength(1);
    expect(result.segments[0].startS).toBe(0);
    expect(result.segments[0].endS).toBeCloseTo(2, 9);
    expect(result.segments[0].linkGbps).toEqual([['L', 10]]);
    expect(result.segments[0].flowGbps).toEqual([
      ['a', 5],
      ['b', 5],
    ]);
  });

  it('simulateTimeline(one flow leaves) speeds the other up', () => {
    // Claim: when a flow ends, the one left gets the whole link.
    // In details: a = 0.625 GB, b = 1.25 GB on 10 Gbps. Both at 5 Gbps (0.625 GB/s) until a ends at 1 s;
    // b has 0.625 GB left, at 10 Gbps (1.25 GB/s) that takes 0.5 s more.
    // Expectations: a ends at 1 s and b at 1.5 s; two segments because b's rate changes at 1 s, though the
    // link stays at 10 Gbps in both.
    const result = simulateTimeline({
      links: [{ id: 'L', gbps: 10 }],
      flows: [
        { id: 'a', links: ['L'], bytes: 0.625 * GB, startS: 0 },
        { id: 'b', links: ['L'], bytes: 1.25 * GB, startS: 0 },
      ],
    });
    expect(endOf(result, 'a')).toBeCloseTo(1, 9);
    expect(endOf(result, 'b')).toBeCloseTo(1.5, 9);
    expect(result.flows.map((f) => f.id)).toEqual(['a', 'b']);
    expect(result.segments).toHaveLength(2);
    expect(result.segments[1].startS).toBeCloseTo(1, 9);
    expect(result.segments[1].flowGbps).toEqual([['b', 10]]);
    expect(result.segments[1].linkGbps).toEqual([['L', 10]]);
  });

  it('simulateTimeline(recordFlowRates false) merges intervals whose link rates do not change', () => {
    // Claim: without flow rates, the same run is one segment, because the link runs at 10 Gbps throughout.
    const result = simulateTimeline({
      links: [{ id: 'L', gbps: 10 }],
      flows: [
        { id: 'a', links: ['L'], bytes: 0.625 * GB, startS: 0 },
        { id: 'b', links: ['L'], bytes: 1.25 * GB, startS: 0 },
      ],
      recordFlowRates: false,
    });
    expect(result.segments).toHaveLength(1);
    expect(result.segments[0].endS).toBeCloseTo(1.5, 9);
    expect(result.segments[0].flowGbps).toBeUndefined();
  });

  it('simulateTimeline(staggered start) shares only while both are there', () => {
    // Claim: a flow that starts later takes half the link from then on.
    // In details: a = 2.5 GB from 0 s, b = 0.625 GB from 1 s, one 10 Gbps link.
    // [0, 1]: a alone at 10 Gbps moves 1.25 GB. [1, 2]: 5 Gbps each, b moves its 0.625 GB and ends at 2 s,
    // a moves 0.625 GB (0.625 left). [2, 2.5]: a alone at 10 Gbps moves the rest.
    // Expectations: b ends at 2 s, a at 2.5 s, because of the sums above.
    const result = simulateTimeline({
      links: [{ id: 'L', gbps: 10 }],
      flows: [
        { id: 'a', links: ['L'], bytes: 2.5 * GB, startS: 0 },
        { id: 'b', links: ['L'], bytes: 0.625 * GB, startS: 1 },
      ],
    });
    expect(endOf(result, 'b')).toBeCloseTo(2, 9);
    expect(endOf(result, 'a')).toBeCloseTo(2.5, 9);
    expect(result.segments.map((s) => s.flowGbps)).toEqual([
      [['a', 10]],
      [
        ['a', 5],
        ['b', 5],
      ],
      [['a', 10]],
    ]);
  });

  it('simulateTimeline(full duplex) runs the two directions at full rate together', () => {
    // Claim: send and receive links are independent, so A->B and B->A do not slow each other.
    // Expectations: both 1.25 GB flows end at 1 s, because each has a 10 Gbps path to itself.
    const result = simulateTimeline({
      links: links({ 'A/send': 10, 'A/receive': 10, 'B/send': 10, 'B/receive': 10 }),
      flows: [
        { id: 'ab', links: ['A/send', 'B/receive'], bytes: 1.25 * GB, startS: 0 },
        { id: 'ba', links: ['B/send', 'A/receive'], bytes: 1.25 * GB, startS: 0 },
      ],
    });
    expect(endOf(result, 'ab')).toBeCloseTo(1, 9);
    expect(endOf(result, 'ba')).toBeCloseTo(1, 9);
  });

  it('simulateTimeline(onFlowEnd) chains rounds that each send half the previous one', () => {
    // Claim: onFlowEnd can start the next pre-copy round the moment the previous one ends.
    // In details: round 0 = 1.25 GB at 10 Gbps = 1 s; round 1 = 0.625 GB = 0.5 s; round 2 = 0.3125 GB = 0.25 s.
    // Expectations: ends at 1, 1.5 and 1.75 s, because each round starts when the previous one ends;
    // the callback sees each ended flow with its tag, and nowS equal to its end.
    const seen: Array<[string, number, number]> = [];
    const result = simulateTimeline({
      links: [{ id: 'L', gbps: 10 }],
      flows: [{ id: 'r0', links: ['L'], bytes: 1.25 * GB, startS: 0, tag: 'round' }],
      onFlowEnd: (ended: CompletedFlow, nowS: number): TimelineFlowInput[] => {
        seen.push([ended.id, ended.endS, nowS]);
        const round = Number(ended.id.slice(1));
        if (round === 2) return [];
        return [{ id: `r${round + 1}`, links: ['L'], bytes: ended.bytes / 2, startS: nowS, tag: 'round' }];
      },
    });
    expect(result.flows.map((f) => [f.id, f.tag])).toEqual([
      ['r0', 'round'],
      ['r1', 'round'],
      ['r2', 'round'],
    ]);
    expect(endOf(result, 'r0')).toBeCloseTo(1, 9);
    expect(endOf(result, 'r1')).toBeCloseTo(1.5, 9);
    expect(endOf(result, 'r2')).toBeCloseTo(1.75, 9);
    for (const [, endS, nowS] of seen) expect(endS).toBe(nowS);
  });

  it('simulateTimeline(onFlowEnd starting later) leaves an idle gap', () => {
    // Claim: a chained flow may wait (a queued migration); the link is idle meanwhile.
    // In details: a = 1.25 GB at 10 Gbps ends at 1 s; b starts 2 s later (at 3 s) and takes 1 s.
    // Expectations: b ends at 4 s; a segment [1, 3] with no link rates, because nothing runs.
    const result = simulateTimeline({
      links: [{ id: 'L', gbps: 10 }],
      flows: [{ id: 'a', links: ['L'], bytes: 1.25 * GB, startS: 0 }],
      onFlowEnd: (ended, nowS) =>
        ended.id === 'a' ? [{ id: 'b', links: ['L'], bytes: 1.25 * GB, startS: nowS + 2 }] : [],
    });
    expect(endOf(result, 'b')).toBeCloseTo(4, 9);
    const idle = result.segments.find((s) => s.linkGbps.length === 0);
    expect(idle?.startS).toBeCloseTo(1, 9);
    expect(idle?.endS).toBeCloseTo(3, 9);
  });

  it('simulateTimeline(zero-byte flow) ends it at its start', () => {
    // Claim: a flow with nothing to send ends when it starts, and still triggers onFlowEnd.
    // Expectations: endS = startS = 0.5, because there is nothing to wait for; the chained flow runs
    // from 0.5 s for 1 s, because 1.25 GB at 10 Gbps take 1 s.
    const result = simulateTimeline({
      links: [{ id: 'L', gbps: 10 }],
      flows: [{ id: 'empty', links: ['L'], bytes: 0, startS: 0.5 }],
      onFlowEnd: (ended, nowS) =>
        ended.id === 'empty' ? [{ id: 'next', links: ['L'], bytes: 1.25 * GB, startS: nowS }] : [],
    });
    expect(endOf(result, 'empty')).toBe(0.5);
    expect(endOf(result, 'next')).toBeCloseTo(1.5, 9);
  });

  it('simulateTimeline(capGbps) holds a flow to its cap', () => {
    // Claim: a capped flow leaves the rest of the link to others.
    // In details: x capped at 2 Gbps, y uncapped, 10 Gbps link; x sends 0.25 GB = 2e9 bits, so 1 s.
    // Expectations: x ends at 1 s, because it runs at 2 Gbps; y runs at 8 Gbps meanwhile.
    const result = simulateTimeline({
      links: [{ id: 'L', gbps: 10 }],
      flows: [
        { id: 'x', links: ['L'], bytes: 0.25 * GB, startS: 0, capGbps: 2 },
        { id: 'y', links: ['L'], bytes: 10 * GB, startS: 0 },
      ],
    });
    expect(endOf(result, 'x')).toBeCloseTo(1, 9);
    expect(result.segments[0].flowGbps).toEqual([
      ['x', 2],
      ['y', 8],
    ]);
  });
});

describe('simulateTimeline: bad input', () => {
  const links = [{ id: 'L', gbps: 10 }];
  const cases: Array<[string, TimelineInput, string]> = [
    ['unknown link', { links, flows: [{ id: 'f', links: ['M'], bytes: 1, startS: 0 }] }, 'flows[0].links[0]'],
    ['negative bytes', { links, flows: [{ id: 'f', links: ['L'], bytes: -1, startS: 0 }] }, 'flows[0].bytes'],
    ['NaN start', { links, flows: [{ id: 'f', links: ['L'], bytes: 1, startS: NaN }] }, 'flows[0].startS'],
    ['negative start', { links, flows: [{ id: 'f', links: ['L'], bytes: 1, startS: -1 }] }, 'flows[0].startS'],
    ['zero link rate', { links: [{ id: 'L', gbps: 0 }], flows: [] }, 'links[0].gbps'],
    ['no link and no cap', { links, flows: [{ id: 'f', links: [], bytes: 1, startS: 0 }] }, 'flows[0]'],
    ['unknown recorded link', { links, flows: [], recordLinks: ['M'] }, 'recordLinks[0]'],
    [
      'duplicate flow id',
      {
        links,
        flows: [
          { id: 'f', links: ['L'], bytes: 1, startS: 0 },
          { id: 'f', links: ['L'], bytes: 1, startS: 0 },
        ],
      },
      'flows[1].id',
    ],
    [
      'chained flow in the past',
      {
        links,
        flows: [{ id: 'f', links: ['L'], bytes: 1.25 * GB, startS: 0 }],
        onFlowEnd: (_ended, nowS) => [{ id: 'g', links: ['L'], bytes: 1, startS: nowS - 0.5 }],
      },
      'onFlowEnd(f)[0].startS',
    ],
    [
      'chained flow reusing an id',
      {
        links,
        flows: [{ id: 'f', links: ['L'], bytes: 1, startS: 0 }],
        onFlowEnd: (_ended, nowS) => [{ id: 'f', links: ['L'], bytes: 1, startS: nowS }],
      },
      'onFlowEnd(f)[0].id',
    ],
    [
      'endless chaining',
      {
        links,
        flows: [{ id: 'f0', links: ['L'], bytes: 1, startS: 0 }],
        onFlowEnd: (ended, nowS) => [{ id: `f${Number(ended.id.slice(1)) + 1}`, links: ['L'], bytes: 1, startS: nowS }],
        maxEvents: 100,
      },
      'maxEvents',
    ],
  ];
  for (const [name, input, field] of cases) {
    it(`simulateTimeline(${name}) throws InputError on ${field}`, () => {
      // Because bad input must be named, and a run must never loop forever.
      const error = thrownBy(() => simulateTimeline(input));
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).field).toBe(field);
    });
  }
});

/** Random runs: up to 4 links, up to 12 flows with random starts, sizes (some 0) and caps. */
const run = fc
  .array(fc.constantFrom(1, 10, 25, 40), { minLength: 1, maxLength: 4 })
  .chain((rates) =>
    fc
      .array(
        fc.record({
          links: fc.subarray(
            rates.map((_, i) => `L${i}`),
            { minLength: 1 },
          ),
          bytes: fc.oneof(fc.constant(0), fc.double({ min: 1e3, max: 5e9, noNaN: true })),
          startS: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 5, noNaN: true })),
          capGbps: fc.option(fc.constantFrom(0.5, 3, 7.5), { nil: undefined }),
        }),
        { maxLength: 12 },
      )
      .map(
        (flows): TimelineInput => ({
          links: rates.map((gbps, i) => ({ id: `L${i}`, gbps })),
          flows: flows.map((flow, i) => ({ id: `f${i}`, ...flow })),
        }),
      ),
  );

function integrate(result: TimelineResult, pick: (segment: TimelineResult['segments'][number]) => Array<[string, number]>) {
  const bytes = new Map<string, number>();
  for (const segment of result.segments) {
    for (const [id, gbps] of pick(segment)) {
      bytes.set(id, (bytes.get(id) ?? 0) + gbps * BYTES_PER_GBPS_SECOND * (segment.endS - segment.startS));
    }
  }
  return bytes;
}

describe('simulateTimeline: properties', () => {
  it('carries on each link the sum of its flows bytes', () => {
    // Because the link rates are the sums of the flow rates, integrated over the run.
    fc.assert(
      fc.property(run, (input) => {
        const result = simulateTimeline(input);
        const integrated = integrate(result, (s) => s.linkGbps);
        for (const [id, bytes] of Object.entries(linkBytes(result))) {
          expect(Math.abs((integrated.get(id) ?? 0) - bytes)).toBeLessThanOrEqual(1e-6 * bytes + 1e-3);
        }
      }),
    );
  });

  it('integrates each flow rate to its bytes, between its start and its end', () => {
    // Because a flow ends exactly when its last byte has gone.
    fc.assert(
      fc.property(run, (input) => {
        const result = simulateTimeline(input);
        expect(result.flows).toHaveLength(input.flows.length);
        const integrated = integrate(result, (s) => s.flowGbps ?? []);
        for (const flow of result.flows) {
          expect(Math.abs((integrated.get(flow.id) ?? 0) - flow.bytes)).toBeLessThanOrEqual(1e-6 * flow.bytes + 1e-3);
          expect(flow.endS).toBeGreaterThanOrEqual(flow.startS);
        }
        for (const segment of result.segments) {
          for (const [id] of segment.flowGbps ?? []) {
            const flow = result.flows.find((f) => f.id === id) as CompletedFlow;
            expect(segment.startS).toBeGreaterThanOrEqual(flow.startS - 1e-12);
            expect(segment.endS).toBeLessThanOrEqual(flow.endS + 1e-12);
          }
        }
      }),
    );
  });

  it('never loads a link over its rate, and covers the run with back-to-back segments', () => {
    // Because rates come from the max-min solver at every event, and time has no holes.
    fc.assert(
      fc.property(run, (input) => {
        const result = simulateTimeline(input);
        const gbps = new Map(input.links.map((l) => [l.id, l.gbps]));
        let t = 0;
        for (const segment of result.segments) {
          expect(segment.startS).toBe(t);
          expect(segment.endS).toBeGreaterThan(segment.startS);
          t = segment.endS;
          for (const [id, rate] of segment.linkGbps) expect(rate).toBeLessThanOrEqual((gbps.get(id) as number) * (1 + 1e-9));
        }
        if (result.segments.length > 0) expect(t).toBe(result.durationS);
      }),
    );
  });

  it('gives the same result for the same input', () => {
    // Because the simulation has no hidden state and no randomness.
    fc.assert(
      fc.property(run, (input) => {
        expect(simulateTimeline(input)).toEqual(simulateTimeline(structuredClone(input)));
      }),
    );
  });

  it('runs every segment at the max-min fair rates of the flows active in it, chained rounds included', () => {
    // Because rates are re-solved at each arrival and completion (or taken over unchanged when a chained
    // round replaces its predecessor on the same links), so each segment must match a fresh solve.
    fc.assert(
      fc.property(run, fc.boolean(), (input, delayed) => {
        const caps = new Map<string, number | undefined>();
        for (const flow of input.flows) caps.set(flow.id, flow.capGbps);
        const result = simulateTimeline({
          ...input,
          onFlowEnd: (ended, nowS) => {
            if (ended.id.endsWith('+') || ended.bytes === 0) return [];
            const id = `${ended.id}+`;
            caps.set(id, caps.get(ended.id));
            const startS = delayed && ended.id.length % 2 === 0 ? nowS + 0.25 : nowS;
            return [{ id, links: ended.links, bytes: ended.bytes / 3, startS, capGbps: caps.get(ended.id) }];
          },
        });
        const linksOf = new Map(result.flows.map((f) => [f.id, f.links]));
        for (const segment of result.segments) {
          const flows = (segment.flowGbps ?? []).map(([id]) => ({ id, links: linksOf.get(id) as string[], cap: caps.get(id) }));
          const expected = maxMinFair({ links: input.links.map((l) => ({ id: l.id, capacity: l.gbps })), flows }).rates;
          for (const [id, gbps] of segment.flowGbps ?? []) expect(gbps).toBeCloseTo(expected[id], 9);
        }
      }),
    );
  });
});

describe('simulateTimeline: groups of links solved apart', () => {
  it('gives each segment the rates of one max-min solve over all its flows, to float noise', () => {
    // Claim: after a change the timeline re-solves only the flows linked (through shared links) to what
    // changed, at or above the level the change can reach (MaxMinSystem); that changes no rate beyond
    // float noise (the joint solve's tie tolerance may merge levels 1e-12 apart across groups).
    // Setup: random flows over 8 links of random speeds, usually several separate groups, arriving at
    // random times; some share their links' speeds so that equal levels tie across groups.
    // Expectation: every segment's rates equal a fresh maxMinFair over the flows running in it to 1e-12
    // relative, because a group's max-min rates do not depend on flows it shares no link with, nor on
    // flows frozen below the level a change reaches.
    const links = fc.array(fc.constantFrom(1, 2.5, 10, 10, 25), { minLength: 8, maxLength: 8 });
    const flows = fc.array(
      fc.record({
        links: fc.uniqueArray(fc.integer({ min: 0, max: 7 }), { minLength: 1, maxLength: 2 }),
        gb: fc.integer({ min: 1, max: 40 }),
        startS: fc.constantFrom(0, 0, 0.5, 1, 2.25),
        cap: fc.option(fc.constantFrom(0.5, 4), { nil: undefined }),
      }),
      { minLength: 1, maxLength: 14 },
    );
    fc.assert(
      fc.property(links, flows, (speeds, specs) => {
        const input: TimelineInput = {
          links: speeds.map((gbps, i) => ({ id: `L${i}`, gbps })),
          flows: specs.map((f, i) => ({ id: `f${i}`, links: f.links.map((l) => `L${l}`), bytes: (f.gb * GB) / 10, startS: f.startS, capGbps: f.cap })),
        };
        const result = simulateTimeline(input);
        const byId = new Map(input.flows.map((f) => [f.id, f]));
        for (const segment of result.segments) {
          const running = (segment.flowGbps ?? []).map(([id]) => byId.get(id) as TimelineFlowInput);
          const expected = maxMinFair({
            links: input.links.map((l) => ({ id: l.id, capacity: l.gbps })),
            flows: running.map((f) => ({ id: f.id, links: f.links, cap: f.capGbps })),
          }).rates;
          for (const [id, gbps] of segment.flowGbps ?? []) expect(Math.abs(gbps - expected[id])).toBeLessThanOrEqual(1e-12 * expected[id]);
        }
      }),
    );
  });

  it('solves links that share no flow apart, even when their levels differ by float noise only', () => {
    // Claim: the engine re-solves only the part of the system a change touched (MaxMinSystem), so two
    // groups of links that share no flow never influence each other, not even through the solver's tie
    // tolerance (1e-12), which a solve of everything at once would apply across them.
    // Setup: link A (1 Gbps) carries a1, a2, a3; link B (0.33333333333333337 Gbps, one float step above
    // 1/3) carries b alone. Each a moves 1/24 GB (1 s at 1/3 Gbps); b moves 0.125 GB.
    const slightlyMore = 0.33333333333333337;
    expect(slightlyMore).not.toBe(1 / 3);
    const result = simulateTimeline({
      links: [
        { id: 'A', gbps: 1 },
        { id: 'B', gbps: slightlyMore },
      ],
      flows: [
        ...['a1', 'a2', 'a3'].map((id) => ({ id, links: ['A'], bytes: GB / 24, startS: 0 })),
        { id: 'b', links: ['B'], bytes: GB / 8, startS: 0 },
      ],
    });
    const rateOf = (segment: TimelineResult['segments'][number], id: string) => segment.flowGbps?.find(([f]) => f === id)?.[1];
    // Expectations: b has all of B from the start (its max-min rate), and the a flows 1/3 each of A.
    expect(rateOf(result.segments[0], 'b')).toBe(slightlyMore);
    expect(rateOf(result.segments[0], 'a1')).toBe(1 / 3);
    expect(result.segments[0].endS).toBeCloseTo(1, 9);
    expect(rateOf(result.segments[result.segments.length - 1], 'b')).toBe(slightlyMore);
  });
});
