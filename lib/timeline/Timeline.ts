/**
 * A steppable fluid simulation: flows move bytes over links, and between two events every flow runs at
 * a constant rate, its max-min fair share (a `MaxMinSystem` keeps the shares and re-solves only what
 * an event touched). Events are flow starts, flow ends and the callbacks scheduled with `at` and
 * `every`, which may add flows, re-route running ones (`reroute`) and schedule more callbacks.
 *
 * A link is one direction of one member (send or receive). Bytes drain at `gbps * 1e9 / 8` bytes per
 * second. There is no latency and no TCP dynamics: a flow gets its share the moment it starts.
 *
 * Order within one instant: first the flows that end then (in order of finish, ties in order of
 * creation) are finished and their `onEnd` called; then the flow starts and callbacks due then run in
 * the order they were scheduled (time, then creation order), including those added by earlier ones at
 * the same instant; then the rates are solved again.
 *
 * Cost per event: a solve of the part of the system the event touched, and O(log n) per flow whose
 * rate changed (its finish time moves in an indexed heap). Flows whose rates did not change are not
 * looked at. What is recorded is only what was asked for (`TimelineRecording`).
 *
 * @example
 * // Two 10 Gbps links; a 2.5 GB flow starts on L1 with a second flow, and moves to L2 at 1 s.
 * const timeline = new Timeline({ links: [{ id: 'L1', gbps: 10 }, { id: 'L2', gbps: 10 }] });
 * const a = timeline.add({ id: 'a', links: ['L1'], bytes: 2.5e9, startS: 0 });
 * timeline.add({ id: 'b', links: ['L1'], bytes: 2.5e9, startS: 0 });
 * timeline.at(1, () => timeline.reroute(a, ['L2']));
 * timeline.run().flows.map((f) => [f.id, f.endS]);
 * // => [['a', 1], ['a@1', 1.5], ['b', 1.5]]: 0.625 GB at 5 Gbps by 1 s, then 1.875 GB each at 10 Gbps
 */
import { InputError } from '../InputError';
import { MaxMinSystem } from '../sharing/MaxMinSystem';
import { FinishHeap } from './FinishHeap';
import { MinHeap } from './MinHeap';
import { SegmentRecorder } from './SegmentRecorder';
import type { CompletedFlow, TimelineFlowInput, TimelineLink, TimelineResult } from './TimelineResult';

/** What a run records besides the flows and each link's peak rate (always kept). */
export interface TimelineRecording {
  /** Record segments (constant-rate intervals with the links' rates). Default true. */
  segments?: boolean;
  /** Ids of the links whose rates go into segments. Default every link; `[]` records none. */
  segmentLinks?: string[];
  /** Record each running flow's rate in every segment (`Segment.flowGbps`). Default false. */
  flowRates?: boolean;
  /**
   * Keep a `CompletedFlow` for every flow that ended (`TimelineResult.flows`). Default true; turn it off for
   * big runs that need only the links' bytes and peaks (`bytesByLink`, `peakGbps` are kept either way).
   */
  flows?: boolean;
  /**
   * Named sums of links whose highest instantaneous total the run tracks (`TimelineResult.peakTotalGbps`),
   * e.g. `{ HV1: ['HV1/NIC1/send', 'HV1/NIC2/send'] }`. Default none.
   */
  totals?: Record<string, string[]>;
}

/** Options of a `Timeline`. */
export interface TimelineOptions {
  /** The links, with unique ids. */
  links: TimelineLink[];
  /** What to record. Default: segments of every link, no flow rates, no totals. */
  record?: TimelineRecording;
  /** Stop with an InputError after this many events, a guard against runaway callbacks. Default 10,000,000. */
  maxEvents?: number;
}

/** Options of `Timeline.at`. */
export interface AtOptions {
  /**
   * True (default): the run goes on at least until this callback has run. False: it runs only if the run
   * is still going then (something else is running or due), like a periodic check.
   */
  keepAlive?: boolean;
}

