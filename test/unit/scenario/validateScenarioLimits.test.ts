import { describe, expect, it } from 'vitest';
import { SCENARIO_LIMITS, simulateScenario, validateScenario } from '../../../lib/scenario';
import { MAX_MEMBER_GBPS } from '../../../lib/teaming';
import { RESERVED_NAMES } from '../../../lib/fieldChecks';
import { InputError } from '../../../lib/InputError';

// Review findings on scenario input: no upper bounds (a 1e308 Gbps member crashed the run, a 1e300 GiB VM
// failed under a field the user never wrote), names that plain result objects cannot hold (`__proto__`),
// and switch-dependent teams with more active members than an EtherChannel bundles (8), which failed
// deep inside the switch hash under `memberCount`. Each must be an InputError on the user's own field.

/** Runs `action`, expecting an InputError on `field`; returns it. */
function inputError(action: () => unknown, field: string): InputError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).field).toBe(field);
    return error as InputError;
  }
  throw new Error(`expected an InputError on ${field}, but nothing was thrown`);
}

const members = (count: number, extra: Record<string, unknown> = {}) =>
  Array.from({ length: count }, (_, i) => ({ name: `NIC${i + 1}`, gbps: 10, ...extra }));

/** The article's two hosts (2 x 10 Gbps LACP) and one 8 GiB VM, changed by `edit`. */
function scenario(edit: (s: Record<string, any>) => void = () => {}): Record<string, any> {
  const team = () => ({ teamingMode: 'Lacp', loadBalancingAlgorithm: 'TransportPorts', members: members(2) });
  const s = {
    hosts: [
      { name: 'HV1', ip: '10.10.10.1', team: team() },
      { name: 'HV2', ip: '10.10.10.2', team: team() },
    ],
    migrations: [{ vm: 'VM01', from: 'HV1', to: 'HV2', memoryGiB: 8 }],
  };
  edit(s);
  return s;
}

describe('validateScenario: upper bounds', () => {
  it('documents the bounds the review asked for', () => {
    expect(SCENARIO_LIMITS).toEqual({
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
    });
    expect(MAX_MEMBER_GBPS).toBe(10_000);
  });

  it('accepts every value at its bound, and refuses the next one up on the field the user wrote', () => {
    // Because a bound that refuses its own value, or names an internal field, would be a new bug.
    expect(() => validateScenario(scenario((s) => (s.hosts[0].team.members[0].gbps = 10_000)))).not.toThrow();
    expect(() => validateScenario(scenario((s) => (s.migrations[0].memoryGiB = 65_536)))).not.toThrow();
    expect(() => validateScenario(scenario((s) => (s.migrations[0].dirtyMBps = 1e6)))).not.toThrow();
    inputError(() => validateScenario(scenario((s) => (s.hosts[0].team.members[0].gbps = 1e308))), 'hosts[0].team.members[0].gbps');
    inputError(() => validateScenario(scenario((s) => (s.hosts[1].team.members[1].gbps = 10_000.5))), 'hosts[1].team.members[1].gbps');
    const memory = inputError(() => validateScenario(scenario((s) => (s.migrations[0].memoryGiB = 1e300))), 'migrations[0].memoryGiB');
    expect(memory.allowed).toBe('a number greater than 0 and at most 65536');
    inputError(() => validateScenario(scenario((s) => (s.migrations[0].dirtyMBps = 1e6 + 1))), 'migrations[0].dirtyMBps');
  });

  it('bounds bond member speeds like team member speeds', () => {
    const bonded = (gbps: number) =>
      scenario((s) => (s.hosts[0] = { name: 'LX1', ip: '10.10.10.1', bond: { mode: 'active-backup', members: [{ name: 'eth0', gbps }] } }));
    expect(() => validateScenario({ ...bonded(10_000), migrations: [{ vm: 'VM01', from: 'LX1', to: 'HV2', memoryGiB: 8 }] })).not.toThrow();
    inputError(() => validateScenario(bonded(1e20)), 'hosts[0].bond.members[0].gbps');
  });

  it('refuses more than 10,000 hosts and more than 100,000 migrations, on the list', () => {
    // The lists are refused before their items are read, so these stay cheap.
    const hosts = Array.from({ length: 10_001 }, (_, i) => ({ name: `H${i}`, ip: '10.0.0.1', team: {} }));
    inputError(() => validateScenario(scenario((s) => (s.hosts = hosts))), 'hosts');
    const migrations = Array.from({ length: 100_001 }, (_, i) => ({ vm: `VM${i}`, from: 'HV1', to: 'HV2', memoryGiB: 1 }));
    inputError(() => validateScenario(scenario((s) => (s.migrations = migrations))), 'migrations');
  });

  it('simulates the extremes it accepts: a 64 TiB VM over 10,000 Gbps members, and a 1e-20 GiB VM after its setup', () => {
    // 64 TiB = 2^46 B over one 10 Tbps TCP connection (one member, 1.25e12 B/s): 56.29 s of copy + 1 s setup + 0.05 s resume.
    const big = validateScenario(
      scenario((s) => {
        for (const host of s.hosts) for (const m of host.team.members) m.gbps = 10_000;
        s.migrations[0].memoryGiB = 65_536;
      }),
    );
    expect(simulateScenario(big).result.durationS).toBeCloseTo(2 ** 46 / 1.25e12 + 1 + 0.05, 6);
    // A VM so small its copy lasts ~1e-19 s, less than the float spacing at 1 s: it used to crash the
    // timeline (TypeError in the segment merge). It now ends after setup and resume: 1 + 0.05 s.
    const tiny = validateScenario(scenario((s) => (s.migrations[0].memoryGiB = 1e-20)));
    expect(simulateScenario(tiny).result.durationS).toBeCloseTo(1.05, 9);
  });
});

