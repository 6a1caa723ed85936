import type { Connection } from '../Connection';
import { InputError } from '../InputError';
import { parseMac } from './addresses';
import { hashModulo } from './hashModulo';
import { MICROSOFT_RSS_KEY, rssHash, toeplitzHash } from './toeplitz';

/** The three Address Hash sub-modes of a Windows LBFO team (`LoadBalancingAlgorithm`). */
export type WindowsAddressHashAlgorithm = 'TransportPorts' | 'IPAddresses' | 'MacAddresses';

/** The Address Hash sub-modes, in the order the cmdlet documentation lists them. */
export const WINDOWS_ADDRESS_HASH_ALGORITHMS: readonly WindowsAddressHashAlgorithm[] = [
  'TransportPorts',
  'IPAddresses',
  'MacAddresses',
];

/**
 * Which stand-in hash `windowsAddressHash` computes. `toeplitz`: the RSS Toeplitz hash itself, which
 * is linear (XOR of key windows), so consecutive source ports reach only some members of a 4-member
 * team. `mixed`: the same Toeplitz value passed through a 32-bit avalanche finalizer, so nearby inputs
 * spread like a uniform hash. Both are stand-ins: the real LBFO hash is unpublished.
 */
export type WindowsHashMixing = 'toeplitz' | 'mixed';

/** Every `WindowsHashMixing`, the default (`toeplitz`) first. */
export const WINDOWS_HASH_MIXINGS: readonly WindowsHashMixing[] = ['toeplitz', 'mixed'];

/**
 * Which stand-in a team uses for the unpublished Windows Address Hash (a team's `addressHash`):
 *
 * - `toeplitz` (default): Toeplitz with the host's own random RSS key (`Team.rssKey`, drawn from the
 *   scenario seed by `hostRssKey`), as a real host has: which member a connection gets is a draw, and
 *   two connections share a member of a 2-member team half the time.
 * - `toeplitz-test-key`: Toeplitz with Microsoft's published test key (`MICROSOFT_RSS_KEY`), the same on
 *   every host. Linear and fixed, it makes consecutive source ports alternate between two members 95 %
 *   of the time: lesson 3 uses it on purpose to show what a linear hash does, and it is the key that
 *   happens to reproduce the article's two-VM observation.
 * - `mixed`: Toeplitz with the host's key, then MurmurHash3's fmix32 finalizer, so nearby inputs spread
 *   like a uniform hash (a second stand-in, to see how much a result depends on the first).
 */
export type WindowsAddressHashStandIn = 'toeplitz' | 'toeplitz-test-key' | 'mixed';

/** Every `WindowsAddressHashStandIn`, the default (`toeplitz`, with the host's random key) first. */
export const WINDOWS_ADDRESS_HASH_STAND_INS: readonly WindowsAddressHashStandIn[] = ['toeplitz', 'toeplitz-test-key', 'mixed'];

/** Options for `windowsAddressHash`. */
export interface WindowsAddressHashOptions {
  /** Toeplitz key. Default `MICROSOFT_RSS_KEY`. */
  key?: Uint8Array;
  /**
   * False when the team cannot see the ports (e.g. IPsec-protected traffic): TransportPorts then
   * falls back to the IP-address hash, as Microsoft documents. Default true.
   */
  portsVisible?: boolean;
  /**
   * `toeplitz` (default): return the Toeplitz value. `mixed`: pass it through a 32-bit avalanche
   * finalizer first (see `WindowsHashMixing`).
   */
  mixing?: WindowsHashMixing;
}

/**
 * A STAND-IN for the hash a Windows Server 2012 LBFO team uses under Address Hash. Microsoft
 * documents which fields each sub-mode uses but not the hash function or how a hash maps to a
 * member, so the model uses the RSS Toeplitz hash with the published Microsoft key over those
 * fields, in network byte order:
 *
 * - TransportPorts: source IP, destination IP, source port, destination port (the IP-address hash
 *   when `portsVisible` is false);
 * - IPAddresses: source IP, destination IP;
 * - MacAddresses: source MAC, destination MAC.
 *
 * Any hash that mixes these fields well spreads connections about as evenly, and the findings rest
 * only on that; which member a particular connection gets is the model's choice, not Windows'.
 * Toeplitz is linear, though: consecutive source ports alternate between two members and reach only
 * part of a 4-member team. With `mixing: 'mixed'` the Toeplitz value goes through an avalanche
 * finalizer, so consecutive ports spread over all members like a uniform hash.
 *
 * @throws InputError for an unknown algorithm or mixing, or bad addresses or ports.
 */
export function windowsAddressHash(
  conn: Connection,
  algorithm: WindowsAddressHashAlgorithm,
  options: WindowsAddressHashOptions = {},
): number {
  const { key = MICROSOFT_RSS_KEY, portsVisible = true, mixing = 'toeplitz' } = options;
  if (!WINDOWS_HASH_MIXINGS.includes(mixing)) {
    throw new InputError('mixing', mixing, `one of ${WINDOWS_HASH_MIXINGS.join(', ')}`);
  }
  const hash = toeplitzAddressHash(conn, algorithm, key, portsVisible);
  return mixing === 'mixed' ? avalanche32(hash) : hash;
}

function toeplitzAddressHash(
  conn: Connection,
  algorithm: WindowsAddressHashAlgorithm,
  key: Uint8Array,
  portsVisible: boolean,
): number {
  switch (algorithm) {
    case 'TransportPorts':
      return rssHash(conn, { key, includePorts: portsVisible });
    case 'IPAddresses':
      return rssHash(conn, { key, includePorts: false });
    case 'MacAddresses':
      return toeplitzHash(Uint8Array.from([...parseMac(conn.srcMac, 'srcMac'), ...parseMac(conn.dstMac, 'dstMac')]), key);
    default:
      throw new InputError('algorithm', algorithm, `one of ${WINDOWS_ADDRESS_HASH_ALGORITHMS.join(', ')}`);
  }
}

/** The finalizer (`fmix32`) of Austin Appleby's MurmurHash3: every input bit flips about half the output bits. Internal (also `mixSeed`'s). */
export function avalanche32(hash: number): number {
  let h = hash >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * The member (0-based) the stand-in sends on: `hash % memberCount` over the active members.
 *
 * @throws InputError unless hash is a 32-bit integer and memberCount a positive integer.
 */
export function windowsMember(hash: number, memberCount: number): number {
  return hashModulo(hash, memberCount);
}
