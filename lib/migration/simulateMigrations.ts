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
  route: (index: number, startS: number) => string[];
  /** Most migrations a host takes part in at once, as source or target. An integer from 1. Default 2. */
  simultaneous?: number;
  /** Seconds from a migration's start to its first memory byte. Default 1. */
  setupS?: number;
  /** Extra setup time, uniform in [0, setupJitterS], drawn per migration in input order. Default 0. */
  setupJitterS?: number;
  /** Seed of the jitter's random numbers. Default 1. */
  seed?: number;
  /** Most pre-copy rounds, counting the first full copy. An integer from 1. Default 5. */
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
  /** The links its flows crossed (from `route`). */
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
}

/** Tag of the zero-byte flows that wake the scheduler up. */
export const TIMER_TAG = 'timer';

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
  } = options;
  check(simultaneous, 'simultaneous', 'an integer 1 or more', (x) => Number.isInteger(x) && x >= 1);
  check(setupS, 'setupS', 'a finite number 0 or more', (x) => x >= 0);
  check(setupJitterS, 'setupJitterS', 'a finite number 0 or more', (x) => x >= 0);
  check(seed, 'seed', 'an integer', Number.isInteger);
  check(maxRounds, 'maxRounds', 'an integer 1 or more', (x) => Number.isInteger(x) && x >= 1);
  check(stopThresholdBytes, 'stopThresholdBytes', 'a finite number 0 or more', (x) => x >= 0);
  check(resumeS, 'resumeS', 'a finite number 0 or more', (x) => x >= 0);
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
  const flowOwner = new Map<string, number>();
  const busy = new Map<string, number>();
  const startOrder: number[] = [];
  // Waiting requests in FIFO order; requests enter it once their time has come.
  const fifo = states.map((_, i) => i).sort((a, b) => migrations[a].requestS - migrations[b].requestS || a - b);
  let nextRequest = 0;
  const waiting: number[] = [];
  const releases: Array<{ atS: number; index: number }> = [];
  let timerCount = 0;

  const timer = (atS: number, name: string): TimelineFlowInput => ({
    id: `#timer/${timerCount++}/${name}`,
    links: [],
    bytes: 0,
    startS: atS,
    capGbps: 1,
    tag: TIMER_TAG,
  });

  const passFlow = (index: number, bytes: number, startS: number, stopAndCopy: boolean): TimelineFlowInput => {
    const state = states[index];
    const id = stopAndCopy ? `${state.request.id}/stop-and-copy` : `${state.request.id}/round-${state.run.precopyRounds}`;
    flowOwner.set(id, index);
    state.run.passes.push({ bytes, startS, endS: NaN, stopAndCopy });
    return { id, links: state.run.links, bytes, startS, tag: state.request.id };
  };

  /** Applies every release and request due by `nowS`, then starts what can start. */
  const schedule = (nowS: number): TimelineFlowInput[] => {
    for (const release of releases) {
      const state = states[release.index];
      if (release.atS <= nowS && !state.released) {
        state.released = true;
        for (const host of [state.request.source, state.request.target]) busy.set(host, (busy.get(host) ?? 0) - 1);
      }
    }
    while (nextRequest < fifo.length && migrations[fifo[nextRequest]].requestS <= nowS) waiting.push(fifo[nextRequest++]);
    const flows: TimelineFlowInput[] = [];
    for (let k = 0; k < waiting.length; ) {
      const index = waiting[k];
      const { source, target } = migrations[index];
      if ((busy.get(source) ?? 0) < simultaneous && (busy.get(target) ?? 0) < simultaneous) {
        waiting.splice(k, 1);
        busy.set(source, (busy.get(source) ?? 0) + 1);
        busy.set(target, (busy.get(target) ?? 0) + 1);
        flows.push(start(index, nowS));
      } else k++;
    }
    return flows;
  };

  const start = (index: number, nowS: number): TimelineFlowInput => {
    const state = states[index];
    startOrder.push(index);
    state.run.startS = nowS;
    const routeLinks = route(index, nowS);
    if (!Array.isArray(routeLinks)) throw new InputError(`route(${index})`, routeLinks, 'an array of link ids');
    state.run.links = routeLinks.slice();
    state.run.firstByteS = nowS + setupDelays[index];
    return passFlow(index, state.request.memoryBytes, state.run.firstByteS, false);
  };

  const onFlowEnd = (ended: CompletedFlow, nowS: number): TimelineFlowInput[] => {
    if (ended.tag === TIMER_TAG) return schedule(nowS);
    const index = flowOwner.get(ended.id);
    if (index === undefined) return [];
    const state = states[index];
    const run = state.run;
    run.passes[run.passes.length - 1].endS = nowS;
    const last = run.passes[run.passes.length - 1];
    if (last.stopAndCopy) {
      run.endS = nowS + resumeS;
      run.downtimeS = nowS - last.startS + resumeS;
      releases.push({ atS: run.endS, index });
      return [timer(run.endS, `release/${state.request.id}`)];
    }
    run.precopyRounds++;
    const dirtied = Math.min(state.request.memoryBytes, state.request.dirtyBytesPerS * (nowS - last.startS));
    if (dirtied <= stopThresholdBytes || run.precopyRounds >= maxRounds) {
      run.converged = dirtied <= stopThresholdBytes;
      return [passFlow(index, dirtied, nowS, true)];
    }
    return [passFlow(index, dirtied, nowS, false)];
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
  };
}

function check(value: number, field: string, allowed: string, ok: (x: number) => boolean): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || !ok(value)) throw new InputError(field, value, allowed);
}
