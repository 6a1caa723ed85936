import { describe, expect, it } from 'vitest';
import type { Connection } from '../../../lib/Connection';
import { InputError } from '../../../lib/InputError';
import {
  hostRdmaGbps,
  LIVE_MIGRATION_TRANSPORTS,
  RDMA_MEMBER,
  SMB_PORT,
  simulateScenario,
  transportPlan,
  validateScenario,
} from '../../../lib/scenario';
import type { LiveMigrationInput, ScenarioInput, ScenarioSimulation } from '../../../lib/scenario';
import { receiveMember, sendMember, teamMac } from '../../../lib/teaming';
import type { TeamingMode, LoadBalancingAlgorithm } from '../../../lib/teaming';

// The live-migration transports of Windows Server 2012 R2 in the scenario simulation. Setup everywhere:
// the article's lab, HV1 (10.10.10.1) and HV2 (10.10.10.2) with teams of two 10 Gbps members, the
// switch hashing src-dst-port; setup time 1 s and resume 0.05 s (the defaults).

const GiB = 2 ** 30;
const SETUP_S = 1;
const RESUME_S = 0.05;
/** Seconds to move `gib` GiB at `gbps` Gbps. */
const seconds = (gib: number, gbps: number) => (gib * GiB * 8) / (gbps * 1e9);

interface Lab {
  liveMigration?: LiveMigrationInput;
  vms?: number;
  memoryGiB?: number;
  dirtyMBps?: number;
  teamingMode?: TeamingMode;
  loadBalancingAlgorithm?: LoadBalancingAlgorithm;
  events?: ScenarioInput['events'];
}

function lab(options: Lab = {}): ScenarioInput {
  const { liveMigration = {}, vms = 1, memoryGiB = 8, dirtyMBps = 0, teamingMode = 'Lacp', loadBalancingAlgorithm = 'TransportPorts', events } = options;
  // Microsoft's test key on both hosts: fixed, hand-checkable member choices (a random host key is a draw).
  const team = () => ({ teamingMode, loadBalancingAlgorithm, addressHash: 'toeplitz-test-key' as const, members: [{ name: 'NIC1', gbps: 10 }, { name: 'NIC2', gbps: 10 }] });
  const input: ScenarioInput = {
    hosts: [
      { name: 'HV1', ip: '10.10.10.1', team: team() },
      { name: 'HV2', ip: '10.10.10.2', team: team() },
    ],
    switch: { loadBalance: 'src-dst-port' },
    liveMigration,
    migrations: Array.from({ length: vms }, (_, i) => ({ vm: `VM${i + 1}`, from: 'HV1', to: 'HV2', memoryGiB, dirtyMBps })),
  };
  if (events !== undefined) input.events = events;
  return input;
}

const simulate = (options: Lab = {}): ScenarioSimulation => simulateScenario(validateScenario(lab(options)));

/** GB a host moved in one direction over all its links (members, and RDMA when present). */
function hostGB(sim: ScenarioSimulation, host: string, key: 'sentGB' | 'receivedGB'): number {
  const h = sim.result.hosts[host];
  return Object.values(h.members).reduce((sum, m) => sum + m[key], 0) + (h.rdma?.[key] ?? 0);
}

/** GB of every migration flow the timeline moved (timer flows carry none). */
const flowGB = (sim: ScenarioSimulation) => sim.timeline.flows.reduce((sum, f) => sum + f.bytes, 0) / 1e9;

function inputError(action: () => unknown, field: string): InputError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).field).toBe(field);
    return error as InputError;
  }
  throw new Error(`expected an InputError on ${field}`);
}

