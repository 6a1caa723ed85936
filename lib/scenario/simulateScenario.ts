import type { Connection } from '../Connection';
import { LIVE_MIGRATION_PORT } from '../Connection';
import { ephemeralPorts } from '../hashing';
import { simulateMigrations } from '../migration';
import { receiveMember, sendMember, teamMac } from '../teaming';
import { linkBytes } from '../timeline';
import type { TimelineResult } from '../timeline';
import type { Scenario } from './Scenario';
import type { ConnectionRoute, HostTraffic, SimulationResult } from './SimulationResult';

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
 *
 * @throws InputError when a team has no member up, or for routes the hashing cannot compute.
 */
export function simulateScenario(scenario: Scenario, options: SimulateScenarioOptions = {}): ScenarioSimulation {
  const { recordFlowRates = true } = options;
  const hostIndex = new Map(scenario.hosts.map((host, i) => [host.name, i]));

  const links: ScenarioLink[] = [];
  for (const host of scenario.hosts) {
    for (const member of host.team.members) {
      for (const direction of ['send', 'receive'] as const) {
        links.push({ id: linkId(host.name, member.name, direction), host: host.name, member: member.name, direction, gbps: member.gbps });
      }
    }
  }

  const portsHandedOut = new Map<string, number>();
  const nextPort = (hostName: string): number => {
    const host = scenario.hosts[hostIndex.get(hostName) as number];
    const k = portsHandedOut.get(hostName) ?? 0;
    portsHandedOut.set(hostName, k + 1);
    return ephemeralPorts({ count: k + 1, next: host.nextEphemeralPort })[k];
  };

  interface Routed {
    route: ConnectionRoute;
    links: string[];
  }
  const hostPairConnections = new Map<string, Routed>();
  const routes: Routed[] = new Array(scenario.migrations.length);

  const connect = (index: number): Routed => {
    const migration = scenario.migrations[index];
    const s = hostIndex.get(migration.from) as number;
    const t = hostIndex.get(migration.to) as number;
    const source = scenario.hosts[s];
    const target = scenario.hosts[t];
    const conn: Connection = {
      srcMac: teamMac(source.team, `hosts[${s}].team`),
      dstMac: teamMac(target.team, `hosts[${t}].team`),
      srcIp: source.ip,
      dstIp: target.ip,
      protocol: 'tcp',
      srcPort: nextPort(source.name),
      dstPort: LIVE_MIGRATION_PORT,
    };
    const send = sendMember(source.team, conn, { vSwitchPortId: source.vSwitchPortId });
    const receive = receiveMember(target.team, conn, {
      switchLoadBalance: scenario.switch.loadBalance,
      vSwitchPortId: target.vSwitchPortId,
    });
    const sendName = source.team.members[send].name;
    const receiveName = target.team.members[receive].name;
    return {
      route: { sourcePort: conn.srcPort, sendMember: sendName, receiveMember: receiveName },
      links: [linkId(source.name, sendName, 'send'), linkId(target.name, receiveName, 'receive')],
    };
  };

  const lm = scenario.liveMigration;
  const sim = simulateMigrations({
    links: links.map((l) => ({ id: l.id, gbps: l.gbps })),
    migrations: scenario.migrations.map((m) => ({
      id: m.vm,
      source: m.from,
      target: m.to,
      memoryBytes: m.memoryGiB * GIB,
      dirtyBytesPerS: m.dirtyMBps * MB,
      requestS: m.startS,
    })),
    route: (index) => {
      const migration = scenario.migrations[index];
      let routed: Routed;
      if (lm.connections === 'per-host-pair') {
        const key = `${migration.from}\u0000${migration.to}`;
        routed = hostPairConnections.get(key) ?? connect(index);
        hostPairConnections.set(key, routed);
      } else {
        routed = connect(index);
      }
      routes[index] = routed;
      return routed.links;
    },
    simultaneous: lm.simultaneous,
    setupS: lm.setupS,
    setupJitterS: lm.setupJitterS,
    seed: scenario.seed,
    maxRounds: lm.maxRounds,
    stopThresholdBytes: lm.stopThresholdMB * MB,
    resumeS: lm.resumeS,
    recordFlowRates,
  });

  const timeline = sim.timeline;
  const bytes = linkBytes(timeline);
  const linkPeak = new Map<string, number>(links.map((l) => [l.id, 0]));
  const hostPeak = new Map<string, { send: number; receive: number }>(scenario.hosts.map((h) => [h.name, { send: 0, receive: 0 }]));
  const linkInfo = new Map(links.map((l) => [l.id, l]));
  for (const segment of timeline.segments) {
    const sums = new Map<string, { send: number; receive: number }>();
    for (const [id, gbps] of segment.linkGbps) {
      const info = linkInfo.get(id);
      if (info === undefined) continue;
      linkPeak.set(id, Math.max(linkPeak.get(id) ?? 0, gbps));
      const sum = sums.get(info.host) ?? { send: 0, receive: 0 };
      sum[info.direction] += gbps;
      sums.set(info.host, sum);
    }
    for (const [host, sum] of sums) {
      const peak = hostPeak.get(host) as { send: number; receive: number };
      peak.send = Math.max(peak.send, sum.send);
      peak.receive = Math.max(peak.receive, sum.receive);
    }
  }

  const hosts: Record<string, HostTraffic> = {};
  for (const host of scenario.hosts) {
    const peak = hostPeak.get(host.name) as { send: number; receive: number };
    const members: HostTraffic['members'] = {};
    for (const member of host.team.members) {
      const send = linkId(host.name, member.name, 'send');
      const receive = linkId(host.name, member.name, 'receive');
      members[member.name] = {
        peakSendGbps: linkPeak.get(send) ?? 0,
        peakReceiveGbps: linkPeak.get(receive) ?? 0,
        sentGB: (bytes[send] ?? 0) / GB,
        receivedGB: (bytes[receive] ?? 0) / GB,
      };
    }
    hosts[host.name] = { peakSendGbps: peak.send, peakReceiveGbps: peak.receive, members };
  }

  const result: SimulationResult = {
    durationS: sim.durationS,
    hosts,
    migrations: sim.migrations.map((run, i) => ({
      vm: run.id,
      startS: run.startS,
      endS: run.endS,
      downtimeMs: run.downtimeS * 1000,
      connections: [{ ...routes[i].route }],
    })),
  };
  return { result, timeline, links };
}

function linkId(host: string, member: string, direction: 'send' | 'receive'): string {
  return `${host}/${member}/${direction}`;
}
