import type { Connection } from '../Connection';
import { InputError } from '../InputError';
import { parseIp, parsePort } from './addresses';

/**
 * The 40-byte key Microsoft publishes for verifying an RSS hash implementation
 * ("Verifying the RSS Hash Calculation"). Real adapters use a random secret key; this one makes
 * results reproducible and checkable against the published vectors.
 */
export const MICROSOFT_RSS_KEY: Uint8Array = Uint8Array.from([
  0x6d, 0x5a, 0x56, 0xda, 0x25, 0x5b, 0x0e, 0xc2, 0x41, 0x67, 0x25, 0x3d, 0x43, 0xa3, 0x8f, 0xb0, 0xd0, 0xca, 0x2b, 0xcb,
  0xae, 0x7b, 0x30, 0xb4, 0x77, 0xcb, 0x2d, 0xa3, 0x80, 0x30, 0xf2, 0x0c, 0x6a, 0x42, 0xb7, 0x3b, 0xbe, 0xac, 0x01, 0xfa,
]);

/**
 * The Toeplitz hash used by Receive Side Scaling. Walking the input bits from the most significant
 * bit of the first byte, every 1-bit XORs into the result the 32 key bits that start at that bit's
 * position (the key window slides one bit per input bit).
 *
 * @param key Secret key; at least `input.length + 4` bytes so every window is defined. Default
 *   `MICROSOFT_RSS_KEY`.
 * @throws InputError when the key is too short.
 */
export function toeplitzHash(input: Uint8Array, key: Uint8Array = MICROSOFT_RSS_KEY): number {
  if (!(key instanceof Uint8Array) || key.length < input.length + 4) {
    throw new InputError('key', key instanceof Uint8Array ? `${key.length} bytes` : key, `a key of at least ${input.length + 4} bytes (input length + 4)`);
  }
  let result = 0;
  for (let bit = 0; bit < input.length * 8; bit++) {
    const byte = bit >> 3;
    if ((input[byte] & (0x80 >> (bit & 7))) === 0) continue;
    result ^= keyWindow(key, bit);
  }
  return result >>> 0;
}

/**
 * Parses a key written as hex bytes, with optional spaces, line breaks or colons between them
 * (`6d 5a 56 da ...` or `6d:5a:56:da...`).
 *
 * @param field Name of the field the text came from, used in the error. Default `key`.
 * @throws InputError for other characters, an odd number of hex digits, or an empty key.
 */
export function parseHexKey(hex: string, field = 'key'): Uint8Array {
  const digits = typeof hex === 'string' ? hex.replace(/[\s:]/g, '') : '';
  if (digits.length === 0 || digits.length % 2 !== 0 || !/^[0-9a-fA-F]+$/.test(digits)) {
    throw new InputError(field, hex, 'hex bytes, optionally separated by spaces or colons, e.g. "6d 5a 56 da"');
  }
  const bytes = new Uint8Array(digits.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(digits.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}

/** Options for `rssHash`. */
export interface RssHashOptions {
  /** Secret key. Default `MICROSOFT_RSS_KEY`. */
  key?: Uint8Array;
  /** True to hash the TCP/UDP ports after the addresses (the "IPv4+TCP" / "IPv6+TCP" hash types);
   * false for the addresses-only types. Default true. */
  includePorts?: boolean;
}

/**
 * The RSS hash of a connection: the Toeplitz hash over source address, destination address and,
 * by default, source port and destination port, each in network byte order (IPv4: 8 or 12 bytes;
 * IPv6: 32 or 36 bytes).
 *
 * @throws InputError for bad addresses or ports, mixed address families, or a short key.
 */
export function rssHash(conn: Connection, options: RssHashOptions = {}): number {
  const { key = MICROSOFT_RSS_KEY, includePorts = true } = options;
  const src = parseIp(conn.srcIp, 'srcIp');
  const dst = parseIp(conn.dstIp, 'dstIp');
  if (src.length !== dst.length) {
    throw new InputError('dstIp', conn.dstIp, `an address of the same family as srcIp (${conn.srcIp})`);
  }
  const input = new Uint8Array(src.length * 2 + (includePorts ? 4 : 0));
  input.set(src, 0);
  input.set(dst, src.length);
  if (includePorts) {
    const sport = parsePort(conn.srcPort, 'srcPort');
    const dport = parsePort(conn.dstPort, 'dstPort');
    input.set([sport >> 8, sport & 0xff, dport >> 8, dport & 0xff], src.length * 2);
  }
  return toeplitzHash(input, key);
}

/** The 32 key bits starting at bit `bit` (bit 0 = most significant bit of key[0]). */
function keyWindow(key: Uint8Array, bit: number): number {
  const byte = bit >> 3;
  const shift = bit & 7;
  const high = ((key[byte] << 24) | (key[byte + 1] << 16) | (key[byte + 2] << 8) | key[byte + 3]) >>> 0;
  if (shift === 0) return high;
  return ((high << shift) | (key[byte + 4] >> (8 - shift))) >>> 0;
}