describe('validateScenario: names that plain objects cannot key', () => {
  it('refuses every reserved name for hosts, team members, bond members and VMs', () => {
    // Because results are objects keyed by these names: a host named __proto__ vanished from the report.
    expect(RESERVED_NAMES).toEqual(expect.arrayContaining(['__proto__', 'constructor', 'prototype', 'toString']));
    for (const name of RESERVED_NAMES) {
      inputError(() => validateScenario(scenario((s) => (s.hosts[1].name = name))), 'hosts[1].name');
      inputError(() => validateScenario(scenario((s) => (s.hosts[0].team.members[1].name = name))), 'hosts[0].team.members[1].name');
      inputError(() => validateScenario(scenario((s) => (s.migrations[0].vm = name))), 'migrations[0].vm');
      const bond = { mode: 'active-backup', members: [{ name }] };
      inputError(() => validateScenario(scenario((s) => (s.hosts[0] = { name: 'LX1', ip: '10.10.10.1', bond }))), 'hosts[0].bond.members[0].name');
    }
  });

  it('refuses __proto__ as it comes out of JSON.parse, where it is an own key, not the prototype', () => {
    const parsed = JSON.parse(JSON.stringify(scenario()).replace('"HV2"', '"__proto__"'));
    inputError(() => validateScenario(parsed), 'hosts[1].name');
  });

  it('still accepts names that merely contain a reserved word', () => {
    expect(() => validateScenario(scenario((s) => (s.hosts[0].team.members[0].name = 'constructor-NIC')))).not.toThrow();
  });
});

describe('validateScenario: switch-dependent teams bundle at most 8 active members', () => {
  const team = (teamingMode: string, list: unknown[]) => (s: Record<string, any>) => (s.hosts[0].team = { teamingMode, loadBalancingAlgorithm: 'TransportPorts', members: list });

  it('refuses 9 active members in a Static or Lacp team on hosts[i].team.members', () => {
    // Because an EtherChannel bundles at most 8 links; the error used to name memberCount, from the switch hash.
    for (const mode of ['Static', 'Lacp']) {
      const error = inputError(() => validateScenario(scenario(team(mode, members(9)))), 'hosts[0].team.members');
      expect(error.allowed).toContain('at most 8 active');
    }
  });

  it('accepts 8 active plus a standby, and 9 or more in a SwitchIndependent team', () => {
    // The standby only steps in for a failed active member, so at most 8 are ever active; a switch
    // independent team has no EtherChannel at all.
    expect(() => validateScenario(scenario(team('Lacp', [...members(8), { name: 'NIC9', gbps: 10, standby: true }])))).not.toThrow();
    expect(() => validateScenario(scenario(team('SwitchIndependent', members(12))))).not.toThrow();
  });

  it('refuses 9 members in a switch-bundled bond mode, not in active-backup', () => {
    const bonded = (mode: string) => (s: Record<string, any>) =>
      (s.hosts[1] = { name: 'LX2', ip: '10.10.10.2', bond: { mode, members: Array.from({ length: 9 }, (_, i) => ({ name: `eth${i}`, gbps: 10 })) } });
    inputError(() => validateScenario(scenario(bonded('802.3ad'))), 'hosts[1].bond.members');
    inputError(() => validateScenario(scenario(bonded('balance-rr'))), 'hosts[1].bond.members');
    const ok = scenario(bonded('active-backup'));
    ok.migrations[0].to = 'LX2';
    expect(() => validateScenario(ok)).not.toThrow();
  });

  it('simulates an 8-member Lacp team without error', () => {
    // The largest bundle accepted must also run: the switch hash takes 1 to 8 members.
    const s = validateScenario(scenario((x) => (x.hosts[1].team = { teamingMode: 'Lacp', loadBalancingAlgorithm: 'TransportPorts', members: members(8) })));
    expect(() => simulateScenario(s)).not.toThrow();
  });
});

