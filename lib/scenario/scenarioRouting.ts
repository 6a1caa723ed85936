/**
 * How live-migration connections cross a scenario's teams and bonds at any moment of a run: the member
 * states after the events so far, the connection of each migration, and the rules of each team or bond.
 * Used by `simulateScenario`; one instance per simulation run (it hands out ephemeral ports).
 */
import type { Connection } from '../Connection';
import { InputError } from '../InputError';
import { ephemeralPortAllocator } from '../hashing';
import { mixSeed } from '../hashing/hostRssKey';
import type { MigrationRoute } from '../migration';
import {
  activeMembers,
  bondCurrentMember,
  bondReceiveMember,
  bondSendMembers,
  frameSourceMac,
  leastLoadedMember,
  receiveMember,
  sendMember,
  teamMac,
} from '../teaming';
import type { Bond, Team, TeamMember } from '../teaming';
import type { MemberEvent, Scenario, ScenarioHost } from './Scenario';
import { rdmaLinkId, transportPlan } from './liveMigrationTransports';

/** Why a route is being chosen: a migration starting, a pass boundary (a flowlet gap), or a member event. */
export type RouteMoment = 'start' | 'pass' | 'event';

/** The members one connection uses, by index into the host's members (both empty / -1 under SMB Direct, which bypasses the team). */
export interface ConnectionChoice {
  sendMembers: number[];
  receiveMember: number;
}

/**
 * A route and the members it uses, by index into the host's members: `sendMembers` and `receiveMember`
 * are the first connection's, `connections` has every connection's (several under SMB Multichannel,
 * whose route has one path per connection per send member, in connection order).
 */
export interface ChosenRoute {
  route: Required<MigrationRoute>;
  sendMembers: number[];
  receiveMember: number;
  connections: ConnectionChoice[];
}

/** The members of a validated host's team or bond. */
export function hostMembers(host: ScenarioHost): TeamMember[] {
  return host.team?.members ?? host.bond?.members ?? [];
}

/** Timeline link id of one direction of one member. */
export function linkId(host: string, member: string, direction: 'send' | 'receive'): string {
  return `${host}/${member}/${direction}`;
}

export interface ScenarioRouting {
  /** Route of migration `index` at time `t`. `current` is the route it has now, if any; `load` counts flows per link, the migration's own left out. */
  routeAt(index: number, t: number, moment: RouteMoment, load: (linkId: string) => number, current?: Required<MigrationRoute>): ChosenRoute;
  /** The host's team with each member's `up` as of time `t` (undefined for a bond host). */
  teamAt(hostIndex: number, t: number): Team | undefined;
  /** The (first) connection of migration `index` (after it started). */
  connection(index: number): Connection | undefined;
  /** Every connection of migration `index` (after it started): one, or several under SMB Multichannel. */
  connectionsOf(index: number): Connection[];
  /** Index of a host by name. */
  hostIndex(name: string): number;
  /** Name of a host by index. */
  hostName(index: number): string;
  /** The send member index a route's path (default the first) leaves on, from its link id. */
  sendMemberOf(route: Required<MigrationRoute>, sourceHost: number, path?: number): number;
}

/**
 * The scenario's events in the order the teams and bonds act on them: by `atS + detectionS` (a failure
 * when it is detected, a restoration at once), ties in the order of `scenario.events`.
 */
export function effectiveEvents(scenario: Scenario): MemberEvent[] {
  const order = scenario.events.map((event, i) => ({ event, t: event.atS + event.detectionS, i }));
  order.sort((a, b) => a.t - b.t || a.i - b.i);
  return order.map((o) => o.event);
}

