/**
 * The progressive-filling core behind {@link maxMinFair}, on plain indices instead of ids. It does no
 * validation: callers that build many problems in a loop (the timeline re-solves at every event) use it
 * to skip the id bookkeeping. Everyone else should call `maxMinFair`.
 *
 * How it works (water filling with a "water level"):
 * - Every unfrozen flow has the same rate, the current `level`. A link `l` with `n` unfrozen flows and
 *   `fixed` Gbps used by frozen flows saturates when `fixed + n * level = capacity`, that is at level
 *   `(capacity - fixed) / n`. That level only changes, and only rises, when one of the link's flows
 *   freezes. So the links wait in a min-heap keyed by a level that may be out of date but is never too
 *   high: when a link reaches the top, its level is computed afresh and, if it rose, it sinks back down.
 *   Only the links that reach the top are ever moved.
 * - Flows with a cap wait in a list sorted by cap.
 * - Each round takes the lower of the next cap and the next saturation level, raises the level to it
 *   and freezes the flows concerned; freezing a flow updates only the links it crosses.
 *
 * Cost: O(E log L + F log F) for E flow-link elements, L links and F flows, instead of the textbook
 * O(rounds x E). Scratch buffers are kept between calls (the function is still pure: same input, same
 * output), so that a simulation calling it at every event does not allocate much.
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
  /**
   * How many identical flows each entry stands for (a group of flows with the same links and cap, which
   * max-min fairness always gives the same rate): the entry weighs that much on each of its links.
   * Integers from 1; default 1 for every flow.
   */
  flowWeight?: ArrayLike<number>;
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

/** Scratch buffers reused from call to call; grown when a bigger problem comes. */
let unfrozenOnLink = new Int32Array(64);
let linkStart = new Int32Array(65);
let fillPosition = new Int32Array(64);
let fixedUse = new Float64Array(64);
let heapLevel = new Float64Array(64);
let heapLink = new Int32Array(64);
let linkFlows = new Int32Array(128);
let frozen = new Uint8Array(64);
let saturatedLinks = new Int32Array(64);

function reserve(linkCount: number, flowCount: number, elementCount: number): void {
  if (unfrozenOnLink.length < linkCount) {
    const n = linkCount * 2;
    unfrozenOnLink = new Int32Array(n);
    linkStart = new Int32Array(n + 1);
    fillPosition = new Int32Array(n);
    fixedUse = new Float64Array(n);
    heapLevel = new Float64Array(n);
    heapLink = new Int32Array(n);
    saturatedLinks = new Int32Array(n);
  }
  if (linkFlows.length < elementCount) linkFlows = new Int32Array(elementCount * 2);
  if (frozen.length < flowCount) frozen = new Uint8Array(flowCount * 2);
}

export function maxMinFairIndexed(problem: IndexedMaxMinProblem): IndexedMaxMinSolution {
  const flowCount = problem.flowCap.length;
  const solution = { rate: new Float64Array(flowCount), bottleneck: new Int32Array(flowCount) };
  maxMinFairIndexedInto(problem, solution);
  return solution;
}

/**
 * `maxMinFairIndexed` writing into the caller's arrays (each at least as long as the flows; entries past
 * the flows are left alone), so that a loop solving problem after problem (the timeline) allocates
 * nothing for the answer.
 */
export function maxMinFairIndexedInto(problem: IndexedMaxMinProblem, solution: IndexedMaxMinSolution): void {
  const { linkCapacity, flowCap, flowLinkStart, flowLinks, flowWeight } = problem;
  solveIndexed(linkCapacity.length, flowCap.length, linkCapacity, flowCap, flowLinkStart, flowLinks, flowWeight, solution.rate, solution.bottleneck);
}

/**
 * `maxMinFairIndexedInto` on the first `linkCount` links and `flowCount` flows of longer arrays, so that a
 * caller with reusable buffers (`MaxMinSystem`) neither cuts views nor builds a problem object per solve.
 */
