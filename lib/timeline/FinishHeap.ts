/**
 * The running flows of a timeline in a binary min-heap ordered by finish time (ties by sequence number),
 * each flow knowing its own position, so that a flow whose rate changed moves up or down in O(log n)
 * without touching the others.
 */

/** What the heap needs of a flow. */
export interface HeapFlow {
  /** When it ends at its current rate (Infinity: not moving). */
  finishS: number;
  /** Order of creation; breaks ties. */
  seq: number;
  /** Position in the heap, -1 when not in it. Maintained by the heap. */
  heapIndex: number;
}

export class FinishHeap<T extends HeapFlow> {
  private items: T[] = [];

  get size(): number {
    return this.items.length;
  }

  /** The flow that ends first, without removing it. */
  peek(): T | undefined {
    return this.items[0];
  }

  push(flow: T): void {
    flow.heapIndex = this.items.length;
    this.items.push(flow);
    this.up(flow.heapIndex);
  }

  pop(): T | undefined {
    const items = this.items;
    if (items.length === 0) return undefined;
    const top = items[0];
    this.removeAt(0);
    return top;
  }

  /** Restores the order after `flow.finishS` changed. */
  update(flow: T): void {
    const i = flow.heapIndex;
    if (i > 0 && before(flow, this.items[(i - 1) >> 1])) this.up(i);
    else this.down(i);
  }

  /** Takes a flow out, wherever it is. */
  remove(flow: T): void {
    if (flow.heapIndex >= 0) this.removeAt(flow.heapIndex);
  }

  /** Every flow in the heap, in no particular order (do not modify). */
  all(): readonly T[] {
    return this.items;
  }

  private removeAt(i: number): void {
    const items = this.items;
    const gone = items[i];
    gone.heapIndex = -1;
    const last = items.pop() as T;
    if (i === items.length) return;
    items[i] = last;
    last.heapIndex = i;
    this.update(last);
  }

  private up(i: number): void {
    const items = this.items;
    const flow = items[i];
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(flow, items[parent])) break;
      items[i] = items[parent];
      items[i].heapIndex = i;
      i = parent;
    }
    items[i] = flow;
    flow.heapIndex = i;
  }

  private down(i: number): void {
    const items = this.items;
    const n = items.length;
    const flow = items[i];
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      let child = left;
      if (left + 1 < n && before(items[left + 1], items[left])) child = left + 1;
      if (!before(items[child], flow)) break;
      items[i] = items[child];
      items[i].heapIndex = i;
      i = child;
    }
    items[i] = flow;
    flow.heapIndex = i;
  }
}

function before(a: HeapFlow, b: HeapFlow): boolean {
  return a.finishS < b.finishS || (a.finishS === b.finishS && a.seq < b.seq);
}
