/**
 * An event-driven fluid simulation: flows move bytes over links, and between two events every flow
 * runs at a constant rate, its max-min fair share (see `maxMinFair`). Events are arrivals (a flow's
 * start) and completions (its last byte). At each event the rates of the active flows are solved again.
 *
 * A link is one direction of one member (send or receive), so a full-duplex member is two links.
 * Bytes drain at `gbps * 1e9 / 8` bytes per second. There is no latency and no TCP dynamics: a flow
 * gets its share the moment it starts.
 *
 * Callers chain work with `onFlowEnd`: when a flow ends it may return new flows that start now or later
 * (a pre-copy round that follows the previous one, a migration waiting for a free slot).
 *
 * Cost per event: when the set of running flows changes, a max-min solve of the groups of flows (linked
 * by shared links) that changed, with the same rates as a solve of every running flow (see
 * `ActiveSolver`), plus linear passes over the running flows; O(log n) when nothing changes but a
 * chained flow takes the place of the one it follows on the same links (its rate is taken over, since
 * the problem is the same). Between events nothing is computed.
 */
import { InputError } from '../InputError';
import { maxMinFairIndexedInto } from '../sharing';
import { MinHeap } from './MinHeap';

/** One direction of one member, as the timeline sees it. */
export interface TimelineLink {
  /** Unique name, e.g. `hostA/nic1/send`. */
  id: string;
  /** Capacity in Gbps (10^9 bit/s), > 0 and finite. */
  gbps: number;
}

/** Bytes to move, from a given time, over given links. */
export interface TimelineFlowInput {
  /** Unique name over the whole run, chained flows included. */
  id: string;
  /** Ids of the links it crosses, each at most once; may be empty when `capGbps` is given. */
  links: string[];
  /** How many bytes to move, >= 0 and finite. A flow of 0 bytes ends when it starts. */
  bytes: number;
  /** When it starts, in seconds from the start of the run, >= 0 (and not before the event that chains it). */
  startS: number;
  /** Highest rate the flow could use on its own, in Gbps; none by default. */
  capGbps?: number;
  /** Free text the caller uses to recognise the flow later (e.g. `vm3/round2`); copied to the result. */
  tag?: string;
}

/** A flow once it has ended. */
export interface CompletedFlow {
  /** Its id. */
  id: string;
  /** The links it crossed. */
  links: string[];
  /** The bytes it moved. */
  bytes: number;
  /** When it started, in seconds. */
  startS: number;
  /** When its last byte went through, in seconds. */
  endS: number;
  /** Its tag, when it had one. */
  tag?: string;
}

/** A time interval during which every rate is constant. */
export interface Segment {
  /** Start of the interval, in seconds. */
  startS: number;
  /** End of the interval, in seconds (> startS). */
  endS: number;
  /** Rate of each recorded link that carries something, in Gbps, in the order the links were given. */
  linkGbps: Array<[string, number]>;
  /**
   * Rate of each running flow, in Gbps, in the order the flows were given (the initial ones, then the
   * chained ones in the order `onFlowEnd` returned them); only with `recordFlowRates`.
   */
  flowGbps?: Array<[string, number]>;
}

/** Input of {@link simulateTimeline}. */
export interface TimelineInput {
  /** The links, with unique ids. */
  links: TimelineLink[];
  /** The flows known at the start (more may come from `onFlowEnd`). */
  flows: TimelineFlowInput[];
  /**
   * Called when a flow ends, at simulated time `nowS`; the flows it returns join the run. They must
   * start at `nowS` or later. Called once per ended flow, in the order the flows ended (ties: in the
   * order the flows were given). Default: nothing is chained.
   */
  onFlowEnd?: (ended: CompletedFlow, nowS: number) => TimelineFlowInput[] | void;
  /** Stop with an error after this many events, a guard against runaway chaining. Default 10,000,000. */
  maxEvents?: number;
  /** Record each flow's rate in every segment (`Segment.flowGbps`). Default true; turn off for big runs. */
  recordFlowRates?: boolean;
  /** Ids of the links whose rates go into segments. Default: every link. `[]` records none (fastest). */
  recordLinks?: string[];
}