describe('validateScenario(input) transport settings', () => {
  it('defaults to TCP with compression 2:1 at 10 Gbps of CPU, 4 SMB connections per interface and 32 per server, no SMB Direct', () => {
    // SMB's two: Microsoft's file-server tuning guide, ConnectionCountPerRssNetworkInterface and MaximumConnectionCountPerServer.
    // Because the article's hosts ran Windows Server 2012, whose only transport was TCP (Scenario.ts).
    expect(validateScenario(lab()).liveMigration).toMatchObject({
      transport: 'TCP',
      compressionRatio: 2,
      compressionGbps: 10,
      smbConnectionsPerInterface: 4,
      smbMaxConnectionsPerServer: 32,
      smbDirect: false,
      rdmaGbps: 'members',
    });
    expect(LIVE_MIGRATION_TRANSPORTS).toEqual(['TCP', 'Compression', 'SMB']);
  });

  it('rejects unknown transports and settings out of range, naming the field', () => {
    const cases: Array<[keyof LiveMigrationInput, unknown]> = [
      ['transport', 'TCPIP'],
      ['transport', 'smb'],
      ['compressionRatio', 0.5],
      ['compressionRatio', '2'],
      ['compressionGbps', 0],
      ['compressionGbps', -1],
      ['smbConnectionsPerInterface', 0],
      // Microsoft's valid ranges: 1 to 16 per RSS interface, 1 to 64 per server.
      ['smbConnectionsPerInterface', 17],
      ['smbConnectionsPerInterface', 2.5],
      ['smbMaxConnectionsPerServer', 0],
      ['smbMaxConnectionsPerServer', 65],
      ['smbMaxConnectionsPerServer', 1.5],
      ['smbDirect', 'yes'],
      ['rdmaGbps', 0],
      ['rdmaGbps', 'team'],
      ['rdmaGbps', null],
    ];
    for (const [key, value] of cases) {
      inputError(() => validateScenario(lab({ liveMigration: { transport: 'SMB', [key]: value } as LiveMigrationInput })), `liveMigration.${key}`);
    }
    const transport = inputError(() => validateScenario(lab({ liveMigration: { transport: 'TCPIP' as 'TCP' } })), 'liveMigration.transport');
    expect(transport.allowed).toBe('one of TCP, Compression, SMB');
  });

  it('refuses smbDirect without the SMB transport, since it would do nothing', () => {
    inputError(() => validateScenario(lab({ liveMigration: { smbDirect: true } })), 'liveMigration.smbDirect');
    inputError(() => validateScenario(lab({ liveMigration: { transport: 'Compression', smbDirect: true } })), 'liveMigration.smbDirect');
    expect(validateScenario(lab({ liveMigration: { transport: 'SMB', smbDirect: true } })).liveMigration.smbDirect).toBe(true);
  });

  it('transportPlan and hostRdmaGbps read the settings', () => {
    // Because SMB goes to port 445 with smbConnectionsPerInterface connections, TCP and Compression to 6600 with
    // one, and the `members` RDMA capacity is the sum of the member speeds (2 x 10).
    const plan = (liveMigration: LiveMigrationInput) => transportPlan(validateScenario(lab({ liveMigration })).liveMigration);
    expect(plan({})).toEqual({ connectionCount: 1, perHostPair: false, destinationPort: 6600, rdma: false, compression: {} });
    expect(plan({ connections: 'per-host-pair' })).toMatchObject({ connectionCount: 1, perHostPair: true });
    expect(plan({ transport: 'Compression' })).toEqual({ connectionCount: 1, perHostPair: false, destinationPort: 6600, rdma: false, compression: { compressionRatio: 2, compressionGbps: 10 } });
    // SMB: always per host pair; the per-server maximum caps the per-interface count.
    expect(plan({ transport: 'SMB', smbConnectionsPerInterface: 3 })).toMatchObject({ connectionCount: 3, perHostPair: true, destinationPort: SMB_PORT, rdma: false });
    expect(plan({ transport: 'SMB', smbConnectionsPerInterface: 8, smbMaxConnectionsPerServer: 2 })).toMatchObject({ connectionCount: 2 });
    const scenario = validateScenario(lab({ liveMigration: { transport: 'SMB', smbDirect: true } }));
    expect(hostRdmaGbps(scenario.liveMigration, scenario.hosts[0])).toBe(20);
    expect(hostRdmaGbps({ ...scenario.liveMigration, rdmaGbps: 56 }, scenario.hosts[0])).toBe(56);
  });
});