/** Options of `Timeline.every`. */
export interface EveryOptions {
  /** The first call is at `fromS + periodS`, then every `periodS` (computed as `fromS + k * periodS`). Default now. */
  fromS?: number;
}

/** Called when a flow ends, at simulated time `nowS`. */
export type FlowEndHandler = (ended: CompletedFlow, nowS: number) => void;

/** A flow of a timeline, as `add` returns it: pass it to `reroute`, `rateGbps`, `remainingBytes`. */
export interface TimelineFlow {
  /** Its id (it becomes `<id>@k` after the k-th re-route of a running flow). */
  readonly id: string;
  /** Its current links. */
  readonly links: readonly string[];
  /** Its tag, if any. */
  readonly tag?: string;
  /** `pending` until it starts, `running`, then `ended`. */
  readonly state: 'pending' | 'running' | 'ended';
}

/** Bytes per second carried at 1 Gbps. */
const BYTES_PER_GBPS_SECOND = 1e9 / 8;
/** A flow whose remaining bytes fall below this share of its size counts as ended (float drift). */
const REMAINING_TOLERANCE = 1e-9;
const DEFAULT_MAX_EVENTS = 10_000_000;

class Flow implements TimelineFlow {
  links: string[];
  linkIndex: Int32Array;
  state: 'pending' | 'running' | 'ended' = 'pending';
  /** Bytes left at time `since`. */
  remaining: number;
  since: number;
  gbps = 0;
  finishS = Infinity;
  heapIndex = -1;
  /** Handle in the sharing system while running. */
  handle = -1;
  pieces = 0;
  pieceStartS: number;
  pieceBytes: number;
  /** Stamp of the last event at which its rate was refreshed. */
  refreshed = -1;
  /** Cancelled before it started: skipped when due. */
  cancelled = false;

  /** `<baseId>`, then `<baseId>@k` after the k-th re-route of a running flow (built when read). */
  get id(): string {
    return this.pieces === 0 ? this.baseId : `${this.baseId}@${this.pieces}`;
  }

  constructor(
    readonly baseId: string,
    links: string[],
    linkIndex: Int32Array,
    readonly bytes: number,
    readonly startS: number,
    readonly cap: number,
    readonly tag: string | undefined,
    readonly seq: number,
    readonly onEnd: FlowEndHandler | undefined,
  ) {
    this.links = links;
    this.linkIndex = linkIndex;
    this.remaining = bytes;
    this.since = startS;
    this.pieceStartS = startS;
    this.pieceBytes = bytes;
  }
}

/** A checked list of link ids and their indices (see `Timeline.checkedLinks`); neither is ever changed. */
interface CheckedLinks {
  ids: string[];
  index: Int32Array;
}

/** Something due at a time: a flow start or a callback. */
interface Due {
  timeS: number;
  seq: number;
  flow?: Flow;
  call?: (nowS: number) => void;
  keepAlive: boolean;
}

export class Timeline {
  private readonly links: TimelineLink[];
  private readonly linkIndex = new Map<string, number>();
  private readonly system: MaxMinSystem;
  private readonly flowOfHandle: Flow[] = [];
  private readonly ids = new Set<string>();
  /**
   * Link lists already checked, by the caller's array: its copy and indices, reused while the array
   * still holds the same ids (callers such as migrations pass one route's paths pass after pass).
   */
  private readonly knownLinks = new WeakMap<readonly string[], CheckedLinks>();
  private readonly pending = new MinHeap<Due>((a, b) => a.timeS < b.timeS || (a.timeS === b.timeS && a.seq < b.seq));
  private readonly running = new FinishHeap<Flow>();
  private readonly recorder: SegmentRecorder;
  private readonly maxEvents: number;
  private readonly completed: CompletedFlow[] = [];
  private readonly keepFlows: boolean;
  private readonly bytesByLink: Float64Array;
  /** Flows started or re-routed since the last solve: `moved[0 .. movedCount - 1]`. */
  private readonly moved: Flow[] = [];
  private movedCount = 0;
  /** The flows that end at the current instant (scratch of `run`). Lists reused from event to event keep
   * their own lengths: `length = 0` would give V8's backing store back and make every later push allocate. */
  private readonly ending: Flow[] = [];
  private dirty = false;
  private keepAlive = 0;
  private seq = 0;
  private now = 0;
  private eventCount = 0;
  private started = false;
  private finished = false;

