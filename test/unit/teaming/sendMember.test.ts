import { describe, expect, it } from 'vitest';
import { windowsAddressHash } from '../../../lib/hashing';
import { sendMember, TEAMING_MODES, validateTeam } from '../../../lib/teaming';
import { migrationConn, PORTS, team } from './fixtures';

const distinct = (values: number[]) => [...new Set(values)].sort();

// The send side depends only on the algorithm: every expectation below is checked in all three
// teaming modes (SwitchIndependent, Static, Lacp), which makes the 3 x 5 outbound grid.
describe.each(TEAMING_MODES)('sendMember(team, conn) in %s mode', (mode) => {
  it('TransportPorts: different source ports reach both members of a 2-member team; one connection keeps one member', () => {
    // Setup: 16 live-migration connections HV1 -> HV2:6600 from ports 49152..49167.
    // Expect both members, because the 4-tuple hash changes with the source port; and the same
    // connection twice gets the same member, because the hash is a function of the 4-tuple.
    const t = team(mode, 'TransportPorts');
    const members = PORTS.map((p) => sendMember(t, migrationConn(p)));
    expect(distinct(members)).toEqual([0, 1]);
    expect(PORTS.map((p) => sendMember(t, migrationConn(p)))).toEqual(members);
    // The vSwitch port plays no part in Address Hash.
    expect(PORTS.map((p) => sendMember(t, migrationConn(p), { vSwitchPortId: 1 }))).toEqual(members);
  });

  it('TransportPorts: a connection whose ports hash apart from another lands apart (hash % 2 decides)', () => {
    const t = team(mode, 'TransportPorts');
    for (const p of PORTS) {
      const parity = windowsAddressHash(migrationConn(p), 'TransportPorts') % 2;
      expect(sendMember(t, migrationConn(p))).toBe(parity);
    }
  });

  it('IPAddresses: every connection between the same two hosts uses one member, whatever the ports', () => {
    // Because the IP hash ignores ports, all 16 connections hash the same.
    const t = team(mode, 'IPAddresses');
    expect(distinct(PORTS.map((p) => sendMember(t, migrationConn(p))))).toHaveLength(1);
    // Different destinations do spread: 16 target addresses reach both members.
    const targets = PORTS.map((_, i) => sendMember(t, migrationConn(49152, { dstIp: `10.10.10.${i + 2}` })));
    expect(distinct(targets)).toEqual([0, 1]);
  });

  it('MacAddresses: every connection between the same two MACs uses one member', () => {
    const t = team(mode, 'MacAddresses');
    expect(distinct(PORTS.map((p) => sendMember(t, migrationConn(p))))).toHaveLength(1);
    const peers = PORTS.map((_, i) => sendMember(t, migrationConn(49152, { dstMac: `02:00:00:00:0${(i >> 4) + 2}:${(i + 1).toString(16).padStart(2, '0')}` })));
    expect(distinct(peers)).toEqual([0, 1]);
  });

  it('HyperVPort: the vSwitch port decides (port % active members), never the connection', () => {
    // Because each vSwitch port is pinned to one member; the host vNIC that carries live migration
    // is one port, so all its migrations leave on one member.
    const t = team(mode, 'HyperVPort');
    expect(distinct(PORTS.map((p) => sendMember(t, migrationConn(p), { vSwitchPortId: 0 })))).toEqual([0]);
    expect(distinct(PORTS.map((p) => sendMember(t, migrationConn(p), { vSwitchPortId: 1 })))).toEqual([1]);
    expect(sendMember(t, migrationConn(49152), { vSwitchPortId: 2 })).toBe(0);
    // Default port 0.
    expect(sendMember(t, migrationConn(49153))).toBe(0);
  });

  it('HyperVPort: ports map onto the surviving members when one fails', () => {
    // 3 members, NIC2 down: active = [0, 2], so port 1 -> active[1] = 2.
    const t = team(mode, 'HyperVPort', 3, { 1: { up: false } });
    expect(sendMember(t, migrationConn(49152), { vSwitchPortId: 1 })).toBe(2);
  });

  it('Dynamic: sends like TransportPorts (the fluid model keeps the 4-tuple hash), spreading ports over both members', () => {
    const dynamic = team(mode, 'Dynamic');
    const transportPorts = team(mode, 'TransportPorts');
    const members = PORTS.map((p) => sendMember(dynamic, migrationConn(p), { vSwitchPortId: 1 }));
    expect(members).toEqual(PORTS.map((p) => sendMember(transportPorts, migrationConn(p))));
    expect(distinct(members)).toEqual([0, 1]);
  });
});

