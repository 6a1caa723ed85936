/**
 * Who may start when: Hyper-V's simultaneous-migration limit (`Set-VMHost -MaximumVirtualMachineMigrations`)
 * with FIFO queueing. A migration starts once both its hosts take part in fewer than `simultaneous`
 * migrations; waiting migrations are served in order of request time, then input order, each as soon as
 * both its hosts have a free slot (one that cannot start does not hold back later ones for other hosts).
 *
 * Only pairs of hosts with a host freed now, or with a migration requested now, can hold one that starts:
 * after the previous call none could start, and slots are taken only here. Within a pair the migrations
 * start in queue order, and once the first waiting one cannot start the rest of the pair cannot either
 * (same two hosts), so merging the pairs' queues by request order, head by head, starts the same
 * migrations in the same order as scanning every waiting one, at a cost of O(pairs log pairs) per call
 * plus O(log pairs) per start, whatever the length of the queues.
 */
import { MinHeap } from '../timeline/MinHeap';

/** The migrations waiting between two hosts, in FIFO order: `waiting[head..]`. */
interface PairQueue {
  source: string;
  target: string;
  waiting: number[];
  head: number;
}

/** What the scheduler needs of a migration. */
export interface ScheduledMigration {
  source: string;
  target: string;
  requestS: number;
}

export class MigrationScheduler {
  private readonly busy = new Map<string, number>();
  private readonly fifo: number[];
  private readonly rank: Int32Array;
  private nextRequest = 0;
  private readonly pairQueues = new Map<string, PairQueue>();
  private readonly waitingPairsOf = new Map<string, Set<PairQueue>>();
  /** Releases not applied yet, in order of time. */
  private readonly releases: Array<{ atS: number; index: number }> = [];
  private nextRelease = 0;
  private readonly released: Uint8Array;

  constructor(
    private readonly migrations: readonly ScheduledMigration[],
    private readonly simultaneous: number,
  ) {
    this.fifo = migrations.map((_, i) => i).sort((a, b) => migrations[a].requestS - migrations[b].requestS || a - b);
    this.rank = new Int32Array(migrations.length);
    this.fifo.forEach((index, k) => {
      this.rank[index] = k;
    });
    this.released = new Uint8Array(migrations.length);
  }

  /** The distinct request times, in increasing order: when `startable` must be asked. */
  requestTimes(): number[] {
    return [...new Set(this.migrations.map((m) => m.requestS))].sort((a, b) => a - b);
  }

  /** Migration `index` gives its slots back at `atS` (applied by the first `startable` call at or after it). */
  release(index: number, atS: number): void {
    const releases = this.releases;
    const release = { atS, index };
    let k = releases.length;
    releases.push(release);
    for (; k > this.nextRelease && releases[k - 1].atS > atS; k--) releases[k] = releases[k - 1];
    releases[k] = release;
  }

  /**
   * Applies every release and request due by `nowS` and returns the migrations that start now, in the
   * order they start; their slots are taken.
   */
  startable(nowS: number): number[] {
    const { busy, migrations, simultaneous, releases } = this;
    const candidates = new Set<PairQueue>();
    while (this.nextRelease < releases.length && releases[this.nextRelease].atS <= nowS) {
      const index = releases[this.nextRelease++].index;
      if (this.released[index] === 1) continue;
      this.released[index] = 1;
      for (const host of [migrations[index].source, migrations[index].target]) {
        busy.set(host, (busy.get(host) ?? 0) - 1);
        for (const queue of this.waitingPairsOf.get(host) ?? []) candidates.add(queue);
      }
    }
    while (this.nextRequest < this.fifo.length && migrations[this.fifo[this.nextRequest]].requestS <= nowS) {
      const index = this.fifo[this.nextRequest++];
      const { source, target } = migrations[index];
      const key = `${source}\u0000${target}`;
      let queue = this.pairQueues.get(key);
      if (queue === undefined) this.pairQueues.set(key, (queue = { source, target, waiting: [], head: 0 }));
      if (queue.head === queue.waiting.length) this.markWaiting(queue, true);
      queue.waiting.push(index);
      candidates.add(queue);
    }
    // The heads of the candidate pairs, earliest request first. A head that cannot start blocks its pair
    // for now (the rest of the pair needs the same two hosts); one that starts lets the next one try.
    const heads = new MinHeap<PairQueue>((a, b) => this.rank[a.waiting[a.head]] < this.rank[b.waiting[b.head]]);
    for (const queue of candidates) if (queue.head < queue.waiting.length) heads.push(queue);
    const starting: number[] = [];
    for (let queue = heads.pop(); queue !== undefined; queue = heads.pop()) {
      const index = queue.waiting[queue.head];
      const { source, target } = migrations[index];
      if ((busy.get(source) ?? 0) >= simultaneous || (busy.get(target) ?? 0) >= simultaneous) continue;
      queue.head++;
      busy.set(source, (busy.get(source) ?? 0) + 1);
      busy.set(target, (busy.get(target) ?? 0) + 1);
      starting.push(index);
      if (queue.head === queue.waiting.length) {
        this.markWaiting(queue, false);
        queue.waiting = [];
        queue.head = 0;
      } else heads.push(queue);
    }
    return starting;
  }

  /** Adds a pair to its hosts' sets of pairs with a waiting migration, or takes it out. */
  private markWaiting(queue: PairQueue, waiting: boolean): void {
    for (const host of [queue.source, queue.target]) {
      let pairs = this.waitingPairsOf.get(host);
      if (pairs === undefined) this.waitingPairsOf.set(host, (pairs = new Set()));
      if (waiting) pairs.add(queue);
      else pairs.delete(queue);
    }
  }
}