  constructor(options: TimelineOptions) {
    if (options === null || typeof options !== 'object') throw new InputError('options', options, 'an object with links');
    const { links, record = {} } = options;
    const maxEvents = options.maxEvents ?? DEFAULT_MAX_EVENTS;
    if (!Array.isArray(links)) throw new InputError('links', links, 'an array of { id, gbps }');
    if (!Number.isInteger(maxEvents) || maxEvents < 1) throw new InputError('maxEvents', maxEvents, 'an integer >= 1');
    this.maxEvents = maxEvents;
    const capacity = new Float64Array(links.length);
    links.forEach((link, i) => {
      if (typeof link?.id !== 'string' || link.id === '') throw new InputError(`links[${i}].id`, link?.id, 'a non-empty string');
      if (this.linkIndex.has(link.id)) throw new InputError(`links[${i}].id`, link.id, 'an id not used by another link');
      if (typeof link.gbps !== 'number' || !Number.isFinite(link.gbps) || link.gbps <= 0) {
        throw new InputError(`links[${i}].gbps`, link.gbps, 'a finite number greater than 0');
      }
      this.linkIndex.set(link.id, i);
      capacity[i] = link.gbps;
    });
    this.links = links.map((l) => ({ id: l.id, gbps: l.gbps }));
    this.bytesByLink = new Float64Array(links.length);
    this.keepFlows = record?.flows ?? true;
    if (typeof this.keepFlows !== 'boolean') throw new InputError('record.flows', record.flows, 'true or false');
    this.system = new MaxMinSystem(capacity);
    this.recorder = new SegmentRecorder(this.links, this.linkIndex, record);
  }

  /** The simulated time, in seconds. */
  get nowS(): number {
    return this.now;
  }

  /**
   * Adds a flow that starts at `flow.startS` (now or later). `onEnd` is called when its last byte has gone
   * through. Returns the flow, for `reroute` and the getters.
   *
   * @param field names the flow in errors (default `flow <id>`)
   */
  add(flow: TimelineFlowInput, onEnd?: FlowEndHandler, field?: string): TimelineFlow {
    this.checkOpen();
    // The field's name is built only for an error (adds are per flow, on the hot path: no closure here).
    if (flow === null || typeof flow !== 'object') throw new InputError(flowField(flow, field), flow, 'a flow { id, links, bytes, startS }');
    if (typeof flow.id !== 'string' || flow.id === '') throw new InputError(`${flowField(flow, field)}.id`, flow.id, 'a non-empty string');
    if (this.ids.has(flow.id)) throw new InputError(`${flowField(flow, field)}.id`, flow.id, 'an id not used by another flow of the run');
    const checked = this.knownLinkList(flow.links) ?? this.checkedFlowLinks(flow, field);
    const linkIdx = checked.index;
    if (typeof flow.bytes !== 'number' || !Number.isFinite(flow.bytes) || flow.bytes < 0) {
      throw new InputError(`${flowField(flow, field)}.bytes`, flow.bytes, 'a finite number >= 0');
    }
    if (typeof flow.startS !== 'number' || !Number.isFinite(flow.startS) || flow.startS < this.now) {
      throw new InputError(`${flowField(flow, field)}.startS`, flow.startS, `a finite number >= ${this.now} (never in the past)`);
    }
    let cap = Infinity;
    if (flow.capGbps !== undefined) {
      if (typeof flow.capGbps !== 'number' || !Number.isFinite(flow.capGbps) || flow.capGbps <= 0) {
        throw new InputError(`${flowField(flow, field)}.capGbps`, flow.capGbps, 'a finite number greater than 0, or nothing');
      }
      cap = flow.capGbps;
    } else if (linkIdx.length === 0) {
      throw new InputError(flowField(flow, field), flow, 'a flow with at least one link or a capGbps');
    }
    if (flow.tag !== undefined && typeof flow.tag !== 'string') throw new InputError(`${flowField(flow, field)}.tag`, flow.tag, 'a string, or nothing');
    if (onEnd !== undefined && typeof onEnd !== 'function') throw new InputError(`${flowField(flow, field)} onEnd`, onEnd, 'a function, or nothing');
    this.ids.add(flow.id);
    const state = new Flow(flow.id, checked.ids, linkIdx, flow.bytes, flow.startS, cap, flow.tag, this.seq++, onEnd);
    this.pending.push({ timeS: flow.startS, seq: state.seq, flow: state, keepAlive: true });
    this.keepAlive++;
    return state;
  }