describe('simulateScenario(scenario) with the TCP and Compression transports', () => {
  it('TCP: one idle 8 GiB VM takes setup + 8 GiB at 10 Gbps + resume, on one member', () => {
    // Because one connection is one flow on one member: 1 + 6.8719 + 0.05 s.
    const sim = simulate();
    expect(sim.result.durationS).toBeCloseTo(SETUP_S + seconds(8, 10) + RESUME_S, 9);
    expect(sim.result.migrations[0].connections).toEqual([expect.objectContaining({ sourcePort: 49152 })]);
    expect(sim.result.migrations[0].connections[0].destinationPort).toBeUndefined();
  });

  it('Compression 2:1 with a CPU above link x ratio halves the copy: the link is the bottleneck', () => {
    // Because memory moves at min(10 x 2, 40) = 20 Gbps: 1 + 3.4360 + 0.05 s; the wire carries 4 GiB.
    const sim = simulate({ liveMigration: { transport: 'Compression', compressionRatio: 2, compressionGbps: 40 } });
    expect(sim.result.durationS).toBeCloseTo(SETUP_S + seconds(8, 20) + RESUME_S, 9);
    expect(hostGB(sim, 'HV1', 'sentGB')).toBeCloseTo((4 * GiB) / 1e9, 9);
    expect(sim.result.hosts.HV1.peakSendGbps).toBeCloseTo(10, 9);
  });

  it('Compression 2:1 with a CPU below the link is slower than TCP: the CPU is the bottleneck', () => {
    // Because memory moves at min(10 x 2, 8) = 8 Gbps: 1 + 8.5899 + 0.05 s, and the wire runs at 8 / 2 = 4 Gbps.
    const sim = simulate({ liveMigration: { transport: 'Compression', compressionRatio: 2, compressionGbps: 8 } });
    expect(sim.result.durationS).toBeCloseTo(SETUP_S + seconds(8, 8) + RESUME_S, 9);
    expect(sim.result.hosts.HV1.peakSendGbps).toBeCloseTo(4, 9);
  });

  it('Compression at the defaults (2:1, 10 Gbps of CPU) is as fast as TCP on a 10 Gbps member', () => {
    // Because min(10 x 2, 10) = 10 Gbps of memory, TCP's rate.
    const tcp = simulate({ dirtyMBps: 200 });
    const compressed = simulate({ dirtyMBps: 200, liveMigration: { transport: 'Compression' } });
    expect(compressed.result.durationS).toBeCloseTo(tcp.result.durationS, 9);
    expect(hostGB(compressed, 'HV1', 'sentGB') / hostGB(tcp, 'HV1', 'sentGB')).toBeCloseTo(0.5, 9);
  });
});

