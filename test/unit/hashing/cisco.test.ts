import { describe, expect, it } from 'vitest';
import type { Connection } from '../../../lib/Connection';
import { CISCO_LOAD_BALANCE, ciscoBucket, ciscoBucketMember, ciscoMember } from '../../../lib/hashing';

// The switch decides the receive side of a switch-dependent team. The model takes the low 3 bits
// of the chosen field (XOR of source and destination for src-dst-*), and shares the 8 buckets
// out in the ratios Cisco documents in tech note 12023.

const conn: Connection = {
  srcMac: '00:15:5d:00:00:0b', // last byte 11 = 0b01011, low bits 3
  dstMac: '00:15:5d:00:00:16', // last byte 22 = 0b10110, low bits 6
  srcIp: '10.0.0.9', // 9 = 0b01001, low bits 1
  dstIp: '10.0.0.30', // 30 = 0b11110, low bits 6
  protocol: 'tcp',
  srcPort: 49157, // 0xc005, low bits 5
  dstPort: 6600, // 0x19c8, low bits 0
};

describe('ciscoBucket(conn, policy)', () => {
  it('takes the low 3 bits of the chosen field (hand-worked)', () => {
    expect(ciscoBucket(conn, 'src-mac')).toBe(3);
    expect(ciscoBucket(conn, 'dst-mac')).toBe(6);
    expect(ciscoBucket(conn, 'src-dst-mac')).toBe(5); // 011 ^ 110 = 101
    expect(ciscoBucket(conn, 'src-ip')).toBe(1);
    expect(ciscoBucket(conn, 'dst-ip')).toBe(6);
    expect(ciscoBucket(conn, 'src-dst-ip')).toBe(7); // 001 ^ 110 = 111
    expect(ciscoBucket(conn, 'src-port')).toBe(5);
    expect(ciscoBucket(conn, 'dst-port')).toBe(0);
    expect(ciscoBucket(conn, 'src-dst-port')).toBe(5); // 101 ^ 000
  });

  it('uses the last byte of an IPv6 address', () => {
    // ...:67cf ends in 0xcf = 0b11001111, low bits 7; ::1 ends in 1.
    const v6 = { ...conn, srcIp: 'fe80::200:f8ff:fe21:67cf', dstIp: '::1' };
    expect(ciscoBucket(v6, 'src-ip')).toBe(7);
    expect(ciscoBucket(v6, 'src-dst-ip')).toBe(6);
  });

  it('gives the same src-dst bucket in both directions, because XOR is symmetric', () => {
    const reply = { ...conn, srcMac: conn.dstMac, dstMac: conn.srcMac, srcIp: conn.dstIp, dstIp: conn.srcIp, srcPort: conn.dstPort, dstPort: conn.srcPort };
    for (const policy of ['src-dst-mac', 'src-dst-ip', 'src-dst-port'] as const) {
      expect(ciscoBucket(reply, policy)).toBe(ciscoBucket(conn, policy));
    }
  });

  it('puts all traffic between two hosts in one bucket under src-dst-ip, whatever the ports', () => {
    expect(ciscoBucket({ ...conn, srcPort: 49158 }, 'src-dst-ip')).toBe(ciscoBucket(conn, 'src-dst-ip'));
  });

  it('throws an InputError for an unknown setting or bad field', () => {
    expect(() => ciscoBucket(conn, 'src-dst-vlan' as never)).toThrow(/^policy: /);
    expect(() => ciscoBucket({ ...conn, dstIp: 'x' }, 'dst-ip')).toThrow(/^dstIp: /);
  });

  it('lists nine settings', () => {
    expect(CISCO_LOAD_BALANCE).toEqual([
      'src-mac', 'dst-mac', 'src-dst-mac', 'src-ip', 'dst-ip', 'src-dst-ip', 'src-port', 'dst-port', 'src-dst-port',
    ]);
  });
});

describe('ciscoBucketMember(bucket, memberCount)', () => {
  // Tech note 12023's table, largest share first: 8 buckets shared among 1 to 8 members.
  const documented: Record<number, number[]> = {
    1: [8],
    2: [4, 4],
    3: [3, 3, 2],
    4: [2, 2, 2, 2],
    5: [2, 2, 2, 1, 1],
    6: [2, 2, 1, 1, 1, 1],
    7: [2, 1, 1, 1, 1, 1, 1],
    8: [1, 1, 1, 1, 1, 1, 1, 1],
  };
  it.each(Object.keys(documented).map(Number))('shares the 8 buckets among %i members in the documented ratio', (members) => {
    const owned = new Array<number>(members).fill(0);
    for (let bucket = 0; bucket < 8; bucket++) owned[ciscoBucketMember(bucket, members)] += 1;
    expect(owned.sort((a, b) => b - a)).toEqual(documented[members]);
  });

  it('throws an InputError outside 0..7 buckets or 1..8 members', () => {
    expect(() => ciscoBucketMember(8, 2)).toThrow(/^bucket: /);
    expect(() => ciscoBucketMember(0, 9)).toThrow(/^memberCount: /);
    expect(() => ciscoBucketMember(0, 0)).toThrow(/^memberCount: /);
  });
});

describe('ciscoMember(conn, policy, memberCount)', () => {
  it('is the bucket owner', () => {
    // src-dst-ip bucket 7: 7 % 3 = 1, 7 % 2 = 1, 7 % 4 = 3.
    expect(ciscoMember(conn, 'src-dst-ip', 3)).toBe(1);
    expect(ciscoMember(conn, 'src-dst-ip', 2)).toBe(1);
    expect(ciscoMember(conn, 'src-dst-ip', 4)).toBe(3);
  });
});
