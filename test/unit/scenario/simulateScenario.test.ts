import { describe, expect, it } from 'vitest';
import { LIVE_MIGRATION_PORT } from '../../../lib/Connection';
import { parseHexKey, windowsAddressHash } from '../../../lib/hashing';
import { simulateScenario, validateScenario } from '../../../lib/scenario';
import type { ConnectionModel, ScenarioInput, ScenarioSimulation } from '../../../lib/scenario';
import type { CiscoLoadBalance } from '../../../lib/hashing';
import { LOAD_BALANCING_ALGORITHMS, TEAMING_MODES } from '../../../lib/teaming';
import type { LoadBalancingAlgorithm, TeamingMode } from '../../../lib/teaming';

const GiB = 2 ** 30;
const TOL = 1e-6;

interface Lab {
  teamingMode?: TeamingMode;
  loadBalancingAlgorithm?: LoadBalancingAlgorithm;
  loadBalance?: CiscoLoadBalance;
  vms?: number;
  memoryGiB?: number;
  dirtyMBps?: number;
  simultaneous?: number;
  connections?: ConnectionModel;
  setupJitterS?: number;
  seed?: number;
}

/**
 * The article's lab: HV1 (10.10.10.1) and HV2 (10.10.10.2), each with a team of two 10 Gbps members
 * NIC1 and NIC2, and `vms` VMs moving from HV1 to HV2 at time 0.
 */
function lab(options: Lab = {}): ScenarioInput {
  const {
    teamingMode = 'Lacp',
    loadBalancingAlgorithm = 'TransportPorts',
    loadBalance = 'src-dst-port',
    vms = 4,
    memoryGiB = 8,
    dirtyMBps = 50,
    simultaneous = 2,
    connections = 'per-vm',
    setupJitterS = 0,
    seed = 1,
  } = options;
  // Microsoft's published test key on both hosts: these tests check the routing mechanics against fixed,
  // hand-checkable member choices; how often a random host key gives them is test/unit/ensemble's business.
  const team = () => ({ teamingMode, loadBalancingAlgorithm, addressHash: 'toeplitz-test-key' as const, members: [{ name: 'NIC1', gbps: 10 }, { name: 'NIC2', gbps: 10 }] });
  return {
    hosts: [
      { name: 'HV1', ip: '10.10.10.1', team: team() },
      { name: 'HV2', ip: '10.10.10.2', team: team() },
    ],
    switch: { loadBalance },
    liveMigration: { simultaneous, connections, setupJitterS },
    migrations: Array.from({ length: vms }, (_, i) => ({ vm: `VM${i + 1}`, from: 'HV1', to: 'HV2', memoryGiB, dirtyMBps })),
    seed,
  };
}

const simulate = (options: Lab = {}) => simulateScenario(validateScenario(lab(options)));

const membersWith = (sim: ScenarioSimulation, host: string, key: 'sentGB' | 'receivedGB') =>
  Object.entries(sim.result.hosts[host].members)
    .filter(([, m]) => m[key] > 0)
    .map(([name]) => name)
    .sort();

