import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIVE_MIGRATION_PORT } from '../../../lib/Connection';
import { linuxMember, linuxXmitHash } from '../../../lib/hashing';
import { InputError } from '../../../lib/InputError';
import { simulateScenario, validateScenario } from '../../../lib/scenario';
import type { HostInput, ScenarioInput, SimulationResult } from '../../../lib/scenario';
import type { BondMode } from '../../../lib/teaming';

// Hosts with Linux bonds instead of Windows teams, SET teams, and the Dynamic algorithm's moves, through
// validateScenario and simulateScenario. Members are 10 Gbps; VMs of 8 GiB move from the first host.

const bondHost = (name: string, ip: string, mode: BondMode, extra: Record<string, unknown> = {}): HostInput => ({
  name,
  ip,
  bond: { mode, xmitHashPolicy: 'layer3+4', members: [{ name: 'eth0', gbps: 10 }, { name: 'eth1', gbps: 10 }], ...extra },
});
function linuxLab(mode: BondMode, vms: number, extra: Partial<ScenarioInput> = {}): ScenarioInput {
  return {
    hosts: [bondHost('LX1', '10.10.10.1', mode), bondHost('LX2', '10.10.10.2', mode)],
    switch: { loadBalance: 'src-dst-port' },
    liveMigration: { simultaneous: vms },
    migrations: Array.from({ length: vms }, (_, i) => ({ vm: `VM${i + 1}`, from: 'LX1', to: 'LX2', memoryGiB: 8, dirtyMBps: 50 })),
    ...extra,
  };
}
const run = (input: ScenarioInput) => simulateScenario(validateScenario(input));
const used = (result: SimulationResult, host: string, key: 'sentGB' | 'receivedGB') =>
  Object.entries(result.hosts[host].members).filter(([, m]) => m[key] > 0).map(([name]) => name);

describe('validateScenario: hosts with a bond', () => {
  it('accepts a bond instead of a team and fills its defaults', () => {
    const scenario = validateScenario(linuxLab('802.3ad', 1));
    expect(scenario.hosts[0].team).toBeUndefined();
    expect(scenario.hosts[0].bond).toMatchObject({ mode: '802.3ad', xmitHashPolicy: 'layer3+4', tlbDynamicLb: true });
    expect(scenario.hosts[1].bond?.members[0].mac).toBe('02:00:00:00:02:01');
  });

  it('names the field: both team and bond, neither, or a bad bond', () => {
    const team = { teamingMode: 'Lacp' as const, loadBalancingAlgorithm: 'TransportPorts' as const, members: [{ name: 'NIC1', gbps: 10 }] };
    const cases: Array<[(s: ScenarioInput) => void, string]> = [
      [(s) => (s.hosts[0].team = team), 'hosts[0].bond'],
      [(s) => delete s.hosts[1].bond, 'hosts[1].team'],
      [(s) => ((s.hosts[1].bond as { mode: string }).mode = 'lacp'), 'hosts[1].bond.mode'],
      [(s) => (s.dynamic = { flowletGapMs: -1 }), 'dynamic.flowletGapMs'],
      [(s) => (s.dynamic = { period: 1 } as never), 'dynamic.period'],
    ];
    for (const [edit, field] of cases) {
      const input = linuxLab('802.3ad', 1);
      edit(input);
      expect(() => validateScenario(input), field).toThrow(InputError);
      try {
        validateScenario(input);
      } catch (error) {
        expect((error as InputError).field).toBe(field);
      }
    }
  });

  it('refuses a SET team that Windows would refuse, naming the field', () => {
    const input: ScenarioInput = {
      hosts: [
        { name: 'HV1', ip: '10.10.10.1', team: { kind: 'SET', teamingMode: 'Lacp', loadBalancingAlgorithm: 'Dynamic', members: [{ name: 'NIC1', gbps: 10 }] } },
        { name: 'HV2', ip: '10.10.10.2', team: { teamingMode: 'Lacp', loadBalancingAlgorithm: 'Dynamic', members: [{ name: 'NIC1', gbps: 10 }] } },
      ],
      migrations: [{ vm: 'VM1', from: 'HV1', to: 'HV2', memoryGiB: 1 }],
    };
    expect(() => validateScenario(input)).toThrow('hosts[0].team.teamingMode');
  });
});

