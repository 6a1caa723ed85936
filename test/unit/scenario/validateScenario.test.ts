import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../../lib/scenario';
import { InputError } from '../../../lib/InputError';

/** Runs `action`, expecting an InputError on `field`; returns it so the test can check value and wording. */
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

const team = () => ({
  teamingMode: 'Lacp',
  loadBalancingAlgorithm: 'TransportPorts',
  members: [
    { name: 'NIC1', gbps: 10 },
    { name: 'NIC2', gbps: 10 },
  ],
});

/** The smallest valid scenario: the article's two hosts and one VM moving from HV1 to HV2. */
function minimal(): Record<string, any> {
  return {
    hosts: [
      { name: 'HV1', ip: '10.10.10.1', team: team() },
      { name: 'HV2', ip: '10.10.10.2', team: team() },
    ],
    migrations: [{ vm: 'VM01', from: 'HV1', to: 'HV2', memoryGiB: 8 }],
  };
}

/** `minimal()` with one change made by `edit`. */
function edited(edit: (scenario: Record<string, any>) => void): Record<string, any> {
  const scenario = minimal();
  edit(scenario);
  return scenario;
}

describe('validateScenario(input) defaults', () => {
  it('fills every default named in the Scenario doc comments', () => {
    // Expectations, from lib/scenario/Scenario.ts: vSwitchPortId 0, nextEphemeralPort 49152, switch src-dst-ip,
    // simultaneous 2, per-vm, setupS 1, setupJitterS 0, maxRounds 5, stopThresholdMB 30, resumeS 0.05,
    // dirtyMBps 0, startS 0, seed 1; transport TCP, compressionRatio 2, compressionGbps 10,
    // smbConnectionsPerInterface 4, smbDirect false, rdmaGbps members.
    const scenario = validateScenario(minimal());
    expect(scenario.hosts[0]).toMatchObject({ name: 'HV1', ip: '10.10.10.1', vSwitchPortId: 0, nextEphemeralPort: 49152 });
    expect(scenario.hosts[1].team!.members[0]).toEqual({ name: 'NIC1', gbps: 10, standby: false, up: true, mac: '02:00:00:00:02:01' });
    expect(scenario.switch).toEqual({ loadBalance: 'src-dst-port' });
    expect(scenario.liveMigration).toEqual({
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
    });
    expect(scenario.migrations).toEqual([{ vm: 'VM01', from: 'HV1', to: 'HV2', memoryGiB: 8, dirtyMBps: 0, startS: 0 }]);
    expect(scenario.seed).toBe(1);
  });

  it('keeps every given value', () => {
    const input: Record<string, any> = {
      ...minimal(),
      switch: { loadBalance: 'src-dst-ip' },
      liveMigration: {
        simultaneous: 12, connections: 'per-host-pair', setupS: 0, setupJitterS: 2, maxRounds: 1, stopThresholdMB: 1, resumeS: 0, roundPauseMs: 2,
        transport: 'SMB', compressionRatio: 1.5, compressionGbps: 4, smbConnectionsPerInterface: 2, smbMaxConnectionsPerServer: 8, smbDirect: true, rdmaGbps: 40,
      },
      seed: 42,
    };
    input.hosts[0].vSwitchPortId = 7;
    input.hosts[0].nextEphemeralPort = 65535;
    input.migrations[0].dirtyMBps = 50;
    input.migrations[0].startS = 3;
    const scenario = validateScenario(input);
    expect(scenario.switch.loadBalance).toBe('src-dst-ip');
    expect(scenario.liveMigration).toEqual(input.liveMigration);
    expect(scenario.hosts[0]).toMatchObject({ vSwitchPortId: 7, nextEphemeralPort: 65535 });
    expect(scenario.migrations[0]).toMatchObject({ dirtyMBps: 50, startS: 3 });
    expect(scenario.seed).toBe(42);
  });

  it('does not change its input', () => {
    const input = minimal();
    const copy = JSON.parse(JSON.stringify(input));
    validateScenario(input);
    expect(input).toEqual(copy);
  });

  it('accepts the $schema and description annotations and drops them', () => {
    const scenario = validateScenario({ $schema: '../schema/scenario.schema.json', description: 'finding 1', ...minimal() });
    expect(Object.keys(scenario).sort()).toEqual(['dynamic', 'events', 'hosts', 'liveMigration', 'migrations', 'seed', 'switch']);
  });
});

