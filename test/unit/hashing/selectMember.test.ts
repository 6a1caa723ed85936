import { describe, expect, it } from 'vitest';
import type { Connection } from '../../../lib/Connection';
import { smbFlow } from './referenceFlows';
import { HASH_POLICIES, RSS_INDIRECTION_TABLE_SIZE, isHashPolicy, selectMember } from '../../../lib/hashing';

// selectMember is the one entry point the teaming and routing code uses. Each family must map its
// hash to a member the way that family does; the expected members are worked from hashes that the
// family tests pin down.

/** Microsoft RSS vector 1, which also serves as a plain IPv4 TCP connection. */
const rssVector: Connection = {
  srcMac: '00:15:5d:00:00:0b',
  dstMac: '00:15:5d:00:00:16',
  srcIp: '66.9.149.187',
  dstIp: '161.142.100.80',
  protocol: 'tcp',
  srcPort: 2794,
  dstPort: 1766,
};


describe('selectMember(conn, { policy, members })', () => {
  it('maps toeplitz through a 128-entry round-robin indirection table, not hash % members', () => {
    // Hash 0x51ccc178: low 7 bits 0x78 = 120, and 120 % 7 = 1. A plain hash % 7 would give 2
    // (1372373368 = 7 * 196053338 + 2), so this tells the two mappings apart.
    expect(selectMember(rssVector, { policy: 'toeplitz', members: 7 })).toEqual({ hash: 0x51ccc178, member: 1 });
    expect(RSS_INDIRECTION_TABLE_SIZE).toBe(128);
  });

  it('uses hash % members for Linux policies', () => {
    // layer3+4 hash 0x5f5fdfbf; mod 3 = 1 (reference table).
    expect(selectMember(smbFlow, { policy: 'layer3+4', members: 3 })).toEqual({ hash: 0x5f5fdfbf, member: 1 });
  });

  it('passes kernel-variant options to Linux policies', () => {
    // Without the final >> 1 the layer3+4 value is 0xbebfbf7f, which is odd: member 1 of 2.
    expect(selectMember(smbFlow, { policy: 'layer3+4', members: 2, linux: { layer34ShiftsLowBit: false } })).toEqual({
      hash: 0xbebfbf7f,
      member: 1,
    });
  });

  it('returns the Cisco bucket as hash and its owner as member', () => {
    // src-dst-mac: 0x0b ^ 0x16 = 0x1d, low bits 5; 5 % 3 = 2.
    expect(selectMember(rssVector, { policy: 'src-dst-mac', members: 3 })).toEqual({ hash: 5, member: 2 });
  });

  it('uses the Windows stand-in with hash % members', () => {
    // IPAddresses = IPv4-only vector 0x323e8fc2, even: member 0 of 2.
    expect(selectMember(rssVector, { policy: 'IPAddresses', members: 2 })).toEqual({ hash: 0x323e8fc2, member: 0 });
    // TransportPorts = 0x51ccc178 % 7 = 2.
    expect(selectMember(rssVector, { policy: 'TransportPorts', members: 7 })).toEqual({ hash: 0x51ccc178, member: 2 });
  });

  it('sends everything on member 0 of a one-member team', () => {
    for (const policy of HASH_POLICIES) expect(selectMember(smbFlow, { policy, members: 1 }).member).toBe(0);
  });

  it('throws an InputError for a bad member count or policy', () => {
    expect(() => selectMember(smbFlow, { policy: 'layer2', members: 0 })).toThrow(/^members: /);
    expect(() => selectMember(smbFlow, { policy: 'layer2', members: 33 })).toThrow(/^members: /);
    expect(() => selectMember(smbFlow, { policy: 'layer2', members: 1.5 })).toThrow(/^members: /);
    expect(() => selectMember(smbFlow, { policy: 'src-ip', members: 9 })).toThrow(/^members: /);
    expect(() => selectMember(smbFlow, { policy: 'HyperVPort' as never, members: 2 })).toThrow(/^policy: /);
  });
});

describe('isHashPolicy(x) and HASH_POLICIES', () => {
  it('knows the 19 policies of the four families and nothing else', () => {
    // 6 Linux + toeplitz + 9 Cisco + 3 Windows = 19, all distinct.
    expect(HASH_POLICIES).toHaveLength(19);
    expect(new Set(HASH_POLICIES).size).toBe(19);
    expect(isHashPolicy('layer3+4')).toBe(true);
    expect(isHashPolicy('toeplitz')).toBe(true);
    expect(isHashPolicy('src-dst-ip')).toBe(true);
    expect(isHashPolicy('TransportPorts')).toBe(true);
    expect(isHashPolicy('Dynamic')).toBe(false);
    expect(isHashPolicy(3)).toBe(false);
  });
});