describe('sendMember(team, conn) with failures and standby', () => {
  it('never sends on the standby while the active members are up', () => {
    const t = team('SwitchIndependent', 'TransportPorts', 3, { 2: { standby: true } });
    expect(distinct(PORTS.map((p) => sendMember(t, migrationConn(p))))).toEqual([0, 1]);
  });

  it('sends on the standby in place of a failed active member', () => {
    const t = team('SwitchIndependent', 'TransportPorts', 3, { 0: { up: false }, 2: { standby: true } });
    expect(distinct(PORTS.map((p) => sendMember(t, migrationConn(p))))).toEqual([1, 2]);
  });

  it('throws an InputError when no member is up or the port ID is bad', () => {
    const down = team('Lacp', 'TransportPorts', 2, { 0: { up: false }, 1: { up: false } });
    expect(() => sendMember(down, migrationConn(49152))).toThrow(/at least one member that is up/);
    expect(() => sendMember(team('Lacp', 'HyperVPort'), migrationConn(49152), { vSwitchPortId: -1 })).toThrow(/vSwitchPortId/);
  });
});

describe("sendMember(team, conn) with addressHash 'mixed'", () => {
  // A 4-member TransportPorts team whose stand-in hash is the avalanche-mixed Toeplitz value.
  const fourMembers = (addressHash?: 'toeplitz' | 'mixed') =>
    validateTeam({
      teamingMode: 'Lacp',
      loadBalancingAlgorithm: 'TransportPorts',
      members: [1, 2, 3, 4].map((i) => ({ name: `NIC${i}`, gbps: 10 })),
      ...(addressHash === undefined ? {} : { addressHash }),
    });
  const ports = Array.from({ length: 1024 }, (_, i) => 49152 + i);

  it('spreads 1024 consecutive source ports over all 4 members about uniformly (chi-square bound)', () => {
    // Setup: HV1 -> HV2:6600 from ports 49152..50175. Expect every member used and the counts close to
    // 256 each, because a well-mixed hash behaves like a uniform draw: Pearson's statistic
    // sum((count - 256)^2 / 256) then follows chi-square with 3 degrees of freedom, which stays below
    // 16.27 with probability 0.999.
    const t = fourMembers('mixed');
    const counts = [0, 0, 0, 0];
    for (const p of ports) counts[sendMember(t, migrationConn(p))] += 1;
    expect(counts.every((count) => count > 0)).toBe(true);
    const expected = ports.length / 4;
    const chiSquare = counts.reduce((sum, count) => sum + (count - expected) ** 2 / expected, 0);
    expect(chiSquare).toBeLessThan(16.27);
  });

  it('picks members that differ from toeplitz for some ports, and toeplitz is what an absent field means', () => {
    // Because the finalizer changes the hash, hash % 4 changes for about 3 ports in 4.
    const mixed = ports.map((p) => sendMember(fourMembers('mixed'), migrationConn(p)));
    const toeplitz = ports.map((p) => sendMember(fourMembers('toeplitz'), migrationConn(p)));
    expect(mixed).not.toEqual(toeplitz);
    expect(ports.map((p) => sendMember(fourMembers(), migrationConn(p)))).toEqual(toeplitz);
    // Each member is still hash % n of the mixed hash, and Dynamic starts from the same hash.
    const dynamic = validateTeam({ ...fourMembers('mixed'), loadBalancingAlgorithm: 'Dynamic' });
    ports.slice(0, 32).forEach((p, i) => {
      expect(mixed[i]).toBe(windowsAddressHash(migrationConn(p), 'TransportPorts', { mixing: 'mixed' }) % 4);
      expect(sendMember(dynamic, migrationConn(p))).toBe(mixed[i]);
    });
  });
});
