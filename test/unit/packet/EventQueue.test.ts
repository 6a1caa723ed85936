import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EventQueue } from '../../../lib/packet';

describe('EventQueue', () => {
  it('EventQueue.pop() returns events in time order, ties in push order', () => {
    // Claim: the heap is a stable priority queue, so simulations do not depend on tie-breaking.
    // Expectation: the popped sequence equals a stable sort of the pushes by time.
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 200 }), (times) => {
        const queue = new EventQueue<number>();
        times.forEach((time, index) => queue.push(time, index));
        const expected = times.map((time, index) => ({ time, index })).sort((a, b) => a.time - b.time || a.index - b.index);
        const popped: number[] = [];
        while (queue.size > 0) popped.push(queue.pop());
        expect(popped).toEqual(expected.map((e) => e.index));
      }),
    );
  });

  it('EventQueue.peekTime() is Infinity when empty and pop() throws', () => {
    const queue = new EventQueue<string>();
    expect(queue.peekTime()).toBe(Infinity);
    expect(() => queue.pop()).toThrow();
  });
});
