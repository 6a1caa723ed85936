import { InputError } from '../InputError';
import { CISCO_LOAD_BALANCE, MAX_OTHER_CONNECTIONS_PER_CONNECTION, parseIpv4 } from '../hashing';
import { DEFAULT_SWITCH_LOAD_BALANCE, LACP_TIMERS, MEMBER_FAILURES, SWITCH_BUNDLED_BOND_MODES, defaultLacpTimer, failureDetectionS, runsLacp, validateBond, validateTeam } from '../teaming';
import {
  checkArray,
  checkKnownKeys,
  checkName,
  checkNumber,
  checkObject,
  checkOneOf,
  checkString,
  childField,
  itemField,
} from '../fieldChecks';
import { validateTransportSettings } from './liveMigrationTransports';
import type { ConnectionModel, DynamicInput, LiveMigrationInput, MemberEvent, Scenario, SwitchInput } from './Scenario';

/** Every default `validateScenario` fills in, in one place (the JSON Schema's defaults are tested against these). */
export const SCENARIO_DEFAULTS = {
  host: { vSwitchPortId: 0, nextEphemeralPort: 49152, otherConnectionsPerConnection: 0 },
  switch: { loadBalance: DEFAULT_SWITCH_LOAD_BALANCE },
  liveMigration: {
    simultaneous: 2,
    connections: 'per-vm',
    setupS: 1,
    setupJitterS: 0,
    maxRounds: 5,
    stopThresholdMB: 30,
    resumeS: 0.05,
    roundPauseMs: 0,
    transport: 'TCP',
    compressionRatio: 2,
    compressionGbps: 10,
    smbConnectionsPerInterface: 4,
    smbMaxConnectionsPerServer: 32,
    smbDirect: false,
    rdmaGbps: 'members',
  },
  migration: { dirtyMBps: 0, startS: 0 },
  seed: 1,
  dynamic: { flowletGapMs: 0, rebalancePeriodS: 0 },
} as const satisfies {
  host: { vSwitchPortId: number; nextEphemeralPort: number; otherConnectionsPerConnection: number };
  switch: Required<SwitchInput>;
  liveMigration: Required<LiveMigrationInput>;
  migration: { dirtyMBps: number; startS: number };
  seed: number;
  dynamic: Required<DynamicInput>;
};

/** The states a member event may set. */
export const MEMBER_EVENT_STATES = ['failed', 'up'] as const;

/** How many TCP connections live migration opens (see `ConnectionModel`). */
export const CONNECTION_MODELS: readonly ConnectionModel[] = ['per-vm', 'per-host-pair'];

/**
 * Bounds of a scenario, so that every run stays well inside float precision, finishes, and fits in memory
 * on a small machine: hosts and migrations per scenario; a VM's memory in GiB (64 TiB, far more than the
 * 1 TB a Windows Server 2012 Hyper-V VM may have); its dirty rate in MB/s (10^6 MB/s = 1 TB/s, above any
 * memory bus); the switch side of a switch-dependent team or switch-bundled bond (at most 8 active members,
 * as an EtherChannel bundles at most 8 links); member events per scenario; TCP connections per scenario
 * (host pairs x SMB connections per pair: each is a flow of every pass and a line of the result);
 * the slowest member or RDMA link and CPU compression rate, in Gbps (below 1 Mbps a drain of big VMs
 * would take longer than float times can count precisely); every time field (a day: `startS`, events'
 * `atS`, `setupS`, `setupJitterS`, `resumeS`; a minute: `roundPauseMs`, `dynamic.flowletGapMs`); the
 * stop-and-copy threshold (1 TB); and the Dynamic rebalance period (0 = off, else from 10 ms, so that
 * the rebalances of a long drain stay countable). Member speeds are bounded above by `MAX_MEMBER_GBPS`
 * (teaming).
 */
