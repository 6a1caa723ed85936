/**
 * A binary min-heap of timed events for the packet simulation. Events with the same time come out in the
 * order they were pushed, so a run never depends on how the heap happens to break ties.
 */
export class EventQueue<T> {
  private readonly times: number[] = [];
  private readonly orders: number[] = [];
  private readonly items: T[] = [];
  private pushed = 0;

  /** Number of events waiting. */
  get size(): number {
    return this.items.length;
  }

  /** Time of the earliest event, or Infinity when the queue is empty. */
  peekTime(): number {
    return this.items.length === 0 ? Infinity : this.times[0];
  }

  /** Adds an event at `time` (any unit, as long as the caller keeps to one). */
  push(time: number, item: T): void {
    const order = this.pushed++;
    let index = this.items.length;
    this.times.push(time);
    this.orders.push(order);
    this.items.push(item);
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!this.before(time, order, this.times[parent], this.orders[parent])) break;
      this.move(parent, index);
      index = parent;
    }
    this.place(index, time, order, item);
  }

  /** Removes and returns the earliest event; throws when the queue is empty (a bug in the caller). */
  pop(): T {
    const count = this.items.length;
    if (count === 0) throw new Error('EventQueue.pop on an empty queue');
    const top = this.items[0];
    const lastTime = this.times.pop() as number;
    const lastOrder = this.orders.pop() as number;
    const lastItem = this.items.pop() as T;
    const size = count - 1;
    if (size === 0) return top;
    let index = 0;
    for (;;) {
      const left = 2 * index + 1;
      if (left >= size) break;
      const right = left + 1;
      const child =
        right < size && this.before(this.times[right], this.orders[right], this.times[left], this.orders[left])
          ? right
          : left;
      if (!this.before(this.times[child], this.orders[child], lastTime, lastOrder)) break;
      this.move(child, index);
      index = child;
    }
    this.place(index, lastTime, lastOrder, lastItem);
    return top;
  }

  private before(time: number, order: number, otherTime: number, otherOrder: number): boolean {
    return time < otherTime || (time === otherTime && order < otherOrder);
  }

  private move(from: number, to: number): void {
    this.times[to] = this.times[from];
    this.orders[to] = this.orders[from];
    this.items[to] = this.items[from];
  }

  private place(index: number, time: number, order: number, item: T): void {
    this.times[index] = time;
    this.orders[index] = order;
    this.items[index] = item;
  }
}
