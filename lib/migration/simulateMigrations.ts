/**
 * Live migrations as chained flows on the fluid timeline.
 *
 * Each migration, once it has a slot (see `simultaneous`), waits its setup time, then moves memory in
 * passes, each pass one flow over the links its connection uses:
 * - round 0 sends the whole memory while the VM runs;
 * - round i >= 1 sends what the VM dirtied during round i-1: dirty rate x that round's actual
 *   duration (which depends on how the links were shared), capped at the memory size;
 * - pre-copy stops when the next round would send `stopThresholdBytes` or less, or after `maxRounds`
 *   rounds; then stop-and-copy sends that last amount with the VM paused (nothing more is dirtied);
 * - the VM resumes `resumeS` later on the target, which ends the migration and frees its slots.
 *
 * A migration that compresses (`compressionRatio`, `compressionGbps`) puts each pass's memory bytes on
 * the wire divided by the ratio, at a wire rate capped by its CPU; dirtying, the stop threshold and
 * `MigrationPass.bytes` stay in memory bytes.
 *
 * Downtime = stop-and-copy duration + `resumeS`. With one migration at a constant rate this is the
 * closed form of `precopyModel`.
 *
 * Slot bookkeeping runs on zero-byte "timer" flows (no links, tag `timer`) at request and release
 * times, so every decision is taken at the simulated moment it belongs to, after every flow that ends
 * at that moment.
 */
import { InputError } from '../InputError';
import { mulberry32 } from '../packet';
import { simulateTimeline } from '../timeline';
import { MAX_PRECOPY_ROUNDS } from './precopyModel';
import type { CompletedFlow, TimelineFlowInput, TimelineLink, TimelineResult } from '../timeline';

/** One live migration to run. */
export interface MigrationRequest {
  /** Unique name (the VM name); flow ids start with it: `VM1/round-0`, `VM1/stop-and-copy`. */
  id: string;
  /** Name of the source host. */
  source: string;
  /** Name of the target host (different from the source). */
  target: string;
  /** VM memory in bytes (GiB x 2^30). Greater than 0. */
  memoryBytes: number;
  /** Page dirty rate while the VM runs, bytes per second. 0 or more. */
  dirtyBytesPerS: number;
  /** When the migration is requested, seconds from the start. 0 or more. */
  requestS: number;
  /**
   * Memory bytes per wire byte when the migration compresses memory before sending it (the Compression
   * transport): every pass puts `bytes / compressionRatio` on the wire, while dirtying and the stop
   * threshold stay in memory (uncompressed) bytes. 1 or more. Default 1 (nothing compressed).
   */
  compressionRatio?: number;
  /**
   * How fast the CPU compresses this migration's memory, in Gbps of uncompressed memory: its wire rate is
   * capped at `compressionGbps / compressionRatio` (spread evenly over its flows when a pass is split
   * over several paths), so its memory rate is min(network share x ratio, compressionGbps). Greater than
   * 0. Default none (the network alone sets the rate).
   */
  compressionGbps?: number;
}

/**
 * The member paths a migration's bytes take. A connection pinned to one member has one path (the
 * source member's send link, the target member's receive link); a Linux bond that sprays (balance-rr)
 * or copies (broadcast) gives one path per member.
 */
export interface MigrationRoute {
  /** One list of link ids per path; at least one path, each crossing its links at most once. */
  paths: string[][];
  /**
   * `split` (default): a pass's bytes are divided equally over the paths, as round robin spraying
   * divides packets; `copy`: every path carries all the bytes (broadcast), and the pass ends when the
   * slowest copy has arrived.
   */
  spread?: 'split' | 'copy';
}

/** What routing callbacks may look at when they choose members. */
export interface MigrationRouteContext {
  /**
   * How many migration flows are assigned to a link right now: started or waiting to start, not yet
   * ended (a sprayed or copied pass counts once per path). The flow being routed is not counted.
   */
  linkLoad(linkId: string): number;
}

/**
 * A re-route planned ahead: generation `generationId` (see `MigrationGeneration`) stops once each of
 * its flows has moved `pieceBytes[i]` bytes, which the caller computed as what it moves by `atS`; the
 * rest of the pass continues on `route` from `atS` as the next generation. This is how a member
 * failure or a periodic rebalance moves a flow in flight without stopping the timeline.
 */