export const SCENARIO_LIMITS = {
  maxHosts: 10_000,
  maxMigrations: 100_000,
  maxMemoryGiB: 65_536,
  maxDirtyMBps: 1e6,
  maxBundledMembers: 8,
  maxEvents: 10_000,
  maxConnections: 100_000,
  minGbps: 0.001,
  maxTimeS: 86_400,
  maxPauseMs: 60_000,
  maxStopThresholdMB: 1e6,
  minRebalancePeriodS: 0.01,
} as const;

/** Smallest and largest dynamic (ephemeral) TCP port Windows hands out (IANA range). */
export const EPHEMERAL_PORT_RANGE = { min: 49152, max: 65535 } as const;

/** Top-level keys a scenario file may hold besides the scenario itself: `$schema` (for editors) and a free-text `description`. */
const ANNOTATION_KEYS = ['$schema', 'description'];
const SCENARIO_KEYS = ['hosts', 'switch', 'liveMigration', 'migrations', 'seed', 'events', 'dynamic', ...ANNOTATION_KEYS];
const HOST_KEYS = ['name', 'ip', 'team', 'bond', 'vSwitchPortId', 'nextEphemeralPort', 'otherConnectionsPerConnection'];
const EVENT_KEYS = ['atS', 'host', 'member', 'state', 'failure', 'lacpTimer', 'detectionS'];
const DYNAMIC_KEYS = ['flowletGapMs', 'rebalancePeriodS'];
const SWITCH_KEYS = ['loadBalance'];
const LIVE_MIGRATION_KEYS = [
  'simultaneous', 'connections', 'setupS', 'setupJitterS', 'maxRounds', 'stopThresholdMB', 'resumeS', 'roundPauseMs',
  'transport', 'compressionRatio', 'compressionGbps', 'smbConnectionsPerInterface', 'smbMaxConnectionsPerServer', 'smbDirect', 'rdmaGbps',
];
const MIGRATION_KEYS = ['vm', 'from', 'to', 'memoryGiB', 'dirtyMBps', 'startS'];

/**
 * Checks a scenario (as parsed from a JSON file or built in code) and returns it with every default
 * filled in. The input is not changed. The annotation keys `$schema` and `description` are accepted at
 * the top level and dropped.
 *
 * @throws InputError for the first problem found, naming the field path (`hosts[1].team.members[0].gbps`),
 * the value and what is allowed. Unknown keys, at any level, are errors.
 */
export function validateScenario(input: unknown): Scenario {
  const scenario = checkObject(input, 'scenario', 'a scenario object with hosts and migrations');
  checkKnownKeys(scenario, '', SCENARIO_KEYS);
  if (scenario.description !== undefined) checkString(scenario.description, 'description');

  // The seed first: it draws each host's RSS key (validateTeam).
  const seed = optional(scenario.seed, SCENARIO_DEFAULTS.seed, (value) => checkNumber(value, 'seed', { integer: true }));
  const hosts = validateHosts(scenario.hosts, seed);
  const hostNames = hosts.map((host) => host.name);
  const liveMigration = validateLiveMigration(scenario.liveMigration);
  const migrations = validateMigrations(scenario.migrations, hostNames);
  checkConnectionCount(liveMigration, new Set(migrations.map((m) => `${m.from}\u0000${m.to}`)).size);
  return {
    hosts,
    switch: validateSwitch(scenario.switch),
    liveMigration,
    migrations,
    seed,
    events: validateEvents(scenario.events, hosts),
    dynamic: validateDynamic(scenario.dynamic),
  };
}

/** Host pairs x SMB connections per pair at most `SCENARIO_LIMITS.maxConnections` (each is a flow of every pass of every migration between the pair). */
function checkConnectionCount(liveMigration: Scenario['liveMigration'], hostPairs: number): void {
  if (liveMigration.transport !== 'SMB') return;
  const max = SCENARIO_LIMITS.maxConnections;
  const perPair = liveMigration.smbConnectionsPerInterface;
  if (hostPairs * perPair > max) {
    const fits = Math.max(1, Math.floor(max / hostPairs));
    throw new InputError(
      'liveMigration.smbConnectionsPerInterface',
      perPair,
      `at most ${fits} for ${hostPairs} source-target host pairs (pairs x connections per pair at most ${max}), or fewer host pairs`,
    );
  }
}

