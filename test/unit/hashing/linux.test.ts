import { describe, expect, it } from 'vitest';
import type { Connection } from '../../../lib/Connection';
import { smbFlow } from './referenceFlows';
import { InputError } from '../../../lib/InputError';
import { LINUX_XMIT_HASH_POLICIES, linuxMember, linuxXmitHash } from '../../../lib/hashing';

// linuxXmitHash must reproduce bond_xmit_hash on x86 bit for bit, so that a bond in a notebook
// picks the member a real bond would. Expected values come from the 2022 commit message
// (49aefd131739) and from hand calculation, shown in the comments.

/** The example in commit 49aefd131739: smac ..:e3, dmac ..:a0, 192.168.122.30 -> 192.168.122.1. */
const commitExample: Connection = {
  srcMac: '52:54:00:00:00:e3',
  dstMac: '52:54:00:00:00:a0',
  srcIp: '192.168.122.30',
  dstIp: '192.168.122.1',
  protocol: 'tcp',
  srcPort: 40000,
  dstPort: 22,
};


describe('linuxXmitHash(conn, { policy: "layer2+3" })', () => {
  it('gives the 2022 commit values with the pre-5.15 raw EtherType (0x0008)', () => {
    // The commit used proto 0x8. Both MAC variants differ only in the lowest bit.
    expect(linuxXmitHash(commitExample, { policy: 'layer2+3', rawEtherType: true })).toBe(522133332);
    const a1 = { ...commitExample, dstMac: '52:54:00:00:00:a1' };
    expect(linuxXmitHash(a1, { policy: 'layer2+3', rawEtherType: true })).toBe(522133333);
  });

  it('collapses both commit flows to 261066666 on 2017-2022 kernels that also shifted layer2+3', () => {
    // Because 522133332 >> 1 = 522133333 >> 1 = 261066666: the bug the commit fixed.
    const options = { policy: 'layer2+3' as const, rawEtherType: true, layer23ShiftsLowBit: true };
    expect(linuxXmitHash(commitExample, options)).toBe(261066666);
    expect(linuxXmitHash({ ...commitExample, dstMac: '52:54:00:00:00:a1' }, options)).toBe(261066666);
  });

  it('gives the hand-worked current-kernel value (EtherType 0x0800)', () => {
    // eth  = 0xa0 ^ 0xe3 ^ 0x0800                  = 0x00000843
    // addr = 0x017aa8c0 ^ 0x1e7aa8c0               = 0x1f000000
    // h    = 0x00000843 ^ 0x1f000000               = 0x1f000843
    // h   ^= h >> 16 (0x00001f00)                   = 0x1f001743
    // h   ^= h >> 8  (0x001f0017)                   = 0x1f1f1754 = 522131284
    expect(linuxXmitHash(commitExample, { policy: 'layer2+3' })).toBe(0x1f1f1754);
    expect(0x1f1f1754).toBe(522131284);
  });

  it('folds IPv6 addresses by XOR of their four words (hand-worked)', () => {
    // ::1 -> last word 00 00 00 01 read as 0x01000000; ::2 -> 0x02000000; XOR 0x03000000.
    // eth = 0xa0 ^ 0xe3 ^ 0x86dd = 0x869e; h = 0x0300869e; ^ (h >> 16 = 0x0300) = 0x0300859e;
    // ^ (h >> 8 = 0x00030085) = 0x0303851b.
    const v6 = { ...commitExample, srcIp: '::1', dstIp: '::2' };
    expect(linuxXmitHash(v6, { policy: 'layer2+3' })).toBe(0x0303851b);
  });

  it('treats encap2+3 as the same formula, shift variant included', () => {
    expect(linuxXmitHash(commitExample, { policy: 'encap2+3' })).toBe(0x1f1f1754);
    expect(linuxXmitHash(commitExample, { policy: 'encap2+3', layer23ShiftsLowBit: true })).toBe(0x1f1f1754 >>> 1);
  });
});

describe('linuxXmitHash(conn, { policy: "layer3+4" })', () => {
  it('matches the reference table, with members by hash % count', () => {
    // Worked for 49152: ports word = c0 00 01 bd read as 0xbd0100c0; ^ 0x03000000 (the two
    // addresses) = 0xbe0100c0; ^ (>>16) = 0xbe01bec1; ^ (>>8) = 0xbebfbf7f; >> 1 = 0x5f5fdfbf.
    const rows: Array<[Connection, number, number, number]> = [
      [smbFlow, 0x5f5fdfbf, 1, 1],
      [{ ...smbFlow, srcPort: 49153 }, 0x5f5fdf3f, 1, 2],
      [{ ...smbFlow, srcPort: 49154 }, 0x5f5fdebe, 0, 2],
      [{ ...smbFlow, srcIp: '10.0.0.2', dstIp: '10.0.0.1', srcPort: 445, dstPort: 49152 }, 0x01e1bf3f, 1, 0],
    ];
    for (const [conn, hash, mod2, mod3] of rows) {
      const h = linuxXmitHash(conn, { policy: 'layer3+4' });
      expect(h).toBe(hash);
      expect(linuxMember(h, 2)).toBe(mod2);
      expect(linuxMember(h, 3)).toBe(mod3);
    }
  });

  it('keeps the lowest bit on pre-4.15 kernels (layer34ShiftsLowBit false)', () => {
    // Because the value before the final >> 1 is 0xbebfbf7f (worked above).
    expect(linuxXmitHash(smbFlow, { policy: 'layer3+4', layer34ShiftsLowBit: false })).toBe(0xbebfbf7f);
  });

  it('treats encap3+4 as the same formula', () => {
    expect(linuxXmitHash(smbFlow, { policy: 'encap3+4' })).toBe(0x5f5fdfbf);
  });

  it('is not direction-symmetric: the reply can use another member', () => {
    const reply = { ...smbFlow, srcIp: '10.0.0.2', dstIp: '10.0.0.1', srcPort: 445, dstPort: 49152 };
    expect(linuxMember(linuxXmitHash(smbFlow, { policy: 'layer3+4' }), 3)).not.toBe(
      linuxMember(linuxXmitHash(reply, { policy: 'layer3+4' }), 3),
    );
  });
});

