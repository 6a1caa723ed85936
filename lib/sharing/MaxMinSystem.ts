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
import { solveIndexed } from './maxMinFairIndexed';

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
  private groupKey: Array<string | number> = [];
  /** Where each group sits in each of its links' group lists (same order as `groupLinks`). */
  private groupLinkSlot: Int32Array[] = [];
  private groupStamp: number[] = [];
  /** Count at the last solve (-1: not solved yet), and whether the group changed since. */
  private groupSolvedCount: number[] = [];
  private groupTouched: number[] = [];
  private readonly groupByKey = new Map<string | number, number>();
  private readonly freeGroups: number[] = [];

  // Flows, by handle.
  private flowGroup: number[] = [];
  private flowPosition: number[] = [];
  private readonly freeFlows: number[] = [];
  private flowCountValue = 0;

  // Lists reused from solve to solve, each with its own length (never cut by `length = 0`, which gives
  // V8's backing store back and makes every later push allocate again).
  private readonly touched: number[] = [];
  private touchedCount = 0;
  private readonly seeds: number[] = [];
  private stamp = 0;
  private readonly changed: number[] = [];
  private changedCount = 0;

  // Scratch of the component solve.
  private readonly componentGroups: number[] = [];
  private componentGroupCount = 0;
  private readonly componentLinks: number[] = [];
  private componentLinkCount = 0;
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
    const groups = this.linkGroups[link];
    for (let i = 0; i < groups.length; i++) {
      const g = groups[i];
      if (this.groupSolvedCount[g] >= 0) sum += this.groupSize[g] * this.groupRate[g];
    }
    return sum;
  }

  /**
   * Re-solves what changed since the last call. Returns the groups whose rate changed (ids valid until
   * the next change); `groupFlowList` and `groupLinkList` read them. Empty when nothing changed.
   */
  solve(): readonly number[] {
    const count = this.solveChanges();
    return this.changed.slice(0, count);
  }

  /**
   * `solve()` without building the list: returns how many groups changed rate; `changedGroup(0 ..
   * count - 1)` names them (valid until the next change). The timeline calls this at every event.
   */
  solveChanges(): number {
    this.changedCount = 0;
    const touchedCount = this.touchedCount;
    if (touchedCount === 0) return 0;
    const { touched, seeds, groupTouched, groupSolvedCount, groupSize, groupRate } = this;
    let threshold = Infinity;
    let seedCount = 0;
    for (let i = 0; i < touchedCount; i++) {
      const g = touched[i];
      groupTouched[g] = 0;
      const before = groupSolvedCount[g];
      const now = groupSize[g];
      if (before === now) continue; // left and came back: the same problem for this group
      seeds[seedCount++] = g;
      if (before > 0 && groupRate[g] < threshold) threshold = groupRate[g];
      if (now > 0) {
        const bound = this.lowerBound(g);
        if (bound < threshold) threshold = bound;
      }
    }
    this.touchedCount = 0;
    if (seedCount === 0) return 0;
    const limit = threshold * (1 - THRESHOLD_MARGIN);
    this.solveFrom(seedCount, limit);
    // Groups emptied are dropped now that their links have been solved again.
    for (let i = 0; i < seedCount; i++) if (groupSize[seeds[i]] === 0) this.dropGroup(seeds[i]);
    return this.changedCount;
  }

  /** The `i`-th group whose rate changed at the last `solveChanges()`. */
  changedGroup(i: number): number {
    return this.changed[i];
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
    const links = this.groupLinks[g];
    for (let i = 0; i < links.length; i++) {
      const l = links[i];
      const share = this.capacity[l] / this.linkFlowCount[l];
      if (share < bound) bound = share;
    }
    return bound;
  }

  /**
   * Solves the residual components of the seeds (groups at `limit` or above, joined by links), each
   * component on its own.
   */
  private solveFrom(seedCount: number, limit: number): void {
    const stamp = ++this.stamp;
    const { groupStamp, seeds } = this;
    for (let i = 0; i < seedCount; i++) {
      const seed = seeds[i];
      if (groupStamp[seed] === stamp) continue;
      this.collectComponent(seed, limit, stamp);
      this.solveComponent(stamp);
    }
  }

  /** Gathers the residual component of `seed` into componentGroups / componentLinks. */
  private collectComponent(seed: number, limit: number, stamp: number): void {
    const groups = this.componentGroups;
    const links = this.componentLinks;
    this.componentLinkCount = 0;
    let groupCount = 0;
    const { groupStamp, groupRate, groupSolvedCount, groupSize, linkGroups } = this;
    groupStamp[seed] = stamp;
    if (groupSize[seed] > 0) groups[groupCount++] = seed;
    this.visitLinksOf(seed, stamp);
    // Breadth first: each link's groups at or above the limit (and new ones) join the component.
    for (let i = 0; i < this.componentLinkCount; i++) {
      const onLink = linkGroups[links[i]];
      for (let j = 0; j < onLink.length; j++) {
        const g = onLink[j];
        if (groupStamp[g] === stamp) continue;
        if (groupSize[g] > 0 && groupSolvedCount[g] >= 0 && groupRate[g] < limit) continue;
        groupStamp[g] = stamp;
        if (groupSize[g] > 0) groups[groupCount++] = g;
        this.visitLinksOf(g, stamp);
      }
    }
    this.componentGroupCount = groupCount;
  }

  /** Adds the group's links not yet seen in this component to `componentLinks`. */
  private visitLinksOf(g: number, stamp: number): void {
    const through = this.groupLinks[g];
    const { linkStamp, componentLinks } = this;
    let count = this.componentLinkCount;
    for (let k = 0; k < through.length; k++) {
      const l = through[k];
      if (linkStamp[l] === stamp) continue;
      linkStamp[l] = stamp;
      componentLinks[count++] = l;
    }
    this.componentLinkCount = count;
  }

  /** Solves the collected component on what the groups outside it leave of its links. */
  private solveComponent(stamp: number): void {
    const groups = this.componentGroups;
    const links = this.componentLinks;
    const { groupStamp, groupRate, groupSolvedCount, groupSize: groupCount } = this;
    const n = this.componentGroupCount;
    if (n === 0) return;
    const linkCount = this.componentLinkCount;
    // Local problem: the component's links with what the groups below the limit leave of them.
    this.reserve(n, linkCount);
    const { localCapacity, linkLocal } = this;
    let localLinkCount = 0;
    for (let i = 0; i < linkCount; i++) {
      const l = links[i];
      let used = 0;
      const onLink = this.linkGroups[l];
      for (let j = 0; j < onLink.length; j++) {
        const g = onLink[j];
        if (groupStamp[g] !== stamp && groupCount[g] > 0) used += groupCount[g] * groupRate[g];
      }
      const left = this.capacity[l] - used;
      linkLocal[l] = localLinkCount;
      localCapacity[localLinkCount++] = left > 0 ? left : 0;
    }
    let elements = 0;
    for (let i = 0; i < n; i++) elements += this.groupLinks[groups[i]].length;
    if (this.localLinks.length < elements) this.localLinks = new Int32Array(elements * 2);
    const { localCap, localWeight, localStart, localLinks } = this;
    let k = 0;
    for (let i = 0; i < n; i++) {
      const g = groups[i];
      localCap[i] = this.groupCap[g];
      localWeight[i] = groupCount[g];
      localStart[i] = k;
      const through = this.groupLinks[g];
      for (let j = 0; j < through.length; j++) localLinks[k++] = linkLocal[through[j]];
    }
    localStart[n] = k;
    solveIndexed(localLinkCount, n, localCapacity, localCap, localStart, localLinks, localWeight, this.localRate, this.localBottleneck);
    const { changed, localRate } = this;
    let changedCount = this.changedCount;
    for (let i = 0; i < n; i++) {
      const g = groups[i];
      const rate = localRate[i];
      if (groupSolvedCount[g] < 0 || groupRate[g] !== rate) {
        groupRate[g] = rate;
        changed[changedCount++] = g;
      }
      groupSolvedCount[g] = groupCount[g];
    }
    this.changedCount = changedCount;
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
    this.touched[this.touchedCount++] = g;
  }

  private join(flow: number, links: ArrayLike<number>, cap: number): void {
    const key = groupKey(links, cap, this.capacity.length);
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
      const slots = new Int32Array(sorted.length);
      for (let k = 0; k < sorted.length; k++) {
        const list = this.linkGroups[sorted[k]];
        slots[k] = list.length;
        list.push(g);
      }
      this.groupLinkSlot[g] = slots;
    }
    this.groupSize[g]++;
    const through = this.groupLinks[g];
    for (let i = 0; i < through.length; i++) this.linkFlowCount[through[i]]++;
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
    const through = this.groupLinks[g];
    for (let i = 0; i < through.length; i++) this.linkFlowCount[through[i]]--;
    this.touch(g);
  }

  /** Removes an empty group from its links and frees its id. */
  private dropGroup(g: number): void {
    if (this.groupTouched[g] === 1) return; // joined again since; it stays
    // Out of each link's list in O(1): the list's last group takes its place (as a search and swap would).
    const links = this.groupLinks[g];
    const slots = this.groupLinkSlot[g];
    for (let k = 0; k < links.length; k++) {
      const list = this.linkGroups[links[k]];
      const at = slots[k];
      const last = list[list.length - 1];
      list.pop();
      if (last === g) continue;
      list[at] = last;
      const lastLinks = this.groupLinks[last];
      for (let m = 0; m < lastLinks.length; m++) if (lastLinks[m] === links[k]) this.groupLinkSlot[last][m] = at;
    }
    this.groupByKey.delete(this.groupKey[g]);
    this.groupSolvedCount[g] = -1;
    this.freeGroups.push(g);
  }
}

/**
 * The identity of a group: its sorted links and its cap. Uncapped groups of one or two links (nearly all:
 * a send and a receive link) get a number, cheaper to build and look up than a string.
 */
function groupKey(links: ArrayLike<number>, cap: number, linkCount: number): string | number {
  if (cap === Infinity) {
    if (links.length === 1) return links[0] * (linkCount + 1) + linkCount;
    if (links.length === 2) return links[0] < links[1] ? links[0] * (linkCount + 1) + links[1] : links[1] * (linkCount + 1) + links[0];
  }
  if (links.length === 1) return `${links[0]}|${cap}`;
  if (links.length === 2) return links[0] < links[1] ? `${links[0]},${links[1]}|${cap}` : `${links[1]},${links[0]}|${cap}`;
  return `${Array.from(links).sort((a, b) => a - b).join(',')}|${cap}`;
}