/** Builds the routing of one run of `scenario`. */
export function scenarioRouting(scenario: Scenario): ScenarioRouting {
  const indexOf = new Map(scenario.hosts.map((host, i) => [host.name, i]));
  const hostIndex = (name: string) => indexOf.get(name) as number;
  const initialUp = scenario.hosts.map((host) => hostMembers(host).map((m) => m.up !== false));
  const memberIndex = scenario.hosts.map((host) => new Map(hostMembers(host).map((m, i) => [m.name, i])));

  // Each host's member states after each of its events, the initial states first, and the events' times:
  // the times the team or bond acts on them (a failure when it is detected, `atS + detectionS`).
  const upHistory = initialUp.map((up) => [up]);
  const eventTimes: number[][] = scenario.hosts.map(() => []);
  for (const event of effectiveEvents(scenario)) {
    const h = hostIndex(event.host);
    const history = upHistory[h];
    const next = history[history.length - 1].slice();
    next[memberIndex[h].get(event.member) as number] = event.state === 'up';
    history.push(next);
    eventTimes[h].push(event.atS + event.detectionS);
  }
  /** How many entries of the host's history apply at `t`: the initial states and each event up to `t`. */
  const historyLength = (h: number, t: number): number => {
    // Binary search: the events' times are in increasing order; count those <= t.
    const times = eventTimes[h];
    let low = 0;
    let high = times.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (times[middle] <= t) low = middle + 1;
      else high = middle;
    }
    return low + 1;
  };
  /** Up flags of a host's members after each event up to `t`, the initial states first. */
  const historyAt = (h: number, t: number): boolean[][] => upHistory[h].slice(0, historyLength(h, t));
  /** True when the host's latest event up to `t` brought a member back (a restoration, not a failure). */
  const restoredAt = (h: number, t: number): boolean => {
    const n = historyLength(h, t);
    if (n < 2) return false;
    const [before, after] = [upHistory[h][n - 2], upHistory[h][n - 1]];
    return after.some((up, i) => up && !before[i]);
  };
  const upAt = (h: number, t: number) => upHistory[h][historyLength(h, t) - 1];
  // Each host's team as of each of its history entries, built on first use (routing asks for it at every
  // start, pass and event; callers read it, never change it).
  const teams: Array<Array<Team | undefined>> = scenario.hosts.map(() => []);
  const teamAt = (h: number, t: number): Team | undefined => {
    const team = scenario.hosts[h].team;
    if (team === undefined) return undefined;
    const entry = historyLength(h, t) - 1;
    const known = teams[h][entry];
    if (known !== undefined) return known;
    const up = upHistory[h][entry];
    return (teams[h][entry] = { ...team, members: team.members.map((m, i) => ({ ...m, up: up[i] })) });
  };
  // Link ids by host and member, built once, so that routes reuse the same strings.
  const sendLinks = scenario.hosts.map((host) => hostMembers(host).map((m) => linkId(host.name, m.name, 'send')));
  const receiveLinks = scenario.hosts.map((host) => hostMembers(host).map((m) => linkId(host.name, m.name, 'receive')));
  const bondAt = (h: number, t: number): Bond | undefined => {
    const bond = scenario.hosts[h].bond;
    if (bond === undefined) return undefined;
    const up = upAt(h, t);
    return { ...bond, members: bond.members.map((m, i) => ({ ...m, up: up[i] })) };
  };
  /** Position of `peer` among the hosts other than `self`, in scenario order. */
  const peerIndex = (self: number, peer: number) => (peer < self ? peer : peer - 1);
  const macs: Array<string | undefined> = new Array(scenario.hosts.length);
  const nicMac = (h: number): string => {
    const host = scenario.hosts[h];
    macs[h] ??= host.team !== undefined ? teamMac(teamAt(h, 0) as Team, `hosts[${h}].team`) : ((host.bond as Bond).members[0].mac as string);
    return macs[h] as string;
  };

  // The port each host hands out next: its `nextEphemeralPort`, then the following ones, wrapping; other
  // connections take ports in between at the host's `otherConnectionsPerConnection` (seeded per host).
  const allocators = new Map<number, () => number>();
  const nextPort = (h: number): number => {
    let allocate = allocators.get(h);
    if (allocate === undefined) {
      const host = scenario.hosts[h];
      allocate = ephemeralPortAllocator({ next: host.nextEphemeralPort, otherConnectionsPerConnection: host.otherConnectionsPerConnection ?? 0, seed: mixSeed(scenario.seed, h) });
      allocators.set(h, allocate);
    }
    return allocate();
  };
  // One connection per migration, or several (SMB Multichannel), each from its own ephemeral port;
  // under per-host-pair, and always under SMB (Multichannel's connections belong to the client-server
  // pair), the migrations between two hosts share the first one's connections.
  const plan = transportPlan(scenario.liveMigration);
  const hostPairConnections = new Map<string, Connection[]>();
  const connections: Array<Connection[] | undefined> = new Array(scenario.migrations.length);
  const connect = (index: number): Connection[] => {
    const existing = connections[index];
    if (existing !== undefined) return existing;
    const migration = scenario.migrations[index];
    const key = `${migration.from}\u0000${migration.to}`;
    const shared = plan.perHostPair ? hostPairConnections.get(key) : undefined;
    const s = hostIndex(migration.from);
    const t = hostIndex(migration.to);
    const conns: Connection[] =
      shared ??
      Array.from({ length: plan.connectionCount }, () => ({
        srcMac: nicMac(s),
        dstMac: nicMac(t),
        srcIp: scenario.hosts[s].ip,
        dstIp: scenario.hosts[t].ip,
        protocol: 'tcp' as const,
        srcPort: nextPort(s),
        dstPort: plan.destinationPort,
      }));
    if (plan.perHostPair) hostPairConnections.set(key, conns);
    connections[index] = conns;
    return conns;
  };

  const flowletGap = scenario.liveMigration.roundPauseMs >= scenario.dynamic.flowletGapMs;
  // balance-tlb's transmit table per host (bucket -> member), filled as connections start.
  const tlbTables = scenario.hosts.map(() => new Map<number, number>());

  const sendMemberOf = (route: Required<MigrationRoute>, sourceHost: number, path = 0): number => {
    const host = scenario.hosts[sourceHost];
    const id = route.paths[Math.min(path, route.paths.length - 1)][0];
    return hostMembers(host).findIndex((m) => linkId(host.name, m.name, 'send') === id);
  };

  /** The last route chosen for each migration, and the member-state histories it was chosen under. */
  // A team routes by its members' current states only, so its history entries with the same states share
  // one state id; a bond's route also depends on its history (which member is current), so each of its
  // entries is its own. Routes are memoized per migration by the pair of state ids: member events that
  // fail and restore members in turn come back to states already routed.
  const stateIds = scenario.hosts.map((host, h) => {
    if (host.team === undefined) return upHistory[h].map((_, k) => k);
    const ids = new Map<string, number>();
    return upHistory[h].map((up) => {
      const key = up.map((u) => (u ? 1 : 0)).join('');
      let id = ids.get(key);
      if (id === undefined) ids.set(key, (id = ids.size));
      return id;
    });
  });
  const memo: Array<{ states: number; chosen: ChosenRoute; others?: Map<number, ChosenRoute> } | undefined> = new Array(scenario.migrations.length);
  const routeAt: ScenarioRouting['routeAt'] = (index, t, moment, load, current) => {
    const migration = scenario.migrations[index];
    const s = hostIndex(migration.from);
    const r = hostIndex(migration.to);
    const source = scenario.hosts[s];
    const target = scenario.hosts[r];
    const conns = connect(index);

    if (plan.rdma) {
      // SMB Direct: every connection runs over the hosts' RDMA links; the teams play no part.
      const path = [rdmaLinkId(source.name, 'send'), rdmaLinkId(target.name, 'receive')];
      return {
        route: { paths: conns.map(() => path.slice()), spread: 'split' },
        sendMembers: [],
        receiveMember: -1,
        connections: conns.map(() => ({ sendMembers: [], receiveMember: -1 })),
      };
    }

    // Without a Dynamic source team the route depends only on the connections and on the members' states
    // (their history, for a bond) on both hosts, so it is computed once per change of those states.
    const memoizable = source.team?.loadBalancingAlgorithm !== 'Dynamic';
    // State ids are below 10,001 (at most 10,000 events), so the pair fits one number.
    const states = stateIds[s][historyLength(s, t) - 1] * 16384 + stateIds[r][historyLength(r, t) - 1];
    const known = memo[index];
    if (memoizable && known !== undefined) {
      if (known.states === states) return known.chosen;
      const before = known.others?.get(states);
      if (before !== undefined) return before;
    }

    // Links taken by this migration's connections chosen so far, so that a Dynamic team's
    // least-loaded choice for one connection sees its siblings.
    const own = new Map<string, number>();
    const loadWithOwn = (id: string) => load(id) + (own.get(id) ?? 0);
    let spread: 'split' | 'copy' = 'split';
    const sourceTeam = teamAt(s, t);
    const choices = conns.map((conn, k): ConnectionChoice => {
      let sendMembers: number[];
      if (sourceTeam !== undefined) {
        const loads = () => sourceTeam.members.map((_, i) => loadWithOwn(sendLinks[s][i]));
        const now = current === undefined ? -1 : sendMemberOf(current, s, k);
        if (sourceTeam.loadBalancingAlgorithm === 'Dynamic' && moment !== 'start' && now >= 0) {
          const stillActive = activeMembers(sourceTeam).includes(now);
          if (moment === 'pass' && flowletGap) sendMembers = [leastLoadedMember(sourceTeam, loads(), now)];
          else sendMembers = [stillActive ? now : leastLoadedMember(sourceTeam, loads())];
        } else if (moment === 'event' && now >= 0 && !restoredAt(s, t) && activeMembers(sourceTeam).includes(now)) {
          // A member failed (on this host or on the peer): only the traffic on the failed member moves,
          // flows on members that are still up keep them (Microsoft, NIC Teaming MAC address use and
          // management: the failed member's traffic goes to the survivors). On a restoration the model
          // hashes every flow over the active members again (UNVERIFIED: Microsoft does not say).
          sendMembers = [now];
        } else {
          sendMembers = [sendMember(sourceTeam, conn, { vSwitchPortId: source.vSwitchPortId })];
        }
      } else {
        const bond = bondAt(s, t) as Bond;
        const loads = bond.mode === 'balance-tlb' ? bond.members.map((_, i) => loadWithOwn(sendLinks[s][i])) : undefined;
        const sent = bondSendMembers(bond, conn, { currentMember: bondCurrentMember(bond, historyAt(s, t)), peerIndex: peerIndex(s, r), tlbTable: tlbTables[s], loads });
        if (sent.tlbBucket !== undefined) tlbTables[s].set(sent.tlbBucket, sent.members[0]);
        sendMembers = sent.members;
        if (sent.spread === 'copy') {
          if (conns.length > 1) {
            throw new InputError('liveMigration.transport', scenario.liveMigration.transport, `TCP or Compression: ${source.name}'s broadcast bond copies every frame, which the model cannot combine with several SMB connections`);
          }
          spread = 'copy';
        }
      }

      let receive: number;
      const targetTeam = teamAt(r, t);
      // The frame as it leaves: a Switch Independent team rewrites the source MAC on non-primary members.
      const wire = sourceTeam === undefined ? conn : { ...conn, srcMac: frameSourceMac(sourceTeam, sendMembers[0]) };
      if (targetTeam !== undefined) {
        receive = receiveMember(targetTeam, wire, { switchLoadBalance: scenario.switch.loadBalance, vSwitchPortId: target.vSwitchPortId });
      } else {
        const bond = bondAt(r, t) as Bond;
        receive = bondReceiveMember(bond, wire, {
          switchLoadBalance: scenario.switch.loadBalance,
          currentMember: bondCurrentMember(bond, historyAt(r, t)),
          peerIndex: peerIndex(r, s),
        });
      }
      for (const m of sendMembers) {
        const id = sendLinks[s][m];
        own.set(id, (own.get(id) ?? 0) + 1);
      }
      return { sendMembers, receiveMember: receive };
    });
    const paths = choices.flatMap((choice) => {
      const receiveLink = receiveLinks[r][choice.receiveMember];
      return choice.sendMembers.map((m) => [sendLinks[s][m], receiveLink]);
    });
    const chosen: ChosenRoute = { route: { paths, spread }, sendMembers: choices[0].sendMembers, receiveMember: choices[0].receiveMember, connections: choices };
    if (memoizable) {
      if (known === undefined) memo[index] = { states, chosen };
      else (known.others ??= new Map()).set(states, chosen);
    }
    return chosen;
  };

  return { routeAt, teamAt, connection: (index) => connections[index]?.[0], connectionsOf: (index) => connections[index] ?? [], hostIndex, hostName: (index) => scenario.hosts[index].name, sendMemberOf };
}
