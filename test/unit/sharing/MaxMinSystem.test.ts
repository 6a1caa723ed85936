import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maxMinFair, MaxMinSystem } from '../../../lib/sharing';

// MaxMinSystem keeps max-min rates up to date while flows come, go and move, re-solving only what a
// change touched. These tests check it against a fresh maxMinFair of all flows after every solve.

describe('MaxMinSystem', () => {
  it('two flows on one link share it; when one leaves the other gets it all; a move frees the link', () => {
    const system = new MaxMinSystem([10, 4]);
    const a = system.addFlow([0]);
    const b = system.addFlow([0]);
    expect(system.solve().length).toBe(1); // one group (same links, no cap) changed
    expect([system.rate(a), system.rate(b), system.linkRate(0)]).toEqual([5, 5, 10]);
    system.removeFlow(a);
    system.solve();
    expect(system.rate(b)).toBe(10);
    system.setFlowLinks(b, [1]);
    system.solve();
    expect([system.rate(b), system.linkRate(0), system.linkRate(1)]).toEqual([4, 0, 4]);
  });

  it('groups flows with the same links and cap, and leaves untouched groups alone', () => {
    const system = new MaxMinSystem([10, 10, 10]);
    for (let i = 0; i < 100; i++) system.addFlow([0, 1]);
    const lone = system.addFlow([2]);
    system.solve();
    expect(system.groupCount).toBe(2);
    expect(system.rate(lone)).toBe(10);
    // A flow that ends and one that starts on the same links at the same instant change nothing.
    system.removeFlow(0);
    system.addFlow([1, 0]);
    expect(system.solve()).toEqual([]);
    // A new flow on link 2 changes only link 2's group.
    const other = system.addFlow([2]);
    const changed = system.solve();
    expect(changed.map((g) => system.groupFlowList(g).length).sort()).toEqual([2]);
    expect([system.rate(lone), system.rate(other)]).toEqual([5, 5]);
  });

  it('property: after any sequence of adds, removes and moves, rates are those of maxMinFair on all flows', () => {
    const op = fc.record({
      kind: fc.constantFrom('add', 'add', 'remove', 'move'),
      links: fc.uniqueArray(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 3 }),
      cap: fc.option(fc.constantFrom(0.5, 3, 7), { nil: undefined }),
      pick: fc.nat(),
      solve: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(fc.constantFrom(1, 2.5, 10, 25), { minLength: 6, maxLength: 6 }), fc.array(op, { minLength: 1, maxLength: 40 }), (capacities, ops) => {
        const system = new MaxMinSystem(capacities);
        const live = new Map<number, { links: number[]; cap?: number }>();
        const check = () => {
          system.solve();
          const handles = [...live.keys()];
          const expected = maxMinFair({
            links: capacities.map((capacity, l) => ({ id: `L${l}`, capacity })),
            flows: handles.map((h) => ({ id: `f${h}`, links: (live.get(h) as { links: number[] }).links.map((l) => `L${l}`), cap: live.get(h)?.cap })),
          }).rates;
          for (const h of handles) expect(Math.abs(system.rate(h) - expected[`f${h}`])).toBeLessThanOrEqual(1e-12 * expected[`f${h}`]);
        };
        for (const o of ops) {
          const handles = [...live.keys()];
          if (o.kind === 'add' || handles.length === 0) live.set(system.addFlow(o.links, o.cap ?? Infinity), { links: o.links, cap: o.cap });
          else if (o.kind === 'remove') {
            const h = handles[o.pick % handles.length];
            system.removeFlow(h);
            live.delete(h);
          } else {
            const h = handles[o.pick % handles.length];
            system.setFlowLinks(h, o.links);
            (live.get(h) as { links: number[] }).links = o.links;
          }
          if (o.solve) check();
        }
        check();
      }),
      { numRuns: 300 },
    );
  });
});
