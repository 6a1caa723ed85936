import { linuxXmitHash } from '../../../lib/hashing';
import { describe, expect, it } from 'vitest';
import { ciscoBucket } from '../../../lib/hashing';
import {
  BOND_MODES,
  bondCurrentMember,
  bondReceiveMember,
  bondSendMembers,
  validateBond,
} from '../../../lib/teaming';
import type { Bond, BondMode } from '../../../lib/teaming';
import { inputError } from './inputError';

// Linux bonding modes (bonding.rst, reference §2.1): which member(s) send a connection and which receives it.
// Hash expectations use the reference's layer3+4 check values for 10.0.0.1:sport -> 10.0.0.2:445 on x86
// (§2.3): sport 49152 -> mod 2 = 1, mod 3 = 1; 49153 -> mod 2 = 1, mod 3 = 2; 49154 -> mod 2 = 0, mod 3 = 2.

const conn = (srcPort: number) => ({
  srcMac: '02:00:00:00:01:01',
  dstMac: '02:00:00:00:02:01',
  srcIp: '10.0.0.1',
  dstIp: '10.0.0.2',
  protocol: 'tcp' as const,
  srcPort,
  dstPort: 445,
});

function bond(mode: BondMode, count = 2, extra: Partial<Bond> = {}, down: number[] = []): Bond {
  return validateBond({
    mode,
    xmitHashPolicy: 'layer3+4',
    members: Array.from({ length: count }, (_, i) => ({ name: `eth${i}`, gbps: 10, ...(down.includes(i) ? { up: false } : {}) })),
    ...extra,
  });
}

describe('validateBond(bond, field)', () => {
  it('fills the kernel defaults: xmit_hash_policy layer2, tlb_dynamic_lb on, members up with derived MACs', () => {
    const validated = validateBond({ mode: '802.3ad', members: [{ name: 'eth0', gbps: 10 }, { name: 'eth1', gbps: 10 }] }, 'bond', { hostIndex: 1 });
    expect(validated).toEqual({
      mode: '802.3ad',
      xmitHashPolicy: 'layer2',
      tlbDynamicLb: true,
      members: [
        { name: 'eth0', gbps: 10, up: true, mac: '02:00:00:00:02:01' },
        { name: 'eth1', gbps: 10, up: true, mac: '02:00:00:00:02:02' },
      ],
    });
  });

  it('names the field of each mistake', () => {
    const ok = { mode: 'balance-rr', members: [{ name: 'eth0', gbps: 10 }, { name: 'eth1', gbps: 10 }] };
    inputError(() => validateBond({ ...ok, mode: 'rr' }, 'hosts[1].bond'), 'hosts[1].bond.mode');
    inputError(() => validateBond({ ...ok, xmitHashPolicy: 'layer4' }), 'bond.xmitHashPolicy');
    inputError(() => validateBond({ ...ok, members: [] }), 'bond.members');
    inputError(() => validateBond({ ...ok, members: [{ name: 'eth0', gbps: 0 }] }), 'bond.members[0].gbps');
    inputError(() => validateBond({ ...ok, members: [{ name: 'eth0', gbps: 10, standby: true }] }), 'bond.members[0].standby');
    inputError(() => validateBond({ ...ok, members: [{ name: 'eth0', gbps: 10 }, { name: 'eth0', gbps: 10 }] }), 'bond.members[1].name');
    inputError(() => validateBond({ ...ok, primary: 'eth7' }), 'bond.primary');
    // The same MAC in two spellings is one MAC (validateTeam applies the same rule).
    const sameMac = [{ name: 'eth0', gbps: 10, mac: '00:15:5d:01:02:0a' }, { name: 'eth1', gbps: 10, mac: '00-15-5D-01-02-0A' }];
    inputError(() => validateBond({ ...ok, members: sameMac }), 'bond.members[1].mac');
    inputError(() => validateBond({ ...ok, members: [{ name: 'eth0', gbps: 10, mac: '00:15:5d' }] }), 'bond.members[0].mac');
    inputError(() => validateBond({ ...ok, tlbDynamicLb: 1 }), 'bond.tlbDynamicLb');
    inputError(() => validateBond({ ...ok, slaves: [] }), 'bond.slaves');
  });
});

