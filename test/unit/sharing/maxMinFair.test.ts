import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { maxMinFair } from '../../../lib/sharing';
import type { MaxMinFairInput } from '../../../lib/sharing';
import { InputError } from '../../../lib/InputError';

const TOLERANCE = 1e-9;

describe('maxMinFair: hand-solved cases', () => {
  it('maxMinFair(one link, four flows) gives each a quarter', () => {
    // Claim: flows alone on one link share it equally.
    // In details: a + b + c + d <= 10, nothing else binds.
    // Expectations: every rate is 10 / 4 = 2.5, because raising all four together fills the link at 2.5;
    // the link is every flow's bottleneck, because it froze them all.
    const { rates, bottlenecks } = maxMinFair({
      links: [{ id: 'L', capacity: 10 }],
      flows: ['a', 'b', 'c', 'd'].map((id) => ({ id, links: ['L'] })),
    });
    for (const id of ['a', 'b', 'c', 'd']) {
      expect(rates[id]).toBeCloseTo(2.5, 12);
      expect(bottlenecks[id]).toBe('L');
    }
  });

  it('maxMinFair(a capped flow) leaves what it does not use to the others', () => {
    // Claim: a cap below the fair share frees capacity for the other flows.
    // In details: x + y + z <= 10, x <= 2.
    // Expectations: x = 2 with no bottleneck link, because its cap froze it at level 2 (below 10/3);
    // y = z = (10 - 2) / 2 = 4, because the link then fills at level 4.
    const { rates, bottlenecks } = maxMinFair({
      links: [{ id: 'L', capacity: 10 }],
      flows: [
        { id: 'x', links: ['L'], cap: 2 },
        { id: 'y', links: ['L'] },
        { id: 'z', links: ['L'] },
      ],
    });
    expect(rates.x).toBeCloseTo(2, 12);
    expect(bottlenecks.x).toBeNull();
    expect(rates.y).toBeCloseTo(4, 12);
    expect(rates.z).toBeCloseTo(4, 12);
    expect(bottlenecks.y).toBe('L');
  });

  it('maxMinFair(line network) gives the long flow the share of its tightest link', () => {
    // Claim: the classic line network: a long flow crosses three links, one short flow per link.
    // In details: long + s1 <= 1 (L1), long + s2 <= 1 (L2), long + s3 <= 2 (L3).
    // Expectations: L1 and L2 fill first, at level 1/2, so long = s1 = s2 = 0.5, because each has one
    // competitor there; s3 = 2 - 0.5 = 1.5, because it keeps rising alone until L3 is full.
    // The long flow's bottleneck is L1, because L1 and L2 tie and the link given first wins.
    const { rates, bottlenecks } = maxMinFair({
      links: [
        { id: 'L1', capacity: 1 },
        { id: 'L2', capacity: 1 },
        { id: 'L3', capacity: 2 },
      ],
      flows: [
        { id: 'long', links: ['L1', 'L2', 'L3'] },
        { id: 's1', links: ['L1'] },
        { id: 's2', links: ['L2'] },
        { id: 's3', links: ['L3'] },
      ],
    });
    expect(rates.long).toBeCloseTo(0.5, 12);
    expect(rates.s1).toBeCloseTo(0.5, 12);
    expect(rates.s2).toBeCloseTo(0.5, 12);
    expect(rates.s3).toBeCloseTo(1.5, 12);
    expect(bottlenecks.long).toBe('L1');
    expect(bottlenecks.s2).toBe('L2');
    expect(bottlenecks.s3).toBe('L3');
  });

  it('maxMinFair(full duplex) keeps the two directions independent', () => {
    // Claim: a NIC's send and receive links are separate resources.
    // In details: two flows A->B cross A/send and B/receive; one flow B->A crosses B/send and A/receive.
    // Expectations: each A->B flow gets 10 / 2 = 5, because they share A/send (and B/receive);
    // B->A gets the full 10, because nothing else uses B/send or A/receive.
    const { rates, bottlenecks } = maxMinFair({
      links: [
        { id: 'A/send', capacity: 10 },
        { id: 'A/receive', capacity: 10 },
        { id: 'B/send', capacity: 10 },
        { id: 'B/receive', capacity: 10 },
      ],
      flows: [
        { id: 'ab1', links: ['A/send', 'B/receive'] },
        { id: 'ab2', links: ['A/send', 'B/receive'] },
        { id: 'ba', links: ['B/send', 'A/receive'] },
      ],
    });
    expect(rates.ab1).toBeCloseTo(5, 12);
    expect(rates.ab2).toBeCloseTo(5, 12);
    expect(rates.ba).toBeCloseTo(10, 12);
    expect(bottlenecks.ba).toBe('A/receive');
  });

  it('maxMinFair(flow on two links) is limited by the smaller one', () => {
    // Claim: a flow crossing a 10 and a 1 link gets at most 1, and the rest of the big link goes to others.
    // In details: f + g <= 10 (big), f <= 1 (small).
    // Expectations: f = 1 with bottleneck "small", because small fills at level 1 first;
    // g = 10 - 1 = 9 with bottleneck "big", because it rises alone afterwards.
    const { rates, bottlenecks } = maxMinFair({
      links: [
        { id: 'big', capacity: 10 },
        { id: 'small', capacity: 1 },
      ],
      flows: [
        { id: 'f', links: ['big', 'small'] },
        { id: 'g', links: ['big'] },
      ],
    });
    expect(rates.f).toBeCloseTo(1, 12);
    expect(bottlenecks.f).toBe('small');
    expect(rates.g).toBeCloseTo(9, 12);
    expect(bottlenecks.g).toBe('big');
  });

  it('maxMinFair(flow with only a cap) gets its cap', () => {
    // Claim: a flow that crosses no link is limited by its cap alone.
    // Expectations: rate 3 and no bottleneck link, because nothing else binds it.
    const { rates, bottlenecks } = maxMinFair({ links: [], flows: [{ id: 'local', links: [], cap: 3 }] });
    expect(rates.local).toBe(3);
    expect(bottlenecks.local).toBeNull();
  });
});

