import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Connection } from '../../../lib/Connection';
import { InputError } from '../../../lib/InputError';
import { MICROSOFT_RSS_KEY, parseHexKey, rssHash, toeplitzHash } from '../../../lib/hashing';

// The Toeplitz hash must match Microsoft's published verification vectors exactly, because the
// Windows stand-in and the toeplitz policy build on it. Microsoft's table lists the destination
// first; the hash input is source address, destination address, source port, destination port.

const PUBLISHED_KEY = `6d 5a 56 da 25 5b 0e c2 41 67 25 3d 43 a3 8f b0 d0 ca 2b cb
ae 7b 30 b4 77 cb 2d a3 80 30 f2 0c 6a 42 b7 3b be ac 01 fa`;

/** All 16 published values: 8 address pairs x (address-only, with ports).
 * [destination, destination port, source, source port, address-only hash, with-ports hash]. */
const VECTORS: Array<[string, number, string, number, number, number]> = [
  ['161.142.100.80', 1766, '66.9.149.187', 2794, 0x323e8fc2, 0x51ccc178],
  ['65.69.140.83', 4739, '199.92.111.2', 14230, 0xd718262a, 0xc626b0ea],
  ['12.22.207.184', 38024, '24.19.198.95', 12898, 0xd2d0a5de, 0x5c2b394a],
  ['209.142.163.6', 2217, '38.27.205.30', 48228, 0x82989176, 0xafc7327f],
  ['202.188.127.2', 1303, '153.39.163.191', 44251, 0x5d1809c5, 0x10e828a2],
  ['3ffe:2501:200:3::1', 1766, '3ffe:2501:200:1fff::7', 2794, 0x2cc18cd5, 0x40207d3d],
  ['ff02::1', 4739, '3ffe:501:8::260:97ff:fe40:efab', 14230, 0x0f0c461c, 0xdde51bbf],
  ['fe80::200:f8ff:fe21:67cf', 38024, '3ffe:1900:4545:3:200:f8ff:fe21:67cf', 44251, 0x4b61e985, 0x02d1feef],
];

function connection(dst: string, dstPort: number, src: string, srcPort: number): Connection {
  return { srcMac: '00:00:00:00:00:01', dstMac: '00:00:00:00:00:02', srcIp: src, dstIp: dst, protocol: 'tcp', srcPort, dstPort };
}

describe('rssHash(conn, { includePorts }) against the Microsoft verification vectors', () => {
  it.each(VECTORS)('%s:%i <- %s:%i', (dst, dstPort, src, srcPort, addressOnly, withPorts) => {
    const conn = connection(dst, dstPort, src, srcPort);
    expect(rssHash(conn, { includePorts: false })).toBe(addressOnly);
    expect(rssHash(conn)).toBe(withPorts);
    expect(rssHash(conn, { key: MICROSOFT_RSS_KEY, includePorts: true })).toBe(withPorts);
  });

  it('refuses mixed address families', () => {
    expect(() => rssHash(connection('::1', 1, '10.0.0.1', 2))).toThrow(/^dstIp: /);
  });
});

describe('toeplitzHash(input, key)', () => {
  it('XORs the 32-bit key window at each set input bit (hand-worked)', () => {
    // Bit 0 set: the first 32 key bits, 6d 5a 56 da.
    expect(toeplitzHash(Uint8Array.from([0x80]))).toBe(0x6d5a56da);
    // Bit 7 set: key bits 7..38 = 0x6d5a56da << 7 | 0x25 >> 1 = 0xad2b6d12.
    expect(toeplitzHash(Uint8Array.from([0x01]))).toBe(0xad2b6d12);
    // Both: 0x6d5a56da ^ 0xad2b6d12 = 0xc0713bc8.
    expect(toeplitzHash(Uint8Array.from([0x81]))).toBe(0xc0713bc8);
    expect(toeplitzHash(new Uint8Array(36))).toBe(0);
  });

  it('is linear: hash(a XOR b) = hash(a) XOR hash(b), because each bit adds its own key window', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 12, maxLength: 12 }), fc.uint8Array({ minLength: 12, maxLength: 12 }), (a, b) => {
        const x = a.map((byte, i) => byte ^ b[i]);
        expect(toeplitzHash(x)).toBe((toeplitzHash(a) ^ toeplitzHash(b)) >>> 0);
      }),
    );
  });

  it('needs a key at least 4 bytes longer than the input', () => {
    expect(() => toeplitzHash(new Uint8Array(37))).toThrow(InputError);
    expect(() => toeplitzHash(new Uint8Array(4), new Uint8Array(7))).toThrow(/^key: /);
    expect(toeplitzHash(Uint8Array.from([0x80, 0, 0, 0]), parseHexKey('01 02 03 04 05 06 07 08'))).toBe(0x01020304);
  });
});

describe('parseHexKey(hex, field)', () => {
  it('reads the key as Microsoft prints it', () => {
    expect([...parseHexKey(PUBLISHED_KEY)]).toEqual([...MICROSOFT_RSS_KEY]);
    expect(MICROSOFT_RSS_KEY).toHaveLength(40);
  });

  it('accepts colons and no separators', () => {
    expect([...parseHexKey('6d:5a:56:DA')]).toEqual([0x6d, 0x5a, 0x56, 0xda]);
    expect([...parseHexKey('6d5a56da')]).toEqual([0x6d, 0x5a, 0x56, 0xda]);
  });

  it.each(['', '6d 5', '6d zz', '0x6d'])('throws an InputError naming the field for %j', (text) => {
    expect(() => parseHexKey(text, 'rssKey')).toThrow(/^rssKey: /);
  });
});