  /**
   * Moves a flow onto other links from now on (a member failed, a team rebalanced). A running flow keeps
   * the bytes it has left; the stretch it ran on its old links is reported as its own `CompletedFlow`
   * and the flow goes on as `<id>@k`. A pending flow simply starts on the new links. Same links: nothing
   * happens.
   */
  reroute(flow: TimelineFlow, links: string[]): void {
    this.checkOpen();
    const state = flow as Flow;
    if (!(state instanceof Flow) || (state.state === 'running' && this.flowOfHandle[state.handle] !== state)) {
      throw new InputError('reroute flow', flow?.id, 'a flow this timeline returned');
    }
    if (state.state === 'ended') throw new InputError(`reroute(${state.id})`, state.state, 'a flow that has not ended');
    const checked = this.checkedLinks(links, () => `reroute(${state.id})`, '.links');
    const linkIdx = checked.index;
    if (linkIdx.length === 0 && state.cap === Infinity) throw new InputError(`reroute(${state.id}).links`, links, 'at least one link (the flow has no cap)');
    if (sameLinks(state.linkIndex, linkIdx)) return;
    if (state.state === 'pending') {
      state.links = checked.ids;
      state.linkIndex = linkIdx;
      return;
    }
    state.remaining -= state.gbps * BYTES_PER_GBPS_SECOND * (this.now - state.since);
    state.since = this.now;
    if (this.now > state.pieceStartS) {
      const moved = state.pieceBytes - state.remaining;
      this.pushCompleted(state, moved > 0 ? moved : 0, false);
      state.pieces++;
      state.pieceStartS = this.now;
      state.pieceBytes = state.remaining;
    }
    this.recorder.touchLinks(state.linkIndex);
    state.links = checked.ids;
    state.linkIndex = linkIdx;
    this.system.setFlowLinks(state.handle, linkIdx);
    this.recorder.touchLinks(linkIdx);
    this.moved[this.movedCount++] = state;
    this.dirty = true;
  }

  /**
   * Stops a flow now without calling its `onEnd`: a pending flow never starts, a running one is reported
   * with the bytes it moved so far (when it moved any). Returns the bytes it had left. An ended flow: 0.
   */
  cancel(flow: TimelineFlow): number {
    this.checkOpen();
    const state = flow as Flow;
    if (!(state instanceof Flow)) throw new InputError('cancel flow', (flow as { id?: unknown })?.id, 'a flow this timeline returned');
    if (state.state === 'ended') return 0;
    if (state.state === 'pending') {
      state.state = 'ended';
      state.cancelled = true;
      return state.bytes;
    }
    const left = this.remainingBytes(state);
    const moved = state.pieceBytes - left;
    if (moved > 0) this.pushCompleted(state, moved, false);
    this.running.remove(state);
    this.system.removeFlow(state.handle);
    this.flowOfHandle[state.handle] = undefined as unknown as Flow;
    this.recorder.removeFlow(state);
    this.recorder.touchLinks(state.linkIndex);
    state.state = 'ended';
    this.dirty = true;
    return left;
  }