/** Output of {@link simulateTimeline}. */
export interface TimelineResult {
  /** Time the last flow ended, in seconds (0 when there is no flow). */
  durationS: number;
  /** Every flow, the chained ones included, in the order they ended. */
  flows: CompletedFlow[];
  /** Constant-rate intervals covering 0 to `durationS` one after the other; idle ones have no rates. */
  segments: Segment[];
  /** The links, as given. */
  links: TimelineLink[];
  /** The ids of the links whose rates the segments hold, in the order of `links`. */
  recordedLinks: string[];
  /** How many events (distinct times at which something started or ended) the run took. */
  eventCount: number;
}

/** Bytes per second carried at 1 Gbps. */
const BYTES_PER_GBPS_SECOND = 1e9 / 8;
/** A flow whose remaining bytes fall below this share of its size counts as ended (float drift). */
const REMAINING_TOLERANCE = 1e-9;
const DEFAULT_MAX_EVENTS = 10_000_000;

interface FlowState {
  id: string;
  links: string[];
  linkIndex: Int32Array;
  bytes: number;
  startS: number;
  cap: number;
  tag: string | undefined;
  seq: number;
  /** Bytes left at time `since`. */
  remaining: number;
  since: number;
  gbps: number;
  /** When it will end at its current rate. */
  finishS: number;
}

/**
 * Runs the fluid simulation to the end.
 *
 * @example
 * simulateTimeline({
 *   links: [{ id: 'L', gbps: 10 }],
 *   flows: [{ id: 'a', links: ['L'], bytes: 1.25e9, startS: 0 }, { id: 'b', links: ['L'], bytes: 1.25e9, startS: 0 }],
 * }).durationS // => 2: each gets 5 Gbps = 0.625 GB/s
 */
