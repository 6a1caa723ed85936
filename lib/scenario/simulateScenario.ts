import { MigrationEngine } from '../migration';
import { Timeline } from '../timeline';
import type { TimelineRecording, TimelineResult } from '../timeline';
import { transportPlan } from './liveMigrationTransports';
import type { Scenario } from './Scenario';
import { scenarioLinks } from './scenarioLinks';
import type { ScenarioLink } from './scenarioLinks';
import { hostTotals, scenarioResult } from './scenarioResult';
import type { ScenarioRunRecord } from './scenarioResult';
import { scenarioRouting } from './scenarioRouting';
import type { ChosenRoute } from './scenarioRouting';
import { scheduleDynamicRebalance } from './scheduleDynamicRebalance';
import { scheduleMemberEvents } from './scheduleMemberEvents';
import type { SimulationResult } from './SimulationResult';

/** Options for `simulateScenario`. */
export interface SimulateScenarioOptions {
  /** Record every flow's rate in each segment of `timeline` (`Segment.flowGbps`). Default true. */
  recordFlowRates?: boolean;
}

/** What `simulateScenario` returns. */
export interface ScenarioSimulation {
  /** The summary: the CLI's JSON contract. */
  result: SimulationResult;
  /**
   * The full fluid run, for figures and sampled counters: every pass of every migration as flows
   * (`VM/round-0`, ..., `VM/stop-and-copy`, tagged with the VM name; a pass moved in flight also has
   * `VM/round-0@1`, ... for its stretches on later routes) and the segments. Computed on first use by
   * running the same deterministic simulation again with segments and flows recorded, so that callers
   * who only need `result` (the CLI, big drains) never hold them in memory.
   */
  readonly timeline: TimelineResult;
  /** Every link: each member of each host, send and receive, in host then member order. */
  links: ScenarioLink[];
}

const GIB = 2 ** 30;
const MB = 1e6;

/**
 * Simulates a validated scenario (see `validateScenario`): every live migration is a `LiveMigration`
 * phase machine on one `Timeline`, routed over the teams as Windows and the switch would route them;
 * member events and the Dynamic rebalance are callbacks on the same timeline that move flows in place.
 *
 * - Connections: under `per-vm` each migration opens its own TCP connection to port 6600 from the
 *   source host's next ephemeral port, handed out in the order migrations start, beginning at the
 *   host's `nextEphemeralPort`; under `per-host-pair` all migrations from one host to another share
 *   the first one's connection (same port, so the same members).
 * - Frames carry the source team's MAC and the target team's MAC (each the primary member's MAC),
 *   the hosts' IPs and the ports.
 * - Each connection crosses two links: the source's send member (`sendMember`) and the target's
 *   receive member (`receiveMember`, with the switch's `loadBalance` and the target's vSwitch port).
 * - Transports (`liveMigration.transport`): `TCP` as above; `Compression` puts each pass on the wire
 *   divided by `compressionRatio`, at a wire rate capped at `compressionGbps / compressionRatio` per
 *   migration (its CPU); `SMB` opens `smbConnectionsPerInterface` connections (at most
 *   `smbMaxConnectionsPerServer`) per source-target host pair to port 445, shared by every migration
 *   between the two hosts; each migration puts an equal share of every pass on each of them (its own
 *   flow, hashed with the connection's port; the pass ends when all are done); with `smbDirect` they cross each host's RDMA links (`${host}/RDMA/send`, `/receive`,
 *   `hostRdmaGbps`) instead of the team.
 *
 * @throws InputError when a team has no member up, or for routes the hashing cannot compute.
 */
export function simulateScenario(scenario: Scenario, options: SimulateScenarioOptions = {}): ScenarioSimulation {
  const { recordFlowRates = true } = options;
  const links = scenarioLinks(scenario);
  const totals = hostTotals(scenario, links);
  const summary = runOnce(scenario, links, { segments: false, flows: false, totals });
  const result = scenarioResult(scenario, links, summary);
  let timeline: TimelineResult | undefined;
  const simulation = { result, links } as { result: SimulationResult; links: ScenarioLink[]; timeline: TimelineResult };
  Object.defineProperty(simulation, 'timeline', {
    enumerable: true,
    get: () => (timeline ??= runOnce(scenario, links, { segments: true, flows: true, flowRates: recordFlowRates, totals }).timeline),
  });
  return simulation;
}

/** One run of the scenario on a timeline recording `record`. */
function runOnce(scenario: Scenario, links: ScenarioLink[], record: TimelineRecording): ScenarioRunRecord {
  const lm = scenario.liveMigration;
  const compression = transportPlan(lm).compression;
  const routing = scenarioRouting(scenario);
  const firstRoutes: ChosenRoute[] = new Array(scenario.migrations.length);
  const timeline = new Timeline({ links: links.map((l) => ({ id: l.id, gbps: l.gbps })), record });
  const engine = new MigrationEngine(timeline, {
    migrations: scenario.migrations.map((m) => ({
      id: m.vm,
      source: m.from,
      target: m.to,
      memoryBytes: m.memoryGiB * GIB,
      dirtyBytesPerS: m.dirtyMBps * MB,
      requestS: m.startS,
      ...compression,
    })),
    route: (index, startS, context) => {
      firstRoutes[index] = routing.routeAt(index, startS, 'start', context.linkLoad);
      return firstRoutes[index].route;
    },
    rerouteAtPass: (index, nowS, current, context) => routing.routeAt(index, nowS, 'pass', context.linkLoad, current).route,
    roundPauseS: lm.roundPauseMs / 1000,
    simultaneous: lm.simultaneous,
    setupS: lm.setupS,
    setupJitterS: lm.setupJitterS,
    seed: scenario.seed,
    maxRounds: lm.maxRounds,
    stopThresholdBytes: lm.stopThresholdMB * MB,
    resumeS: lm.resumeS,
  });
  scheduleMemberEvents(scenario, engine, routing);
  scheduleDynamicRebalance(scenario, engine, routing);
  const result = timeline.run();
  const runs = engine.runs();
  return {
    timeline: result,
    runs,
    connections: runs.map((_, i) => routing.connectionsOf(i)),
    firstRoutes,
    durationS: runs.reduce((max, run) => Math.max(max, run.endS), 0),
  };
}
