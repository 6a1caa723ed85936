/**
 * One live migration as a small phase machine on a timeline, in the order lesson 5 tells it (and as
 * SimGrid's VM live-migration plugin runs it):
 *
 *   waiting -> setup -> pre-copy round 0 -> (pause -> pre-copy round k)* -> stop-and-copy -> resume -> done
 *
 * - waiting: requested, no free slot on its source or target host yet (the `MigrationScheduler` decides);
 * - setup: slots taken, route chosen; the skeleton VM and the connection come up (`setupS` + jitter);
 * - pre-copy round 0 sends the whole memory while the VM runs; round k >= 1 sends what the VM dirtied
 *   during round k-1 (dirty rate x that round's actual duration, which depends on how the links were
 *   shared), capped at the memory size;
 * - pause: `roundPauseS` between two passes (scanning the dirty-page bitmap), a gap in the stream; the VM
 *   runs on and dirties pages meanwhile;
 * - stop-and-copy: once the next round would send `stopThresholdBytes` or less, or after `maxRounds`
 *   rounds, the VM is paused and the last dirtied bytes are sent;
 * - resume: the VM resumes on the target `resumeS` later; then the migration is done and frees its slots.
 *
 * Each pass is one timeline flow per path of the migration's route. When the route changes while a pass
 * is in flight (a member fails, a team rebalances), the pass's flows are re-routed in place and keep the
 * bytes they have left. Downtime = stop-and-copy duration + `resumeS`; with one migration at a constant
 * rate this is the closed form of `precopyModel`.
 */
import type { CompletedFlow, Timeline, TimelineFlow, TimelineFlowInput } from '../timeline';
import type { MigrationRoute } from './MigrationRoute';
import { sameRoute } from './MigrationRoute';
import type { MigrationRequest, MigrationRun } from './MigrationRun';

/** Where a migration is in its life; see the file comment. */
export type MigrationPhase = 'waiting' | 'setup' | 'pre-copy' | 'pause' | 'stop-and-copy' | 'resume' | 'done';

/** What a migration needs from the engine that runs it. */
export interface MigrationHost {
  readonly timeline: Timeline;
  readonly maxRounds: number;
  readonly stopThresholdBytes: number;
  readonly resumeS: number;
  readonly roundPauseS: number;
  /** Adds `sign` to the load count of each link of `links`. */
  addLoad(links: readonly string[], sign: 1 | -1): void;
  /** The route of the next pass, at a pass boundary (after the previous pass's flows ended). */
  routeAtPass(index: number, nowS: number, current: Required<MigrationRoute>): Required<MigrationRoute> | undefined;
  /** The transfer ended (the VM is paused, resuming); the migration is done at `endS`. */
  transferEnded(index: number, endS: number): void;
}

export class LiveMigration {
  /** What happened so far (filled in as the migration runs). */
  readonly run: MigrationRun;
  /** The current route (undefined while waiting). */
  route: Required<MigrationRoute> | undefined;
  private flows: TimelineFlow[] = [];
  private outstanding = 0;
  /** When the current pass's bytes start to flow. */
  private flowStartS = NaN;
  /** Re-divisions of the current pass over a different number of paths (ids `<pass>@k`). */
  private generation = 0;
  private transferDone = false;

  constructor(
    readonly index: number,
    readonly request: MigrationRequest,
    private readonly host: MigrationHost,
  ) {
    this.run = {
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
      route: { paths: [], spread: 'split' },
      reroutes: [],
    };
  }

  /** The phase at time `nowS` (the current simulated time or later within the current step). */
  phaseAt(nowS: number): MigrationPhase {
    if (Number.isNaN(this.run.startS)) return 'waiting';
    if (this.transferDone) return nowS < this.run.endS ? 'resume' : 'done';
    const pass = this.run.passes[this.run.passes.length - 1];
    if (pass.stopAndCopy) return 'stop-and-copy';
    if (nowS < this.flowStartS) return this.run.passes.length === 1 ? 'setup' : 'pause';
    return 'pre-copy';
  }

  /** True from the start until the last byte of stop-and-copy has arrived. */
  get transferring(): boolean {
    return !Number.isNaN(this.run.startS) && !this.transferDone;
  }

  /** The pre-copy round in flight (0 for the first full copy), or the number of rounds run once in stop-and-copy. */
  get round(): number {
    return this.run.precopyRounds;
  }

  /** How many of its flows not ended yet (started or waiting to start) cross `linkId`. */
  flowsOn(linkId: string): number {
    let count = 0;
    for (const flow of this.flows) if (flow.state !== 'ended' && flow.links.includes(linkId)) count++;
    return count;
  }

  /** Starts at `nowS` on `route`; the first byte leaves after `setupDelayS`. */
  start(nowS: number, route: Required<MigrationRoute>, setupDelayS: number): void {
    this.run.startS = nowS;
    this.run.route = route;
    this.setRoute(route);
    this.run.firstByteS = nowS + setupDelayS;
    this.beginPass(this.request.memoryBytes, this.run.firstByteS, this.run.firstByteS, false);
  }

