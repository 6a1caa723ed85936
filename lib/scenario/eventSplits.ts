/**
 * Moves flows in flight at a moment of a run: member failures and restorations, and the Dynamic
 * algorithm's periodic rebalance. The fluid timeline cannot reroute a flow, so a flow that must move
 * at time T is split there: the run is simulated once, the bytes each flow has moved by T are read
 * off its segments, and the run is simulated again with those flows ending after exactly those bytes
 * and the rest of their pass continuing on the new route from T (`MigrationSplit`). Everything before
 * T is the same in both runs, so the split lands where the first run says. One more run per moment
 * at which something moves.
 */
import { dynamicRebalance } from '../teaming';
import type { MigrationGeneration, MigrationSplit, MigrationsSimulation } from '../migration';
import type { Scenario } from './Scenario';
import { linkId } from './scenarioRouting';
import type { ScenarioRouting } from './scenarioRouting';

/** Bytes per second carried at 1 Gbps. */
const BYTES_PER_GBPS_SECOND = 1e9 / 8;
/** Times closer than this count as the same moment (float noise of split flows). */
const EPSILON_S = 1e-9;

/** One run of the scenario with a plan of splits. */
export interface PlannedRun {
  sim: MigrationsSimulation;
  routing: ScenarioRouting;
}

/**
 * Runs the scenario, adding splits moment by moment until no flow in flight needs to move.
 *
 * @param runOnce simulates the scenario with the given splits (flow rates recorded)
 */
export function runWithEventSplits(scenario: Scenario, runOnce: (splits: MigrationSplit[]) => PlannedRun): PlannedRun {
  let run = runOnce([]);
  const eventTimes = [...new Set(scenario.events.map((e) => e.atS))];
  const period = scenario.dynamic.rebalancePeriodS;
  const dynamicHosts = scenario.hosts.flatMap((host, i) => (host.team?.loadBalancingAlgorithm === 'Dynamic' ? [i] : []));
  const periodic = period > 0 && dynamicHosts.length > 0;
  let plan: MigrationSplit[] = [];
  let nextEvent = 0;
  let nextPeriod = 1;
  for (;;) {
    const eventT = nextEvent < eventTimes.length ? eventTimes[nextEvent] : Infinity;
    const periodT = periodic ? nextPeriod * period : Infinity;
    const t = Math.min(eventT, periodT);
    if (!(t < run.sim.durationS)) break;
    const isEvent = t === eventT;
    const isPeriod = t === periodT;
    if (isEvent) nextEvent++;
    if (isPeriod) nextPeriod++;
    const splits = decideAt(t, run, isEvent, isPeriod ? dynamicHosts : []);
    if (splits.length > 0) {
      plan = plan.concat(splits);
      run = runOnce(plan);
    }
  }
  return run;
}

/** The splits needed at time t, from a run that has none at t yet. */
function decideAt(t: number, run: PlannedRun, memberEvent: boolean, rebalanceHosts: number[]): MigrationSplit[] {
  const { sim, routing } = run;
  const endOf = new Map(sim.timeline.flows.map((flow) => [flow.id, flow.endS]));
  const alive = sim.generations.filter(
    (g) => g.routedS < t - EPSILON_S && !g.split && g.pieceIds.some((id) => (endOf.get(id) ?? Infinity) > t + EPSILON_S),
  );
  if (alive.length === 0) return [];

  const loads = new Map<string, number>();
  const addLoad = (g: MigrationGeneration, sign: number, paths = g.route.paths) => {
    for (const path of paths) for (const link of path) loads.set(link, (loads.get(link) ?? 0) + sign);
  };
  for (const g of alive) addLoad(g, 1);
  const newRoute = new Map<MigrationGeneration, MigrationGeneration['route']>();

  if (memberEvent) {
    for (const g of alive) {
      addLoad(g, -1);
      const chosen = routing.routeAt(g.migration, t, 'event', (id) => loads.get(id) ?? 0, g.route);
      addLoad(g, 1, chosen.route.paths);
      if (JSON.stringify(chosen.route) !== JSON.stringify(g.route)) newRoute.set(g, chosen.route);
    }
  }
  for (const h of rebalanceHosts) {
    const team = routing.teamAt(h, t);
    if (team === undefined) continue;
    const sendLinks = team.members.map((m) => linkId(routing.hostName(h), m.name, 'send'));
    // Each path is one connection's flow (several per migration under SMB Multichannel), balanced on its own.
    const onHost = alive.flatMap((g) => (newRoute.get(g) ?? g.route).paths.flatMap((path, p) => (sendLinks.includes(path[0]) ? [{ g, p }] : [])));
    const members = onHost.map(({ g, p }) => sendLinks.indexOf((newRoute.get(g) ?? g.route).paths[p][0]));
    const moved = dynamicRebalance(team, members);
    onHost.forEach(({ g, p }, k) => {
      if (moved[k] === members[k]) return;
      const route = newRoute.get(g) ?? g.route;
      const paths = route.paths.map((path, i) => (i === p ? [sendLinks[moved[k]], ...path.slice(1)] : path));
      newRoute.set(g, { paths, spread: route.spread });
    });
  }
  if (newRoute.size === 0) return [];

  const moved = bytesBy(sim, t, new Set([...newRoute.keys()].flatMap((g) => g.pieceIds)));
  return [...newRoute.entries()].map(([g, route]) => ({
    generationId: g.id,
    atS: t,
    pieceBytes: g.pieceIds.map((id, i) => Math.min(g.pieceBytes[i], moved.get(id) ?? 0)),
    route,
  }));
}

/** Bytes each of the given flows has moved by time t, from the segments' flow rates. */
function bytesBy(sim: MigrationsSimulation, t: number, ids: Set<string>): Map<string, number> {
  const bytes = new Map<string, number>();
  for (const segment of sim.timeline.segments) {
    if (segment.startS >= t) break;
    const span = Math.min(segment.endS, t) - segment.startS;
    for (const [id, gbps] of segment.flowGbps ?? []) {
      if (ids.has(id)) bytes.set(id, (bytes.get(id) ?? 0) + gbps * BYTES_PER_GBPS_SECOND * span);
    }
  }
  return bytes;
}
