/**
 * A binary min-heap ordered by `before(a, b)` ("a leaves before b"), which must be a strict total order
 * for the run to be deterministic (break ties with a sequence number). The simulation keeps two: the
 * flows waiting to start (by start time) and the running flows (by finish time).
 */
export class MinHeap<T> {
  /** The items in heap order (the first leaves first); a caller may read them, e.g. to re-solve all. */
  items: T[] = [];

  /** @param before true when `a` must leave before `b` */
  constructor(private readonly before: (a: T, b: T) => boolean) {}

  get size(): number {
    return this.items.length;
  }

  /** The item that leaves first, without removing it. */
  peek(): T | undefined {
    return this.items[0];
  }

  push(item: T): void {
    const items = this.items;
    const before = this.before;
    let i = items.length;
    items.push(item);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(item, items[parent])) break;
      items[i] = items[parent];
      i = parent;
    }
    items[i] = item;
  }

  /** Removes and returns the item that leaves first. */
  pop(): T | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last !== undefined) this.sink(last, 0);
    return top;
  }

  /** Replaces the content with `items` (whose keys may all have changed) and restores the heap order. */
  rebuild(items: T[]): void {
    this.items = items;
    for (let i = (items.length >> 1) - 1; i >= 0; i--) this.sink(items[i], i);
  }

  private sink(item: T, i: number): void {
    const items = this.items;
    const before = this.before;
    const n = items.length;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && before(items[child + 1], items[child])) child++;
      if (!before(items[child], item)) break;
      items[i] = items[child];
      i = child;
    }
    items[i] = item;
  }
}
