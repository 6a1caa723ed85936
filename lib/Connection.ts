/**
 * One TCP or UDP connection as a hash policy sees it: the 5-tuple plus the Ethernet addresses of the
 * frame. Addresses are text as people write them (`10.0.0.1`, `00:15:5d:01:02:03`); the hashing
 * functions parse them.
 */
export interface Connection {
  /** Source MAC address, six hex bytes separated by `:` or `-`. */
  srcMac: string;
  /** Destination MAC address, six hex bytes separated by `:` or `-`. */
  dstMac: string;
  /** Source IPv4 address (dotted quad) or IPv6 address. */
  srcIp: string;
  /** Destination IPv4 address (dotted quad) or IPv6 address. */
  dstIp: string;
  /** Transport protocol. */
  protocol: 'tcp' | 'udp';
  /** Source port, 0 to 65535. */
  srcPort: number;
  /** Destination port, 0 to 65535 (live migration listens on 6600). */
  dstPort: number;
}

/** TCP port Hyper-V live migration listens on. Microsoft's DCB guide names it: the `-LiveMigration` filter of
 * New-NetQosPolicy matches TCP port 6600 (https://learn.microsoft.com/windows-server/networking/technologies/dcb/dcb-manage). */
export const LIVE_MIGRATION_PORT = 6600;
