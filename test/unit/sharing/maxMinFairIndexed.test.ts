import { describe, expect, it } from 'vitest';
import { maxMinFairIndexed, maxMinFairIndexedInto } from '../../../lib/sharing';
import type { IndexedMaxMinProblem } from '../../../lib/sharing';

/** A problem from each flow's list of link indices (no caps unless given). */
function problem(capacities: number[], flows: number[][], caps?: number[]): IndexedMaxMinProblem {
  const flowLinkStart = [0];
  for (const links of flows) flowLinkStart.push(flowLinkStart[flowLinkStart.length - 1] + links.length);
  return {
    linkCapacity: Float64Array.from(capacities),
    flowCap: Float64Array.from(caps ?? flows.map(() => Infinity)),
    flowLinkStart: Int32Array.from(flowLinkStart),
    flowLinks: Int32Array.from(flows.flat()),
  };
}

describe('maxMinFairIndexed: many links saturating at one level', () => {
  it('freezes each flow on its lowest-index link when all its links fill at once (40 symmetric pairs)', () => {
    // Claim: when many links saturate in the same round, their flows are frozen in link order, whatever
    // order the flows list their links in (the timeline's cluster drains are such symmetric problems).
    // Setup: 40 pairs of 10 Gbps links (2p, 2p + 1); flow p crosses its pair, listed high index first;
    // flow 40 crosses links 0 and 2 as well, so pairs 0 and 1 carry two flows on one link each.
    const capacities = Array.from({ length: 80 }, () => 10);
    const flows = Array.from({ length: 40 }, (_, p) => [2 * p + 1, 2 * p]);
    flows.push([2, 0]);
    const { rate, bottleneck } = maxMinFairIndexed(problem(capacities, flows));
    // Expectations: flows 0, 1 and 40 share links 0 and 2 two by two, so they all get 10 / 2 = 5,
    // because links 0 and 2 both fill at level 5 first; their bottleneck is link 0 for flows 0 and 40 and
    // link 2 for flow 1, because link 0 comes first and flow 1 does not cross it.
    expect(rate[0]).toBeCloseTo(5, 12);
    expect(rate[1]).toBeCloseTo(5, 12);
    expect(rate[40]).toBeCloseTo(5, 12);
    expect([bottleneck[0], bottleneck[1], bottleneck[40]]).toEqual([0, 2, 0]);
    // Every other flow is alone on its pair: 10 Gbps, bottlenecked by the pair's lower link 2p, because
    // both links of the pair fill at level 10 in the same round and the lower index is frozen first.
    for (let p = 2; p < 40; p++) {
      expect(rate[p]).toBeCloseTo(10, 12);
      expect(bottleneck[p]).toBe(2 * p);
    }
  });
});

describe('maxMinFairIndexedInto', () => {
  it('writes the same answer into the given arrays and leaves the entries past the flows alone', () => {
    // Claim: the in-place form is the same solver: a caller reusing longer buffers gets the same rates.
    // Setup: one 10 Gbps link, three flows, one capped at 2 (hand-solved: 2, 4, 4).
    const input = problem([10], [[0], [0], [0]], [2, Infinity, Infinity]);
    const rate = new Float64Array(5).fill(-7);
    const bottleneck = new Int32Array(5).fill(9);
    maxMinFairIndexedInto(input, { rate, bottleneck });
    // Expectations: 2 for the capped flow (no bottleneck link: -1), (10 - 2) / 2 = 4 for the others
    // (bottleneck link 0), because the cap freezes first at level 2 and the link then fills at level 4;
    // entries 3 and 4 keep what the caller put there, because there are only three flows.
    expect(Array.from(rate.subarray(0, 3))).toEqual([2, 4, 4]);
    expect(Array.from(bottleneck.subarray(0, 3))).toEqual([-1, 0, 0]);
    expect([rate[3], rate[4], bottleneck[3], bottleneck[4]]).toEqual([-7, -7, 9, 9]);
    const fresh = maxMinFairIndexed(input);
    expect(Array.from(fresh.rate)).toEqual([2, 4, 4]);
  });
});
