import { checkNumber } from '../fieldChecks';
import { mulberry32 } from '../packet/prng';
import { avalanche32 } from './windows';

/** Bytes in an RSS secret key: 40, enough for an IPv6 4-tuple (36 bytes) plus the 4-byte window. */
export const RSS_KEY_BYTES = 40;

/**
 * The RSS secret key of one host in one draw: 40 bytes drawn from the scenario seed and the host's
 * position, so every host has its own key, the same seed gives the same keys, and another seed gives
 * other keys.
 *
 * Why random: Windows fills each adapter's RSS key with random bytes when the stack starts
 * (NDIS `NDIS_RECEIVE_SCALE_PARAMETERS.HashSecretKey`, set by the protocol driver; the
 * "Verifying the RSS Hash Calculation" page publishes one fixed key only so that implementations can be
 * checked). The Address Hash stand-in (`windowsAddressHash`) is Toeplitz over the sub-mode's fields, so
 * a host's key decides which member each connection gets. With Microsoft's test key, two consecutive
 * source ports land on different members of a 2-member team 95 % of the time; with a random key, or a
 * uniform hash, it is half the time. Drawing the key per host keeps the model from choosing the one key
 * that happens to reproduce the article.
 *
 * The bytes come from the `mulberry32` generator seeded with a mix of the seed and the host index (not
 * cryptographic; only reproducibility matters here).
 *
 * @param seed the scenario's seed, an integer (any sign).
 * @param hostIndex the host's position in the scenario, an integer from 0.
 * @example hostRssKey(1, 0).length // => 40
 * @throws InputError unless seed is an integer and hostIndex a non-negative integer.
 */
export function hostRssKey(seed: number, hostIndex: number): Uint8Array {
  checkNumber(seed, 'seed', { integer: true });
  checkNumber(hostIndex, 'hostIndex', { integer: true, min: 0 });
  const random = mulberry32(mixSeed(seed, hostIndex));
  const key = new Uint8Array(RSS_KEY_BYTES);
  for (let i = 0; i < key.length; i++) key[i] = Math.floor(random() * 256);
  return key;
}

/** A key as hex bytes separated by spaces (`6d 5a 56 ...`), the form `parseHexKey` reads. */
export function formatHexKey(key: Uint8Array): string {
  return Array.from(key, (byte) => byte.toString(16).padStart(2, '0')).join(' ');
}

/**
 * One 32-bit seed from a scenario seed and a stream number (a host index, a draw index ...), so that
 * seeds 1 and 2 of host 0 and host 1 give unrelated streams. MurmurHash3's fmix32 over both words.
 * Internal to the library (hashing, ensembles); not in the barrel.
 */
export function mixSeed(seed: number, stream: number): number {
  let h = (Math.imul(seed | 0, 0x9e3779b1) ^ Math.imul((stream | 0) + 0x632be5ab, 0x85ebca6b)) >>> 0;
  // Seeds beyond 32 bits keep their high part.
  h ^= Math.floor(seed / 2 ** 32) | 0;
  return avalanche32(h);
}