describe('linuxXmitHash(conn, { policy: "layer2" })', () => {
  it('XORs the last MAC bytes with the EtherType (hand-worked)', () => {
    // 0xa0 ^ 0xe3 = 0x43; current: ^ 0x0800 = 0x0843; raw: ^ 0x0008 = 0x4b.
    expect(linuxXmitHash(commitExample, { policy: 'layer2' })).toBe(0x0843);
    expect(linuxXmitHash(commitExample, { policy: 'layer2', rawEtherType: true })).toBe(0x4b);
    // IPv6 frames carry 0x86dd: 0x43 ^ 0x86dd = 0x869e; raw 0xdd86 ^ 0x43 = 0xddc5.
    const v6 = { ...commitExample, srcIp: 'fe80::1', dstIp: 'fe80::2' };
    expect(linuxXmitHash(v6, { policy: 'layer2' })).toBe(0x869e);
    expect(linuxXmitHash(v6, { policy: 'layer2', rawEtherType: true })).toBe(0xddc5);
  });

  it('is never shifted, because layer2 returned before the shift in every kernel', () => {
    expect(linuxXmitHash(commitExample, { policy: 'layer2', layer23ShiftsLowBit: true })).toBe(0x0843);
  });

  it('ignores ports and IP addresses, so all traffic to one peer takes one member', () => {
    const other = { ...commitExample, srcIp: '192.168.1.5', dstIp: '192.168.1.6', srcPort: 1, dstPort: 2 };
    expect(linuxXmitHash(other, { policy: 'layer2' })).toBe(0x0843);
  });
});

describe('linuxXmitHash(conn, { policy: "vlan+srcmac" })', () => {
  it('XORs the VLAN ID with both halves of the source MAC (hand-worked)', () => {
    // 00:15:5d:01:02:03: vendor 0x00155d ^ device 0x010203 = 0x01175e; ^ VLAN 10 = 0x011754 = 71508.
    const conn = { ...smbFlow, srcMac: '00:15:5d:01:02:03' };
    expect(linuxXmitHash(conn, { policy: 'vlan+srcmac', vlanId: 10 })).toBe(71508);
    // Untagged (VLAN 0) leaves the MAC halves alone.
    expect(linuxXmitHash(conn, { policy: 'vlan+srcmac' })).toBe(0x01175e);
  });
});

describe('linuxMember(hash, memberCount) and input checks', () => {
  it('is hash % memberCount, using the unsigned value', () => {
    expect(linuxMember(0xffffffff, 2)).toBe(1); // 4294967295 is odd
    expect(linuxMember(10, 4)).toBe(2);
    expect(() => linuxMember(10, 0)).toThrow(/^memberCount: /);
  });

  it('reads a signed 32-bit hash as its unsigned bits, and refuses a hash that is not a 32-bit integer', () => {
    // Because JavaScript's ^ and | give signed values: -1 has the bits of 0xffffffff, which is odd.
    expect(linuxMember(-1, 2)).toBe(1);
    // Because NaN, a fraction or a value past 2^32 - 1 is no hash: it used to pick member 0 silently.
    for (const hash of [NaN, 1.5, 2 ** 32, Infinity]) expect(() => linuxMember(hash, 2)).toThrow(/^hash: /);
  });

  it('lists six policies', () => {
    expect(LINUX_XMIT_HASH_POLICIES).toEqual(['layer2', 'layer2+3', 'layer3+4', 'encap2+3', 'encap3+4', 'vlan+srcmac']);
  });

  it('throws an InputError naming the field for bad input', () => {
    expect(() => linuxXmitHash(smbFlow, { policy: 'layer5' as never })).toThrow(/^policy: /);
    expect(() => linuxXmitHash(smbFlow, { policy: 'vlan+srcmac', vlanId: 4096 })).toThrow(/^vlanId: /);
    expect(() => linuxXmitHash({ ...smbFlow, dstIp: '::1' }, { policy: 'layer2+3' })).toThrow(/^dstIp: /);
    expect(() => linuxXmitHash({ ...smbFlow, srcMac: 'x' }, { policy: 'layer2' })).toThrow(/^srcMac: /);
    expect(() => linuxXmitHash({ ...smbFlow, srcPort: 70000 }, { policy: 'layer3+4' })).toThrow(InputError);
  });
});