export function simulateTimeline(input: TimelineInput): TimelineResult {
  if (input === null || typeof input !== 'object') throw new InputError('input', input, 'an object with links and flows');
  const { links, flows, onFlowEnd } = input;
  const maxEvents = input.maxEvents ?? DEFAULT_MAX_EVENTS;
  const recordFlowRates = input.recordFlowRates ?? true;
  if (!Array.isArray(links)) throw new InputError('links', links, 'an array of { id, gbps }');
  if (!Array.isArray(flows)) throw new InputError('flows', flows, 'an array of flows');
  if (onFlowEnd !== undefined && typeof onFlowEnd !== 'function') {
    throw new InputError('onFlowEnd', onFlowEnd, 'a function, or nothing');
  }
  if (!Number.isInteger(maxEvents) || maxEvents < 1) throw new InputError('maxEvents', maxEvents, 'an integer >= 1');
  if (typeof recordFlowRates !== 'boolean') throw new InputError('recordFlowRates', recordFlowRates, 'true or false');

  const linkIndex = new Map<string, number>();
  const capacity = new Float64Array(links.length);
  links.forEach((link, i) => {
    if (typeof link?.id !== 'string' || link.id === '') throw new InputError(`links[${i}].id`, link?.id, 'a non-empty string');
    if (linkIndex.has(link.id)) throw new InputError(`links[${i}].id`, link.id, 'an id not used by another link');
    if (!isPositiveFinite(link.gbps)) throw new InputError(`links[${i}].gbps`, link.gbps, 'a finite number greater than 0');
    linkIndex.set(link.id, i);
    capacity[i] = link.gbps;
  });

  const recorded = new Uint8Array(links.length);
  if (input.recordLinks === undefined) recorded.fill(1);
  else {
    if (!Array.isArray(input.recordLinks)) throw new InputError('recordLinks', input.recordLinks, 'an array of link ids');
    input.recordLinks.forEach((id, k) => {
      const l = linkIndex.get(id);
      if (l === undefined) throw new InputError(`recordLinks[${k}]`, id, 'the id of a link in links');
      recorded[l] = 1;
    });
  }

  const seenIds = new Set<string>();
  let seq = 0;
  const toState = (flow: TimelineFlowInput, field: string, notBeforeS: number): FlowState => {
    if (flow === null || typeof flow !== 'object') throw new InputError(field, flow, 'a flow { id, links, bytes, startS }');
    if (typeof flow.id !== 'string' || flow.id === '') throw new InputError(`${field}.id`, flow.id, 'a non-empty string');
    if (seenIds.has(flow.id)) throw new InputError(`${field}.id`, flow.id, 'an id not used by another flow of the run');
    if (!Array.isArray(flow.links)) throw new InputError(`${field}.links`, flow.links, 'an array of link ids');
    const linkIdx = new Int32Array(flow.links.length);
    for (let k = 0; k < flow.links.length; k++) {
      const id = flow.links[k];
      const l = linkIndex.get(id);
      if (l === undefined) throw new InputError(`${field}.links[${k}]`, id, 'the id of a link in links');
      for (let j = 0; j < k; j++) {
        if (linkIdx[j] === l) throw new InputError(`${field}.links[${k}]`, id, 'a link not already listed for this flow');
      }
      linkIdx[k] = l;
    }
    if (typeof flow.bytes !== 'number' || !Number.isFinite(flow.bytes) || flow.bytes < 0) {
      throw new InputError(`${field}.bytes`, flow.bytes, 'a finite number >= 0');
    }
    if (typeof flow.startS !== 'number' || !Number.isFinite(flow.startS) || flow.startS < notBeforeS) {
      throw new InputError(`${field}.startS`, flow.startS, `a finite number >= ${notBeforeS} (never in the past)`);
    }
    let cap = Infinity;
    if (flow.capGbps !== undefined) {
      if (!isPositiveFinite(flow.capGbps)) {
        throw new InputError(`${field}.capGbps`, flow.capGbps, 'a finite number greater than 0, or nothing');
      }
      cap = flow.capGbps;
    } else if (linkIdx.length === 0) {
      throw new InputError(field, flow, 'a flow with at least one link or a capGbps');
    }
    if (flow.tag !== undefined && typeof flow.tag !== 'string') throw new InputError(`${field}.tag`, flow.tag, 'a string, or nothing');
    seenIds.add(flow.id);
    return {
      id: flow.id,
      links: flow.links.slice(),
      linkIndex: linkIdx,
      bytes: flow.bytes,
      startS: flow.startS,
      cap,
      tag: flow.tag,
      seq: seq++,
      remaining: flow.bytes,
      since: flow.startS,
      gbps: 0,
      finishS: Infinity,
    };
  };

  const pending = new MinHeap<FlowState>(startsFirst);
  flows.forEach((flow, i) => pending.push(toState(flow, `flows[${i}]`, 0)));

  let nowS = 0;
  const running = new MinHeap<FlowState>(endsFirst);
  // Flows that left and joined since the rates were last set.
  let left: FlowState[] = [];
  let joined: FlowState[] = [];
  let eventCount = 0;
  const completed: CompletedFlow[] = [];
  const segments: Segment[] = [];

  const finish = (state: FlowState): void => {
    const done: CompletedFlow = { id: state.id, links: state.links, bytes: state.bytes, startS: state.startS, endS: nowS };
    if (state.tag !== undefined) done.tag = state.tag;
    completed.push(done);
    if (onFlowEnd === undefined) return;
    const next = onFlowEnd({ ...done, links: done.links.slice() }, nowS);
    if (next === undefined) return;
    if (!Array.isArray(next)) throw new InputError(`onFlowEnd(${state.id})`, next, 'an array of flows, or nothing');
    next.forEach((flow, k) => pending.push(toState(flow, `onFlowEnd(${state.id})[${k}]`, nowS)));
  };

  const admit = (): void => {
    for (let head = pending.peek(); head !== undefined && head.startS <= nowS; head = pending.peek()) {
      pending.pop();
      if (head.bytes === 0) finish(head);
      else joined.push(head);
    }
  };

  const solver = new ActiveSolver(capacity);
  const recorder = new SegmentRecorder(links, recorded, segments);
  const finishTime = (flow: FlowState): number =>
    flow.gbps > 0 ? flow.since + flow.remaining / (flow.gbps * BYTES_PER_GBPS_SECOND) : Infinity;
  let linkGbps: Array<[string, number]> = [];
  let flowGbps: Array<[string, number]> | undefined;

  admit();
  while (running.size > 0 || joined.length > 0 || pending.size > 0) {
    if (++eventCount > maxEvents) {
      throw new InputError('maxEvents', maxEvents, `a larger limit: the run was still going at ${nowS} s`);
    }
    if (joined.length > 0 || left.length > 0) {
      if (takeOverRates(left, joined)) {
        // Each new flow replaces one that just left, on the same links: no other rate changes.
        for (const flow of joined) {
          flow.since = nowS;
          flow.finishS = finishTime(flow);
          running.push(flow);
        }
      } else {
        const all = running.items;
        for (const flow of all) {
          flow.remaining -= flow.gbps * BYTES_PER_GBPS_SECOND * (nowS - flow.since);
          flow.since = nowS;
        }
        for (const flow of joined) {
          flow.since = nowS;
          all.push(flow);
        }
        solver.solveAfterChange(all, left, joined.length);
        for (const flow of all) flow.finishS = finishTime(flow);
        running.rebuild(all);
        linkGbps = recorder.linkRates(all);
      }
      if (recordFlowRates) {
        flowGbps = running.items
          .slice()
          .sort((a, b) => a.seq - b.seq)
          .map((flow) => [flow.id, flow.gbps]);
      }
      left = [];
      joined = [];
    }
    const arrivalS = pending.size > 0 ? (pending.peek() as FlowState).startS : Infinity;
    const endS = running.size > 0 ? (running.peek() as FlowState).finishS : Infinity;
    const nextS = arrivalS < endS ? arrivalS : endS;
    if (nextS === Infinity) throw new Error('simulateTimeline: no flow can make progress (a bug)');
    if (nextS > nowS) recorder.append(nowS, nextS, linkGbps, flowGbps);
    nowS = nextS;
    for (let top = running.peek(); top !== undefined; top = running.peek()) {
      const remaining = top.remaining - top.gbps * BYTES_PER_GBPS_SECOND * (nowS - top.since);
      if (top.finishS > nowS && remaining > top.bytes * REMAINING_TOLERANCE) break;
      running.pop();
      top.remaining = 0;
      top.since = nowS;
      left.push(top);
    }
    for (const flow of left) finish(flow);
    admit();
  }

  return {
    durationS: nowS,
    flows: completed,
    segments,
    links: links.map((l) => ({ id: l.id, gbps: l.gbps })),
    recordedLinks: links.filter((_, i) => recorded[i] === 1).map((l) => l.id),
    eventCount,
  };
}

