/**
 * A max-min sharing system that changes over time: flows come, go and change links, and `solve()`
 * re-solves only what the changes touched. It is the incremental counterpart of `maxMinFair` (SimGrid's
 * lmm `System` plays the same part under its network models): a timeline keeps one and calls `solve()`
 * at each event.
 *
 * Groups. Flows with the same links and the same cap always get the same max-min rate, so the system
 * keeps them as one group with a count (a dense drain has ~20,000 flows in flight in under 1,000 groups)
 * and solves groups, each weighing its count on its links.
 *
 * What a change touches. Progressive filling raises every unfrozen flow's rate together and freezes flows
 * as links saturate, in increasing order of level. A flow that leaves with rate `r` took part in nothing
 * below level `r` (none of its links saturated below it), and a flow that joins gets at least
 * `min(cap, min over its links of capacity / flows on it)`, so nothing below that level depends on it
 * either. So with `t` the lowest of those levels over the changes, every group whose rate is below `t`
 * keeps its rate, and only the groups at `t` or above that are connected to a change through links (the
 * "residual component") are solved again, on the capacity the others leave. Elsewhere nothing is done.
 *
 * Rates are those of progressive filling on each residual component; a solve of all flows at once could
 * differ from them by float noise only (its tie tolerance may merge two levels 1e-12 apart across
 * components), never by more.
 *
 * Indices: links are `0 .. linkCount - 1` as given; flows are handles returned by `addFlow` (reused after
 * `removeFlow`). Rates in the capacities' unit.
 */
import { maxMinFairIndexedInto } from './maxMinFairIndexed';

/** Relative margin below the threshold level: groups this close to it are solved again too. */
const THRESHOLD_MARGIN = 1e-9;

export class MaxMinSystem {
  private readonly capacity: Float64Array;
  /** Groups on each link (group ids) and each link's flow count (sum of its groups' counts). */
  private readonly linkGroups: number[][];
  private readonly linkFlowCount: Float64Array;
  private readonly linkStamp: Int32Array;
  private readonly linkLocal: Int32Array;

  // Groups, by group id.
  private groupLinks: Int32Array[] = [];
  private groupCap: number[] = [];
  private groupSize: number[] = [];
  private groupRate: number[] = [];
  private groupFlows: number[][] = [];
  private groupKey: string[] = [];
  private groupStamp: number[] = [];
  /** Count at the last solve (-1: not solved yet), and whether the group changed since. */
  private groupSolvedCount: number[] = [];
  private groupTouched: number[] = [];
  private readonly groupByKey = new Map<string, number>();
  private readonly freeGroups: number[] = [];

  // Flows, by handle.
  private flowGroup: number[] = [];
  private flowPosition: number[] = [];
  private readonly freeFlows: number[] = [];
  private flowCountValue = 0;

  private touched: number[] = [];
  private stamp = 0;
  private changed: number[] = [];

  // Scratch of the component solve.
  private componentGroups: number[] = [];
  private componentLinks: number[] = [];
  private localCapacity = new Float64Array(16);
  private localCap = new Float64Array(16);
  private localWeight = new Float64Array(16);
  private localStart = new Int32Array(17);
  private localLinks = new Int32Array(32);
  private localRate = new Float64Array(16);
  private localBottleneck = new Int32Array(16);

  /** @param linkCapacities each link's capacity (> 0, finite), by link index. */
  constructor(linkCapacities: ArrayLike<number>) {
    const n = linkCapacities.length;
    this.capacity = Float64Array.from(linkCapacities);
    this.linkGroups = Array.from({ length: n }, () => []);
    this.linkFlowCount = new Float64Array(n);
    this.linkStamp = new Int32Array(n);
    this.linkLocal = new Int32Array(n);
  }

  /** Number of links. */
  get linkCount(): number {
    return this.capacity.length;
  }

  /** Number of flows in the system. */
  get flowCount(): number {
    return this.flowCountValue;
  }

  /** Number of groups (distinct link sets and caps) in the system. */
  get groupCount(): number {
    return this.groupByKey.size;
  }

  /**
   * Adds a flow over `links` (link indices, each at most once) with an optional cap; its rate is known
   * after the next `solve()`. A flow without links needs a finite cap. Returns the flow's handle.
   */
  addFlow(links: ArrayLike<number>, cap = Infinity): number {
    const flow = this.freeFlows.length > 0 ? (this.freeFlows.pop() as number) : this.flowGroup.length;
    this.flowCountValue++;
    this.join(flow, links, cap);
    return flow;
  }

  /** Takes a flow out; the rates of the others change at the next `solve()`. */
  removeFlow(flow: number): void {
    this.leave(flow);
    this.flowGroup[flow] = -1;
    this.freeFlows.push(flow);
    this.flowCountValue--;
  }