export interface MigrationSplit {
  /** Id of the generation to split, e.g. `VM1/round-0` or `VM1/round-0@1`. */
  generationId: string;
  /** When the rest continues, seconds. */
  atS: number;
  /** Bytes each flow of the generation moves before the split, in path order. */
  pieceBytes: number[];
  /** The route of the rest of the pass. */
  route: MigrationRoute;
}

/**
 * One stretch of a pass on one route. A pass starts as one generation whose id is the pass id
 * (`VM1/round-2`); each split adds a generation (`VM1/round-2@1`, `@2`, ...). Its flows have the
 * generation's id when the route has one path, else `<id>#<path index>`.
 */
export interface MigrationGeneration {
  /** Generation id. */
  id: string;
  /** Index of the migration in the input. */
  migration: number;
  /** Index of the pass in the migration's `passes`. */
  pass: number;
  /** When the route was chosen (the generation was created), seconds. */
  routedS: number;
  /** When its flows start, seconds (>= routedS). */
  startS: number;
  /** Its route, `spread` filled in. */
  route: Required<MigrationRoute>;
  /** Ids of its flows, one per path. */
  pieceIds: string[];
  /** Bytes of each of its flows. */
  pieceBytes: number[];
  /**
   * Wire bytes of the pass still to send when it began (under `copy`, every path carries them all);
   * memory bytes divided by the migration's `compressionRatio`.
   */
  bytes: number;
  /** True when a planned split ends it before its bytes are all sent. */
  split: boolean;
}

/** Options for `simulateMigrations`. */
export interface SimulateMigrationsOptions {
  /** Every link flows may cross (one direction of one member each), with unique ids. */
  links: TimelineLink[];
  /** The migrations. Ties in request time start in this order. */
  migrations: MigrationRequest[];
  /**
   * Called once per migration, when it starts (leaves the queue), in start order: the ids of the
   * links its flows cross (typically the source member's send link and the target member's receive
   * link). Connection set-up such as ephemeral port allocation happens here.
   */
  route: (index: number, startS: number, context: MigrationRouteContext) => string[] | MigrationRoute;
  /**
   * Called when a pass after the first begins (a pre-copy round boundary, before the `roundPauseS`
   * pause): the migration's route from now on, or undefined to keep the current one. A Dynamic team
   * moves a flow to another member at such a flowlet boundary. Default: routes never change here.
   */
  rerouteAtPass?: (index: number, nowS: number, current: Required<MigrationRoute>, context: MigrationRouteContext) => string[] | MigrationRoute | undefined;
  /**
   * Seconds between the end of one pass and the first byte of the next (scanning the dirty-page
   * bitmap): a gap in the migration's TCP stream. The VM keeps running, so the next round also sends
   * what was dirtied during the pause. 0 or more. Default 0.
   */
  roundPauseS?: number;
  /** Planned re-routes of passes in flight (see `MigrationSplit`). Default none. */
  splits?: MigrationSplit[];
  /** Most migrations a host takes part in at once, as source or target. An integer from 1. Default 2. */
  simultaneous?: number;
  /** Seconds from a migration's start to its first memory byte. Default 1. */
  setupS?: number;
  /** Extra setup time, uniform in [0, setupJitterS], drawn per migration in input order. Default 0. */
  setupJitterS?: number;
  /** Seed of the jitter's random numbers. Default 1. */
  seed?: number;
  /** Most pre-copy rounds, counting the first full copy. An integer from 1 to `MAX_PRECOPY_ROUNDS` (1000). Default 5. */
  maxRounds?: number;
  /** Pre-copy stops once the next round would send this many bytes or fewer. Default 30e6 (30 MB). */
  stopThresholdBytes?: number;
  /** Seconds to resume the VM on the target after the last byte. Default 0.05. */
  resumeS?: number;
  /** Passed to the timeline: record each flow's rate per segment. Default true. */
  recordFlowRates?: boolean;
}

/** One copy pass as it happened. */
export interface MigrationPass {
  /** Bytes sent. */
  bytes: number;
  /** When the pass started, seconds. */
  startS: number;
  /** When its last byte arrived, seconds. */
  endS: number;
  /** True for the final stop-and-copy pass (VM paused), false for pre-copy rounds. */
  stopAndCopy: boolean;
  /** Bytes put on the wire: `bytes / compressionRatio` (equal to `bytes` without compression). */
  wireBytes: number;
}

