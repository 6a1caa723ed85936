import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
// Internal to the timeline (not in the barrel): the one heap behind its waiting and running flows.
import { MinHeap } from '../../../lib/timeline/MinHeap';

interface Item {
  key: number;
  seq: number;
}
const before = (a: Item, b: Item) => a.key < b.key || (a.key === b.key && a.seq < b.seq);
const byKeyThenSeq = (a: Item, b: Item) => a.key - b.key || a.seq - b.seq;

describe('MinHeap', () => {
  it('pops in the comparator order, ties by sequence number, whatever the push order', () => {
    // Because the timeline relies on it for determinism: equal times leave in the order flows were given.
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 60 }), (keys) => {
        const items = keys.map((key, seq) => ({ key, seq }));
        const heap = new MinHeap<Item>(before);
        for (const item of items) heap.push(item);
        expect(heap.size).toBe(items.length);
        const popped: Item[] = [];
        for (let top = heap.peek(); top !== undefined; top = heap.peek()) {
          expect(heap.pop()).toBe(top);
          popped.push(top);
        }
        expect(popped).toEqual([...items].sort(byKeyThenSeq));
        expect(heap.pop()).toBeUndefined();
      }),
    );
  });

  it('rebuild restores the order after every key changed, and pushes and pops keep working after it', () => {
    // Because the running flows all get new finish times when rates are solved again, then the heap is rebuilt.
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 40 }), fc.integer({ min: 0, max: 9 }), (keys, extra) => {
        const heap = new MinHeap<Item>(before);
        keys.forEach((key, seq) => heap.push({ key, seq }));
        const all = heap.items;
        for (const item of all) item.key = 9 - item.key;
        heap.rebuild(all);
        heap.push({ key: extra, seq: keys.length });
        const expected = [...all.filter((i) => i.seq < keys.length), { key: extra, seq: keys.length }].sort(byKeyThenSeq);
        const popped: Item[] = [];
        while (heap.size > 0) popped.push(heap.pop() as Item);
        expect(popped).toEqual(expected);
      }),
    );
  });
});
