import type { Connection } from '../Connection';
import { LIVE_MIGRATION_PORT } from '../Connection';
import { peakRates } from '../counters/peakRates';
import type { MigrationReroute, MigrationRoute, MigrationRun } from '../migration';
import { linkBytes } from '../timeline';
import type { TimelineResult } from '../timeline';
import { RDMA_MEMBER, rdmaLinkId, transportPlan } from './liveMigrationTransports';
import type { Scenario } from './Scenario';
import type { ScenarioLink } from './scenarioLinks';
import { hostMembers, linkId } from './scenarioRouting';
import type { ChosenRoute } from './scenarioRouting';
import type { ConnectionRoute, HostTraffic, RouteChange, SimulationResult } from './SimulationResult';

const GB = 1e9;

/** Name of the timeline total that sums a host's links in one direction (`TimelineRecording.totals`). */
export function hostTotalName(hostIndex: number, direction: 'send' | 'receive'): string {
  return `${direction}:${hostIndex}`;
}

/** The totals a scenario run tracks: each host's send links and receive links (RDMA included). */
export function hostTotals(scenario: Scenario, links: ScenarioLink[]): Record<string, string[]> {
  const totals: Record<string, string[]> = {};
  scenario.hosts.forEach((host, h) => {
    for (const direction of ['send', 'receive'] as const) {
      totals[hostTotalName(h, direction)] = links.filter((l) => l.host === host.name && l.direction === direction).map((l) => l.id);
    }
  });
  return totals;
}

/** What a scenario run needs to say about its migrations. */
export interface ScenarioRunRecord {
  /** The timeline's result (peaks, bytes; segments and flows when recorded). */
  timeline: TimelineResult;
  /** Each migration's run, in input order. */
  runs: MigrationRun[];
  /** Each migration's connections. */
  connections: Connection[][];
  /** The route each migration got when it started. */
  firstRoutes: ChosenRoute[];
  /** When the last migration ended. */
  durationS: number;
}

/**
 * The `SimulationResult` of a scenario run (the CLI's JSON contract): per host and member the peak rates
 * (tracked by the timeline, read through `peakRates`) and the bytes (`linkBytes`), per migration its
 * times, connections and moves.
 */
export function scenarioResult(scenario: Scenario, links: ScenarioLink[], record: ScenarioRunRecord): SimulationResult {
  const { timeline } = record;
  const bytes = linkBytes(timeline);
  const peaks = peakRates(timeline);
  const rdma = transportPlan(scenario.liveMigration).rdma;
  const traffic = (send: string, receive: string) => ({
    peakSendGbps: peaks[send] ?? 0,
    peakReceiveGbps: peaks[receive] ?? 0,
    sentGB: (bytes[send] ?? 0) / GB,
    receivedGB: (bytes[receive] ?? 0) / GB,
  });
  const hosts: Record<string, HostTraffic> = {};
  scenario.hosts.forEach((host, h) => {
    const members: HostTraffic['members'] = {};
    for (const member of hostMembers(host)) members[member.name] = traffic(linkId(host.name, member.name, 'send'), linkId(host.name, member.name, 'receive'));
    hosts[host.name] = {
      peakSendGbps: timeline.peakTotalGbps[hostTotalName(h, 'send')] ?? 0,
      peakReceiveGbps: timeline.peakTotalGbps[hostTotalName(h, 'receive')] ?? 0,
      members,
    };
    if (rdma) hosts[host.name].rdma = traffic(rdmaLinkId(host.name, 'send'), rdmaLinkId(host.name, 'receive'));
  });
  const memberOf = new Map(links.map((l) => [l.id, l.member]));
  const hostIndex = new Map(scenario.hosts.map((host, i) => [host.name, i]));
  const members = new Map<Required<MigrationRoute>, RouteMembers>();
  return {
    durationS: record.durationS,
    hosts,
    migrations: record.runs.map((run, i) => ({
      vm: run.id,
      startS: run.startS,
      endS: run.endS,
      downtimeMs: run.downtimeS * 1000,
      connections: connectionRoutes(scenario, hostIndex, i, record.connections[i], record.firstRoutes[i]),
      ...routeChanges(memberOf, members, run.reroutes),
    })),
  };
}

/**
 * What the result says about a migration's connections: each one's ports and the members it first used
 * (`RDMA` for both under SMB Direct, which bypasses the teams).
 */
function connectionRoutes(scenario: Scenario, hostIndex: Map<string, number>, index: number, connections: Connection[], chosen: ChosenRoute): ConnectionRoute[] {
  const migration = scenario.migrations[index];
  const sourceMembers = hostMembers(scenario.hosts[hostIndex.get(migration.from) as number]);
  const targetMembers = hostMembers(scenario.hosts[hostIndex.get(migration.to) as number]);
  return chosen.connections.map((choice, k) => {
    const conn = connections[k];
    const route: ConnectionRoute = {
      sourcePort: conn?.srcPort ?? 0,
      sendMember: choice.sendMembers.length === 0 ? RDMA_MEMBER : sourceMembers[choice.sendMembers[0]].name,
      receiveMember: choice.receiveMember < 0 ? RDMA_MEMBER : targetMembers[choice.receiveMember].name,
    };
    if (conn !== undefined && conn.dstPort !== LIVE_MIGRATION_PORT) route.destinationPort = conn.dstPort;
    if (choice.sendMembers.length > 1) route.sendMembers = choice.sendMembers.map((m) => sourceMembers[m].name);
    return route;
  });
}

/** The member names a route uses: each path's send member, and the first path's receive member. */
interface RouteMembers {
  send: string[];
  receive: string;
}

/**
 * `{ reroutes }` when the migration's flow moved to other members during the run, else nothing. The
 * member names of a route are looked up once per route object (`members`): migrations moved back and
 * forth by member events come back to the same routes.
 */
function routeChanges(memberOf: Map<string, string>, members: Map<Required<MigrationRoute>, RouteMembers>, reroutes: MigrationReroute[]): { reroutes?: RouteChange[] } {
  if (reroutes.length === 0) return {};
  const member = (id: string) => memberOf.get(id) as string;
  return {
    reroutes: reroutes.map(({ atS, route }) => {
      let names = members.get(route);
      if (names === undefined) members.set(route, (names = { send: route.paths.map((path) => member(path[0])), receive: member(route.paths[0][1]) }));
      const change: RouteChange = { atS, sendMember: names.send[0], receiveMember: names.receive };
      if (names.send.length > 1) change.sendMembers = names.send.slice();
      return change;
    }),
  };
}