describe('simulateScenario(scenario): the article findings on two hosts with 2 x 10 Gbps teams', () => {
  it.each(TEAMING_MODES)('Hyper-V Port caps the source at one member (10 Gbps) in %s mode, with 2 and with 4 VMs', (mode) => {
    // Because the host vNIC that carries live migration is one vSwitch port, pinned to one member.
    for (const vms of [2, 4]) {
      const sim = simulate({ teamingMode: mode, loadBalancingAlgorithm: 'HyperVPort', vms, simultaneous: vms });
      expect(sim.result.hosts.HV1.peakSendGbps).toBeCloseTo(10, 6);
      expect(membersWith(sim, 'HV1', 'sentGB')).toEqual(['NIC1']);
    }
  });

  it.each(['Static', 'Lacp'] as const)(
    '%s + TransportPorts with switch src-dst-port uses both members on send and on receive (20 Gbps each way)',
    (mode) => {
      // Setup: 4 VMs at once (simultaneous 4), per-vm connections from ports 49152..49155.
      // Receive (hand calculation): the switch bucket is (port XOR 6600) & 7 = port & 7, member
      // bucket % 2 = port % 2, so the ports alternate NIC1, NIC2, NIC1, NIC2.
      // Send: the team's 4-tuple hash; the expectation is taken from windowsAddressHash % 2 per port.
      const sim = simulate({ teamingMode: mode, vms: 4, simultaneous: 4 });
      const connections = sim.result.migrations.map((m) => m.connections[0]);
      expect(connections.map((c) => c.sourcePort)).toEqual([49152, 49153, 49154, 49155]);
      expect(connections.map((c) => c.receiveMember)).toEqual(['NIC1', 'NIC2', 'NIC1', 'NIC2']);
      for (const c of connections) {
        const hash = windowsAddressHash(
          { srcMac: '02:00:00:00:01:01', dstMac: '02:00:00:00:02:01', srcIp: '10.10.10.1', dstIp: '10.10.10.2', protocol: 'tcp', srcPort: c.sourcePort, dstPort: LIVE_MIGRATION_PORT },
          'TransportPorts',
        );
        expect(c.sendMember).toBe(`NIC${(hash % 2) + 1}`);
      }
      expect(membersWith(sim, 'HV1', 'sentGB')).toEqual(['NIC1', 'NIC2']);
      expect(membersWith(sim, 'HV2', 'receivedGB')).toEqual(['NIC1', 'NIC2']);
      // With connections on both send members and both receive members, every link is full: 2 x 10.
      expect(sim.result.hosts.HV1.peakSendGbps).toBeCloseTo(20, 6);
      expect(sim.result.hosts.HV2.peakReceiveGbps).toBeCloseTo(20, 6);
    },
  );

  it('Lacp + TransportPorts with switch src-dst-ip puts all receive traffic on one member', () => {
    // Because every connection has the same IP pair: bucket (1 XOR 2) & 7 = 3, member 3 % 2 = NIC2.
    const sim = simulate({ loadBalance: 'src-dst-ip', vms: 4, simultaneous: 4 });
    expect(membersWith(sim, 'HV2', 'receivedGB')).toEqual(['NIC2']);
    expect(sim.result.hosts.HV2.peakReceiveGbps).toBeCloseTo(10, 6);
    // The source still sends on both members, but the target's one member limits the total to 10.
    expect(membersWith(sim, 'HV1', 'sentGB')).toEqual(['NIC1', 'NIC2']);
    expect(sim.result.hosts.HV1.peakSendGbps).toBeCloseTo(10, 6);
  });

  it('per-host-pair connections keep everything on one member each way', () => {
    // One shared connection (one source port, 49152) for all VMs: one send member; port 49152 &
    // 7 = 0 puts the receive side on NIC1.
    const sim = simulate({ connections: 'per-host-pair', vms: 4, simultaneous: 4 });
    expect(new Set(sim.result.migrations.map((m) => m.connections[0].sourcePort))).toEqual(new Set([49152]));
    expect(membersWith(sim, 'HV1', 'sentGB')).toHaveLength(1);
    expect(membersWith(sim, 'HV2', 'receivedGB')).toEqual(['NIC1']);
    expect(sim.result.hosts.HV1.peakSendGbps).toBeCloseTo(10, 6);
    expect(sim.result.hosts.HV2.peakReceiveGbps).toBeCloseTo(10, 6);
  });

  it('Switch Independent + TransportPorts sends on both members but receives on one, so the transfer runs at one member speed', () => {
    const sim = simulate({ teamingMode: 'SwitchIndependent', vms: 4, simultaneous: 4, dirtyMBps: 0 });
    expect(membersWith(sim, 'HV1', 'sentGB')).toEqual(['NIC1', 'NIC2']);
    expect(membersWith(sim, 'HV2', 'receivedGB')).toEqual(['NIC1']); // the primary
    expect(sim.result.hosts.HV2.peakReceiveGbps).toBeCloseTo(10, 6);
    expect(sim.result.hosts.HV1.peakSendGbps).toBeCloseTo(10, 6);
    // Idle VMs: 4 x 8 GiB at 10 Gbps (1.25e9 bytes/s) after the 1 s setup, plus the 0.05 s resume.
    expect(sim.result.durationS).toBeCloseTo(1 + (4 * 8 * GiB) / 1.25e9 + 0.05, 6);
  });

  it('one VM alone never exceeds one member, in any mode and with any algorithm', () => {
    // Because one migration is one TCP connection, and every rule keeps a connection on one member.
    for (const teamingMode of TEAMING_MODES) {
      for (const loadBalancingAlgorithm of LOAD_BALANCING_ALGORITHMS) {
        const sim = simulate({ teamingMode, loadBalancingAlgorithm, vms: 1 });
        expect(sim.result.hosts.HV1.peakSendGbps).toBeCloseTo(10, 6);
        expect(sim.result.hosts.HV2.peakReceiveGbps).toBeCloseTo(10, 6);
        expect(membersWith(sim, 'HV1', 'sentGB')).toHaveLength(1);
        expect(membersWith(sim, 'HV2', 'receivedGB')).toHaveLength(1);
      }
    }
  });

  it('simultaneous 4, 6 and 12 give the same host peak once more than one migration runs', () => {
    // 12 VMs, Lacp + TransportPorts, src-dst-port. The first two connections (ports 49152, 49153)
    // already cover both members each way (see above), so any setting >= 2 reaches 2 x 10 Gbps; the
    // setting only changes how many share the links. With 1 at a time, one member each way: 10.
    const peaks = [4, 6, 12].map((simultaneous) => simulate({ vms: 12, simultaneous }).result.hosts.HV1.peakSendGbps);
    for (const peak of peaks) expect(peak).toBeCloseTo(20, 6);
    expect(simulate({ vms: 12, simultaneous: 1 }).result.hosts.HV1.peakSendGbps).toBeCloseTo(10, 6);
  });
});

