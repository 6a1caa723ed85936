import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulateScenario, validateScenario } from '../../../lib/scenario';
import type { SimulationResult } from '../../../lib/scenario';

// Each example scenario in lib/scenarios/ is there to show one finding. These tests simulate it and check
// that the run shows what the file's description says. Rates are Gbps; every member is 10 Gbps.

function simulate(name: string): SimulationResult {
  const text = readFileSync(join(__dirname, '..', '..', '..', 'lib', 'scenarios', name), 'utf8');
  return simulateScenario(validateScenario(JSON.parse(text))).result;
}

/** Names of a host's members that sent (or received) any bytes. */
function membersUsed(result: SimulationResult, host: string, direction: 'sent' | 'received'): string[] {
  const key = direction === 'sent' ? 'sentGB' : 'receivedGB';
  return Object.entries(result.hosts[host].members)
    .filter(([, member]) => member[key] > 0)
    .map(([name]) => name);
}

const TOLERANCE = 6; // decimal places for toBeCloseTo on Gbps

describe('lib/scenarios examples show their findings', () => {
  it('one-vm-one-member.json: one migration uses one member each side (finding 1)', () => {
    const result = simulate('one-vm-one-member.json');
    expect(result.hosts.HV1.peakSendGbps).toBeCloseTo(10, TOLERANCE);
    expect(membersUsed(result, 'HV1', 'sent')).toHaveLength(1);
    expect(membersUsed(result, 'HV2', 'received')).toHaveLength(1);
  });

  it('many-destinations.json: connections to three hosts spread over both of the source members (finding 2)', () => {
    const result = simulate('many-destinations.json');
    expect(membersUsed(result, 'HV1', 'sent')).toEqual(['NIC1', 'NIC2']);
    expect(result.hosts.HV1.peakSendGbps).toBeCloseTo(20, TOLERANCE);
  });

  it.each(['hyperv-port-static.json', 'hyperv-port-lacp.json', 'hyperv-port-switch-independent.json'])(
    '%s: Hyper-V Port sends every migration on one member, capping the total at 10 Gbps (finding 3)',
    (name) => {
      const result = simulate(name);
      expect(result.hosts.HV1.peakSendGbps).toBeCloseTo(10, TOLERANCE);
      expect(membersUsed(result, 'HV1', 'sent')).toHaveLength(1);
    },
  );

  it.each(['static-address-hash.json', 'lacp-address-hash.json'])(
    '%s: switch-dependent Address Hash uses both members on both hosts (finding 4)',
    (name) => {
      const result = simulate(name);
      expect(result.hosts.HV1.peakSendGbps).toBeCloseTo(20, TOLERANCE);
      expect(result.hosts.HV2.peakReceiveGbps).toBeCloseTo(20, TOLERANCE);
    },
  );

  it('lacp-address-hash-per-host-pair.json: one shared connection stays on one member (finding 4, competing claim)', () => {
    const result = simulate('lacp-address-hash-per-host-pair.json');
    expect(result.hosts.HV1.peakSendGbps).toBeCloseTo(10, TOLERANCE);
    expect(membersUsed(result, 'HV1', 'sent')).toHaveLength(1);
    const ports = new Set(result.migrations.flatMap((migration) => migration.connections.map((route) => route.sourcePort)));
    expect(ports.size).toBe(1);
  });

  it('lacp-src-dst-ip.json: the switch hashes on the two host addresses only, so HV2 receives on one member (finding 4)', () => {
    const result = simulate('lacp-src-dst-ip.json');
    expect(membersUsed(result, 'HV1', 'sent')).toEqual(['NIC1', 'NIC2']);
    expect(membersUsed(result, 'HV2', 'received')).toHaveLength(1);
    expect(result.hosts.HV2.peakReceiveGbps).toBeCloseTo(10, TOLERANCE);
  });

  it('switch-independent-address-hash.json: the source sends on both members, the target receives on one (finding 5)', () => {
    const result = simulate('switch-independent-address-hash.json');
    expect(membersUsed(result, 'HV1', 'sent')).toEqual(['NIC1', 'NIC2']);
    expect(membersUsed(result, 'HV2', 'received')).toHaveLength(1);
  });

  it('small-vms-task-manager.json: both members carry migrations, never at the same moment (finding 6)', () => {
    const result = simulate('small-vms-task-manager.json');
    expect(membersUsed(result, 'HV1', 'sent')).toEqual(['NIC1', 'NIC2']);
    expect(result.hosts.HV1.peakSendGbps).toBeCloseTo(10, TOLERANCE);
  });

  it('large-vms-task-manager.json: two migrations overlap for seconds at 20 Gbps (finding 6)', () => {
    const result = simulate('large-vms-task-manager.json');
    expect(result.hosts.HV1.peakSendGbps).toBeCloseTo(20, TOLERANCE);
    const [first, second] = result.migrations;
    expect(Math.min(first.endS, second.endS) - Math.max(first.startS, second.startS)).toBeGreaterThan(5);
  });

  it('simultaneous-12.json: all twelve run at once over both members, never above 20 Gbps (finding 7)', () => {
    const result = simulate('simultaneous-12.json');
    expect(result.migrations.every((migration) => migration.startS === 0)).toBe(true);
    expect(membersUsed(result, 'HV1', 'sent')).toEqual(['NIC1', 'NIC2']);
    expect(result.hosts.HV1.peakSendGbps).toBeCloseTo(20, TOLERANCE);
  });
});

