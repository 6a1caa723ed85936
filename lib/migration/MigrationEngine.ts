/**
 * Live migrations on a `Timeline`: each a `LiveMigration` phase machine, started by the
 * `MigrationScheduler` at its request time or when slots free up (callbacks scheduled with `timeline.at`),
 * routed by the caller's callbacks. Callers that move flows in flight (member events, Dynamic
 * rebalancing) schedule their own callbacks on the same timeline and call `reroute`; a link that fails
 * before the team notices is marked down with `setLinksDown`, which holds the flows crossing it.
 *
 * @example
 * const timeline = new Timeline({ links, record: { segments: false } });
 * const engine = new MigrationEngine(timeline, { migrations, route: () => ['HV1/NIC1/send', 'HV2/NIC1/receive'] });
 * timeline.at(5, (now) => { for (const i of engine.inFlight()) engine.reroute(i, ['HV1/NIC2/send', 'HV2/NIC1/receive'], now); });
 * timeline.run();
 * engine.runs(); // one MigrationRun per migration
 */
import { InputError } from '../InputError';
import { mulberry32 } from '../packet';
import type { Timeline } from '../timeline';
import { LiveMigration } from './LiveMigration';
import type { MigrationHost } from './LiveMigration';
import type { MigrationRoute, MigrationRouteContext } from './MigrationRoute';
import { normalizeRoute, routeMatches } from './MigrationRoute';
import type { MigrationRequest, MigrationRun } from './MigrationRun';
import { MigrationScheduler } from './MigrationScheduler';
import { MAX_PRECOPY_ROUNDS } from './precopyModel';

/** How migrations run: the requests, the routing callbacks and Hyper-V's live-migration settings. */
export interface MigrationOptions {
  /** The migrations. Ties in request time start in this order. */
  migrations: MigrationRequest[];
  /**
   * Called once per migration, when it starts (leaves the queue), in start order: the ids of the
   * links its flows cross (typically the source member's send link and the target member's receive
   * link), or a route with several paths. Connection set-up such as ephemeral port allocation happens here.
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
  /** Most migrations a host takes part in at once, as source or target. An integer from 1. Default 2. */
  simultaneous?: number;
  /** Seconds from a migration's start to its first memory byte. 0 or more. Default 1. */
  setupS?: number;
  /** Extra setup time, uniform in [0, setupJitterS], drawn per migration in input order. 0 or more. Default 0. */
  setupJitterS?: number;
  /** Seed of the jitter's random numbers. An integer. Default 1. */
  seed?: number;
  /** Most pre-copy rounds, counting the first full copy. An integer from 1 to `MAX_PRECOPY_ROUNDS` (1000). Default 5. */
  maxRounds?: number;
  /** Pre-copy stops once the next round would send this many bytes or fewer. 0 or more. Default 30e6 (30 MB). */
  stopThresholdBytes?: number;
  /** Seconds to resume the VM on the target after the last byte. 0 or more. Default 0.05. */
  resumeS?: number;
}

export class MigrationEngine {
  /** One phase machine per migration, in input order. */
  readonly migrations: LiveMigration[];
  /** Indices of the migrations in the order they started. */
  readonly startOrder: number[] = [];
  private readonly loads = new Map<string, number>();
  /** Links that carry nothing now (`setLinksDown`). */
  private readonly downLinks = new Set<string>();
  /** Migrations started and still transferring, in start order. */
  private readonly transferring = new Set<number>();
  private readonly scheduler: MigrationScheduler;
  private readonly setupDelays: number[];
  private readonly options: MigrationOptions;
  /**
   * Routes from the callbacks, normalized, by the object given: a router that hands out the same route
   * object again (a memoized one) gets the same normalized route back while it still matches, so passes
   * and moves share one route instead of copying it each time.
   */
  private readonly normalized = new WeakMap<object, Required<MigrationRoute>>();