describe('validateScenario(input) rejects', () => {
  it('a scenario that is not an object', () => {
    inputError(() => validateScenario([]), 'scenario');
    inputError(() => validateScenario('hosts'), 'scenario');
  });

  it('unknown keys at every level, naming them', () => {
    // Because a typo such as "migration" would otherwise be ignored and its setting silently lost.
    const top = inputError(() => validateScenario({ ...minimal(), migration: [] }), 'migration');
    expect(top.allowed).toContain('did you mean migrations?');
    inputError(() => validateScenario({ ...minimal(), liveMigration: { simultanous: 4 } }), 'liveMigration.simultanous');
    inputError(() => validateScenario({ ...minimal(), switch: { hash: 'src-ip' } }), 'switch.hash');
    inputError(() => validateScenario(edited((s) => (s.hosts[1].tean = {}))), 'hosts[1].tean');
    inputError(() => validateScenario(edited((s) => (s.hosts[0].team.members[1].speed = 10))), 'hosts[0].team.members[1].speed');
    const nested = inputError(() => validateScenario(edited((s) => (s.migrations[0].memoryGB = 8))), 'migrations[0].memoryGB');
    expect(nested.allowed).toContain('did you mean memoryGiB?');
  });

  it('missing or empty hosts', () => {
    inputError(() => validateScenario(edited((s) => delete s.hosts)), 'hosts');
    inputError(() => validateScenario(edited((s) => (s.hosts = []))), 'hosts');
  });

  it('duplicate host names', () => {
    const error = inputError(() => validateScenario(edited((s) => (s.hosts[1].name = 'HV1'))), 'hosts[1].name');
    expect(error.allowed).toContain('hosts[0].name');
  });

  it('an invalid or duplicate IPv4 address', () => {
    inputError(() => validateScenario(edited((s) => (s.hosts[1].ip = '10.10.10.256'))), 'hosts[1].ip');
    inputError(() => validateScenario(edited((s) => (s.hosts[1].ip = 'fe80::1'))), 'hosts[1].ip');
    inputError(() => validateScenario(edited((s) => (s.hosts[1].ip = 42))), 'hosts[1].ip');
    const duplicate = inputError(() => validateScenario(edited((s) => (s.hosts[1].ip = '10.10.10.1'))), 'hosts[1].ip');
    expect(duplicate.value).toBe('10.10.10.1');
  });

  it('a bad team, with the full path of the field', () => {
    const error = inputError(() => validateScenario(edited((s) => (s.hosts[1].team.members[0].gbps = -10))), 'hosts[1].team.members[0].gbps');
    expect(error.message).toBe('hosts[1].team.members[0].gbps: got -10; expected a number greater than 0 and at most 10000');
    inputError(() => validateScenario(edited((s) => (s.hosts[0].team.teamingMode = 'Dynamic'))), 'hosts[0].team.teamingMode');
  });

  it('a vSwitch port ID that is negative or fractional', () => {
    inputError(() => validateScenario(edited((s) => (s.hosts[0].vSwitchPortId = -1))), 'hosts[0].vSwitchPortId');
    inputError(() => validateScenario(edited((s) => (s.hosts[0].vSwitchPortId = 1.5))), 'hosts[0].vSwitchPortId');
  });

  it('a next ephemeral port outside 49152..65535', () => {
    // Because Windows hands out dynamic TCP ports from the IANA range 49152-65535.
    expect(validateScenario(edited((s) => (s.hosts[0].nextEphemeralPort = 49152))).hosts[0].nextEphemeralPort).toBe(49152);
    for (const port of [49151, 65536, 50000.5]) {
      const error = inputError(() => validateScenario(edited((s) => (s.hosts[0].nextEphemeralPort = port))), 'hosts[0].nextEphemeralPort');
      expect(error.allowed).toBe('an integer from 49152 to 65535');
    }
  });

  it('an unknown switch load-balance setting, listing the Cisco ones', () => {
    const error = inputError(() => validateScenario({ ...minimal(), switch: { loadBalance: 'src-dst-mixed-ip-port' } }), 'switch.loadBalance');
    expect(error.allowed).toContain('src-dst-ip');
    expect(error.allowed).toContain('src-dst-port');
  });

  it('live-migration settings out of range', () => {
    // maxRounds counts the first full copy, so at least 1 (Scenario.ts); simultaneous 1 to 64; times >= 0.
    const cases: Array<[string, unknown]> = [
      ['simultaneous', 0],
      ['simultaneous', 65],
      ['simultaneous', 2.5],
      ['connections', 'per-flow'],
      ['setupS', -1],
      ['setupJitterS', -0.1],
      ['maxRounds', 0],
      ['maxRounds', 31],
      ['maxRounds', 1.5],
      ['stopThresholdMB', 0],
      ['resumeS', -0.05],
      ['resumeS', null],
    ];
    for (const [key, value] of cases) {
      inputError(() => validateScenario({ ...minimal(), liveMigration: { [key]: value } }), `liveMigration.${key}`);
    }
    // The limits themselves are allowed.
    const limits = validateScenario({ ...minimal(), liveMigration: { simultaneous: 64, maxRounds: 30, setupS: 0 } });
    expect(limits.liveMigration).toMatchObject({ simultaneous: 64, maxRounds: 30, setupS: 0 });
    expect(validateScenario({ ...minimal(), liveMigration: { simultaneous: 1, maxRounds: 1 } }).liveMigration).toMatchObject({ simultaneous: 1, maxRounds: 1 });
  });

  it('missing or empty migrations', () => {
    inputError(() => validateScenario(edited((s) => delete s.migrations)), 'migrations');
    inputError(() => validateScenario(edited((s) => (s.migrations = []))), 'migrations');
  });

  it('duplicate VM names', () => {
    const scenario = edited((s) => s.migrations.push({ vm: 'VM01', from: 'HV2', to: 'HV1', memoryGiB: 4 }));
    inputError(() => validateScenario(scenario), 'migrations[1].vm');
  });

  it('a migration from an unknown host, listing the known ones', () => {
    const scenario = edited((s) => {
      s.migrations.push({ vm: 'VM02', from: 'HV1', to: 'HV2', memoryGiB: 8 }, { vm: 'VM03', from: 'HV9', to: 'HV2', memoryGiB: 8 });
    });
    const error = inputError(() => validateScenario(scenario), 'migrations[2].from');
    expect(error.message).toBe('migrations[2].from: got "HV9"; expected one of HV1, HV2');
  });

  it('a migration to an unknown host or to its own source', () => {
    inputError(() => validateScenario(edited((s) => (s.migrations[0].to = 'HV3'))), 'migrations[0].to');
    const self = inputError(() => validateScenario(edited((s) => (s.migrations[0].to = 'HV1'))), 'migrations[0].to');
    expect(self.allowed).toBe('one of HV2 (not the source host)');
  });

  it('memory that is zero or negative, and negative dirty rates or start times', () => {
    inputError(() => validateScenario(edited((s) => (s.migrations[0].memoryGiB = 0))), 'migrations[0].memoryGiB');
    inputError(() => validateScenario(edited((s) => delete s.migrations[0].memoryGiB)), 'migrations[0].memoryGiB');
    inputError(() => validateScenario(edited((s) => (s.migrations[0].dirtyMBps = -1))), 'migrations[0].dirtyMBps');
    inputError(() => validateScenario(edited((s) => (s.migrations[0].startS = -1))), 'migrations[0].startS');
  });

  it('a seed that is not an integer', () => {
    inputError(() => validateScenario({ ...minimal(), seed: 1.5 }), 'seed');
    inputError(() => validateScenario({ ...minimal(), seed: '1' }), 'seed');
  });
});