/** Waiting flows leave by start time, ties in the order they were given (`seq`). */
function startsFirst(a: FlowState, b: FlowState): boolean {
  return a.startS < b.startS || (a.startS === b.startS && a.seq < b.seq);
}

/** Running flows leave by finish time, ties in the order they were given (`seq`). */
function endsFirst(a: FlowState, b: FlowState): boolean {
  return a.finishS < b.finishS || (a.finishS === b.finishS && a.seq < b.seq);
}

/**
 * When every flow that joined has the same links and cap as a flow that left (and the counts match),
 * the active set is the same problem as before, so the max-min rates are the same: each joining flow
 * takes the rate of the flow it replaces. Returns false (nothing changed) otherwise.
 */
function takeOverRates(left: FlowState[], joined: FlowState[]): boolean {
  // Many flows at once: solving is cheaper than matching them pairwise.
  if (left.length !== joined.length || left.length > 32) return false;
  const taken = new Uint8Array(left.length);
  const rates: number[] = [];
  for (const flow of joined) {
    let match = -1;
    for (let i = 0; i < left.length && match < 0; i++) {
      if (taken[i] === 0 && sameShape(left[i], flow)) match = i;
    }
    if (match < 0) return false;
    taken[match] = 1;
    rates.push(left[match].gbps);
  }
  joined.forEach((flow, i) => {
    flow.gbps = rates[i];
  });
  return true;
}

/** Same cap and same set of links. */
function sameShape(a: FlowState, b: FlowState): boolean {
  if (a.cap !== b.cap || a.linkIndex.length !== b.linkIndex.length) return false;
  for (let i = 0; i < a.linkIndex.length; i++) if (!b.linkIndex.includes(a.linkIndex[i])) return false;
  return true;
}

/**
 * Solves the active flows' rates with `maxMinFairIndexed`, on the links they use only, reusing its
 * buffers from one event to the next.
 *
 * After a change it re-solves only the components that changed (flows joined by shared links: those of
 * the flows that joined, and those holding a link of a flow that left); the others keep their rates.
 * That is the answer of a solve of every flow as long as no two components have rates that differ by
 * float noise only: the solver takes levels closer than its tie tolerance as one, across components
 * too, so such rates could be merged by a joint solve. On the first sign of that (two rates of different
 * components closer than a billionth of the largest capacity and not equal) the run falls back, for
 * good, to solving every flow at every change, so the rates are always those of a joint solve. It also
 * stops looking for components when many flows keep forming a single one.
 */
