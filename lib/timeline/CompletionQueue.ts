/**
 * The running flows, the one that ends first on top (ties: the one that started first, by `seq`).
 * A binary min-heap on `finishS`; `items` lists the flows in heap order, for a full re-solve.
 */
export class CompletionQueue<T extends { finishS: number; seq: number }> {
  items: T[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): T | undefined {
    return this.items[0];
  }

  push(item: T): void {
    const items = this.items;
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

  pop(): T | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last !== undefined) this.sink(last, 0);
    return top;
  }

  /** Replaces the content with `items` (whose finish times all changed) and restores the heap order. */
  rebuild(items: T[]): void {
    this.items = items;
    for (let i = (items.length >> 1) - 1; i >= 0; i--) this.sink(items[i], i);
  }

  private sink(item: T, i: number): void {
    const items = this.items;
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

function before(a: { finishS: number; seq: number }, b: { finishS: number; seq: number }): boolean {
  return a.finishS < b.finishS || (a.finishS === b.finishS && a.seq < b.seq);
}