/**
 * Every member at least `SCENARIO_LIMITS.minGbps`: a slower one would make a drain of big VMs longer than
 * float times count precisely (and is no NIC anyone teams).
 */
function checkMemberSpeeds(nic: Pick<Scenario['hosts'][number], 'team' | 'bond'>, field: string): void {
  const kind = nic.team !== undefined ? 'team' : 'bond';
  const members = nic.team?.members ?? nic.bond?.members ?? [];
  members.forEach((member, k) => {
    if (member.gbps < SCENARIO_LIMITS.minGbps) {
      throw new InputError(`${field}.${kind}.members[${k}].gbps`, member.gbps, `a speed of at least ${SCENARIO_LIMITS.minGbps} Gbps (1 Mbps) and at most the member limit`);
    }
  });
}

/**
 * Member events: known host and member, a state that changes something (`failed` only for a member that
 * is up at that moment, `up` only for one that is down and whose failure the team has noticed), and never
 * a host left with no member up. A failure gets its `failure` kind and `detectionS` (`failureDetectionS`)
 * filled in; `lacp-timeout` only on a team or bond that runs LACP; `failure`, `lacpTimer` and `detectionS`
 * only on failures. Returned sorted by time, ties in input order.
 */
function validateEvents(value: unknown, hosts: Scenario['hosts']): MemberEvent[] {
  if (value === undefined) return [];
  const events = checkArray(value, 'events', 0, SCENARIO_LIMITS.maxEvents).map((raw, index) => {
    const field = itemField('events', index);
    const event = checkObject(raw, field, 'an event object with atS, host, member and state');
    checkKnownKeys(event, field, EVENT_KEYS);
    const atS = checkNumber(event.atS, childField(field, 'atS'), { min: 0, max: SCENARIO_LIMITS.maxTimeS });
    const host = checkOneOf(event.host, childField(field, 'host'), hosts.map((h) => h.name));
    const nic = hosts.find((h) => h.name === host) as Scenario['hosts'][number];
    const names = (nic.team?.members ?? nic.bond?.members ?? []).map((m) => m.name);
    const member = checkOneOf(event.member, childField(field, 'member'), names);
    const state = checkOneOf(event.state, childField(field, 'state'), MEMBER_EVENT_STATES);
    if (state === 'up') {
      for (const key of ['failure', 'lacpTimer', 'detectionS']) {
        if (event[key] !== undefined) throw new InputError(childField(field, key), event[key], 'nothing: only a failure (state failed) has it');
      }
      return { index, event: { atS, host, member, state, detectionS: 0 } as MemberEvent };
    }
    const failure = event.failure === undefined ? 'link-down' : checkOneOf(event.failure, childField(field, 'failure'), MEMBER_FAILURES);
    if (failure === 'lacp-timeout' && !runsLacp(nic)) {
      const what = nic.team !== undefined ? `teamingMode ${nic.team.teamingMode}` : `bond mode ${nic.bond?.mode}`;
      throw new InputError(childField(field, 'failure'), failure, `link-down: ${host} runs no LACP (${what}), so nothing notices a failure that keeps the carrier up; lacp-timeout needs an Lacp team or an 802.3ad bond`);
    }
    let lacpTimer: MemberEvent['lacpTimer'];
    if (event.lacpTimer !== undefined) {
      if (failure !== 'lacp-timeout') throw new InputError(childField(field, 'lacpTimer'), event.lacpTimer, 'nothing: only a lacp-timeout failure has an LACP timer');
      lacpTimer = checkOneOf(event.lacpTimer, childField(field, 'lacpTimer'), LACP_TIMERS);
    } else if (failure === 'lacp-timeout') lacpTimer = defaultLacpTimer(nic);
    const detectionS =
      event.detectionS === undefined
        ? failureDetectionS(nic, failure, lacpTimer)
        : checkNumber(event.detectionS, childField(field, 'detectionS'), { min: 0, max: SCENARIO_LIMITS.maxTimeS });
    const validated: MemberEvent = { atS, host, member, state, failure, detectionS };
    if (lacpTimer !== undefined) validated.lacpTimer = lacpTimer;
    return { index, event: validated };
  });
  events.sort((a, b) => a.event.atS - b.event.atS || a.index - b.index);
  const up = new Map(hosts.map((h) => [h.name, new Map((h.team?.members ?? h.bond?.members ?? []).map((m) => [m.name, m.up !== false]))]));
  /** When each member's latest failure is detected, and by which event. */
  const detected = new Map<string, { atS: number; index: number }>();
  for (const { index, event } of events) {
    const states = up.get(event.host) as Map<string, boolean>;
    const isUp = states.get(event.member) as boolean;
    const field = childField(itemField('events', index), 'state');
    if (isUp === (event.state === 'up')) {
      throw new InputError(field, event.state, `${isUp ? 'failed' : 'up'}: ${event.member} of ${event.host} is already ${isUp ? 'up' : 'down'} at ${event.atS} s`);
    }
    const key = `${event.host}\u0000${event.member}`;
    const failedAt = detected.get(key);
    if (event.state === 'up' && failedAt !== undefined && event.atS < failedAt.atS) {
      throw new InputError(
        childField(itemField('events', index), 'atS'),
        event.atS,
        `a time at or after ${failedAt.atS} s, when ${event.host} notices the failure of ${event.member} (events[${failedAt.index}]); a member cannot come back before its failure is detected`,
      );
    }
    if (event.state === 'failed') detected.set(key, { atS: event.atS + event.detectionS, index });
    states.set(event.member, event.state === 'up');
    if (![...states.values()].some(Boolean)) {
      throw new InputError(field, event.state, `an event that leaves ${event.host} at least one member up (at ${event.atS} s it would have none)`);
    }
  }
  return events.map((e) => e.event);
}