class ActiveSolver {
  private localOf: Int32Array;
  private stampOf: Int32Array;
  private stamp = 0;
  private localCapacity = new Float64Array(16);
  private flowCap = new Float64Array(16);
  private flowLinkStart = new Int32Array(17);
  private flowLinks = new Int32Array(32);
  private rate = new Float64Array(16);
  private bottleneck = new Int32Array(16);
  /** False once components could not be solved apart (see above), or seem not to exist. */
  private separate = true;
  /** Changes in a row after which 32 flows or more were all one component. */
  private wholeInARow = 0;
  private readonly maxCapacity: number;
  // Component search: each flow's component, each local link's component and its flows (CSR).
  private flowComponent = new Int32Array(16);
  private linkComponent = new Int32Array(16);
  private linkFlowStart = new Int32Array(17);
  private linkFlows = new Int32Array(16);
  private stack = new Int32Array(16);
  private changed = new Uint8Array(16);
  private group: FlowState[] = [];
  private componentStart = new Int32Array(17);
  private sorted = new Float64Array(16);

  constructor(private readonly capacity: Float64Array) {
    this.localOf = new Int32Array(capacity.length);
    this.stampOf = new Int32Array(capacity.length);
    this.maxCapacity = capacity.reduce((max, c) => (c > max ? c : max), 0);
  }

  /**
   * New rates for `active` (the running flows, the `joinedCount` that just joined last) after
   * `left` ended and those joined.
   */
  solveAfterChange(active: FlowState[], left: FlowState[], joinedCount: number): void {
    if (this.separate && this.solveChanged(active, left, joinedCount)) return;
    this.separate = false;
    this.solve(active);
  }

  /** Re-solves the changed components alone; false when that may differ from solving every flow. */
  private solveChanged(active: FlowState[], left: FlowState[], joinedCount: number): boolean {
    const n = active.length;
    const stamp = ++this.stamp;
    let elementCount = 0;
    for (const flow of active) elementCount += flow.linkIndex.length;
    if (this.flowComponent.length < n) {
      this.flowComponent = new Int32Array(n * 2);
      this.stack = new Int32Array(n * 2);
      this.changed = new Uint8Array(n * 2);
      this.sorted = new Float64Array(n * 2);
    }
    if (this.linkComponent.length < elementCount) {
      this.linkFlows = new Int32Array(elementCount * 2);
      this.linkComponent = new Int32Array(elementCount * 2);
      this.linkFlowStart = new Int32Array(elementCount * 2 + 1);
    }
    const { localOf, stampOf, flowComponent, linkComponent, linkFlowStart, linkFlows, stack, changed } = this;
    // Local ids of the links in use, and each one's flows.
    let linkCount = 0;
    for (const flow of active) {
      for (let i = 0; i < flow.linkIndex.length; i++) {
        const global = flow.linkIndex[i];
        if (stampOf[global] !== stamp) {
          stampOf[global] = stamp;
          localOf[global] = linkCount;
          linkFlowStart[++linkCount] = 0;
        }
        linkFlowStart[localOf[global] + 1]++;
      }
    }
    linkFlowStart[0] = 0;
    for (let l = 0; l < linkCount; l++) {
      linkFlowStart[l + 1] += linkFlowStart[l];
      linkComponent[l] = linkFlowStart[l];
    }
    for (let f = 0; f < n; f++) {
      const links = active[f].linkIndex;
      for (let i = 0; i < links.length; i++) linkFlows[linkComponent[localOf[links[i]]]++] = f;
    }
    // Components, depth first over flows and links.
    linkComponent.fill(-1, 0, linkCount);
    flowComponent.fill(-1, 0, n);
    let components = 0;
    for (let first = 0; first < n; first++) {
      if (flowComponent[first] >= 0) continue;
      const c = components++;
      flowComponent[first] = c;
      let top = 0;
      stack[top++] = first;
      while (top > 0) {
        const links = active[stack[--top]].linkIndex;
        for (let i = 0; i < links.length; i++) {
          const l = localOf[links[i]];
          if (linkComponent[l] >= 0) continue;
          linkComponent[l] = c;
          for (let j = linkFlowStart[l]; j < linkFlowStart[l + 1]; j++) {
            const f = linkFlows[j];
            if (flowComponent[f] < 0) {
              flowComponent[f] = c;
              stack[top++] = f;
            }
          }
        }
      }
    }
    if (components <= 1) {
      // Everything is one group: searching is pure overhead. Many flows in one group time after time
      // (every host talking to every other) make it likely to stay so: stop searching.
      if (n >= 32 && ++this.wholeInARow >= 16) this.separate = false;
      this.solve(active);
      return true;
    }
    this.wholeInARow = 0;
    changed.fill(0, 0, components);
    for (let f = n - joinedCount; f < n; f++) changed[flowComponent[f]] = 1;
    for (const flow of left) {
      for (let i = 0; i < flow.linkIndex.length; i++) {
        const global = flow.linkIndex[i];
        if (stampOf[global] === stamp) changed[linkComponent[localOf[global]]] = 1;
      }
    }
    // Each changed component alone, its flows in the order of `active` (bucketed by component).
    const start = this.componentStart.length > components ? this.componentStart : (this.componentStart = new Int32Array(components * 2 + 1));
    start.fill(0, 0, components + 1);
    for (let f = 0; f < n; f++) if (changed[flowComponent[f]] === 1) start[flowComponent[f] + 1]++;
    for (let c = 0; c < components; c++) start[c + 1] += start[c];
    const members = stack;
    for (let f = 0; f < n; f++) if (changed[flowComponent[f]] === 1) members[start[flowComponent[f]]++] = f;
    const group = this.group;
    let from = 0;
    for (let c = 0; c < components; c++) {
      // start[c] is now the end of component c's bucket.
      if (changed[c] === 0) continue;
      if (start[c] - from === 1) {
        // A flow alone gets its cap or its slowest link, as the solver would give it.
        const flow = active[members[from]];
        let gbps = flow.cap;
        for (let i = 0; i < flow.linkIndex.length; i++) gbps = Math.min(gbps, this.capacity[flow.linkIndex[i]]);
        flow.gbps = gbps;
      } else {
        group.length = 0;
        for (let k = from; k < start[c]; k++) group.push(active[members[k]]);
        this.solve(group);
      }
      from = start[c];
    }
    group.length = 0;
    return !this.ratesNearlyTied(active, components);
  }