  /** Moves a flow onto other links (same cap), as a re-route does. */
  setFlowLinks(flow: number, links: ArrayLike<number>): void {
    const cap = this.groupCap[this.flowGroup[flow]];
    this.leave(flow);
    this.join(flow, links, cap);
  }

  /** The flow's rate as of the last `solve()` (0 before its first). */
  rate(flow: number): number {
    const g = this.flowGroup[flow];
    return this.groupSolvedCount[g] < 0 ? 0 : this.groupRate[g];
  }

  /** The link indices of a flow's group (shared, do not modify). */
  flowLinks(flow: number): Int32Array {
    return this.groupLinks[this.flowGroup[flow]];
  }

  /** Total rate on a link as of the last `solve()`, summed over its groups. */
  linkRate(link: number): number {
    let sum = 0;
    for (const g of this.linkGroups[link]) if (this.groupSolvedCount[g] >= 0) sum += this.groupSize[g] * this.groupRate[g];
    return sum;
  }

  /**
   * Re-solves what changed since the last call. Returns the groups whose rate changed (ids valid until
   * the next change); `groupFlowList` and `groupLinkList` read them. Empty when nothing changed.
   */
  solve(): readonly number[] {
    const changed = this.changed;
    changed.length = 0;
    if (this.touched.length === 0) return changed;
    let threshold = Infinity;
    const seeds: number[] = [];
    for (const g of this.touched) {
      this.groupTouched[g] = 0;
      const before = this.groupSolvedCount[g];
      const now = this.groupSize[g];
      if (before === now) continue; // left and came back: the same problem for this group
      seeds.push(g);
      if (before > 0 && this.groupRate[g] < threshold) threshold = this.groupRate[g];
      if (now > 0) {
        const bound = this.lowerBound(g);
        if (bound < threshold) threshold = bound;
      }
    }
    this.touched.length = 0;
    if (seeds.length === 0) return changed;
    const limit = threshold * (1 - THRESHOLD_MARGIN);
    this.solveFrom(seeds, limit);
    // Groups emptied are dropped now that their links have been solved again.
    for (const g of seeds) if (this.groupSize[g] === 0) this.dropGroup(g);
    return changed;
  }

  /** The flows of a group (shared, do not modify). */
  groupFlowList(group: number): readonly number[] {
    return this.groupFlows[group];
  }

  /** The links of a group (shared, do not modify). */
  groupLinkList(group: number): Int32Array {
    return this.groupLinks[group];
  }

  /** The rate of a group. */
  groupRateOf(group: number): number {
    return this.groupRate[group];
  }

  // ---------------------------------------------------------------------------------------------

  /** A lower bound of a group's rate in the current flows: its cap or its links' fair shares. */
  private lowerBound(g: number): number {
    let bound = this.groupCap[g];
    for (const l of this.groupLinks[g]) {
      const share = this.capacity[l] / this.linkFlowCount[l];
      if (share < bound) bound = share;
    }
    return bound;
  }

  /**
   * Solves the residual components of the seeds (groups at `limit` or above, joined by links), each
   * component on its own.
   */
  private solveFrom(seeds: number[], limit: number): void {
    const stamp = ++this.stamp;
    const { groupStamp } = this;
    for (const seed of seeds) {
      if (groupStamp[seed] === stamp) continue;
      this.collectComponent(seed, limit, stamp);
      this.solveComponent(stamp);
    }
  }

  /** Gathers the residual component of `seed` into componentGroups / componentLinks. */
  private collectComponent(seed: number, limit: number, stamp: number): void {
    const groups = this.componentGroups;
    const links = this.componentLinks;
    groups.length = 0;
    links.length = 0;
    const { groupStamp, linkStamp, groupRate, groupSolvedCount, groupSize } = this;
    const visitLinksOf = (g: number): void => {
      for (const l of this.groupLinks[g]) {
        if (linkStamp[l] === stamp) continue;
        linkStamp[l] = stamp;
        links.push(l);
      }
    };
    groupStamp[seed] = stamp;
    if (groupSize[seed] > 0) groups.push(seed);
    visitLinksOf(seed);
    // Breadth first: each link's groups at or above the limit (and new ones) join the component.
    for (let i = 0; i < links.length; i++) {
      for (const g of this.linkGroups[links[i]]) {
        if (groupStamp[g] === stamp) continue;
        if (groupSize[g] > 0 && groupSolvedCount[g] >= 0 && groupRate[g] < limit) continue;
        groupStamp[g] = stamp;
        if (groupSize[g] > 0) groups.push(g);
        visitLinksOf(g);
      }
    }
  }

