import { describe, expect, it } from 'vitest';
import { LOAD_BALANCING_ALGORITHMS, receiveMember, sendMember } from '../../../lib/teaming';
import { migrationConn, PORTS, team } from './fixtures';

const distinct = (values: number[]) => [...new Set(values)].sort();

// These teams are the RECEIVING host's team (HV2 in the connection HV1 -> HV2:6600).
describe('receiveMember(team, conn) in SwitchIndependent mode', () => {
  it.each(['TransportPorts', 'IPAddresses', 'MacAddresses'] as const)(
    '%s: every connection arrives on the primary member, whatever its ports',
    (algorithm) => {
      // Because peers resolve the team IP to the primary's MAC, the switch delivers everything there.
      const t = team('SwitchIndependent', algorithm);
      expect(distinct(PORTS.map((p) => receiveMember(t, migrationConn(p), { switchLoadBalance: 'src-dst-port' })))).toEqual([0]);
    },
  );

  it('TransportPorts with 2 members: different source ports reach both send members but always the primary on receive', () => {
    const t = team('SwitchIndependent', 'TransportPorts');
    expect(distinct(PORTS.map((p) => sendMember(t, migrationConn(p))))).toEqual([0, 1]);
    expect(distinct(PORTS.map((p) => receiveMember(t, migrationConn(p))))).toEqual([0]);
  });

  it('Address Hash: a failed primary moves all inbound to the next member', () => {
    const t = team('SwitchIndependent', 'TransportPorts', 3, { 0: { up: false } });
    expect(distinct(PORTS.map((p) => receiveMember(t, migrationConn(p))))).toEqual([1]);
  });

  it('HyperVPort: a port receives on the member it sends on', () => {
    const t = team('SwitchIndependent', 'HyperVPort');
    for (const vSwitchPortId of [0, 1, 2, 3]) {
      const expected = vSwitchPortId % 2;
      expect(sendMember(t, migrationConn(49152), { vSwitchPortId })).toBe(expected);
      expect(distinct(PORTS.map((p) => receiveMember(t, migrationConn(p), { vSwitchPortId })))).toEqual([expected]);
    }
  });

  it("Dynamic: a port receives on its affinitized member (port % active members), not on the flow's hash", () => {
    const t = team('SwitchIndependent', 'Dynamic');
    expect(distinct(PORTS.map((p) => receiveMember(t, migrationConn(p), { vSwitchPortId: 0 })))).toEqual([0]);
    expect(distinct(PORTS.map((p) => receiveMember(t, migrationConn(p), { vSwitchPortId: 1 })))).toEqual([1]);
  });

  // Affinitized inbound for Switch Independent + Dynamic is the model's inference (Microsoft documents none, and a
  // 2013 field report saw live migration arrive on several members), so `dynamicInbound: 'hashed'` is the other
  // reading: the connection's TransportPorts hash picks the member, as on the send side, whatever the port ID.
  it("Dynamic with dynamicInbound 'hashed': the flow's hash picks the member, so ports reach both and the port ID does not matter", () => {
    const t = { ...team('SwitchIndependent', 'Dynamic'), dynamicInbound: 'hashed' as const };
    const byPort0 = PORTS.map((p) => receiveMember(t, migrationConn(p), { vSwitchPortId: 0 }));
    expect(distinct(byPort0)).toEqual([0, 1]);
    expect(PORTS.map((p) => receiveMember(t, migrationConn(p), { vSwitchPortId: 1 }))).toEqual(byPort0);
  });
});

// Switch-dependent teams: the switch's LAG hash decides, for every algorithm the team itself uses.
// Hand calculation for the Catalyst-style hash: 6600 = 825 x 8, so with src-dst-port the bucket is
// (srcPort XOR 6600) & 7 = srcPort & 7, and with 2 members the member is bucket % 2 = srcPort % 2.
// With src-dst-ip the bucket is (1 XOR 2) & 7 = 3 (last bytes of 10.10.10.1 and 10.10.10.2), member 3 % 2 = 1.
describe.each(['Static', 'Lacp'] as const)('receiveMember(team, conn) in %s mode', (mode) => {
  it.each(LOAD_BALANCING_ALGORITHMS)('%s: src-dst-port sends even source ports to NIC1 and odd ones to NIC2', (algorithm) => {
    const t = team(mode, algorithm);
    for (const p of PORTS) {
      expect(receiveMember(t, migrationConn(p), { switchLoadBalance: 'src-dst-port', vSwitchPortId: 1 })).toBe(p % 2);
    }
  });

  it.each(LOAD_BALANCING_ALGORITHMS)('%s: src-dst-ip puts every connection between two hosts on one member (bucket 3 -> NIC2)', (algorithm) => {
    const t = team(mode, algorithm);
    expect(distinct(PORTS.map((p) => receiveMember(t, migrationConn(p), { switchLoadBalance: 'src-dst-ip' })))).toEqual([1]);
  });

  it('maps the 8 buckets onto the surviving members after a failure', () => {
    // 4 members, NIC2 down: active = [0, 2, 3]; port 49157 -> bucket 5 -> 5 % 3 = 2 -> active[2] = 3.
    const t = team(mode, 'TransportPorts', 4, { 1: { up: false } });
    expect(receiveMember(t, migrationConn(49157), { switchLoadBalance: 'src-dst-port' })).toBe(3);
    // Port 49153 -> bucket 1 -> active[1] = NIC3 (index 2), never the failed NIC2.
    expect(receiveMember(t, migrationConn(49153), { switchLoadBalance: 'src-dst-port' })).toBe(2);
  });
});