function validateDynamic(value: unknown): Scenario['dynamic'] {
  const defaults = SCENARIO_DEFAULTS.dynamic;
  if (value === undefined) return { ...defaults };
  const input = checkObject(value, 'dynamic', 'a dynamic object');
  checkKnownKeys(input, 'dynamic', DYNAMIC_KEYS);
  return {
    flowletGapMs: optional(input.flowletGapMs, defaults.flowletGapMs, (v) => checkNumber(v, 'dynamic.flowletGapMs', { min: 0, max: SCENARIO_LIMITS.maxPauseMs })),
    rebalancePeriodS: optional(input.rebalancePeriodS, defaults.rebalancePeriodS, (v) => {
      const { minRebalancePeriodS, maxTimeS } = SCENARIO_LIMITS;
      if (v === 0) return 0;
      if (typeof v !== 'number' || !Number.isFinite(v) || v < minRebalancePeriodS || v > maxTimeS) {
        throw new InputError('dynamic.rebalancePeriodS', v, `0 (no periodic rebalance) or a number of seconds from ${minRebalancePeriodS} to ${maxTimeS}`);
      }
      return v;
    }),
  };
}

function validateHosts(value: unknown, seed: number): Scenario['hosts'] {
  const hosts = checkArray(value, 'hosts', 1, SCENARIO_LIMITS.maxHosts);
  const names = new Map<string, number>();
  const ips = new Map<string, number>();
  return hosts.map((raw, index) => {
    const field = itemField('hosts', index);
    const host = checkObject(raw, field, 'a host object with name, ip and team');
    checkKnownKeys(host, field, HOST_KEYS);
    const name = checkName(host.name, childField(field, 'name'));
    checkUnique(names, name, name, index, 'hosts', 'name', 'a host name');
    const ip = checkString(host.ip, childField(field, 'ip'));
    const address = String(parseIpv4(ip, childField(field, 'ip')));
    checkUnique(ips, address, ip, index, 'hosts', 'ip', 'an IPv4 address');
    if (host.team !== undefined && host.bond !== undefined) {
      throw new InputError(childField(field, 'bond'), host.bond, 'nothing: a host has either a team or a bond, and this one has a team');
    }
    if (host.team === undefined && host.bond === undefined) {
      throw new InputError(childField(field, 'team'), undefined, 'a team object (or a Linux bond object in bond)');
    }
    const nic =
      host.bond !== undefined
        ? { bond: validateBond(host.bond, childField(field, 'bond'), { hostIndex: index }) }
        : { team: validateTeam(host.team, childField(field, 'team'), { hostIndex: index, seed }) };
    checkBundleSize(nic, host, field);
    checkMemberSpeeds(nic, field);
    const vSwitchPortId = optional(host.vSwitchPortId, SCENARIO_DEFAULTS.host.vSwitchPortId, (v) =>
      checkNumber(v, childField(field, 'vSwitchPortId'), { integer: true, min: 0 }),
    );
    const nextEphemeralPort = optional(host.nextEphemeralPort, SCENARIO_DEFAULTS.host.nextEphemeralPort, (v) =>
      checkNumber(v, childField(field, 'nextEphemeralPort'), { integer: true, ...EPHEMERAL_PORT_RANGE }),
    );
    const otherConnectionsPerConnection = optional(host.otherConnectionsPerConnection, SCENARIO_DEFAULTS.host.otherConnectionsPerConnection, (v) =>
      checkNumber(v, childField(field, 'otherConnectionsPerConnection'), { min: 0, max: MAX_OTHER_CONNECTIONS_PER_CONNECTION }),
    );
    return { name, ip, ...nic, vSwitchPortId, nextEphemeralPort, otherConnectionsPerConnection };
  });
}