describe('simulateScenario(scenario) with the SMB transport', () => {
  it('SMB: one VM opens 4 connections to port 445 from 4 new ports, each routed by the hashes on its own', () => {
    // Claim: each SMB connection is hashed like any TCP connection. Expectations from the team and switch
    // functions themselves: Address Hash on HV1 picks the send member, the switch's src-dst-port the receive one.
    const scenario = validateScenario(lab({ liveMigration: { transport: 'SMB' } }));
    const sim = simulateScenario(scenario);
    const [hv1, hv2] = scenario.hosts;
    const connections = sim.result.migrations[0].connections;
    expect(connections.map((c) => c.sourcePort)).toEqual([49152, 49153, 49154, 49155]);
    for (const c of connections) {
      const conn: Connection = {
        srcMac: teamMac(hv1.team!),
        dstMac: teamMac(hv2.team!),
        srcIp: hv1.ip,
        dstIp: hv2.ip,
        protocol: 'tcp',
        srcPort: c.sourcePort,
        dstPort: SMB_PORT,
      };
      expect(c.destinationPort).toBe(445);
      expect(c.sendMember).toBe(hv1.team!.members[sendMember(hv1.team!, conn)].name);
      expect(c.receiveMember).toBe(hv2.team!.members[receiveMember(hv2.team!, conn, { switchLoadBalance: 'src-dst-port' })].name);
    }
  });

  it('SMB: with its 4 connections two per member each way, one idle 8 GiB VM moves at 20 Gbps', () => {
    // Precondition (from the hashes, checked above): each member of HV1 sends 2 connections and each member
    // of HV2 receives 2. Then every link carries 2 flows of 2 GiB each at 5 Gbps, so the copy ends when all
    // four pieces end: 1 + 8 GiB at 20 Gbps (3.4360) + 0.05 s, against TCP's 1 + 6.8719 + 0.05.
    const sim = simulate({ liveMigration: { transport: 'SMB' } });
    const connections = sim.result.migrations[0].connections;
    const count = (key: 'sendMember' | 'receiveMember', name: string) => connections.filter((c) => c[key] === name).length;
    expect([count('sendMember', 'NIC1'), count('sendMember', 'NIC2'), count('receiveMember', 'NIC1'), count('receiveMember', 'NIC2')]).toEqual([2, 2, 2, 2]);
    expect(sim.result.durationS).toBeCloseTo(SETUP_S + seconds(8, 20) + RESUME_S, 9);
    expect(sim.result.hosts.HV1.peakSendGbps).toBeCloseTo(20, 9);
    expect(sim.result.hosts.HV2.peakReceiveGbps).toBeCloseTo(20, 9);
    for (const m of Object.values(sim.result.hosts.HV1.members)) expect(m.sentGB).toBeCloseTo((4 * GiB) / 1e9, 9);
    // Every pass is four flows, one per connection: `VM1/round-0#0` .. `#3`.
    expect(sim.timeline.flows.filter((f) => f.id.startsWith('VM1/round-0#')).map((f) => f.bytes)).toEqual(Array(4).fill(2 * GiB));
  });

  it('SMB with one connection per interface is a single flow again, on one member', () => {
    const sim = simulate({ liveMigration: { transport: 'SMB', smbConnectionsPerInterface: 1 } });
    expect(sim.result.migrations[0].connections).toHaveLength(1);
    expect(sim.result.durationS).toBeCloseTo(SETUP_S + seconds(8, 10) + RESUME_S, 9);
  });

  it('SMB: two VMs to the same server share the same 4 connections (same ports), whatever `connections` says', () => {
    // SMB Multichannel's connections belong to the client-server pair (ConnectionCountPerRssNetworkInterface
    // and MaximumConnectionCountPerServer count per interface and per server), so the second migration to
    // HV2 reuses the first one's connections instead of opening four more.
    for (const connections of ['per-vm', 'per-host-pair'] as const) {
      const sim = simulate({ vms: 2, liveMigration: { transport: 'SMB', connections } });
      const ports = sim.result.migrations.map((m) => m.connections.map((c) => c.sourcePort));
      expect(ports, connections).toEqual([
        [49152, 49153, 49154, 49155],
        [49152, 49153, 49154, 49155],
      ]);
    }
  });

  it('SMB: a migration to another server opens that pair\'s own connections', () => {
    const input = lab({ vms: 2, liveMigration: { transport: 'SMB' } });
    input.hosts.push({ name: 'HV3', ip: '10.10.10.3', team: { ...input.hosts[1].team! } });
    input.migrations[1].to = 'HV3';
    const sim = simulateScenario(validateScenario(input));
    expect(sim.result.migrations.map((m) => m.connections.map((c) => c.sourcePort))).toEqual([
      [49152, 49153, 49154, 49155],
      [49156, 49157, 49158, 49159],
    ]);
  });

  it('SMB: migrations sharing a pair\'s connections share its members; two idle VMs take twice one VM\'s copy time', () => {
    // One VM alone moves at 20 Gbps (its 4 connections two per member each way); two at once share those
    // same 4 paths, so together they move 16 GiB at 20 Gbps: both end after setup + twice the copy time.
    const one = simulate({ liveMigration: { transport: 'SMB' } });
    const two = simulate({ vms: 2, liveMigration: { transport: 'SMB', simultaneous: 2 } });
    const copyS = one.result.durationS - SETUP_S - RESUME_S;
    expect(two.result.durationS).toBeCloseTo(SETUP_S + 2 * copyS + RESUME_S, 6);
  });

  it('SMB: the per-server maximum caps a pair\'s connections', () => {
    const sim = simulate({ liveMigration: { transport: 'SMB', smbConnectionsPerInterface: 8, smbMaxConnectionsPerServer: 3 } });
    expect(sim.result.migrations[0].connections).toHaveLength(3);
  });

  it('SMB Direct: the bytes bypass the team on RDMA links of rdmaGbps; the members carry nothing', () => {
    // Because RDMA NICs cannot be team members: one idle 8 GiB VM over 40 Gbps of RDMA takes 1 + 1.7180 + 0.05 s,
    // and with the default `members` (2 x 10 = 20 Gbps) 1 + 3.4360 + 0.05 s.
    const sim = simulate({ liveMigration: { transport: 'SMB', smbDirect: true, rdmaGbps: 40 } });
    expect(sim.result.durationS).toBeCloseTo(SETUP_S + seconds(8, 40) + RESUME_S, 9);
    expect(sim.result.migrations[0].connections.every((c) => c.sendMember === RDMA_MEMBER && c.receiveMember === RDMA_MEMBER)).toBe(true);
    for (const m of Object.values(sim.result.hosts.HV1.members)) expect(m.sentGB).toBe(0);
    expect(sim.result.hosts.HV1.rdma!.sentGB).toBeCloseTo((8 * GiB) / 1e9, 9);
    expect(sim.result.hosts.HV2.rdma!.receivedGB).toBeCloseTo((8 * GiB) / 1e9, 9);
    expect(sim.result.hosts.HV1.peakSendGbps).toBeCloseTo(40, 9);
    expect(sim.links.filter((l) => l.member === RDMA_MEMBER).map((l) => [l.id, l.gbps])).toEqual([
      ['HV1/RDMA/send', 40],
      ['HV1/RDMA/receive', 40],
      ['HV2/RDMA/send', 40],
      ['HV2/RDMA/receive', 40],
    ]);
    const byDefault = simulate({ liveMigration: { transport: 'SMB', smbDirect: true } });
    expect(byDefault.result.durationS).toBeCloseTo(SETUP_S + seconds(8, 20) + RESUME_S, 9);
    expect(simulate().result.hosts.HV1.rdma).toBeUndefined();
  });
});