  /** True when rates of different components differ, but by less than a billionth of the largest capacity or rate. */
  private ratesNearlyTied(active: FlowState[], components: number): boolean {
    const n = active.length;
    const sorted = this.sorted;
    for (let f = 0; f < n; f++) sorted[f] = active[f].gbps;
    const values = sorted.subarray(0, n).sort();
    const window = 1e-9 * Math.max(this.maxCapacity, values[n - 1]);
    // Runs of values each within the window of the next; a run of distinct values from two components is a tie.
    let from = 0;
    for (let i = 1; i <= n; i++) {
      if (i < n && values[i] - values[i - 1] <= window) continue;
      if (values[i - 1] !== values[from] && this.spansComponents(active, values[from], values[i - 1], components)) return true;
      from = i;
    }
    return false;
  }

  /** True when flows of two components have rates in [low, high]. */
  private spansComponents(active: FlowState[], low: number, high: number, components: number): boolean {
    let seen = components;
    for (let f = 0; f < active.length; f++) {
      const gbps = active[f].gbps;
      if (gbps < low || gbps > high) continue;
      if (seen === components) seen = this.flowComponent[f];
      else if (this.flowComponent[f] !== seen) return true;
    }
    return false;
  }

  solve(active: FlowState[]): void {
    const stamp = ++this.stamp;
    let elementCount = 0;
    for (const flow of active) elementCount += flow.linkIndex.length;
    if (this.flowCap.length < active.length) {
      this.flowCap = new Float64Array(active.length * 2);
      this.flowLinkStart = new Int32Array(active.length * 2 + 1);
    }
    if (this.flowLinks.length < elementCount) this.flowLinks = new Int32Array(elementCount * 2);
    if (this.localCapacity.length < elementCount) this.localCapacity = new Float64Array(elementCount * 2);
    let linkCount = 0;
    let k = 0;
    for (let f = 0; f < active.length; f++) {
      const flow = active[f];
      this.flowCap[f] = flow.cap;
      this.flowLinkStart[f] = k;
      for (let i = 0; i < flow.linkIndex.length; i++) {
        const global = flow.linkIndex[i];
        if (this.stampOf[global] !== stamp) {
          this.stampOf[global] = stamp;
          this.localOf[global] = linkCount;
          this.localCapacity[linkCount++] = this.capacity[global];
        }
        this.flowLinks[k++] = this.localOf[global];
      }
    }
    this.flowLinkStart[active.length] = k;
    if (this.rate.length < active.length) {
      this.rate = new Float64Array(active.length * 2);
      this.bottleneck = new Int32Array(active.length * 2);
    }
    const { rate } = this;
    maxMinFairIndexedInto(
      {
        linkCapacity: this.localCapacity.subarray(0, linkCount),
        flowCap: this.flowCap.subarray(0, active.length),
        flowLinkStart: this.flowLinkStart,
        flowLinks: this.flowLinks,
      },
      { rate, bottleneck: this.bottleneck },
    );
    for (let f = 0; f < active.length; f++) active[f].gbps = rate[f];
  }
}