describe('validateScenario: bounds that keep every run finite and small (engine review)', () => {
  // Before: a Dynamic team rebalancing every 1e-9 s never finished, 4,000 member events took minutes, a
  // member of 1e-300 Gbps ended in an internal error, and 100,000 SMB migrations with 32 connections each
  // ran out of heap. Each is now refused on the field the user wrote, with the allowed range.
  it('refuses each value just past its bound, and accepts the bound itself', () => {
    const cases: Array<[(s: Record<string, any>) => void, (s: Record<string, any>) => void, string]> = [
      [(s) => (s.dynamic = { rebalancePeriodS: 0.01 }), (s) => (s.dynamic = { rebalancePeriodS: 1e-9 }), 'dynamic.rebalancePeriodS'],
      [(s) => (s.dynamic = { flowletGapMs: 60_000 }), (s) => (s.dynamic = { flowletGapMs: 60_001 }), 'dynamic.flowletGapMs'],
      [(s) => (s.liveMigration = { setupS: 86_400 }), (s) => (s.liveMigration = { setupS: 86_401 }), 'liveMigration.setupS'],
      [(s) => (s.liveMigration = { setupJitterS: 86_400 }), (s) => (s.liveMigration = { setupJitterS: 1e300 }), 'liveMigration.setupJitterS'],
      [(s) => (s.liveMigration = { resumeS: 86_400 }), (s) => (s.liveMigration = { resumeS: 86_401 }), 'liveMigration.resumeS'],
      [(s) => (s.liveMigration = { roundPauseMs: 60_000 }), (s) => (s.liveMigration = { roundPauseMs: 60_001 }), 'liveMigration.roundPauseMs'],
      [(s) => (s.liveMigration = { stopThresholdMB: 1e6 }), (s) => (s.liveMigration = { stopThresholdMB: 1e7 }), 'liveMigration.stopThresholdMB'],
      [(s) => (s.migrations[0].startS = 86_400), (s) => (s.migrations[0].startS = 1e20), 'migrations[0].startS'],
      [(s) => (s.events = [{ atS: 86_400, host: 'HV1', member: 'NIC1', state: 'failed' }]), (s) => (s.events = [{ atS: 86_401, host: 'HV1', member: 'NIC1', state: 'failed' }]), 'events[0].atS'],
      [(s) => (s.hosts[0].team.members[1].gbps = 0.001), (s) => (s.hosts[0].team.members[1].gbps = 1e-300), 'hosts[0].team.members[1].gbps'],
      [(s) => (s.liveMigration = { transport: 'Compression', compressionGbps: 0.001 }), (s) => (s.liveMigration = { transport: 'Compression', compressionGbps: 1e-9 }), 'liveMigration.compressionGbps'],
    ];
    for (const [ok, bad, field] of cases) {
      expect(() => validateScenario(scenario(ok)), field).not.toThrow();
      const error = inputError(() => validateScenario(scenario(bad)), field);
      expect(error.message, field).toMatch(/expected .*\d/);
    }
  });

  it('refuses more than 10,000 member events, and SMB connections beyond 100,000 in all (host pairs x connections per pair)', () => {
    const flap = (n: number) => Array.from({ length: n }, (_, k) => ({ atS: k * 0.001, host: 'HV1', member: 'NIC1', state: k % 2 === 0 ? 'failed' : 'up' }));
    expect(() => validateScenario(scenario((s) => (s.events = flap(10_000))))).not.toThrow();
    inputError(() => validateScenario(scenario((s) => (s.events = flap(10_001)))), 'events');
    // SMB connections belong to a host pair: 6,250 pairs x 16 = 100,000; one pair more is too many.
    const smb = (pairs: number, connections: number) =>
      scenario((s) => {
        s.liveMigration = { transport: 'SMB', smbConnectionsPerInterface: connections };
        const host = s.hosts[0];
        s.hosts = Array.from({ length: pairs + 1 }, (_, i) => ({ ...host, name: `H${i}`, ip: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` }));
        s.migrations = Array.from({ length: pairs }, (_, i) => ({ vm: `VM${i}`, from: 'H0', to: `H${i + 1}`, memoryGiB: 1 }));
      });
    expect(() => validateScenario(smb(6250, 16))).not.toThrow();
    const error = inputError(() => validateScenario(smb(6251, 16)), 'liveMigration.smbConnectionsPerInterface');
    expect(error.allowed).toMatch(/at most 15 for 6251 source-target host pairs/);
  });

  it('runs a Dynamic team at the shortest rebalance period to the end', () => {
    const s = validateScenario(
      scenario((x) => {
        for (const host of x.hosts) host.team.loadBalancingAlgorithm = 'Dynamic';
        x.dynamic = { rebalancePeriodS: 0.01 };
        x.migrations.push({ vm: 'VM02', from: 'HV1', to: 'HV2', memoryGiB: 8 });
      }),
    );
    expect(simulateScenario(s).result.durationS).toBeGreaterThan(0);
  });
});