describe('bondSendMembers(bond, conn, options)', () => {
  it('balance-rr sprays one connection over every member that is up, splitting its bytes', () => {
    expect(bondSendMembers(bond('balance-rr', 3), conn(49152))).toEqual({ members: [0, 1, 2], spread: 'split' });
    expect(bondSendMembers(bond('balance-rr', 3, {}, [1]), conn(49152))).toEqual({ members: [0, 2], spread: 'split' });
  });

  it('broadcast copies every frame to every member that is up', () => {
    expect(bondSendMembers(bond('broadcast', 2), conn(49152))).toEqual({ members: [0, 1], spread: 'copy' });
  });

  it.each(['balance-xor', '802.3ad'] as const)('%s picks up[hash %% n] with the layer3+4 hash', (mode) => {
    // Because of the check values above: 2 members -> 1, 1, 0; 3 members -> 1, 2, 2.
    expect([49152, 49153, 49154].map((p) => bondSendMembers(bond(mode, 2), conn(p)).members[0])).toEqual([1, 1, 0]);
    expect([49152, 49153, 49154].map((p) => bondSendMembers(bond(mode, 3), conn(p)).members[0])).toEqual([1, 2, 2]);
  });

  it('balance-xor re-maps connections modulo the members left when one fails', () => {
    // 3 members, eth0 down: up = [1, 2], n = 2; hash mod 2 = 1, 1, 0 -> members 2, 2, 1.
    expect([49152, 49153, 49154].map((p) => bondSendMembers(bond('balance-xor', 3, {}, [0]), conn(p)).members[0])).toEqual([2, 2, 1]);
  });

  it('active-backup sends on the current active member only', () => {
    expect(bondSendMembers(bond('active-backup', 2), conn(49152))).toEqual({ members: [0], spread: 'one' });
    expect(bondSendMembers(bond('active-backup', 2, {}, [0]), conn(49152))).toEqual({ members: [1], spread: 'one' });
    expect(bondSendMembers(bond('active-backup', 2), conn(49152), { currentMember: 1 }).members).toEqual([1]);
  });

  it('balance-alb keeps one destination on one member (peer k on up-member k mod n); tlb without dynamic lb hashes', () => {
    expect([49152, 49153, 49154].map((p) => bondSendMembers(bond('balance-alb', 2), conn(p)).members[0])).toEqual([0, 0, 0]);
    expect(bondSendMembers(bond('balance-alb', 2), conn(49152), { peerIndex: 3 }).members).toEqual([1]);
    expect([49152, 49153, 49154].map((p) => bondSendMembers(bond('balance-tlb', 2, { tlbDynamicLb: false }), conn(p)).members[0])).toEqual([1, 1, 0]);
  });

  it('balance-tlb (tlb_dynamic_lb=1) puts each connection in bucket bond_xmit_hash & 0xFF and gives a new bucket the least-loaded member', () => {
    // bond_alb.c, bond_xmit_tlb_slave_get: tlb_choose_channel(bond, hash_index & 0xFF, ...), and an
    // unassigned bucket goes to tlb_get_least_loaded_slave. With layer3+4 two connections between the
    // same two hosts differ in their source port, so they fall in different buckets and spread.
    const tlb = bond('balance-tlb', 2, { xmitHashPolicy: 'layer3+4' });
    const table = new Map<number, number>();
    const loads = [0, 0];
    const members = [49152, 49153].map((p) => {
      const sent = bondSendMembers(tlb, conn(p), { tlbTable: table, loads });
      expect(sent.tlbBucket).toBe(linuxXmitHash(conn(p), { policy: 'layer3+4' }) & 0xff);
      table.set(sent.tlbBucket!, sent.members[0]);
      loads[sent.members[0]] += 1;
      return sent.members[0];
    });
    expect(members).toEqual([0, 1]);
    // An assigned bucket keeps its member whatever the loads, until the table is cleared (a rebalance).
    expect(bondSendMembers(tlb, conn(49152), { tlbTable: table, loads: [5, 0] }).members).toEqual([0]);
    // With layer2 every connection to the one peer hashes the same: one bucket, one member.
    const l2 = bond('balance-tlb', 2, { xmitHashPolicy: 'layer2' });
    const buckets = new Set([49152, 49153, 49154].map((p) => bondSendMembers(l2, conn(p)).tlbBucket));
    expect(buckets.size).toBe(1);
  });

  it('refuses a currentMember that is not a member that is up, instead of sending on it', () => {
    // Because the kernel's active member is always one that is up: index 7 of a 2-member bond, a fraction,
    // or a member that is down used to come back as the member to send on.
    for (const currentMember of [7, 0.5, NaN]) {
      inputError(() => bondSendMembers(bond('active-backup', 2), conn(49152), { currentMember }), 'currentMember');
    }
    inputError(() => bondSendMembers(bond('active-backup', 2, {}, [0]), conn(49152), { currentMember: 0 }), 'currentMember');
  });

  it('refuses a bond with no member up and a bad peer index', () => {
    inputError(() => bondSendMembers(bond('balance-rr', 2, {}, [0, 1]), conn(49152)), 'bond.members');
    inputError(() => bondSendMembers(bond('balance-alb', 2), conn(49152), { peerIndex: -1 }), 'peerIndex');
  });
});