describe('simulateScenario(scenario): bookkeeping', () => {
  it('conserves bytes: everything sent on send links is received on receive links, and equals the passes', () => {
    const sim = simulate({ vms: 6, simultaneous: 3, dirtyMBps: 200, setupJitterS: 0.5 });
    const sum = (key: 'sentGB' | 'receivedGB') =>
      Object.values(sim.result.hosts).reduce((s, h) => s + Object.values(h.members).reduce((t, m) => t + m[key], 0), 0);
    const passBytes = sim.timeline.flows.filter((f) => f.tag !== 'timer').reduce((s, f) => s + f.bytes, 0);
    expect(sum('sentGB')).toBeCloseTo(sum('receivedGB'), 9);
    expect(sum('sentGB')).toBeCloseTo(passBytes / 1e9, 9);
    // At least each VM's memory went over once.
    expect(sum('sentGB')).toBeGreaterThan((6 * 8 * GiB) / 1e9);
  });

  it('is deterministic: the same scenario and seed give the same result', () => {
    const a = simulate({ vms: 5, simultaneous: 2, setupJitterS: 2, seed: 42 });
    const b = simulate({ vms: 5, simultaneous: 2, setupJitterS: 2, seed: 42 });
    expect(a).toEqual(b);
  });

  it('queues by the simultaneous limit: never more than N migrations with bytes in flight per host (from the timeline)', () => {
    const sim = simulate({ vms: 9, simultaneous: 3, dirtyMBps: 100, setupJitterS: 1, memoryGiB: 2 });
    const flows = sim.timeline.flows.filter((f) => f.tag !== 'timer');
    const spans = sim.result.migrations.map((m) => {
      const mine = flows.filter((f) => f.tag === m.vm);
      return { from: Math.min(...mine.map((f) => f.startS)), to: Math.max(...mine.map((f) => f.endS)) };
    });
    let most = 0;
    for (const probe of spans) most = Math.max(most, spans.filter((s) => s.from <= probe.from && probe.from < s.to).length);
    expect(most).toBe(3);
    // The result's own intervals agree: a queued VM starts no earlier than the earliest end before it.
    const byStart = [...sim.result.migrations].sort((x, y) => x.startS - y.startS);
    for (let k = 3; k < byStart.length; k++) {
      const endsBefore = byStart.slice(0, k).filter((m) => m.endS <= byStart[k].startS + TOL).length;
      expect(endsBefore).toBeGreaterThanOrEqual(k - 2);
    }
  });

  it('matches the closed-form downtime when one migration runs alone at a constant rate', () => {
    // 8 GiB, 200 MB/s, B = 1.25e9 bytes/s: λ = 0.16, n = ceil(ln(30e6 / 8 GiB) / ln 0.16) = 4,
    // downtime = M λ^4 / B + 0.05 s = 5.63 ms + 50 ms.
    const sim = simulate({ vms: 1, dirtyMBps: 200 });
    const M = 8 * GiB;
    const lambda = 200e6 / 1.25e9;
    const n = Math.min(5, Math.ceil(Math.log(30e6 / M) / Math.log(lambda)));
    expect(n).toBe(4);
    expect(sim.result.migrations[0].downtimeMs).toBeCloseTo(((M * lambda ** n) / 1.25e9 + 0.05) * 1000, 6);
  });

  it('hands out source ports in the order migrations start, from the host next ephemeral port, wrapping at 65535', () => {
    // simultaneous 1 and VM1 requested last: VM2 and VM3 (time 0) start first and get 65535 and
    // then 49152 (wrap); VM1 (requested at 0.5 s) starts third and gets 49153.
    const input = lab({ vms: 3, simultaneous: 1 });
    input.hosts[0].nextEphemeralPort = 65535;
    input.migrations[0].startS = 0.5;
    const sim = simulateScenario(validateScenario(input));
    expect(sim.result.migrations.map((m) => m.connections[0].sourcePort)).toEqual([49153, 65535, 49152]);
    expect(sim.result.migrations[0].startS).toBeGreaterThan(sim.result.migrations[2].startS);
  });

  it('lists every member link, and reports every host and member by name', () => {
    const sim = simulate({ vms: 1 });
    expect(sim.links.map((l) => l.id)).toEqual([
      'HV1/NIC1/send', 'HV1/NIC1/receive', 'HV1/NIC2/send', 'HV1/NIC2/receive',
      'HV2/NIC1/send', 'HV2/NIC1/receive', 'HV2/NIC2/send', 'HV2/NIC2/receive',
    ]);
    expect(sim.links[1]).toEqual({ id: 'HV1/NIC1/receive', host: 'HV1', member: 'NIC1', direction: 'receive', gbps: 10 });
    expect(Object.keys(sim.result.hosts)).toEqual(['HV1', 'HV2']);
    expect(Object.keys(sim.result.hosts.HV2.members)).toEqual(['NIC1', 'NIC2']);
    expect(JSON.parse(JSON.stringify(sim.result))).toEqual(sim.result);
  });

  it('routes around a failed member and never uses the standby while all active members are up', () => {
    // HV1: NIC1 down, so HyperVPort pins port 0 to NIC2. HV2: NIC2 standby, so SI + HyperVPort receives on NIC1.
    const input = lab({ teamingMode: 'SwitchIndependent', loadBalancingAlgorithm: 'HyperVPort', vms: 2 });
    input.hosts[0].team!.members[0].up = false;
    input.hosts[1].team!.members[1].standby = true;
    const sim = simulateScenario(validateScenario(input));
    expect(membersWith(sim, 'HV1', 'sentGB')).toEqual(['NIC2']);
    expect(membersWith(sim, 'HV2', 'receivedGB')).toEqual(['NIC1']);
  });

  it('throws an InputError when a team has no member up', () => {
    const input = lab({ vms: 1 });
    for (const m of input.hosts[1].team!.members) m.up = false;
    expect(() => simulateScenario(validateScenario(input))).toThrow(/members/);
  });
});