function validateSwitch(value: unknown): Scenario['switch'] {
  if (value === undefined) return { ...SCENARIO_DEFAULTS.switch };
  const input = checkObject(value, 'switch', 'a switch object');
  checkKnownKeys(input, 'switch', SWITCH_KEYS);
  return {
    loadBalance: optional(input.loadBalance, SCENARIO_DEFAULTS.switch.loadBalance, (v) =>
      checkOneOf(v, 'switch.loadBalance', CISCO_LOAD_BALANCE),
    ),
  };
}

function validateLiveMigration(value: unknown): Scenario['liveMigration'] {
  const defaults = SCENARIO_DEFAULTS.liveMigration;
  if (value === undefined) return { ...defaults };
  const input = checkObject(value, 'liveMigration', 'a liveMigration object');
  checkKnownKeys(input, 'liveMigration', LIVE_MIGRATION_KEYS);
  const at = (key: string) => childField('liveMigration', key);
  return {
    simultaneous: optional(input.simultaneous, defaults.simultaneous, (v) => checkNumber(v, at('simultaneous'), { integer: true, min: 1, max: 64 })),
    connections: optional(input.connections, defaults.connections, (v) => checkOneOf(v, at('connections'), CONNECTION_MODELS)),
    setupS: optional(input.setupS, defaults.setupS, (v) => checkNumber(v, at('setupS'), { min: 0, max: SCENARIO_LIMITS.maxTimeS })),
    setupJitterS: optional(input.setupJitterS, defaults.setupJitterS, (v) => checkNumber(v, at('setupJitterS'), { min: 0, max: SCENARIO_LIMITS.maxTimeS })),
    maxRounds: optional(input.maxRounds, defaults.maxRounds, (v) => checkNumber(v, at('maxRounds'), { integer: true, min: 1, max: 30 })),
    stopThresholdMB: optional(input.stopThresholdMB, defaults.stopThresholdMB, (v) => checkNumber(v, at('stopThresholdMB'), { greaterThan: 0, max: SCENARIO_LIMITS.maxStopThresholdMB })),
    resumeS: optional(input.resumeS, defaults.resumeS, (v) => checkNumber(v, at('resumeS'), { min: 0, max: SCENARIO_LIMITS.maxTimeS })),
    roundPauseMs: optional(input.roundPauseMs, defaults.roundPauseMs, (v) => checkNumber(v, at('roundPauseMs'), { min: 0, max: SCENARIO_LIMITS.maxPauseMs })),
    ...validateTransportSettings(input, defaults),
  };
}

