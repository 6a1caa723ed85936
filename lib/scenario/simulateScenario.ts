import { simulateMigrations } from '../migration';
import type { MigrationGeneration, MigrationSplit } from '../migration';
import { linkBytes } from '../timeline';
import type { Segment, TimelineResult } from '../timeline';
import type { Scenario } from './Scenario';
import type { ConnectionRoute, HostTraffic, RouteChange, SimulationResult } from './SimulationResult';
import { LIVE_MIGRATION_PORT } from '../Connection';
import type { Connection } from '../Connection';
import { runWithEventSplits } from './eventSplits';
import { hostRdmaGbps, RDMA_MEMBER, rdmaLinkId, transportPlan } from './liveMigrationTransports';
import type { PlannedRun } from './eventSplits';
import { hostMembers, linkId, scenarioRouting } from './scenarioRouting';
import type { ChosenRoute } from './scenarioRouting';

/** Options for `simulateScenario`. */
export interface SimulateScenarioOptions {
  /** Record every flow's rate in each timeline segment (`Segment.flowGbps`). Default true; turn off for big runs. */
  recordFlowRates?: boolean;
}

/** One link of the simulation: one direction of one team member (members are full duplex). */
export interface ScenarioLink {
  /** Timeline link id, `${host}/${member}/send` or `${host}/${member}/receive`. */
  id: string;
  /** Host name. */
  host: string;
  /** Member name. */
  member: string;
  /** Which direction of the member, from the host's point of view. */
  direction: 'send' | 'receive';
  /** Capacity, the member's speed in Gbps. */
  gbps: number;
}

/** What `simulateScenario` returns. */
export interface ScenarioSimulation {
  /** The summary: the CLI's JSON contract. */
  result: SimulationResult;
  /**
   * The full fluid run, for figures and sampled counters. Besides the migration passes
   * (`VM/round-0`, ..., `VM/stop-and-copy`, tagged with the VM name) it holds zero-byte timer flows
   * (tag `timer`, no links) that the scheduler uses.
   */
  timeline: TimelineResult;
  /** Every link: each member of each host, send and receive, in host then member order. */
  links: ScenarioLink[];
}

const GIB = 2 ** 30;
const MB = 1e6;
const GB = 1e9;

/**
 * Simulates a validated scenario (see `validateScenario`): every live migration becomes a chain of
 * flows on the fluid timeline (see `simulateMigrations`), routed over the teams as Windows and the
 * switch would route them.
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
 *   migration (its CPU); `SMB` opens `smbConnectionsPerInterface` connections per migration to port 445,
 *   each its own flow carrying an equal share of every pass (the pass ends when all are done), hashed
 *   on its own; with `smbDirect` they cross each host's RDMA links (`${host}/RDMA/send`, `/receive`,
 *   `hostRdmaGbps`) instead of the team.
 *
 * @throws InputError when a team has no member up, or for routes the hashing cannot compute.
 */
