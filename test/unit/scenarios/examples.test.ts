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