export function solveIndexed(
  linkCount: number,
  flowCount: number,
  linkCapacity: ArrayLike<number>,
  flowCap: ArrayLike<number>,
  flowLinkStart: ArrayLike<number>,
  flowLinks: ArrayLike<number>,
  flowWeight: ArrayLike<number> | undefined,
  rate: Float64Array,
  bottleneck: Int32Array,
): void {
  rate.fill(0, 0, flowCount);
  bottleneck.fill(-1, 0, flowCount);
  if (flowCount === 0) return;
  const firstElement = flowLinkStart[0];
  const elementCount = flowLinkStart[flowCount] - firstElement;
  reserve(linkCount, flowCount, elementCount);
  const unfrozen = unfrozenOnLink;
  const start = linkStart;
  const fill = fillPosition;
  const fixed = fixedUse;
  const flowsOf = linkFlows;
  const isFrozen = frozen;

  // Link -> flows adjacency (CSR), built by counting.
  unfrozen.fill(0, 0, linkCount);
  fixed.fill(0, 0, linkCount);
  isFrozen.fill(0, 0, flowCount);
  for (let k = firstElement; k < firstElement + elementCount; k++) unfrozen[flowLinks[k]]++;
  start[0] = 0;
  for (let l = 0; l < linkCount; l++) {
    start[l + 1] = start[l] + unfrozen[l];
    fill[l] = start[l];
  }
  for (let f = 0; f < flowCount; f++) {
    for (let k = flowLinkStart[f]; k < flowLinkStart[f + 1]; k++) flowsOf[fill[flowLinks[k]]++] = f;
  }
  if (flowWeight !== undefined) {
    // A weighted entry counts as that many unfrozen flows on each of its links.
    unfrozen.fill(0, 0, linkCount);
    for (let f = 0; f < flowCount; f++) {
      const w = flowWeight[f];
      for (let k = flowLinkStart[f]; k < flowLinkStart[f + 1]; k++) unfrozen[flowLinks[k]] += w;
    }
  }

  // Min-heap of links by saturation level (ties: lower link index first). A stored level may be lower than
  // the link's current one (flows froze since), never higher; see refreshTop.
  heapSize = 0;
  for (let l = 0; l < linkCount; l++) {
    if (unfrozen[l] > 0) {
      heapLevel[heapSize] = linkCapacity[l] / unfrozen[l];
      heapLink[heapSize++] = l;
    }
  }
  for (let i = (heapSize >> 1) - 1; i >= 0; i--) siftDown(i);

  let capOrder: number[] | undefined;
  for (let f = 0; f < flowCount; f++) {
    if (flowCap[f] !== Infinity) (capOrder ??= []).push(f);
  }
  capOrder?.sort((a, b) => flowCap[a] - flowCap[b] || a - b);
  const capCount = capOrder === undefined ? 0 : capOrder.length;

  let unfrozenCount = flowCount;
  let capPointer = 0;
  let level = 0;
  while (unfrozenCount > 0) {
    while (capPointer < capCount && isFrozen[(capOrder as number[])[capPointer]]) capPointer++;
    const nextCap = capPointer < capCount ? flowCap[(capOrder as number[])[capPointer]] : Infinity;
    const nextLink = refreshTop(linkCapacity, level) ? heapLevel[0] : Infinity;
    if (nextCap === Infinity && nextLink === Infinity) {
      throw new Error('maxMinFairIndexed: a flow has neither a link nor a cap');
    }
    if (nextCap <= nextLink) {
      // A cap freezes first (on a tie the cap wins: the flow is limited by itself).
      level = nextCap;
      while (capPointer < capCount) {
        const f = (capOrder as number[])[capPointer];
        if (isFrozen[f]) {
          capPointer++;
          continue;
        }
        if (flowCap[f] > level) break;
        // Freeze f at its cap.
        isFrozen[f] = 1;
        unfrozenCount--;
        rate[f] = flowCap[f];
        const w = flowWeight === undefined ? 1 : flowWeight[f];
        for (let k = flowLinkStart[f]; k < flowLinkStart[f + 1]; k++) {
          unfrozen[flowLinks[k]] -= w;
          fixed[flowLinks[k]] += w === 1 ? flowCap[f] : w * flowCap[f];
        }
        capPointer++;
      }
      continue;
    }
    // One or more links saturate at this level: take them all out of the heap, then freeze their flows
    // in link order, so that the bottleneck named for a flow does not depend on the order of the flows.
    level = nextLink;
    const limit = level + Math.abs(level) * TIE_TOLERANCE;
    const saturated = saturatedLinks;
    let count = 0;
    let inOrder = true;
    while (refreshTop(linkCapacity, level) && heapLevel[0] <= limit) {
      const l = heapLink[0];
      if (count > 0 && saturated[count - 1] > l) inOrder = false;
      saturated[count++] = l;
      popTop();
    }
    // Links of equal level leave the heap in index order; symmetric problems saturate many at once.
    if (!inOrder) saturated.subarray(0, count).sort();
    for (let i = 0; i < count; i++) {
      const l = saturated[i];
      for (let j = start[l]; j < start[l + 1]; j++) {
        const f = flowsOf[j];
        if (isFrozen[f]) continue;
        // Freeze f at the level, bottlenecked by l.
        isFrozen[f] = 1;
        unfrozenCount--;
        rate[f] = level;
        bottleneck[f] = l;
        const w = flowWeight === undefined ? 1 : flowWeight[f];
        for (let k = flowLinkStart[f]; k < flowLinkStart[f + 1]; k++) {
          unfrozen[flowLinks[k]] -= w;
          fixed[flowLinks[k]] += w === 1 ? level : w * level;
        }
      }
    }
  }
}

/** Number of links in the heap (heapLevel/heapLink[0 .. heapSize - 1]). */
let heapSize = 0;

function siftDown(i: number): void {
  const level = heapLevel[i];
  const link = heapLink[i];
  for (;;) {
    const left = 2 * i + 1;
    if (left >= heapSize) break;
    let child = left;
    const right = left + 1;
    if (right < heapSize) {
      const lr = heapLevel[right];
      const ll = heapLevel[left];
      if (lr < ll || (lr === ll && heapLink[right] < heapLink[left])) child = right;
    }
    const lc = heapLevel[child];
    if (lc > level || (lc === level && heapLink[child] > link)) break;
    heapLevel[i] = lc;
    heapLink[i] = heapLink[child];
    i = child;
  }
  heapLevel[i] = level;
  heapLink[i] = link;
}

function popTop(): void {
  heapSize--;
  if (heapSize === 0) return;
  heapLevel[0] = heapLevel[heapSize];
  heapLink[0] = heapLink[heapSize];
  siftDown(0);
}

/** Brings the heap's top up to date; false when no link with unfrozen flows is left. */
function refreshTop(linkCapacity: ArrayLike<number>, level: number): boolean {
  while (heapSize > 0) {
    const l = heapLink[0];
    const left = unfrozenOnLink[l];
    if (left === 0) {
      popTop();
      continue;
    }
    // Never below the current level, so rounding cannot move the water back down.
    const saturation = (linkCapacity[l] - fixedUse[l]) / left;
    const current = saturation > level ? saturation : level;
    if (current > heapLevel[0]) {
      heapLevel[0] = current;
      siftDown(0);
      continue;
    }
    return true;
  }
  return false;
}
