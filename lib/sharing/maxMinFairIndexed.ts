/**
 * The progressive-filling core behind {@link maxMinFair}, on plain indices instead of ids. It does no
 * validation: callers that build many problems in a loop (the timeline re-solves at every event) use it
 * to skip the id bookkeeping. Everyone else should call `maxMinFair`.
 *
 * How it works (water filling with a "water level"):
 * - Every unfrozen flow has the same rate, the current `level`. A link `l` with `n` unfrozen flows and
 *   `fixed` Gbps used by frozen flows saturates when `fixed + n * level = capacity`, that is at level
 *   `(capacity - fixed) / n`. That level only changes when one of the link's flows freezes, so the
 *   links wait in a min-heap keyed by it (stale entries are skipped with a version stamp).
 * - Flows with a cap wait in a list sorted by cap.
 * - Each round takes the lower of the next cap and the next saturation level, raises the level to it
 *   and freezes the flows concerned; freezing a flow updates only the links it crosses.
 *
 * Cost: O(E log L + F log F) for E flow-link elements, L links and F flows, instead of the textbook
 * O(rounds x E).
 */

/**
 * A max-min problem on indices, flows' links in compressed rows (CSR). Links are
 * `0 .. linkCapacity.length - 1`, flows `0 .. flowCap.length - 1`.
 */
export interface IndexedMaxMinProblem {
  /** Capacity of each link, by link index (> 0). */
  linkCapacity: ArrayLike<number>;
  /** For each flow, its own rate limit; `Infinity` when it has none. A flow with no links needs a finite cap. */
  flowCap: ArrayLike<number>;
  /** Flow `f` crosses links `flowLinks[flowLinkStart[f]]` up to (not including) `flowLinks[flowLinkStart[f + 1]]`. */
  flowLinkStart: ArrayLike<number>;
  /** Link indices of all flows, one after the other (no link twice within a flow). */
  flowLinks: ArrayLike<number>;
}

/** The answer, by flow index. */
export interface IndexedMaxMinSolution {
  /** Rate of each flow, in the capacity's unit. */
  rate: Float64Array;
  /** Index of the saturated link that froze each flow, or -1 when its cap froze it. */
  bottleneck: Int32Array;
}

/** Two saturation levels closer than this (relative) are treated as one round. */
const TIE_TOLERANCE = 1e-12;