/**
 * Turns rates into segments, merging an interval into the previous one when nothing recorded changed.
 * A link whose rate did not change keeps its `[id, rate]` pair from one list to the next (segments
 * already share whole lists when nothing recorded changed), so a run allocates little per event.
 */
class SegmentRecorder {
  private linkRate: Float64Array;
  private touched: Int32Array;
  private touchedMark: Uint8Array;
  private lastPair: Array<[string, number] | undefined>;
  private recordsLinks: boolean;

  constructor(
    private readonly links: TimelineLink[],
    private readonly recorded: Uint8Array,
    private readonly segments: Segment[],
  ) {
    this.linkRate = new Float64Array(links.length);
    this.touched = new Int32Array(links.length);
    this.touchedMark = new Uint8Array(links.length);
    this.lastPair = new Array(links.length);
    this.recordsLinks = recorded.includes(1);
  }

  /** The recorded links' rates (nonzero only, in link order) for these running flows. */
  linkRates(running: FlowState[]): Array<[string, number]> {
    if (!this.recordsLinks) return [];
    const { linkRate, touched, touchedMark, lastPair } = this;
    let count = 0;
    for (const flow of running) {
      for (let i = 0; i < flow.linkIndex.length; i++) {
        const l = flow.linkIndex[i];
        if (this.recorded[l] === 0) continue;
        if (touchedMark[l] === 0) {
          touchedMark[l] = 1;
          touched[count++] = l;
        }
        linkRate[l] += flow.gbps;
      }
    }
    // In link order: sort the links touched, or when they are many, walk every link.
    if (count * 8 < linkRate.length) touched.subarray(0, count).sort();
    else {
      let k = 0;
      for (let l = 0; l < touchedMark.length; l++) if (touchedMark[l] === 1) touched[k++] = l;
    }
    const linkGbps: Array<[string, number]> = new Array(count);
    for (let k = 0; k < count; k++) {
      const l = touched[k];
      const rate = linkRate[l];
      let pair = lastPair[l];
      if (pair === undefined || pair[1] !== rate) lastPair[l] = pair = [this.links[l].id, rate];
      linkGbps[k] = pair;
    }
    for (let k = 0; k < count; k++) {
      linkRate[touched[k]] = 0;
      touchedMark[touched[k]] = 0;
    }
    return linkGbps;
  }

  append(startS: number, endS: number, linkGbps: Array<[string, number]>, flowGbps: Array<[string, number]> | undefined): void {
    const last = this.segments[this.segments.length - 1];
    if (
      last !== undefined &&
      last.endS === startS &&
      (last.linkGbps === linkGbps || samePairs(last.linkGbps, linkGbps)) &&
      (flowGbps === undefined || last.flowGbps === flowGbps || samePairs(last.flowGbps ?? NO_PAIRS, flowGbps))
    ) {
      last.endS = endS;
      return;
    }
    const segment: Segment = { startS, endS, linkGbps };
    if (flowGbps !== undefined) segment.flowGbps = flowGbps;
    this.segments.push(segment);
  }
}

/**
 * What an idle segment recorded before any flow ran (it has no `flowGbps`) stands for: no flow rates.
 * Such a segment merges with a following one whose list of flow rates is empty (every flow so far ended
 * within one instant, e.g. a transfer far shorter than a float's resolution of the current time).
 */
const NO_PAIRS: Array<[string, number]> = [];

function samePairs(a: Array<[string, number]>, b: Array<[string, number]>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i][0] !== b[i][0] || a[i][1] !== b[i][1]) return false;
  return true;
}

function isPositiveFinite(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}