describe('bondReceiveMember(bond, conn, options)', () => {
  it('the switch decides for the bundled modes: bucket (src-dst-port) mod the members up', () => {
    for (const mode of ['balance-rr', 'balance-xor', 'broadcast', '802.3ad'] as const) {
      for (const port of [49152, 49153, 49154, 49155]) {
        const bucket = ciscoBucket(conn(port), 'src-dst-port');
        expect(bondReceiveMember(bond(mode, 2), conn(port), { switchLoadBalance: 'src-dst-port' })).toBe(bucket % 2);
      }
    }
  });

  it('active-backup and balance-tlb receive on the current active member; alb hands peers out round robin', () => {
    expect(bondReceiveMember(bond('active-backup', 2), conn(49152))).toBe(0);
    expect(bondReceiveMember(bond('balance-tlb', 3, {}, [0]), conn(49152))).toBe(1);
    expect([0, 1, 2, 3].map((peerIndex) => bondReceiveMember(bond('balance-alb', 3), conn(49152), { peerIndex }))).toEqual([0, 1, 2, 0]);
  });

  it('balance-alb hands receive load only to the fastest members up', () => {
    const mixed = validateBond({ mode: 'balance-alb', members: [{ name: 'eth0', gbps: 1 }, { name: 'eth1', gbps: 10 }, { name: 'eth2', gbps: 10 }] });
    expect([0, 1, 2].map((peerIndex) => bondReceiveMember(mixed, conn(49152), { peerIndex }))).toEqual([1, 2, 1]);
  });

  it('refuses a currentMember that is not up for the modes that receive on it', () => {
    // Because balance-tlb receives on the active member only: a member that is down cannot be it.
    inputError(() => bondReceiveMember(bond('balance-tlb', 3, {}, [2]), conn(49152), { currentMember: 2 }), 'currentMember');
    expect(bondReceiveMember(bond('balance-tlb', 3, {}, [2]), conn(49152), { currentMember: 1 })).toBe(1);
  });

  it('covers every mode', () => {
    for (const mode of BOND_MODES) expect(() => bondReceiveMember(bond(mode, 2), conn(49152))).not.toThrow();
  });
});

describe('bondCurrentMember(bond, history)', () => {
  it('without primary, the active member keeps its role after the failed one comes back', () => {
    // eth0 active; eth0 fails -> eth1; eth0 returns -> still eth1 (no primary to go back to).
    expect(bondCurrentMember(bond('active-backup', 2), [[true, true], [false, true], [true, true]])).toBe(1);
  });

  it('with primary, the primary takes the role back as soon as it is up', () => {
    const withPrimary = bond('active-backup', 2, { primary: 'eth0' });
    expect(bondCurrentMember(withPrimary, [[true, true], [false, true]])).toBe(1);
    expect(bondCurrentMember(withPrimary, [[true, true], [false, true], [true, true]])).toBe(0);
  });

  it('reads the present states when no history is given, and refuses a moment with no member up', () => {
    expect(bondCurrentMember(bond('active-backup', 3, {}, [0]))).toBe(1);
    inputError(() => bondCurrentMember(bond('active-backup', 2), [[true, true], [false, false]]), 'bond.members');
    inputError(() => bondCurrentMember(bond('active-backup', 2), [[true]]), 'history[0]');
  });
});