/** What happened to one migration. */
export interface MigrationRun {
  /** The request's id. */
  id: string;
  /** When it requested to start (the request's `requestS`). */
  requestS: number;
  /** When it got its slots on both hosts and started, >= requestS. */
  startS: number;
  /** When its first memory byte was sent: startS + setup time (+ jitter). */
  firstByteS: number;
  /** When the VM resumed on the target: the migration's end. */
  endS: number;
  /** Seconds the VM was paused: stop-and-copy time + resume time. */
  downtimeS: number;
  /** Pre-copy rounds run, counting the first full copy. */
  precopyRounds: number;
  /** True when pre-copy ended because the remaining bytes fell to the threshold, false when the round cap ended it. */
  converged: boolean;
  /** Every pass, pre-copy rounds then stop-and-copy. */
  passes: MigrationPass[];
  /** The links its flows crossed (from `route`, and from every re-route after it), in first-use order. */
  links: string[];
}

/** What `simulateMigrations` returns. */
export interface MigrationsSimulation {
  /** The timeline run, timer flows (tag `timer`, no links, 0 bytes) included. */
  timeline: TimelineResult;
  /** One entry per migration, in input order. */
  migrations: MigrationRun[];
  /** Indices of the migrations in the order they started. */
  startOrder: number[];
  /** Seconds until the last migration ended (0 without migrations). */
  durationS: number;
  /** Every generation of every pass (see `MigrationGeneration`), in the order they were created. */
  generations: MigrationGeneration[];
}

/** Tag of the zero-byte flows that wake the scheduler up. */
export const TIMER_TAG = 'timer';

/** The migrations waiting between two hosts, in FIFO order: `waiting[head..]`. */
interface PairQueue {
  source: string;
  target: string;
  waiting: number[];
  head: number;
}

interface State {
  request: MigrationRequest;
  run: MigrationRun;
  released: boolean;
}

/**
 * Runs live migrations on the fluid timeline, with the simultaneous-migration limit and FIFO
 * queueing: a migration that cannot start (a host already takes part in `simultaneous` migrations)
 * waits; waiting migrations are served in order of request time, then input order, each as soon as
 * both its hosts have a free slot (one that cannot start does not hold back later ones for other
 * hosts).
 *
 * @throws InputError for bad options, a migration onto its own host, or a route naming unknown links.
 */
