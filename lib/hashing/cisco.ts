import type { Connection } from '../Connection';
import { InputError } from '../InputError';
import { parseIp, parseMac, parsePort } from './addresses';

/** Cisco IOS `port-channel load-balance` settings. `src-dst-*` hashes source XOR destination. */
export type CiscoLoadBalance =
  | 'src-mac'
  | 'dst-mac'
  | 'src-dst-mac'
  | 'src-ip'
  | 'dst-ip'
  | 'src-dst-ip'
  | 'src-port'
  | 'dst-port'
  | 'src-dst-port';

/** Every `port-channel load-balance` setting the model knows. The port ones exist on many, not all, platforms. */
export const CISCO_LOAD_BALANCE: readonly CiscoLoadBalance[] = [
  'src-mac',
  'dst-mac',
  'src-dst-mac',
  'src-ip',
  'dst-ip',
  'src-dst-ip',
  'src-port',
  'dst-port',
  'src-dst-port',
];

/**
 * The EtherChannel hash bucket, 0 to 7, a Catalyst switch would give this connection's frames.
 *
 * Cisco's real hash is proprietary and differs by platform. This is the widely described form for
 * older Catalyst platforms: the low 3 bits of the chosen field (last MAC byte, last address byte,
 * or port number), with `src-dst-*` taking source XOR destination. That the result is one of 8
 * buckets shared out among the members is documented (Cisco tech note 12023); see
 * `ciscoBucketMember`.
 *
 * @throws InputError for an unknown setting or a bad address or port.
 */
export function ciscoBucket(conn: Connection, policy: CiscoLoadBalance): number {
  switch (policy) {
    case 'src-mac':
      return lastMacByte(conn.srcMac, 'srcMac') & 7;
    case 'dst-mac':
      return lastMacByte(conn.dstMac, 'dstMac') & 7;
    case 'src-dst-mac':
      return (lastMacByte(conn.srcMac, 'srcMac') ^ lastMacByte(conn.dstMac, 'dstMac')) & 7;
    case 'src-ip':
      return lastIpByte(conn.srcIp, 'srcIp') & 7;
    case 'dst-ip':
      return lastIpByte(conn.dstIp, 'dstIp') & 7;
    case 'src-dst-ip':
      return (lastIpByte(conn.srcIp, 'srcIp') ^ lastIpByte(conn.dstIp, 'dstIp')) & 7;
    case 'src-port':
      return parsePort(conn.srcPort, 'srcPort') & 7;
    case 'dst-port':
      return parsePort(conn.dstPort, 'dstPort') & 7;
    case 'src-dst-port':
      return (parsePort(conn.srcPort, 'srcPort') ^ parsePort(conn.dstPort, 'dstPort')) & 7;
    default:
      throw new InputError('policy', policy, `one of ${CISCO_LOAD_BALANCE.join(', ')}`);
  }
}

/**
 * The member (0-based) that owns a bucket: `bucket % memberCount`. This hands out the 8 buckets
 * in the ratios Cisco documents (tech note 12023): 2 members 4:4, 3 members 3:3:2, 4 members
 * 2:2:2:2, 5 members 2:2:2:1:1, 6 members 2:2:1:1:1:1, 7 members 2:1:1:1:1:1:1, 8 members one each.
 * Which member gets which buckets is not published; this choice only fixes the ratios.
 *
 * @throws InputError for a bucket outside 0..7 or a member count outside 1..8.
 */
export function ciscoBucketMember(bucket: number, memberCount: number): number {
  if (!Number.isInteger(bucket) || bucket < 0 || bucket > 7) {
    throw new InputError('bucket', bucket, 'an integer from 0 to 7');
  }
  if (!Number.isInteger(memberCount) || memberCount < 1 || memberCount > 8) {
    throw new InputError('memberCount', memberCount, 'an integer from 1 to 8 (an EtherChannel bundles at most 8 active links)');
  }
  return bucket % memberCount;
}

/**
 * The member (0-based) a Catalyst switch would send this connection's frames on:
 * `ciscoBucketMember(ciscoBucket(conn, policy), memberCount)`.
 */
export function ciscoMember(conn: Connection, policy: CiscoLoadBalance, memberCount: number): number {
  return ciscoBucketMember(ciscoBucket(conn, policy), memberCount);
}

function lastMacByte(text: string, field: string): number {
  return parseMac(text, field)[5];
}

function lastIpByte(text: string, field: string): number {
  const bytes = parseIp(text, field);
  return bytes[bytes.length - 1];
}
