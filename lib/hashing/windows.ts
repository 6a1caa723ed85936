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

/** Options for `windowsAddressHash`. */
export interface WindowsAddressHashOptions {
  /** Toeplitz key. Default `MICROSOFT_RSS_KEY`. */
  key?: Uint8Array;
  /**
   * False when the team cannot see the ports (e.g. IPsec-protected traffic): TransportPorts then
   * falls back to the IP-address hash, as Microsoft documents. Default true.
   */
  portsVisible?: boolean;
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
 *
 * @throws InputError for an unknown algorithm or bad addresses or ports.
 */
export function windowsAddressHash(
  conn: Connection,
  algorithm: WindowsAddressHashAlgorithm,
  options: WindowsAddressHashOptions = {},
): number {
  const { key = MICROSOFT_RSS_KEY, portsVisible = true } = options;
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

/**
 * The member (0-based) the stand-in sends on: `hash % memberCount` over the active members.
 *
 * @throws InputError unless hash is a 32-bit integer and memberCount a positive integer.
 */
export function windowsMember(hash: number, memberCount: number): number {
  return hashModulo(hash, memberCount);
}