  /** Solves the collected component on what the groups outside it leave of its links. */
  private solveComponent(stamp: number): void {
    const groups = this.componentGroups;
    const links = this.componentLinks;
    const { groupStamp, groupRate, groupSolvedCount, groupSize: groupCount } = this;
    const n = groups.length;
    if (n === 0) return;
    // Local problem: the component's links with what the groups below the limit leave of them.
    this.reserve(n, links.length);
    const { localCapacity, linkLocal } = this;
    let localLinkCount = 0;
    for (const l of links) {
      let used = 0;
      for (const g of this.linkGroups[l]) if (groupStamp[g] !== stamp && groupCount[g] > 0) used += groupCount[g] * groupRate[g];
      const left = this.capacity[l] - used;
      linkLocal[l] = localLinkCount;
      localCapacity[localLinkCount++] = left > 0 ? left : 0;
    }
    let elements = 0;
    for (const g of groups) elements += this.groupLinks[g].length;
    if (this.localLinks.length < elements) this.localLinks = new Int32Array(elements * 2);
    const { localCap, localWeight, localStart, localLinks } = this;
    let k = 0;
    for (let i = 0; i < n; i++) {
      const g = groups[i];
      localCap[i] = this.groupCap[g];
      localWeight[i] = groupCount[g];
      localStart[i] = k;
      for (const l of this.groupLinks[g]) localLinks[k++] = linkLocal[l];
    }
    localStart[n] = k;
    maxMinFairIndexedInto(
      {
        linkCapacity: localCapacity.subarray(0, localLinkCount),
        flowCap: localCap.subarray(0, n),
        flowLinkStart: localStart,
        flowLinks: localLinks,
        flowWeight: localWeight,
      },
      { rate: this.localRate, bottleneck: this.localBottleneck },
    );
    for (let i = 0; i < n; i++) {
      const g = groups[i];
      const rate = this.localRate[i];
      if (groupSolvedCount[g] < 0 || groupRate[g] !== rate) {
        groupRate[g] = rate;
        this.changed.push(g);
      }
      groupSolvedCount[g] = groupCount[g];
    }
  }

  private reserve(groups: number, links: number): void {
    if (this.localCap.length < groups) {
      const n = groups * 2;
      this.localCap = new Float64Array(n);
      this.localWeight = new Float64Array(n);
      this.localStart = new Int32Array(n + 1);
      this.localRate = new Float64Array(n);
      this.localBottleneck = new Int32Array(n);
    }
    if (this.localCapacity.length < links) this.localCapacity = new Float64Array(links * 2);
  }

  private touch(g: number): void {
    if (this.groupTouched[g] === 1) return;
    this.groupTouched[g] = 1;
    this.touched.push(g);
  }

  private join(flow: number, links: ArrayLike<number>, cap: number): void {
    const key = groupKey(links, cap);
    let g = this.groupByKey.get(key);
    if (g === undefined) {
      g = this.freeGroups.length > 0 ? (this.freeGroups.pop() as number) : this.groupLinks.length;
      const sorted = Int32Array.from(links).sort();
      this.groupLinks[g] = sorted;
      this.groupCap[g] = cap;
      this.groupSize[g] = 0;
      this.groupRate[g] = 0;
      this.groupFlows[g] = [];
      this.groupKey[g] = key;
      this.groupStamp[g] = 0;
      this.groupSolvedCount[g] = -1;
      this.groupTouched[g] = 0;
      this.groupByKey.set(key, g);
      for (const l of sorted) this.linkGroups[l].push(g);
    }
    this.groupSize[g]++;
    for (const l of this.groupLinks[g]) this.linkFlowCount[l]++;
    this.flowGroup[flow] = g;
    this.flowPosition[flow] = this.groupFlows[g].length;
    this.groupFlows[g].push(flow);
    this.touch(g);
  }

  private leave(flow: number): void {
    const g = this.flowGroup[flow];
    const list = this.groupFlows[g];
    const position = this.flowPosition[flow];
    const last = list.pop() as number;
    if (last !== flow) {
      list[position] = last;
      this.flowPosition[last] = position;
    }
    this.groupSize[g]--;
    for (const l of this.groupLinks[g]) this.linkFlowCount[l]--;
    this.touch(g);
  }

  /** Removes an empty group from its links and frees its id. */
  private dropGroup(g: number): void {
    if (this.groupTouched[g] === 1) return; // joined again since; it stays
    for (const l of this.groupLinks[g]) {
      const list = this.linkGroups[l];
      const at = list.indexOf(g);
      list[at] = list[list.length - 1];
      list.pop();
    }
    this.groupByKey.delete(this.groupKey[g]);
    this.groupSolvedCount[g] = -1;
    this.freeGroups.push(g);
  }
}

/** The identity of a group: its sorted links and its cap. */
function groupKey(links: ArrayLike<number>, cap: number): string {
  if (links.length === 1) return `${links[0]}|${cap}`;
  if (links.length === 2) return links[0] < links[1] ? `${links[0]},${links[1]}|${cap}` : `${links[1]},${links[0]}|${cap}`;
  return `${Array.from(links).sort((a, b) => a - b).join(',')}|${cap}`;
}
