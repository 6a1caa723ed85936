import { describe, expect, it } from 'vitest';
import type { Connection } from '../../../lib/Connection';
import { WINDOWS_ADDRESS_HASH_ALGORITHMS, WINDOWS_HASH_MIXINGS, windowsAddressHash, windowsMember } from '../../../lib/hashing';

// The Windows Address Hash stand-in is the RSS Toeplitz hash over the fields each sub-mode uses.
// The checks tie it to Microsoft's first published RSS vector and to hand-computed key windows.

/** Microsoft RSS vector 1: 66.9.149.187:2794 -> 161.142.100.80:1766. */
const conn: Connection = {
  srcMac: '80:00:00:00:00:00',
  dstMac: '00:00:00:00:00:00',
  srcIp: '66.9.149.187',
  dstIp: '161.142.100.80',
  protocol: 'tcp',
  srcPort: 2794,
  dstPort: 1766,
};

describe('windowsAddressHash(conn, algorithm, options)', () => {
  it('TransportPorts hashes addresses and ports, so it equals the IPv4+TCP vector', () => {
    expect(windowsAddressHash(conn, 'TransportPorts')).toBe(0x51ccc178);
  });

  it('IPAddresses hashes the addresses only, so it equals the IPv4-only vector', () => {
    expect(windowsAddressHash(conn, 'IPAddresses')).toBe(0x323e8fc2);
    expect(windowsAddressHash({ ...conn, srcPort: 1, dstPort: 2 }, 'IPAddresses')).toBe(0x323e8fc2);
  });

  it('TransportPorts falls back to the IP-address hash when ports are not visible', () => {
    expect(windowsAddressHash(conn, 'TransportPorts', { portsVisible: false })).toBe(0x323e8fc2);
  });

  it('MacAddresses hashes source MAC then destination MAC (hand-worked key windows)', () => {
    // Only bit 0 set: key bytes 0..3 = 0x6d5a56da.
    expect(windowsAddressHash(conn, 'MacAddresses')).toBe(0x6d5a56da);
    // Only bit 48 (first bit of the destination MAC) set: key bytes 6..9 = 0e c2 41 67.
    const swapped = { ...conn, srcMac: '00:00:00:00:00:00', dstMac: '80:00:00:00:00:00' };
    expect(windowsAddressHash(swapped, 'MacAddresses')).toBe(0x0ec24167);
  });

  it('uses another key when given one', () => {
    const key = new Uint8Array(40);
    key[0] = 0xff;
    key[1] = 0xff;
    key[2] = 0xff;
    key[3] = 0xff;
    // Bit 0 of the source MAC picks key bits 0..31 = 0xffffffff.
    expect(windowsAddressHash(conn, 'MacAddresses', { key })).toBe(0xffffffff);
  });

  it('throws an InputError for an unknown algorithm', () => {
    expect(() => windowsAddressHash(conn, 'HyperVPort' as never)).toThrow(/^algorithm: /);
  });

  it('lists the three Address Hash sub-modes', () => {
    expect(WINDOWS_ADDRESS_HASH_ALGORITHMS).toEqual(['TransportPorts', 'IPAddresses', 'MacAddresses']);
  });
});

describe("windowsAddressHash(conn, algorithm, { mixing: 'mixed' })", () => {
  // `mixed` passes the Toeplitz value through MurmurHash3's 32-bit finalizer (fmix32). MurmurHash3_x86_32
  // of the empty input is fmix32(seed), so its published empty-input vectors check the finalizer:
  // seed 1 -> 0x514e28b7, seed 0xffffffff -> 0x81f16f39. A key whose bits 0..31 are the seed makes the
  // MacAddresses Toeplitz value equal to the seed (only bit 0 of the input is set), as in the key test above.
  const keyWithWindow = (window: number) => {
    const key = new Uint8Array(40);
    new DataView(key.buffer).setUint32(0, window);
    return key;
  };

  it('equals MurmurHash3 fmix32 of the Toeplitz value (published empty-input vectors)', () => {
    expect(windowsAddressHash(conn, 'MacAddresses', { key: keyWithWindow(1) })).toBe(1);
    expect(windowsAddressHash(conn, 'MacAddresses', { key: keyWithWindow(1), mixing: 'mixed' })).toBe(0x514e28b7);
    expect(windowsAddressHash(conn, 'MacAddresses', { key: keyWithWindow(0xffffffff), mixing: 'mixed' })).toBe(0x81f16f39);
    // fmix32(0) = 0: shifts, XORs and multiplications keep zero at zero.
    expect(windowsAddressHash(conn, 'MacAddresses', { key: keyWithWindow(0), mixing: 'mixed' })).toBe(0);
  });

  it('differs from toeplitz, which stays the default', () => {
    // Because fmix32 is a bijection that moves 0x51ccc178 (it fixes only a few values, such as 0).
    const mixed = windowsAddressHash(conn, 'TransportPorts', { mixing: 'mixed' });
    expect(mixed).not.toBe(0x51ccc178);
    expect(windowsAddressHash(conn, 'TransportPorts', { mixing: 'toeplitz' })).toBe(0x51ccc178);
    expect(windowsAddressHash(conn, 'TransportPorts')).toBe(0x51ccc178);
    expect(mixed).toBeGreaterThanOrEqual(0);
    expect(mixed).toBeLessThanOrEqual(0xffffffff);
  });

  it('breaks the linearity of Toeplitz: flipping the lowest port bit no longer XORs a fixed value', () => {
    // Toeplitz is linear over XOR: T(x ^ d) = T(x) ^ T(d), so for every even source port p,
    // T(p) ^ T(p + 1) is the same key window. An avalanche finalizer makes those differences vary.
    const differences = (mixing: 'toeplitz' | 'mixed') =>
      new Set(
        Array.from({ length: 64 }, (_, i) => {
          const p = 49152 + 2 * i;
          const at = (port: number) => windowsAddressHash({ ...conn, srcPort: port }, 'TransportPorts', { mixing });
          return (at(p) ^ at(p + 1)) >>> 0;
        }),
      ).size;
    expect(differences('toeplitz')).toBe(1);
    expect(differences('mixed')).toBeGreaterThan(32);
  });

  it('throws an InputError for an unknown mixing, listing both values', () => {
    expect(() => windowsAddressHash(conn, 'TransportPorts', { mixing: 'murmur' as never })).toThrow(/^mixing: .*toeplitz, mixed/);
    expect(WINDOWS_HASH_MIXINGS).toEqual(['toeplitz', 'mixed']);
  });
});

describe('windowsMember(hash, memberCount)', () => {
  it('is hash % memberCount', () => {
    // 0x51ccc178 = 1372373368 = 7 * 196053338 + 2.
    expect(windowsMember(0x51ccc178, 7)).toBe(2);
    expect(windowsMember(0x51ccc178, 2)).toBe(0);
    expect(() => windowsMember(1, 0)).toThrow(/^memberCount: /);
  });

  it('refuses a hash that is not a 32-bit integer instead of sending on member 0', () => {
    // Because (NaN >>> 0) is 0: without the check a missing hash silently chose the first member.
    expect(() => windowsMember(NaN, 2)).toThrow(/^hash: /);
    expect(() => windowsMember(-0x80000001, 2)).toThrow(/^hash: /);
  });
});