function validateMigrations(value: unknown, hostNames: string[]): Scenario['migrations'] {
  const migrations = checkArray(value, 'migrations', 1, SCENARIO_LIMITS.maxMigrations);
  const vms = new Map<string, number>();
  const knownHosts = `one of ${hostNames.join(', ')}`;
  return migrations.map((raw, index) => {
    const field = itemField('migrations', index);
    const migration = checkObject(raw, field, 'a migration object with vm, from, to and memoryGiB');
    checkKnownKeys(migration, field, MIGRATION_KEYS);
    const vm = checkName(migration.vm, childField(field, 'vm'));
    checkUnique(vms, vm, vm, index, 'migrations', 'vm', 'a VM name');
    const from = migration.from;
    if (typeof from !== 'string' || !hostNames.includes(from)) throw new InputError(childField(field, 'from'), from, knownHosts);
    const to = migration.to;
    const others = hostNames.filter((name) => name !== from);
    if (typeof to !== 'string' || !others.includes(to)) {
      const allowed = others.length === 0 ? `a host other than ${from}, and the scenario has no other host` : `one of ${others.join(', ')} (not the source host)`;
      throw new InputError(childField(field, 'to'), to, allowed);
    }
    const memoryGiB = checkNumber(migration.memoryGiB, childField(field, 'memoryGiB'), { greaterThan: 0, max: SCENARIO_LIMITS.maxMemoryGiB });
    const dirtyMBps = optional(migration.dirtyMBps, SCENARIO_DEFAULTS.migration.dirtyMBps, (v) => checkNumber(v, childField(field, 'dirtyMBps'), { min: 0, max: SCENARIO_LIMITS.maxDirtyMBps }));
    const startS = optional(migration.startS, SCENARIO_DEFAULTS.migration.startS, (v) => checkNumber(v, childField(field, 'startS'), { min: 0, max: SCENARIO_LIMITS.maxTimeS }));
    return { vm, from, to, memoryGiB, dirtyMBps, startS };
  });
}

/**
 * A switch-dependent team (Static, Lacp) or a switch-bundled bond is one EtherChannel on the switch,
 * which bundles at most 8 active links: more active (non-standby) members are refused here, on the
 * host's `members` field, rather than failing later inside the switch's hash.
 */
function checkBundleSize(nic: Pick<Scenario['hosts'][number], 'team' | 'bond'>, host: Record<string, unknown>, field: string): void {
  const max = SCENARIO_LIMITS.maxBundledMembers;
  if (nic.team !== undefined && (nic.team.teamingMode === 'Static' || nic.team.teamingMode === 'Lacp')) {
    const active = nic.team.members.filter((member) => !member.standby).length;
    if (active > max) {
      const members = (host.team as Record<string, unknown>).members;
      throw new InputError(childField(field, 'team.members'), members, `at most ${max} active (non-standby) members in a ${nic.team.teamingMode} team: the switch's EtherChannel bundles at most ${max} links (this team has ${active})`);
    }
  }
  if (nic.bond !== undefined && SWITCH_BUNDLED_BOND_MODES.includes(nic.bond.mode) && nic.bond.members.length > max) {
    const members = (host.bond as Record<string, unknown>).members;
    throw new InputError(childField(field, 'bond.members'), members, `at most ${max} members in a ${nic.bond.mode} bond: the switch's EtherChannel bundles at most ${max} links (this bond has ${nic.bond.members.length})`);
  }
}

/** The default when the field is absent, else the checked value (null is a wrong value, not an absent one). */
function optional<T>(value: unknown, fallback: T, check: (value: unknown) => T): T {
  return value === undefined ? fallback : check(value);
}

/** Remembers `key` for item `index` of `list`; throws if an earlier item had the same key. */
function checkUnique(seen: Map<string, number>, key: string, value: string, index: number, list: string, name: string, what: string): void {
  const first = seen.get(key);
  if (first !== undefined) {
    throw new InputError(`${itemField(list, index)}.${name}`, value, `${what} not already used (${itemField(list, first)}.${name} has it)`);
  }
  seen.set(key, index);
}