describe('lib/scenarios examples of the 2012 R2 transports (beyond the article)', () => {
  /** The same file with its transport settings replaced by plain TCP. */
  function simulateAsTcp(name: string): SimulationResult {
    const input = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'lib', 'scenarios', name), 'utf8'));
    input.liveMigration = { transport: 'TCP' };
    return simulateScenario(validateScenario(input)).result;
  }

  it('smb-multichannel.json: one VM over four SMB connections uses both members each way, where TCP uses one', () => {
    // Because the four connections come from ports 49152..49155, which Address Hash and src-dst-port spread
    // two per member (the connection list shows them), so the one VM moves at 2 x 10 Gbps.
    const result = simulate('smb-multichannel.json');
    const [vm] = result.migrations;
    expect(vm.connections.map((c) => c.sourcePort)).toEqual([49152, 49153, 49154, 49155]);
    expect(vm.connections.every((c) => c.destinationPort === 445)).toBe(true);
    expect(membersUsed(result, 'HV1', 'sent')).toEqual(['NIC1', 'NIC2']);
    expect(membersUsed(result, 'HV2', 'received')).toEqual(['NIC1', 'NIC2']);
    expect(result.hosts.HV1.peakSendGbps).toBeCloseTo(20, TOLERANCE);
    const tcp = simulateAsTcp('smb-multichannel.json');
    expect(membersUsed(tcp, 'HV1', 'sent')).toHaveLength(1);
    expect(result.durationS).toBeLessThan(tcp.durationS);
  });

  it('compression.json: the wire carries half the bytes at 5 Gbps per migration, and the drain lasts as long as over TCP', () => {
    // Because with ratio 2 and a CPU of 10 Gbps each migration moves memory at min(10 x 2, 10) = 10 Gbps, as TCP
    // does on its own 10 Gbps member, so every pass lasts as long and dirties as much; only the wire bytes halve.
    const result = simulate('compression.json');
    const tcp = simulateAsTcp('compression.json');
    const sent = (r: SimulationResult) => Object.values(r.hosts.HV1.members).reduce((sum, m) => sum + m.sentGB, 0);
    expect(result.durationS).toBeCloseTo(tcp.durationS, 9);
    expect(sent(result) / sent(tcp)).toBeCloseTo(0.5, 9);
    expect(result.hosts.HV1.peakSendGbps).toBeCloseTo(10, TOLERANCE);
    for (const member of Object.values(result.hosts.HV1.members)) expect(member.peakSendGbps).toBeCloseTo(5, TOLERANCE);
  });
});