export function simulateScenario(scenario: Scenario, options: SimulateScenarioOptions = {}): ScenarioSimulation {
  const { recordFlowRates = true } = options;
  const hostIndex = new Map(scenario.hosts.map((host, i) => [host.name, i]));

  const links: ScenarioLink[] = [];
  for (const host of scenario.hosts) {
    for (const member of hostMembers(host)) {
      for (const direction of ['send', 'receive'] as const) {
        links.push({ id: linkId(host.name, member.name, direction), host: host.name, member: member.name, direction, gbps: member.gbps });
      }
    }
  }
  const transport = transportPlan(scenario.liveMigration);
  if (transport.rdma) {
    for (const host of scenario.hosts) {
      for (const direction of ['send', 'receive'] as const) {
        links.push({ id: rdmaLinkId(host.name, direction), host: host.name, member: RDMA_MEMBER, direction, gbps: hostRdmaGbps(scenario.liveMigration, host) });
      }
    }
  }

  const lm = scenario.liveMigration;
  const runOnce = (splits: MigrationSplit[], record: boolean): PlannedRun & { first: ChosenRoute[] } => {
    const routing = scenarioRouting(scenario);
    const first: ChosenRoute[] = new Array(scenario.migrations.length);
    const sim = simulateMigrations({
      links: links.map((l) => ({ id: l.id, gbps: l.gbps })),
      migrations: scenario.migrations.map((m) => ({
        id: m.vm,
        source: m.from,
        target: m.to,
        memoryBytes: m.memoryGiB * GIB,
        dirtyBytesPerS: m.dirtyMBps * MB,
        requestS: m.startS,
        ...transport.compression,
      })),
      route: (index, startS, context) => {
        first[index] = routing.routeAt(index, startS, 'start', context.linkLoad);
        return first[index].route;
      },
      rerouteAtPass: (index, nowS, current, context) => routing.routeAt(index, nowS, 'pass', context.linkLoad, current).route,
      splits,
      roundPauseS: lm.roundPauseMs / 1000,
      simultaneous: lm.simultaneous,
      setupS: lm.setupS,
      setupJitterS: lm.setupJitterS,
      seed: scenario.seed,
      maxRounds: lm.maxRounds,
      stopThresholdBytes: lm.stopThresholdMB * MB,
      resumeS: lm.resumeS,
      recordFlowRates: record,
    });
    return { sim, routing, first };
  };
  // Splits need the flows' rates; a run without events or rebalancing needs none of this.
  const movesFlows = scenario.events.length > 0 || (scenario.dynamic.rebalancePeriodS > 0 && scenario.hosts.some((h) => h.team?.loadBalancingAlgorithm === 'Dynamic'));
  const withEvents = () => {
    let last = { plan: [] as MigrationSplit[], run: undefined as unknown as ReturnType<typeof runOnce> };
    runWithEventSplits(scenario, (splits) => {
      last = { plan: splits, run: runOnce(splits, true) };
      return last.run;
    });
    return recordFlowRates ? last.run : runOnce(last.plan, false);
  };
  const planned = movesFlows ? withEvents() : runOnce([], recordFlowRates);
  const sim = planned.sim;

  const timeline = sim.timeline;
  const bytes = linkBytes(timeline);
  const linkIndex = new Map(links.map((l, i) => [l.id, i]));
  const { linkPeak, peakSend, peakReceive } = peakRates(timeline.segments, links, linkIndex, Int32Array.from(links, (l) => hostIndex.get(l.host) as number), scenario.hosts.length);
  const peakOf = (id: string): number => {
    const l = linkIndex.get(id);
    return l === undefined ? 0 : linkPeak[l];
  };

  const hosts: Record<string, HostTraffic> = {};
  scenario.hosts.forEach((host, h) => {
    const members: HostTraffic['members'] = {};
    for (const member of hostMembers(host)) {
      const send = linkId(host.name, member.name, 'send');
      const receive = linkId(host.name, member.name, 'receive');
      members[member.name] = {
        peakSendGbps: peakOf(send),
        peakReceiveGbps: peakOf(receive),
        sentGB: (bytes[send] ?? 0) / GB,
        receivedGB: (bytes[receive] ?? 0) / GB,
      };
    }
    hosts[host.name] = { peakSendGbps: peakSend[h], peakReceiveGbps: peakReceive[h], members };
    if (transport.rdma) {
      const send = rdmaLinkId(host.name, 'send');
      const receive = rdmaLinkId(host.name, 'receive');
      hosts[host.name].rdma = {
        peakSendGbps: peakOf(send),
        peakReceiveGbps: peakOf(receive),
        sentGB: (bytes[send] ?? 0) / GB,
        receivedGB: (bytes[receive] ?? 0) / GB,
      };
    }
  });

  const memberOf = new Map(links.map((l) => [l.id, l.member]));
  const generationsOf: MigrationGeneration[][] = scenario.migrations.map(() => []);
  for (const generation of sim.generations) generationsOf[generation.migration].push(generation);
  const result: SimulationResult = {
    durationS: sim.durationS,
    hosts,
    migrations: sim.migrations.map((run, i) => ({
      vm: run.id,
      startS: run.startS,
      endS: run.endS,
      downtimeMs: run.downtimeS * 1000,
      connections: connectionRoutes(scenario, hostIndex, i, planned.routing.connectionsOf(i), planned.first[i]),
      ...routeChanges(memberOf, generationsOf[i]),
    })),
  };
  return { result, timeline, links };
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

/**
 * `{ reroutes }` when the migration's flow moved to other members during the run, else nothing.
 * `generations` are the migration's own, in the order they were created; `memberOf` names each link's member.
 */
function routeChanges(memberOf: Map<string, string>, generations: MigrationGeneration[]): { reroutes?: RouteChange[] } {
  const member = (id: string) => memberOf.get(id) as string;
  const reroutes: RouteChange[] = [];
  let previous: string[][] | undefined;
  for (const generation of generations) {
    const paths = generation.route.paths;
    if (previous !== undefined && !samePaths(paths, previous)) {
      const send = generation.route.paths.map((path) => member(path[0]));
      const change: RouteChange = { atS: generation.startS, sendMember: send[0], receiveMember: member(generation.route.paths[0][1]) };
      if (send.length > 1) change.sendMembers = send;
      reroutes.push(change);
    }
    previous = paths;
  }
  return reroutes.length > 0 ? { reroutes } : {};
}

/** Same paths, link by link. */
function samePaths(a: string[][], b: string[][]): boolean {
  if (a.length !== b.length) return false;
  for (let p = 0; p < a.length; p++) {
    if (a[p].length !== b[p].length) return false;
    for (let k = 0; k < a[p].length; k++) if (a[p][k] !== b[p][k]) return false;
  }
  return true;
}

/**
 * Each link's highest rate, and each host's highest total send and receive rate, over the segments:
 * one pass that looks only at what changed from one segment to the next. A segment lists its links in
 * link order, and a pair the timeline did not change is the same object as before, so walking two
 * lists side by side finds the changes; a host's totals are summed again, in link order, only when
 * one of its links changed (the same sums as adding up each segment's list).
 */
function peakRates(segments: Segment[], links: ScenarioLink[], linkIndex: Map<string, number>, linkHost: Int32Array, hostCount: number) {
  const linkPeak = new Float64Array(links.length);
  const peakSend = new Float64Array(hostCount);
  const peakReceive = new Float64Array(hostCount);
  const rate = new Float64Array(links.length);
  const linksOf: number[][] = Array.from({ length: hostCount }, () => []);
  links.forEach((_, l) => linksOf[linkHost[l]].push(l));
  const changed: number[] = [];
  const mark = new Uint8Array(hostCount);
  const set = (l: number, gbps: number) => {
    rate[l] = gbps;
    if (gbps > linkPeak[l]) linkPeak[l] = gbps;
    const h = linkHost[l];
    if (mark[h] === 0) {
      mark[h] = 1;
      changed.push(h);
    }
  };
  const indexOf = (pair: [string, number]) => linkIndex.get(pair[0]) as number;
  let previous: Array<[string, number]> = [];
  for (const segment of segments) {
    const current = segment.linkGbps;
    if (current === previous) continue;
    let i = 0;
    let j = 0;
    while (i < previous.length || j < current.length) {
      if (i < previous.length && j < current.length && previous[i] === current[j]) {
        i++;
        j++;
        continue;
      }
      const gone = i < previous.length ? indexOf(previous[i]) : Infinity;
      const now = j < current.length ? indexOf(current[j]) : Infinity;
      if (gone < now) {
        set(gone, 0);
        i++;
      } else {
        set(now, current[j][1]);
        if (gone === now) i++;
        j++;
      }
    }
    for (const h of changed) {
      let send = 0;
      let receive = 0;
      for (const l of linksOf[h]) {
        if (rate[l] === 0) continue;
        if (links[l].direction === 'send') send += rate[l];
        else receive += rate[l];
      }
      peakSend[h] = Math.max(peakSend[h], send);
      peakReceive[h] = Math.max(peakReceive[h], receive);
      mark[h] = 0;
    }
    changed.length = 0;
    previous = current;
  }
  return { linkPeak, peakSend, peakReceive };
}