  /**
   * Calls `fn(nowS)` at time `timeS` (now or later), after the flows that end then and in order with the
   * other flow starts and callbacks due then (see the class comment).
   */
  at(timeS: number, fn: (nowS: number) => void, options: AtOptions = {}): void {
    this.checkOpen();
    if (typeof timeS !== 'number' || !Number.isFinite(timeS) || timeS < this.now) {
      throw new InputError('at timeS', timeS, `a finite number >= ${this.now} (never in the past)`);
    }
    if (typeof fn !== 'function') throw new InputError('at fn', fn, 'a function');
    const keepAlive = options.keepAlive ?? true;
    this.pending.push({ timeS, seq: this.seq++, call: fn, keepAlive });
    if (keepAlive) this.keepAlive++;
  }

  /**
   * Calls `fn(nowS)` every `periodS` seconds, at `fromS + k * periodS` for k = 1, 2, ..., for as long as
   * the run goes on: a periodic callback never keeps the run alive by itself. Returns a function that
   * stops it.
   */
  every(periodS: number, fn: (nowS: number) => void, options: EveryOptions = {}): () => void {
    this.checkOpen();
    if (typeof periodS !== 'number' || !Number.isFinite(periodS) || periodS <= 0) {
      throw new InputError('every periodS', periodS, 'a finite number greater than 0');
    }
    if (typeof fn !== 'function') throw new InputError('every fn', fn, 'a function');
    const fromS = options.fromS ?? this.now;
    if (typeof fromS !== 'number' || !Number.isFinite(fromS) || fromS < 0) throw new InputError('every fromS', fromS, 'a finite number >= 0');
    let stopped = false;
    let k = 1;
    const tick = (nowS: number): void => {
      if (stopped) return;
      fn(nowS);
      k++;
      if (!stopped) this.pending.push({ timeS: fromS + k * periodS, seq: this.seq++, call: tick, keepAlive: false });
    };
    let first = fromS + periodS;
    while (first < this.now) first = fromS + ++k * periodS;
    this.pending.push({ timeS: first, seq: this.seq++, call: tick, keepAlive: false });
    return () => {
      stopped = true;
    };
  }

  /** A flow's current rate in Gbps (0 unless running). */
  rateGbps(flow: TimelineFlow): number {
    const state = flow as Flow;
    return state.state === 'running' ? state.gbps : 0;
  }

  /** Bytes a flow has left to move now. */
  remainingBytes(flow: TimelineFlow): number {
    const state = flow as Flow;
    if (state.state !== 'running') return state.state === 'pending' ? state.bytes : 0;
    const left = state.remaining - state.gbps * BYTES_PER_GBPS_SECOND * (this.now - state.since);
    return left > 0 ? left : 0;
  }