describe("simulateScenario(scenario) with a team addressHash of 'mixed'", () => {
  it('sends each connection on the member the mixed stand-in hash picks, and every migration completes', () => {
    // Setup: the article lab, 8 VMs (simultaneous 8, ports 49152..49159), HV1's team with addressHash 'mixed'.
    // Expect each connection's send member to be (mixed hash) % 2, because sendMember uses the team's
    // stand-in hash; and every migration to move its memory, because the hash changes only which member.
    const input = lab({ vms: 8, simultaneous: 8 });
    input.hosts[0].team!.addressHash = 'mixed';
    const scenario = validateScenario(input);
    expect(scenario.hosts[0].team!.addressHash).toBe('mixed');
    expect(scenario.hosts[1].team!.addressHash).toBe('toeplitz-test-key');
    const sim = simulateScenario(scenario);
    const connections = sim.result.migrations.map((m) => m.connections[0]);
    for (const c of connections) {
      const hash = windowsAddressHash(
        { srcMac: '02:00:00:00:01:01', dstMac: '02:00:00:00:02:01', srcIp: '10.10.10.1', dstIp: '10.10.10.2', protocol: 'tcp', srcPort: c.sourcePort, dstPort: LIVE_MIGRATION_PORT },
        'TransportPorts',
        { mixing: 'mixed', key: parseHexKey(scenario.hosts[0].team!.rssKey!) },
      );
      expect(c.sendMember).toBe(`NIC${(hash % 2) + 1}`);
    }
    for (const m of sim.result.migrations) expect(m.endS).toBeGreaterThan(m.startS);
    expect(sim.result.hosts.HV1.peakSendGbps).toBeGreaterThan(0);
    expect(sim.result.hosts.HV1.peakSendGbps).toBeLessThanOrEqual(20 + TOL);
  });

  it("rejects an unknown addressHash, naming the host's team field", () => {
    const input = lab({ vms: 1 });
    input.hosts[1].team!.addressHash = 'Mixed' as never; // the wrong case, as a hand-written file might have it
    expect(() => validateScenario(input)).toThrow(/^hosts\[1\]\.team\.addressHash: /);
  });
});