  /**
   * Moves the migration onto `route` from `nowS` (a member event, a rebalance). Flows in flight keep the
   * bytes they have left; a pass not started yet (setup, pause) will start on the new route. Returns false
   * when nothing changed (same route, or the transfer is over).
   */
  reroute(route: Required<MigrationRoute>, nowS: number): boolean {
    if (!this.transferring || this.route === undefined || sameRoute(route, this.route)) return false;
    const timeline = this.host.timeline;
    for (const flow of this.flows) if (flow.state !== 'ended') this.host.addLoad(flow.links, -1);
    this.setRoute(route);
    this.run.reroutes.push({ atS: Math.max(nowS, this.flowStartS), route });
    if (route.paths.length === this.flows.length && route.spread === this.spreadOfFlows) {
      this.flows.forEach((flow, i) => {
        if (flow.state === 'ended') return;
        timeline.reroute(flow, route.paths[i]);
        this.host.addLoad(route.paths[i], 1);
      });
      return true;
    }
    // A different number of paths: the rest of the pass is divided again over the new ones.
    let rest = 0;
    for (const flow of this.flows) {
      if (flow.state === 'ended') continue;
      const left = timeline.cancel(flow);
      rest = this.spreadOfFlows === 'copy' ? Math.max(rest, left) : rest + left;
    }
    const pass = this.run.passes[this.run.passes.length - 1];
    this.generation++;
    this.addFlows(`${this.passId(pass.stopAndCopy)}@${this.generation}`, rest, Math.max(nowS, this.flowStartS));
    return true;
  }

  // ---------------------------------------------------------------------------------------------

  private spreadOfFlows: 'split' | 'copy' = 'split';

  private setRoute(route: Required<MigrationRoute>): void {
    this.route = route;
    const links = this.run.links;
    for (const path of route.paths) for (const link of path) if (!links.includes(link)) links.push(link);
  }

  private passId(stopAndCopy: boolean): string {
    return stopAndCopy ? `${this.request.id}/stop-and-copy` : `${this.request.id}/round-${this.run.precopyRounds}`;
  }

  /** Starts a pass of `bytes` memory bytes at `passStartS`; its bytes start flowing at `flowStartS`. */
  private beginPass(bytes: number, passStartS: number, flowStartS: number, stopAndCopy: boolean): void {
    const wireBytes = bytes / (this.request.compressionRatio ?? 1);
    this.run.passes.push({ bytes, startS: passStartS, endS: NaN, stopAndCopy, wireBytes });
    this.generation = 0;
    this.addFlows(this.passId(stopAndCopy), wireBytes, flowStartS);
  }

  /** One flow per path of the current route for `wireBytes` of the pass, starting at `startS`. */
  private addFlows(id: string, wireBytes: number, startS: number): void {
    const route = this.route as Required<MigrationRoute>;
    const n = route.paths.length;
    const each = route.spread === 'copy' ? wireBytes : wireBytes / n;
    const { compressionGbps, compressionRatio = 1 } = this.request;
    this.flowStartS = startS;
    this.spreadOfFlows = route.spread;
    this.outstanding = n;
    this.flows = route.paths.map((links, i) => {
      const flow: TimelineFlowInput = { id: n === 1 ? id : `${id}#${i}`, links, bytes: each, startS, tag: this.request.id };
      if (compressionGbps !== undefined) flow.capGbps = compressionGbps / compressionRatio / (route.spread === 'copy' ? 1 : n);
      this.host.addLoad(links, 1);
      return this.host.timeline.add(flow, this.onFlowEnd);
    });
  }

  private readonly onFlowEnd = (ended: CompletedFlow, nowS: number): void => {
    this.host.addLoad(ended.links, -1);
    if (--this.outstanding > 0) return;
    const run = this.run;
    const pass = run.passes[run.passes.length - 1];
    pass.endS = nowS;
    if (pass.stopAndCopy) {
      run.endS = nowS + this.host.resumeS;
      run.downtimeS = nowS - pass.startS + this.host.resumeS;
      this.transferDone = true;
      this.host.transferEnded(this.index, run.endS);
      return;
    }
    run.precopyRounds++;
    const { dirtyBytesPerS, memoryBytes } = this.request;
    const dirtied = Math.min(memoryBytes, dirtyBytesPerS * (nowS - pass.startS));
    const threshold = this.host.stopThresholdBytes;
    const stopAndCopy = dirtied <= threshold || run.precopyRounds >= this.host.maxRounds;
    if (stopAndCopy) run.converged = dirtied <= threshold;
    // A flowlet boundary: the team may send the next pass elsewhere (Dynamic).
    const next = this.host.routeAtPass(this.index, nowS, this.route as Required<MigrationRoute>);
    const flowStartS = nowS + this.host.roundPauseS;
    if (next !== undefined && !sameRoute(next, this.route as Required<MigrationRoute>)) {
      this.setRoute(next);
      run.reroutes.push({ atS: flowStartS, route: next });
    }
    // The pause sends nothing but the VM runs (before stop-and-copy it is already paused).
    const pauseDirtied = stopAndCopy ? 0 : dirtyBytesPerS * this.host.roundPauseS;
    this.beginPass(Math.min(memoryBytes, dirtied + pauseDirtied), nowS, flowStartS, stopAndCopy);
  };
}