export function maxMinFairIndexed(problem: IndexedMaxMinProblem): IndexedMaxMinSolution {
  const { linkCapacity, flowCap, flowLinkStart, flowLinks } = problem;
  const linkCount = linkCapacity.length;
  const flowCount = flowCap.length;
  const rate = new Float64Array(flowCount);
  const bottleneck = new Int32Array(flowCount).fill(-1);
  if (flowCount === 0) return { rate, bottleneck };

  // Link -> flows adjacency (CSR), built by counting.
  const unfrozenOnLink = new Int32Array(linkCount);
  const elementCount = flowLinkStart[flowCount] - flowLinkStart[0];
  for (let k = flowLinkStart[0]; k < flowLinkStart[flowCount]; k++) unfrozenOnLink[flowLinks[k]]++;
  const linkStart = new Int32Array(linkCount + 1);
  for (let l = 0; l < linkCount; l++) linkStart[l + 1] = linkStart[l] + unfrozenOnLink[l];
  const linkFlows = new Int32Array(elementCount);
  const fillPosition = linkStart.slice(0, linkCount);
  for (let f = 0; f < flowCount; f++) {
    for (let k = flowLinkStart[f]; k < flowLinkStart[f + 1]; k++) linkFlows[fillPosition[flowLinks[k]]++] = f;
  }

  const fixedUse = new Float64Array(linkCount);
  const version = new Int32Array(linkCount);
  const heap = new LevelHeap(elementCount + linkCount);
  for (let l = 0; l < linkCount; l++) {
    if (unfrozenOnLink[l] > 0) heap.push(linkCapacity[l] / unfrozenOnLink[l], l, 0);
  }

  const capOrder: number[] = [];
  for (let f = 0; f < flowCount; f++) if (flowCap[f] !== Infinity) capOrder.push(f);
  capOrder.sort((a, b) => flowCap[a] - flowCap[b] || a - b);

  const frozen = new Uint8Array(flowCount);
  let unfrozenCount = flowCount;
  let capPointer = 0;
  let level = 0;

  const freeze = (f: number, value: number, link: number): void => {
    frozen[f] = 1;
    unfrozenCount--;
    rate[f] = value;
    bottleneck[f] = link;
    for (let k = flowLinkStart[f]; k < flowLinkStart[f + 1]; k++) {
      const l = flowLinks[k];
      const left = --unfrozenOnLink[l];
      fixedUse[l] += value;
      const v = ++version[l];
      if (left > 0) {
        // Never below the current level: rounding must not move the water back down.
        const saturation = (linkCapacity[l] - fixedUse[l]) / left;
        heap.push(saturation > level ? saturation : level, l, v);
      }
    }
  };

  const saturated: number[] = [];
  while (unfrozenCount > 0) {
    while (capPointer < capOrder.length && frozen[capOrder[capPointer]]) capPointer++;
    const nextCap = capPointer < capOrder.length ? flowCap[capOrder[capPointer]] : Infinity;
    while (heap.size > 0 && heap.topVersion() !== version[heap.topLink()]) heap.pop();
    const nextLink = heap.size > 0 ? heap.topLevel() : Infinity;
    if (nextCap === Infinity && nextLink === Infinity) {
      throw new Error('maxMinFairIndexed: a flow has neither a link nor a cap');
    }
    if (nextCap <= nextLink) {
      // A cap freezes first (on a tie the cap wins: the flow is limited by itself).
      level = nextCap;
      while (capPointer < capOrder.length) {
        const f = capOrder[capPointer];
        if (frozen[f]) {
          capPointer++;
          continue;
        }
        if (flowCap[f] > level) break;
        freeze(f, flowCap[f], -1);
        capPointer++;
      }
      continue;
    }
    // One or more links saturate at this level: collect them, then freeze their flows in link order
    // so that the bottleneck named for a flow does not depend on the order flows were given in.
    level = nextLink;
    const limit = level + Math.abs(level) * TIE_TOLERANCE;
    saturated.length = 0;
    while (heap.size > 0 && heap.topLevel() <= limit) {
      const l = heap.topLink();
      if (heap.topVersion() === version[l]) saturated.push(l);
      heap.pop();
    }
    saturated.sort((a, b) => a - b);
    for (const l of saturated) {
      version[l]++; // its remaining entries are obsolete
      for (let k = linkStart[l]; k < linkStart[l + 1]; k++) {
        const f = linkFlows[k];
        if (!frozen[f]) freeze(f, level, l);
      }
    }
  }
  return { rate, bottleneck };
}

/** Binary min-heap of (level, link, version), ties broken by link index. */
class LevelHeap {
  private levels: Float64Array;
  private links: Int32Array;
  private versions: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.levels = new Float64Array(Math.max(capacity, 1));
    this.links = new Int32Array(Math.max(capacity, 1));
    this.versions = new Int32Array(Math.max(capacity, 1));
  }

  topLevel(): number {
    return this.levels[0];
  }
  topLink(): number {
    return this.links[0];
  }
  topVersion(): number {
    return this.versions[0];
  }

  push(level: number, link: number, version: number): void {
    if (this.size === this.levels.length) this.grow();
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(level, link, parent)) break;
      this.move(parent, i);
      i = parent;
    }
    this.levels[i] = level;
    this.links[i] = link;
    this.versions[i] = version;
  }

  pop(): void {
    const last = --this.size;
    if (last === 0) return;
    const level = this.levels[last];
    const link = this.links[last];
    const version = this.versions[last];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      if (child + 1 < last && this.lessAt(child + 1, child)) child++;
      if (!this.less(this.levels[child], this.links[child], -1, level, link)) break;
      this.move(child, i);
      i = child;
    }
    this.levels[i] = level;
    this.links[i] = link;
    this.versions[i] = version;
  }

  /** (level, link) < entry at index `at`, or < (otherLevel, otherLink) when `at` is -1. */
  private less(level: number, link: number, at: number, otherLevel?: number, otherLink?: number): boolean {
    const ol = at >= 0 ? this.levels[at] : (otherLevel as number);
    const ok = at >= 0 ? this.links[at] : (otherLink as number);
    return level < ol || (level === ol && link < ok);
  }

  private lessAt(a: number, b: number): boolean {
    return this.less(this.levels[a], this.links[a], b);
  }

  private move(from: number, to: number): void {
    this.levels[to] = this.levels[from];
    this.links[to] = this.links[from];
    this.versions[to] = this.versions[from];
  }

  private grow(): void {
    const n = this.levels.length * 2;
    const levels = new Float64Array(n);
    levels.set(this.levels);
    const links = new Int32Array(n);
    links.set(this.links);
    const versions = new Int32Array(n);
    versions.set(this.versions);
    this.levels = levels;
    this.links = links;
    this.versions = versions;
  }
}