describe('simulateScenario(scenario) conserves bytes under every transport', () => {
  const cases: Array<[string, Lab]> = [
    ['TCP', {}],
    ['Compression', { liveMigration: { transport: 'Compression' } }],
    ['SMB', { liveMigration: { transport: 'SMB' } }],
    ['SMB Direct', { liveMigration: { transport: 'SMB', smbDirect: true } }],
    ['SMB on a Dynamic team', { teamingMode: 'SwitchIndependent', loadBalancingAlgorithm: 'Dynamic', liveMigration: { transport: 'SMB' } }],
    ['SMB through a member failure', { liveMigration: { transport: 'SMB' }, events: [{ atS: 3, host: 'HV1', member: 'NIC2', state: 'failed' }] }],
  ];
  it.each(cases)('%s: what HV1 sends, HV2 receives, and the flows account for it all', (_, options) => {
    // Setup: 4 VMs of 4 GiB dirtying 100 MB/s, 2 at a time. Because bytes are neither created nor lost on
    // the way, HV1's sent GB equals HV2's received GB equals the bytes of all migration flows.
    const sim = simulate({ ...options, vms: 4, memoryGiB: 4, dirtyMBps: 100 });
    const sent = hostGB(sim, 'HV1', 'sentGB');
    expect(sent).toBeGreaterThan((4 * 4 * GiB) / 1e9 / 2 - 1e-9);
    expect(hostGB(sim, 'HV2', 'receivedGB')).toBeCloseTo(sent, 6);
    expect(flowGB(sim)).toBeCloseTo(sent, 6);
  });

  it('SMB through a member failure moves the failed member\'s connections to the member left', () => {
    // Because at 3 s NIC2 of HV1 goes down mid-copy: the connections on it continue on NIC1, and they show as reroutes.
    const sim = simulate({ vms: 1, liveMigration: { transport: 'SMB' }, events: [{ atS: 3, host: 'HV1', member: 'NIC2', state: 'failed' }] });
    const nic2 = sim.result.hosts.HV1.members.NIC2;
    expect(nic2.sentGB).toBeGreaterThan(0);
    expect(nic2.sentGB).toBeLessThan((4 * GiB) / 1e9);
    expect(sim.result.migrations[0].reroutes?.length).toBeGreaterThan(0);
    expect(hostGB(sim, 'HV2', 'receivedGB')).toBeCloseTo((8 * GiB) / 1e9, 6);
  });
});