export function simulateMigrations(options: SimulateMigrationsOptions): MigrationsSimulation {
  const {
    links,
    migrations,
    route,
    simultaneous = 2,
    setupS = 1,
    setupJitterS = 0,
    seed = 1,
    maxRounds = 5,
    stopThresholdBytes = 30e6,
    resumeS = 0.05,
    recordFlowRates = true,
    rerouteAtPass,
    roundPauseS = 0,
    splits = [],
  } = options;
  check(simultaneous, 'simultaneous', 'an integer 1 or more', (x) => Number.isInteger(x) && x >= 1);
  check(setupS, 'setupS', 'a finite number 0 or more', (x) => x >= 0);
  check(setupJitterS, 'setupJitterS', 'a finite number 0 or more', (x) => x >= 0);
  check(seed, 'seed', 'an integer', Number.isInteger);
  check(maxRounds, 'maxRounds', `an integer from 1 to ${MAX_PRECOPY_ROUNDS}`, (x) => Number.isInteger(x) && x >= 1 && x <= MAX_PRECOPY_ROUNDS);
  check(stopThresholdBytes, 'stopThresholdBytes', 'a finite number 0 or more', (x) => x >= 0);
  check(resumeS, 'resumeS', 'a finite number 0 or more', (x) => x >= 0);
  check(roundPauseS, 'roundPauseS', 'a finite number 0 or more', (x) => x >= 0);
  if (!Array.isArray(splits)) throw new InputError('splits', splits, 'an array of planned re-routes');
  if (!Array.isArray(migrations)) throw new InputError('migrations', migrations, 'an array of migrations');
  if (typeof route !== 'function') throw new InputError('route', route, 'a function');

  const ids = new Set<string>();
  migrations.forEach((m, i) => {
    const field = `migrations[${i}]`;
    if (typeof m.id !== 'string' || m.id === '' || ids.has(m.id)) throw new InputError(`${field}.id`, m.id, 'a unique non-empty name');
    ids.add(m.id);
    if (m.source === m.target) throw new InputError(`${field}.target`, m.target, `a host other than the source ${m.source}`);
    check(m.memoryBytes, `${field}.memoryBytes`, 'a finite number greater than 0', (x) => x > 0);
    check(m.dirtyBytesPerS, `${field}.dirtyBytesPerS`, 'a finite number 0 or more', (x) => x >= 0);
    check(m.requestS, `${field}.requestS`, 'a finite number 0 or more', (x) => x >= 0);
    if (m.compressionRatio !== undefined) check(m.compressionRatio, `${field}.compressionRatio`, 'a finite number 1 or more', (x) => x >= 1);
    if (m.compressionGbps !== undefined) check(m.compressionGbps, `${field}.compressionGbps`, 'a finite number greater than 0', (x) => x > 0);
  });

  // Jitter is drawn in input order, so it does not depend on the order migrations start in.
  const random = mulberry32(seed);
  const setupDelays = migrations.map(() => setupS + (setupJitterS > 0 ? random() * setupJitterS : 0));

  const states: State[] = migrations.map((request) => ({
    request,
    run: {
      id: request.id,
      requestS: request.requestS,
      startS: NaN,
      firstByteS: NaN,
      endS: NaN,
      downtimeS: NaN,
      precopyRounds: 0,
      converged: false,
      passes: [],
      links: [],
    },
    released: false,
  }));
  const busy = new Map<string, number>();
  const startOrder: number[] = [];
  // Requests in FIFO order (request time, then input order); they wait once their time has come.
  const fifo = states.map((_, i) => i).sort((a, b) => migrations[a].requestS - migrations[b].requestS || a - b);
  const rank = new Int32Array(migrations.length);
  fifo.forEach((index, k) => {
    rank[index] = k;
  });
  let nextRequest = 0;
  // Waiting migrations by host pair, each queue in FIFO order, and the pairs with a waiting migration by
  // host: a migration can only start when one of its hosts was just freed or it was just requested.
  const pairQueues = new Map<string, PairQueue>();
  const waitingPairsOf = new Map<string, Set<PairQueue>>();
  // Releases not applied yet, in order of time.
  const releases: Array<{ atS: number; index: number }> = [];
  let nextRelease = 0;
  let timerCount = 0;

  const timer = (atS: number, name: string): TimelineFlowInput => ({
    id: `#timer/${timerCount++}/${name}`,
    links: [],
    bytes: 0,
    startS: atS,
    capGbps: 1,
    tag: TIMER_TAG,
  });

  const linkLoads = new Map<string, number>();
  const context: MigrationRouteContext = { linkLoad: (linkId) => linkLoads.get(linkId) ?? 0 };
  const currentRoute: Array<Required<MigrationRoute>> = new Array(migrations.length);
  const splitPlan = new Map(splits.map((split) => [split.generationId, split]));
  const generations: MigrationGeneration[] = [];
  const generationOf = new Map<string, { generation: MigrationGeneration; passId: string; k: number }>();
  const outstanding = new Map<string, number>();

  /** Takes a route from a callback, checks it and makes it the migration's current route. */
  const setRoute = (index: number, given: string[] | MigrationRoute, field: string): void => {
    const route = normalizeRoute(given, field);
    currentRoute[index] = route;
    const links = states[index].run.links;
    for (const path of route.paths) for (const link of path) if (!links.includes(link)) links.push(link);
  };

  /** Starts generation k of a pass: one flow per path of the current route. */
  const startGeneration = (index: number, pass: number, passId: string, k: number, bytes: number, routedS: number, startS: number): TimelineFlowInput[] => {
    const state = states[index];
    const route = currentRoute[index];
    const id = k === 0 ? passId : `${passId}@${k}`;
    const n = route.paths.length;
    const full = route.spread === 'copy' ? bytes : bytes / n;
    const split = splitPlan.get(id);
    if (split !== undefined && split.pieceBytes.length !== n) {
      throw new InputError(`splits(${id}).pieceBytes`, split.pieceBytes, `${n} byte counts, one per path`);
    }
    const pieceBytes = route.paths.map((_, i) => (split === undefined ? full : Math.min(full, Math.max(0, split.pieceBytes[i]))));
    const pieceIds = n === 1 ? [id] : route.paths.map((_, i) => `${id}#${i}`);
    const generation: MigrationGeneration = { id, migration: index, pass, routedS, startS, route, pieceIds, pieceBytes, bytes, split: split !== undefined };
    generations.push(generation);
    outstanding.set(id, n);
    return route.paths.map((links, i) => {
      generationOf.set(pieceIds[i], { generation, passId, k });
      for (const link of links) linkLoads.set(link, (linkLoads.get(link) ?? 0) + 1);
      const flow: TimelineFlowInput = { id: pieceIds[i], links, bytes: pieceBytes[i], startS, tag: state.request.id };
      const { compressionGbps, compressionRatio = 1 } = state.request;
      if (compressionGbps !== undefined) flow.capGbps = compressionGbps / compressionRatio / (route.spread === 'copy' ? 1 : n);
      return flow;
    });
  };

  /** Starts a pass at `nowS`; its bytes start flowing at `flowStartS`; its route was chosen at `routedS`. */
  const passFlows = (index: number, bytes: number, nowS: number, flowStartS: number, stopAndCopy: boolean, routedS = nowS): TimelineFlowInput[] => {
    const state = states[index];
    const passId = stopAndCopy ? `${state.request.id}/stop-and-copy` : `${state.request.id}/round-${state.run.precopyRounds}`;
    // Generations and their flows count wire bytes; the pass keeps both.
    const wireBytes = bytes / (state.request.compressionRatio ?? 1);
    state.run.passes.push({ bytes, startS: nowS, endS: NaN, stopAndCopy, wireBytes });
    return startGeneration(index, state.run.passes.length - 1, passId, 0, wireBytes, routedS, flowStartS);
  };

  /** Adds a pair to its hosts' sets of pairs with a waiting migration, or takes it out. */
  const markWaiting = (queue: PairQueue, waiting: boolean): void => {
    for (const host of [queue.source, queue.target]) {
      let pairs = waitingPairsOf.get(host);
      if (pairs === undefined) waitingPairsOf.set(host, (pairs = new Set()));
      if (waiting) pairs.add(queue);
      else pairs.delete(queue);
    }
  };

  /**
   * Applies every release and request due by `nowS`, then starts what can start: the waiting
   * migrations in FIFO order, each one whose hosts both have a free slot at its turn.
   *
   * Only pairs of hosts with a host freed now, or with a migration requested now, can hold one: after
   * the previous call none could start, and slots are taken only here. Within a pair the migrations
   * that start are the first ones of its queue, at most `simultaneous` (each takes a source slot), so
   * scanning those of every such pair in FIFO order starts the same migrations in the same order as
   * scanning every waiting migration.
   */
  const schedule = (nowS: number): TimelineFlowInput[] => {
    const candidates = new Set<PairQueue>();
    while (nextRelease < releases.length && releases[nextRelease].atS <= nowS) {
      const state = states[releases[nextRelease++].index];
      if (state.released) continue;
      state.released = true;
      for (const host of [state.request.source, state.request.target]) {
        busy.set(host, (busy.get(host) ?? 0) - 1);
        for (const queue of waitingPairsOf.get(host) ?? []) candidates.add(queue);
      }
    }
    while (nextRequest < fifo.length && migrations[fifo[nextRequest]].requestS <= nowS) {
      const index = fifo[nextRequest++];
      const { source, target } = migrations[index];
      const key = `${source}\u0000${target}`;
      let queue = pairQueues.get(key);
      if (queue === undefined) pairQueues.set(key, (queue = { source, target, waiting: [], head: 0 }));
      if (queue.head === queue.waiting.length) markWaiting(queue, true);
      queue.waiting.push(index);
      candidates.add(queue);
    }
    const turn: number[] = [];
    for (const queue of candidates) {
      const end = Math.min(queue.waiting.length, queue.head + simultaneous);
      for (let k = queue.head; k < end; k++) turn.push(queue.waiting[k]);
    }
    turn.sort((a, b) => rank[a] - rank[b]);
    const flows: TimelineFlowInput[] = [];
    for (const index of turn) {
      const { source, target } = migrations[index];
      if ((busy.get(source) ?? 0) < simultaneous && (busy.get(target) ?? 0) < simultaneous) {
        // It is the first waiting migration of its pair: the ones before it in the pair started.
        const queue = pairQueues.get(`${source}\u0000${target}`) as PairQueue;
        queue.head++;
        if (queue.head === queue.waiting.length) {
          markWaiting(queue, false);
          queue.waiting = [];
          queue.head = 0;
        }
        busy.set(source, (busy.get(source) ?? 0) + 1);
        busy.set(target, (busy.get(target) ?? 0) + 1);
        flows.push(...start(index, nowS));
      }
    }
    return flows;
  };

  const start = (index: number, nowS: number): TimelineFlowInput[] => {
    const state = states[index];
    startOrder.push(index);
    state.run.startS = nowS;
    setRoute(index, route(index, nowS, context), `route(${index})`);
    state.run.firstByteS = nowS + setupDelays[index];
    // The route was chosen now, at the start; the first byte leaves after the setup time.
    return passFlows(index, state.request.memoryBytes, state.run.firstByteS, state.run.firstByteS, false, nowS);
  };

  const onFlowEnd = (ended: CompletedFlow, nowS: number): TimelineFlowInput[] => {
    if (ended.tag === TIMER_TAG) return schedule(nowS);
    const owner = generationOf.get(ended.id);
    if (owner === undefined) return [];
    for (const link of ended.links) linkLoads.set(link, (linkLoads.get(link) ?? 0) - 1);
    const { generation, passId, k } = owner;
    const left = (outstanding.get(generation.id) ?? 0) - 1;
    outstanding.set(generation.id, left);
    if (left > 0) return [];
    const index = generation.migration;
    const split = splitPlan.get(generation.id);
    if (split !== undefined) {
      const sent = generation.route.spread === 'copy' ? Math.min(...generation.pieceBytes) : generation.pieceBytes.reduce((a, b) => a + b, 0);
      setRoute(index, split.route, `splits(${generation.id}).route`);
      const rest = Math.max(0, generation.bytes - sent);
      return startGeneration(index, generation.pass, passId, k + 1, rest, nowS, Math.max(nowS, split.atS));
    }
    const state = states[index];
    const run = state.run;
    run.passes[run.passes.length - 1].endS = nowS;
    const last = run.passes[run.passes.length - 1];
    if (last.stopAndCopy) {
      run.endS = nowS + resumeS;
      run.downtimeS = nowS - last.startS + resumeS;
      // Kept in order of time: ends come in time order and resumeS is fixed, so this appends.
      const release = { atS: run.endS, index };
      let k = releases.length;
      releases.push(release);
      for (; k > nextRelease && releases[k - 1].atS > release.atS; k--) releases[k] = releases[k - 1];
      releases[k] = release;
      return [timer(run.endS, `release/${state.request.id}`)];
    }
    run.precopyRounds++;
    const dirtied = Math.min(state.request.memoryBytes, state.request.dirtyBytesPerS * (nowS - last.startS));
    const stopAndCopy = dirtied <= stopThresholdBytes || run.precopyRounds >= maxRounds;
    if (stopAndCopy) run.converged = dirtied <= stopThresholdBytes;
    if (rerouteAtPass !== undefined) {
      const next = rerouteAtPass(index, nowS, currentRoute[index], context);
      if (next !== undefined) setRoute(index, next, `rerouteAtPass(${index})`);
    }
    // The pause sends nothing but the VM runs (before stop-and-copy it is already paused).
    const pauseDirtied = stopAndCopy ? 0 : state.request.dirtyBytesPerS * roundPauseS;
    return passFlows(index, Math.min(state.request.memoryBytes, dirtied + pauseDirtied), nowS, nowS + roundPauseS, stopAndCopy);
  };

  const requestTimes = [...new Set(migrations.map((m) => m.requestS))].sort((a, b) => a - b);
  const initial = requestTimes.map((atS) => timer(atS, 'request'));
  const timeline = simulateTimeline({ links, flows: initial, onFlowEnd, recordFlowRates });

  const unfinished = states.findIndex((s) => !Number.isFinite(s.run.endS));
  if (unfinished >= 0) throw new Error(`simulateMigrations: migration ${migrations[unfinished].id} never ended (a bug)`);
  return {
    timeline,
    migrations: states.map((s) => s.run),
    startOrder,
    durationS: states.reduce((max, s) => Math.max(max, s.run.endS), 0),
    generations,
  };
}

/** A route from a callback as a checked `MigrationRoute` with `spread` filled in. */
function normalizeRoute(given: string[] | MigrationRoute, field: string): Required<MigrationRoute> {
  if (Array.isArray(given)) {
    if (!given.every((link) => typeof link === 'string')) throw new InputError(field, given, 'an array of link ids or a route { paths, spread }');
    return { paths: [given.slice()], spread: 'split' };
  }
  const ok =
    typeof given === 'object' &&
    given !== null &&
    Array.isArray(given.paths) &&
    given.paths.length > 0 &&
    given.paths.every((path) => Array.isArray(path) && path.every((link) => typeof link === 'string')) &&
    (given.spread === undefined || given.spread === 'split' || given.spread === 'copy');
  if (!ok) throw new InputError(field, given, 'an array of link ids or a route { paths: at least one array of link ids, spread: split or copy }');
  return { paths: given.paths.map((path) => path.slice()), spread: given.spread ?? 'split' };
}

function check(value: number, field: string, allowed: string, ok: (x: number) => boolean): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || !ok(value)) throw new InputError(field, value, allowed);
}