  /** @throws InputError for bad options or a migration onto its own host. */
  constructor(
    readonly timeline: Timeline,
    options: MigrationOptions,
  ) {
    if (options === null || typeof options !== 'object') throw new InputError('options', options, 'an object with migrations and route');
    const { migrations, route, simultaneous = 2, setupS = 1, setupJitterS = 0, seed = 1, maxRounds = 5, stopThresholdBytes = 30e6, resumeS = 0.05, roundPauseS = 0 } = options;
    check(simultaneous, 'simultaneous', 'an integer 1 or more', (x) => Number.isInteger(x) && x >= 1);
    check(setupS, 'setupS', 'a finite number 0 or more', (x) => x >= 0);
    check(setupJitterS, 'setupJitterS', 'a finite number 0 or more', (x) => x >= 0);
    check(seed, 'seed', 'an integer', Number.isInteger);
    check(maxRounds, 'maxRounds', `an integer from 1 to ${MAX_PRECOPY_ROUNDS}`, (x) => Number.isInteger(x) && x >= 1 && x <= MAX_PRECOPY_ROUNDS);
    check(stopThresholdBytes, 'stopThresholdBytes', 'a finite number 0 or more', (x) => x >= 0);
    check(resumeS, 'resumeS', 'a finite number 0 or more', (x) => x >= 0);
    check(roundPauseS, 'roundPauseS', 'a finite number 0 or more', (x) => x >= 0);
    if (!Array.isArray(migrations)) throw new InputError('migrations', migrations, 'an array of migrations');
    if (typeof route !== 'function') throw new InputError('route', route, 'a function');
    if (options.rerouteAtPass !== undefined && typeof options.rerouteAtPass !== 'function') throw new InputError('rerouteAtPass', options.rerouteAtPass, 'a function, or nothing');
    const ids = new Set<string>();
    migrations.forEach((m, i) => {
      const field = `migrations[${i}]`;
      if (m === null || typeof m !== 'object') throw new InputError(field, m, 'a migration { id, source, target, memoryBytes, dirtyBytesPerS, requestS }');
      if (typeof m.id !== 'string' || m.id === '' || ids.has(m.id)) throw new InputError(`${field}.id`, m.id, 'a unique non-empty name');
      ids.add(m.id);
      if (m.source === m.target) throw new InputError(`${field}.target`, m.target, `a host other than the source ${m.source}`);
      check(m.memoryBytes, `${field}.memoryBytes`, 'a finite number greater than 0', (x) => x > 0);
      check(m.dirtyBytesPerS, `${field}.dirtyBytesPerS`, 'a finite number 0 or more', (x) => x >= 0);
      check(m.requestS, `${field}.requestS`, 'a finite number 0 or more', (x) => x >= 0);
      if (m.compressionRatio !== undefined) check(m.compressionRatio, `${field}.compressionRatio`, 'a finite number 1 or more', (x) => x >= 1);
      if (m.compressionGbps !== undefined) check(m.compressionGbps, `${field}.compressionGbps`, 'a finite number greater than 0', (x) => x > 0);
    });
    this.options = options;

    // Jitter is drawn in input order, so it does not depend on the order migrations start in.
    const random = mulberry32(seed);
    this.setupDelays = migrations.map(() => setupS + (setupJitterS > 0 ? random() * setupJitterS : 0));

    const host: MigrationHost = {
      timeline,
      maxRounds,
      stopThresholdBytes,
      resumeS,
      roundPauseS,
      addLoad: (links, sign) => {
        for (const link of links) this.loads.set(link, (this.loads.get(link) ?? 0) + sign);
      },
      isLinkDown: (link) => this.downLinks.size > 0 && this.downLinks.has(link),
      routeAtPass: (index, nowS, current) => {
        if (options.rerouteAtPass === undefined) return undefined;
        const next = options.rerouteAtPass(index, nowS, current, this.context(index));
        return next === undefined ? undefined : this.normalize(next, `rerouteAtPass(${index})`);
      },
      transferEnded: (index, endS) => {
        this.transferring.delete(index);
        this.scheduler.release(index, endS);
        timeline.at(endS, this.schedule);
      },
    };
    this.migrations = migrations.map((request, i) => new LiveMigration(i, request, host));
    this.scheduler = new MigrationScheduler(migrations.map((m) => ({ source: m.source, target: m.target, requestS: m.requestS })), simultaneous);
    for (const atS of this.scheduler.requestTimes()) timeline.at(atS, this.schedule);
  }

  /** Indices of the migrations that have started and are still sending (setup to stop-and-copy), in start order. */
  inFlight(): number[] {
    return [...this.transferring];
  }

  /**
   * Moves migration `index` onto `route` from now (see `LiveMigration.reroute`). Returns false when
   * nothing changed.
   */
  reroute(index: number, route: string[] | MigrationRoute): boolean {
    return this.migrations[index].reroute(this.normalize(route, `reroute(${index})`), this.timeline.nowS);
  }

  /**
   * Marks links down (`down` true) or up again from now. A flow whose path crosses a link that is down is
   * held: it moves no byte and keeps what it has left, until its path is up again or `reroute` moves it
   * to one that is (a member failed and its team has not detected it yet). Returns how many paths of the
   * migrations in flight are held afterwards.
   */
  setLinksDown(linkIds: readonly string[], down: boolean): number {
    for (const id of linkIds) {
      if (down) this.downLinks.add(id);
      else this.downLinks.delete(id);
    }
    let held = 0;
    for (const index of this.transferring) held += this.migrations[index].applyLinkStates();
    return held;
  }

  /** True while `linkId` is marked down (`setLinksDown`). */
  isLinkDown(linkId: string): boolean {
    return this.downLinks.has(linkId);
  }

  /** How many migration flows a link carries now (started or waiting to start), optionally leaving one migration out. */
  linkLoad(linkId: string, except?: number): number {
    const load = this.loads.get(linkId) ?? 0;
    return except === undefined ? load : load - this.migrations[except].flowsOn(linkId);
  }

  /** The routing context of migration `index`: link loads without its own flows. */
  context(index: number): MigrationRouteContext {
    return { linkLoad: (linkId) => this.linkLoad(linkId, index) };
  }

  /** What happened to each migration, in input order. @throws Error when one never ended (a bug). */
  runs(): MigrationRun[] {
    const unfinished = this.migrations.findIndex((m) => !Number.isFinite(m.run.endS));
    if (unfinished >= 0) throw new Error(`MigrationEngine: migration ${this.migrations[unfinished].request.id} never ended (a bug)`);
    return this.migrations.map((m) => m.run);
  }

  /** `normalizeRoute`, reusing the result for a route object given before and unchanged since. */
  private normalize(given: string[] | MigrationRoute, field: string): Required<MigrationRoute> {
    if (given === null || typeof given !== 'object') return normalizeRoute(given, field);
    const known = this.normalized.get(given);
    if (known !== undefined && routeMatches(known, given)) return known;
    const route = normalizeRoute(given, field);
    this.normalized.set(given, route);
    return route;
  }

  /** Applies the releases and requests due now and starts what can start. */
  private readonly schedule = (nowS: number): void => {
    for (const index of this.scheduler.startable(nowS)) {
      this.startOrder.push(index);
      const route = this.normalize(this.options.route(index, nowS, this.context(index)), `route(${index})`);
      this.transferring.add(index);
      this.migrations[index].start(nowS, route, this.setupDelays[index]);
    }
  };
}

function check(value: number, field: string, allowed: string, ok: (x: number) => boolean): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || !ok(value)) throw new InputError(field, value, allowed);
}