  /** Runs until nothing is running or due (periodic callbacks aside) and returns what was recorded. Once. */
  run(): TimelineResult {
    if (this.started) throw new InputError('run', 'called twice', 'one run() per timeline');
    this.started = true;
    const { running, pending } = this;
    this.admit();
    while (running.size > 0 || this.keepAlive > 0 || this.dirty) {
      if (++this.eventCount > this.maxEvents) {
        throw new InputError('maxEvents', this.maxEvents, `a larger limit: the run was still going at ${this.now} s`);
      }
      if (this.dirty) this.resolve();
      const arrivalS = pending.size > 0 ? (pending.peek() as Due).timeS : Infinity;
      const endS = running.size > 0 ? (running.peek() as Flow).finishS : Infinity;
      const nextS = arrivalS < endS ? arrivalS : endS;
      if (nextS === Infinity) {
        if (running.size > 0) throw new Error('Timeline: no flow can make progress (a bug)');
        break;
      }
      if (nextS > this.now) this.recorder.append(this.now, nextS);
      this.now = nextS;
      const left = this.ending;
      let leftCount = 0;
      for (let top = running.peek(); top !== undefined; top = running.peek()) {
        const remaining = top.remaining - top.gbps * BYTES_PER_GBPS_SECOND * (this.now - top.since);
        if (top.finishS > this.now && remaining > top.bytes * REMAINING_TOLERANCE) break;
        running.pop();
        top.remaining = 0;
        top.since = this.now;
        left[leftCount++] = top;
      }
      for (let i = 0; i < leftCount; i++) this.finish(left[i]);
      this.admit();
    }
    this.finished = true;
    return {
      durationS: this.now,
      flows: this.completed,
      segments: this.recorder.segments,
      links: this.links,
      recordedLinks: this.recorder.recordedLinkIds(),
      eventCount: this.eventCount,
      peakGbps: this.recorder.peaks(),
      peakTotalGbps: this.recorder.totalPeaks(),
      bytesByLink: Object.fromEntries(this.links.map((link, l) => [link.id, this.bytesByLink[l]])),
    };
  }

  // ---------------------------------------------------------------------------------------------

  private checkOpen(): void {
    if (this.finished) throw new InputError('timeline', 'finished', 'a timeline whose run() has not returned yet');
  }

  /**
   * A caller's link list checked: a copy of its ids (shared by the flows given the same list, never
   * changed) and their indices. Reused from the last time the same array was given, if it still holds
   * the same ids; errors name the field `owner() + suffix` (built only then).
   */
  private checkedLinks(links: unknown, owner: () => string, suffix: string): CheckedLinks {
    const known = this.knownLinkList(links);
    if (known !== undefined) return known;
    const index = this.linkIndices(links, owner, suffix);
    const checked: CheckedLinks = { ids: (links as string[]).slice(), index };
    this.knownLinks.set(links as string[], checked);
    return checked;
  }

  /** `checkedLinks` of a flow given to `add` (apart, so that `add` itself builds no closure). */
  private checkedFlowLinks(flow: TimelineFlowInput, field: string | undefined): CheckedLinks {
    return this.checkedLinks(flow.links, () => flowField(flow, field), '.links');
  }

  /** The checked copy of a link list given before, if the array still holds the same ids. */
  private knownLinkList(links: unknown): CheckedLinks | undefined {
    if (!Array.isArray(links)) return undefined;
    const known = this.knownLinks.get(links);
    if (known === undefined || known.ids.length !== links.length) return undefined;
    for (let k = 0; k < links.length; k++) if (known.ids[k] !== links[k]) return undefined;
    return known;
  }

  /** Link ids to indices; errors name the field `owner() + suffix` (built only then). */
  private linkIndices(links: unknown, owner: () => string, suffix: string): Int32Array {
    if (!Array.isArray(links)) throw new InputError(owner() + suffix, links, 'an array of link ids');
    const result = new Int32Array(links.length);
    for (let k = 0; k < links.length; k++) {
      const l = this.linkIndex.get(links[k]);
      if (l === undefined) throw new InputError(`${owner()}${suffix}[${k}]`, links[k], 'the id of a link in links');
      for (let j = 0; j < k; j++) if (result[j] === l) throw new InputError(`${owner()}${suffix}[${k}]`, links[k], 'a link not already listed for this flow');
      result[k] = l;
    }
    return result;
  }