describe('simulateScenario with Linux bonds (the two-host drain)', () => {
  it('balance-rr sprays one migration over both members: 5 + 5 Gbps out, held to 10 Gbps by the one receiving member', () => {
    // One connection: the switch delivers it to one member of LX2, so the spray cannot beat 10 Gbps in total.
    const { result } = run(linuxLab('balance-rr', 1));
    expect(used(result, 'LX1', 'sentGB')).toEqual(['eth0', 'eth1']);
    expect(result.hosts.LX1.members.eth0.peakSendGbps).toBeCloseTo(5, 9);
    expect(result.hosts.LX1.peakSendGbps).toBeCloseTo(10, 9);
    expect(used(result, 'LX2', 'receivedGB')).toHaveLength(1);
    expect(result.migrations[0].connections[0].sendMembers).toEqual(['eth0', 'eth1']);
  });

  it('802.3ad with layer3+4 sends each connection on up[hash % 2]; the switch hashes src-dst-port on the way in', () => {
    const { result } = run(linuxLab('802.3ad', 4));
    result.migrations.forEach((m, i) => {
      const port = 49152 + i;
      const hash = linuxXmitHash(
        { srcMac: '02:00:00:00:01:01', dstMac: '02:00:00:00:02:01', srcIp: '10.10.10.1', dstIp: '10.10.10.2', protocol: 'tcp', srcPort: port, dstPort: LIVE_MIGRATION_PORT },
        { policy: 'layer3+4' },
      );
      expect(m.connections[0]).toEqual({ sourcePort: port, sendMember: `eth${linuxMember(hash, 2)}`, receiveMember: `eth${port % 2}` });
    });
  });

  it('broadcast puts every byte on both members, so the receiver gets two copies of each', () => {
    const { result } = run(linuxLab('broadcast', 1));
    const sent = result.hosts.LX1.members;
    expect(sent.eth0.sentGB).toBeCloseTo(sent.eth1.sentGB, 9);
    const received = Object.values(result.hosts.LX2.members).reduce((s, m) => s + m.receivedGB, 0);
    expect(received).toBeCloseTo(sent.eth0.sentGB * 2, 6);
  });

  it.each(['active-backup', 'balance-alb'] as const)('%s uses one member each way between two hosts', (mode) => {
    const { result } = run(linuxLab(mode, 4));
    expect(used(result, 'LX1', 'sentGB')).toEqual(['eth0']);
    expect(used(result, 'LX2', 'receivedGB')).toEqual(['eth0']);
  });

  it('balance-tlb with layer3+4 spreads its sends between two hosts and receives on one member', () => {
    // bond_alb.c: each connection's bucket (bond_xmit_hash & 0xFF) goes to the least-loaded member, so the
    // migrations' connections, which differ in their source ports, leave on both members; receive stays on
    // the current active member.
    const { result } = run(linuxLab('balance-tlb', 4));
    expect(used(result, 'LX1', 'sentGB')).toEqual(['eth0', 'eth1']);
    expect(used(result, 'LX2', 'receivedGB')).toEqual(['eth0']);
  });

  it('balance-alb receives each peer on its own member: two sources land on eth0 and eth1 of the target', () => {
    const input: ScenarioInput = {
      hosts: [bondHost('LX1', '10.10.10.1', 'balance-alb'), bondHost('LX2', '10.10.10.2', 'balance-alb'), bondHost('LX3', '10.10.10.3', 'balance-alb')],
      liveMigration: { simultaneous: 2 },
      migrations: [
        { vm: 'VM1', from: 'LX1', to: 'LX3', memoryGiB: 8 },
        { vm: 'VM2', from: 'LX2', to: 'LX3', memoryGiB: 8 },
      ],
    };
    const { result } = run(input);
    // LX3's peers in host order: LX1 is peer 0, LX2 peer 1.
    expect(result.migrations.map((m) => m.connections[0].receiveMember)).toEqual(['eth0', 'eth1']);
    expect(result.hosts.LX3.peakReceiveGbps).toBeCloseTo(20, 9);
  });

  it('active-backup fails over to eth1 and, without primary, stays there after eth0 comes back', () => {
    const { result } = run(
      linuxLab('active-backup', 1, {
        events: [
          { atS: 3, host: 'LX1', member: 'eth0', state: 'failed' },
          { atS: 5, host: 'LX1', member: 'eth0', state: 'up' },
        ],
      }),
    );
    // The bond notices the carrier loss at its next MII poll: miimon's default 100 ms after the failure.
    expect(result.migrations[0].reroutes).toEqual([{ atS: 3.1, sendMember: 'eth1', receiveMember: 'eth0' }]);
  });

  it('a Windows team may send to a Linux bond', () => {
    const input = linuxLab('802.3ad', 2);
    input.hosts[0] = { name: 'LX1', ip: '10.10.10.1', team: { teamingMode: 'Lacp', loadBalancingAlgorithm: 'TransportPorts', members: [{ name: 'NIC1', gbps: 10 }, { name: 'NIC2', gbps: 10 }] } };
    expect(run(input).result.migrations.every((m) => Number.isFinite(m.endS))).toBe(true);
  });

  it('lib/scenarios/linux-bond-802.3ad.json: four connections use both members each way (20 Gbps)', () => {
    const text = readFileSync(join(__dirname, '..', '..', '..', 'lib', 'scenarios', 'linux-bond-802.3ad.json'), 'utf8');
    const { result } = run(JSON.parse(text));
    expect(used(result, 'LX1', 'sentGB')).toEqual(['eth0', 'eth1']);
    expect(used(result, 'LX2', 'receivedGB')).toEqual(['eth0', 'eth1']);
    expect(result.hosts.LX1.peakSendGbps).toBeCloseTo(20, 9);
  });
});