describe('maxMinFair: bad input', () => {
  const link = { id: 'L', capacity: 10 };
  const cases: Array<[string, unknown, string]> = [
    ['duplicate link id', { links: [link, link], flows: [] }, 'links[1].id'],
    ['duplicate flow id', { links: [link], flows: [{ id: 'f', links: ['L'] }, { id: 'f', links: ['L'] }] }, 'flows[1].id'],
    ['unknown link', { links: [link], flows: [{ id: 'f', links: ['M'] }] }, 'flows[0].links[0]'],
    ['same link twice in a flow', { links: [link], flows: [{ id: 'f', links: ['L', 'L'] }] }, 'flows[0].links[1]'],
    ['zero capacity', { links: [{ id: 'L', capacity: 0 }], flows: [] }, 'links[0].capacity'],
    ['infinite capacity', { links: [{ id: 'L', capacity: Infinity }], flows: [] }, 'links[0].capacity'],
    ['NaN capacity', { links: [{ id: 'L', capacity: NaN }], flows: [] }, 'links[0].capacity'],
    ['negative cap', { links: [link], flows: [{ id: 'f', links: ['L'], cap: -1 }] }, 'flows[0].cap'],
    ['infinite cap', { links: [link], flows: [{ id: 'f', links: ['L'], cap: Infinity }] }, 'flows[0].cap'],
    ['no link and no cap', { links: [link], flows: [{ id: 'f', links: [] }] }, 'flows[0]'],
  ];
  for (const [name, input, field] of cases) {
    it(`maxMinFair(${name}) throws InputError on ${field}`, () => {
      // Because a wrong input must be named, never turned into NaN or Infinity rates.
      let caught: unknown;
      try {
        maxMinFair(input as MaxMinFairInput);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(InputError);
      expect((caught as InputError).field).toBe(field);
    });
  }
});

/**
 * Random instances: up to 6 links, up to 15 flows, each flow on a non-empty subset of links. Small
 * integers are mixed in so that ties (two links full at the same level, a cap equal to a share) happen.
 */
const amount = (max: number) => fc.oneof(fc.integer({ min: 1, max: 12 }), fc.double({ min: 0.1, max, noNaN: true }));
const instance = fc
  .array(amount(100), { minLength: 1, maxLength: 6 })
  .chain((capacities) =>
    fc
      .array(
        fc.record({
          links: fc.subarray(
            capacities.map((_, i) => `L${i}`),
            { minLength: 1 },
          ),
          cap: fc.option(amount(60), { nil: undefined }),
        }),
        { maxLength: 15 },
      )
      .map((flows): MaxMinFairInput => ({
        links: capacities.map((capacity, i) => ({ id: `L${i}`, capacity })),
        flows: flows.map((flow, i) => ({ id: `f${i}`, ...flow })),
      })),
  );

function linkLoads(input: MaxMinFairInput, rates: Record<string, number>): Map<string, number> {
  const load = new Map(input.links.map((l) => [l.id, 0]));
  for (const flow of input.flows) for (const l of flow.links) load.set(l, (load.get(l) as number) + rates[flow.id]);
  return load;
}

describe('maxMinFair: properties', () => {
  it('never loads a link over its capacity', () => {
    // Because the rates must satisfy every link's inequality.
    fc.assert(
      fc.property(instance, (input) => {
        const { rates } = maxMinFair(input);
        const load = linkLoads(input, rates);
        for (const link of input.links) expect(load.get(link.id)).toBeLessThanOrEqual(link.capacity * (1 + TOLERANCE));
      }),
    );
  });

  it('gives each flow its cap or the largest rate on a saturated link it crosses (max-min optimality)', () => {
    // Because this is the characterisation of max-min fairness: a flow is limited either by itself or by a
    // full link on which no other flow gets more than it does.
    fc.assert(
      fc.property(instance, (input) => {
        const { rates, bottlenecks } = maxMinFair(input);
        const load = linkLoads(input, rates);
        const capacity = new Map(input.links.map((l) => [l.id, l.capacity]));
        const maxOn = new Map<string, number>();
        for (const flow of input.flows) {
          for (const l of flow.links) maxOn.set(l, Math.max(maxOn.get(l) ?? 0, rates[flow.id]));
        }
        for (const flow of input.flows) {
          const r = rates[flow.id];
          expect(r).toBeGreaterThan(0);
          if (flow.cap !== undefined) expect(r).toBeLessThanOrEqual(flow.cap * (1 + TOLERANCE));
          const capped = flow.cap !== undefined && r >= flow.cap * (1 - TOLERANCE);
          const limitedByLink = flow.links.some(
            (l) =>
              (load.get(l) as number) >= (capacity.get(l) as number) * (1 - TOLERANCE) &&
              r >= (maxOn.get(l) as number) * (1 - TOLERANCE),
          );
          expect(capped || limitedByLink).toBe(true);
          // The named bottleneck itself satisfies the condition.
          const b = bottlenecks[flow.id];
          if (b === null) expect(capped).toBe(true);
          else {
            expect(flow.links).toContain(b);
            expect(load.get(b) as number).toBeGreaterThanOrEqual((capacity.get(b) as number) * (1 - TOLERANCE));
            expect(r).toBeGreaterThanOrEqual((maxOn.get(b) as number) * (1 - TOLERANCE));
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same output for the same input', () => {
    // Because the solver is a pure function.
    fc.assert(
      fc.property(instance, (input) => {
        expect(maxMinFair(input)).toEqual(maxMinFair(structuredClone(input)));
      }),
    );
  });

  it('gives the same rates whatever the order of the flows', () => {
    // Because max-min fair rates are unique: the order flows are listed in cannot matter.
    fc.assert(
      fc.property(
        instance.chain((input) =>
          fc.tuple(fc.constant(input), fc.shuffledSubarray(input.flows, { minLength: input.flows.length })),
        ),
        ([input, shuffled]) => {
          const a = maxMinFair(input).rates;
          const b = maxMinFair({ links: input.links, flows: shuffled }).rates;
          for (const flow of input.flows) expect(b[flow.id]).toBeCloseTo(a[flow.id], 9);
        },
      ),
    );
  });
});

describe('maxMinFair: the answer is plain data of its own', () => {
  it('maxMinFair(input changed after the call) keeps its answer; bottlenecks read late, spread and JSON agree', () => {
    // Claim: bottlenecks are built on first read (most callers only read rates), yet the answer behaves as
    // plain data computed at the call: changing the input afterwards changes nothing, and the property is
    // enumerable (spreading and JSON see it), with the same object on every read.
    const input: MaxMinFairInput = {
      links: [{ id: 'L', capacity: 10 }, { id: 'M', capacity: 4 }],
      flows: [{ id: 'a', links: ['L'] }, { id: 'b', links: ['L', 'M'] }, { id: 'c', links: [], cap: 1 }],
    };
    const result = maxMinFair(input);
    input.flows[0].id = 'changed';
    input.links[0].id = 'changed';
    expect(result.rates).toEqual({ a: 6, b: 4, c: 1 });
    expect(Object.keys(result)).toEqual(['rates', 'bottlenecks']);
    expect(JSON.parse(JSON.stringify(result))).toEqual({ rates: { a: 6, b: 4, c: 1 }, bottlenecks: { a: 'L', b: 'M', c: null } });
    expect(result.bottlenecks).toBe(result.bottlenecks);
    expect({ ...result }.bottlenecks).toEqual({ a: 'L', b: 'M', c: null });
  });
});