  /** Reports a flow (or a stretch of one) that moved `bytes` over its links. */
  /**
   * Counts the bytes of a flow (or of a stretch of one) on its links and keeps its record when flows are
   * recorded. The record is built only when it is kept or `needed` (for an `onEnd`); undefined otherwise.
   */
  private pushCompleted(flow: Flow, bytes: number, needed: boolean): CompletedFlow | undefined {
    for (let i = 0; i < flow.linkIndex.length; i++) this.bytesByLink[flow.linkIndex[i]] += bytes;
    if (!this.keepFlows && !needed) return undefined;
    const done: CompletedFlow = { id: flow.id, links: flow.links, bytes, startS: flow.pieceStartS, endS: this.now };
    if (flow.tag !== undefined) done.tag = flow.tag;
    if (this.keepFlows) this.completed.push(done);
    return done;
  }

  /** Ends a flow now: out of the system, reported, its `onEnd` called. */
  private finish(flow: Flow): void {
    if (flow.state === 'running') {
      this.system.removeFlow(flow.handle);
      this.flowOfHandle[flow.handle] = undefined as unknown as Flow;
      this.recorder.removeFlow(flow);
      this.recorder.touchLinks(flow.linkIndex);
      this.dirty = true;
    }
    flow.state = 'ended';
    const done = this.pushCompleted(flow, flow.pieceBytes, flow.onEnd !== undefined);
    // A kept record is the caller's to read, not to change: onEnd gets a copy. An unkept one is its own.
    if (flow.onEnd !== undefined) flow.onEnd(this.keepFlows ? { ...(done as CompletedFlow), links: flow.links.slice() } : (done as CompletedFlow), this.now);
  }

  /** Starts the flows and runs the callbacks due by now. */
  private admit(): void {
    const { pending } = this;
    for (let head = pending.peek(); head !== undefined && head.timeS <= this.now; head = pending.peek()) {
      pending.pop();
      if (head.keepAlive) this.keepAlive--;
      if (head.call !== undefined) {
        head.call(this.now);
        continue;
      }
      const flow = head.flow as Flow;
      if (flow.cancelled) continue;
      if (flow.bytes === 0) {
        this.finish(flow);
        continue;
      }
      flow.state = 'running';
      flow.since = this.now;
      flow.handle = this.system.addFlow(flow.linkIndex, flow.cap);
      this.flowOfHandle[flow.handle] = flow;
      this.recorder.addFlow(flow);
      this.recorder.touchLinks(flow.linkIndex);
      this.moved[this.movedCount++] = flow;
      this.dirty = true;
    }
  }

  /** New rates after the changes of this instant; only flows whose rate changed are touched. */
  private resolve(): void {
    const stamp = this.eventCount;
    const { system } = this;
    const changedCount = system.solveChanges();
    for (let i = 0; i < changedCount; i++) {
      const g = system.changedGroup(i);
      const handles = system.groupFlowList(g);
      for (let j = 0; j < handles.length; j++) this.refresh(this.flowOfHandle[handles[j]], stamp);
      this.recorder.touchLinks(system.groupLinkList(g));
    }
    const moved = this.moved;
    for (let i = 0; i < this.movedCount; i++) if (moved[i].state === 'running') this.refresh(moved[i], stamp);
    this.movedCount = 0;
    this.recorder.update(system);
    this.dirty = false;
  }

  private refresh(flow: Flow, stamp: number): void {
    if (flow.refreshed === stamp) return;
    flow.refreshed = stamp;
    flow.remaining -= flow.gbps * BYTES_PER_GBPS_SECOND * (this.now - flow.since);
    flow.since = this.now;
    flow.gbps = this.system.rate(flow.handle);
    flow.finishS = flow.gbps > 0 ? this.now + flow.remaining / (flow.gbps * BYTES_PER_GBPS_SECOND) : Infinity;
    if (flow.heapIndex < 0) this.running.push(flow);
    else this.running.update(flow);
  }
}

/** How errors name a flow given to `add`: the caller's field name, or `flow <id>`. */
function flowField(flow: TimelineFlowInput | null | undefined, field: string | undefined): string {
  return field ?? `flow ${String(flow?.id)}`;
}

function sameLinks(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!b.includes(a[i])) return false;
  return true;
}