describe('simulateScenario with Dynamic teams', () => {
  const windowsLab = (teamingMode: 'SwitchIndependent' | 'Lacp', members: number, vms: number, extra: Partial<ScenarioInput> = {}): ScenarioInput => {
    const team = { teamingMode, loadBalancingAlgorithm: 'Dynamic' as const, members: Array.from({ length: members }, (_, i) => ({ name: `NIC${i + 1}`, gbps: 10 })) };
    return {
      hosts: [{ name: 'HV1', ip: '10.10.10.1', team }, { name: 'HV2', ip: '10.10.10.2', team }],
      switch: { loadBalance: 'src-dst-port' },
      liveMigration: { simultaneous: vms },
      migrations: Array.from({ length: vms }, (_, i) => ({ vm: `VM${i + 1}`, from: 'HV1', to: 'HV2', memoryGiB: 8, dirtyMBps: 50 })),
      ...extra,
    };
  };

  it('one migration never moves and stays on one member, whatever the rebalancing settings', () => {
    // Alone, its member is as idle as any other at every round boundary and every rebalance.
    const { result } = run(windowsLab('SwitchIndependent', 4, 1, { dynamic: { rebalancePeriodS: 1 } }));
    expect(result.migrations[0].reroutes).toBeUndefined();
    expect(used(result, 'HV1', 'sentGB')).toHaveLength(1);
    expect(result.hosts.HV1.peakSendGbps).toBeCloseTo(10, 9);
  });

  it('six migrations end up on all four members, moving only at round boundaries (flowlets)', () => {
    const { result } = run(windowsLab('SwitchIndependent', 4, 6));
    expect(used(result, 'HV1', 'sentGB')).toEqual(['NIC1', 'NIC2', 'NIC3', 'NIC4']);
    const roundEnds = result.migrations.flatMap((m) => m.reroutes ?? []);
    expect(roundEnds.length).toBeGreaterThan(0);
  });

  it('no flowlet when the pause between rounds is shorter than the gap threshold: the hash placement stays', () => {
    const { result } = run(windowsLab('SwitchIndependent', 4, 6, { dynamic: { flowletGapMs: 10 }, liveMigration: { simultaneous: 6, roundPauseMs: 5 } }));
    expect(result.migrations.some((m) => m.reroutes !== undefined)).toBe(false);
  });

  it('a periodic rebalance evens out flows in flight at its period, even without flowlets', () => {
    // Flowlets off (gap 10 ms > pause 0). Every rebalance moves flows only at a multiple of the period, and
    // right after the first one the flows per member differ by at most one.
    const { result } = run(windowsLab('Lacp', 4, 4, { dynamic: { flowletGapMs: 10, rebalancePeriodS: 2 } }));
    const moves = result.migrations.flatMap((m) => m.reroutes ?? []);
    expect(moves.length).toBeGreaterThan(0);
    for (const move of moves) expect(move.atS % 2).toBeCloseTo(0, 9);
    const members = result.migrations.map((m) => (m.reroutes?.find((r) => r.atS === 2) ?? m.connections[0]).sendMember);
    const counts = ['NIC1', 'NIC2', 'NIC3', 'NIC4'].map((n) => members.filter((x) => x === n).length);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });
});
