import { checkNumber, checkOneOf } from '../fieldChecks';
import { frameGoodput } from './frameGoodput';

/**
 * How the target host's processors take in the live-migration traffic that arrives on its host vNIC.
 * - `vmq`: Windows Server 2012 and 2012 R2. A NIC bound to a Hyper-V switch uses its queues for VMQ, not
 *   RSS (Microsoft, "NIC Teaming", VMQ section: a NIC's queues serve RSS or VMQ, not both at once), and
 *   the host vNIC gets one queue, so one core handles everything it receives.
 * - `vrss`: Windows Server 2016 and later. Virtual RSS spreads a host vNIC's connections over several
 *   cores (Microsoft, "Virtual Receive Side Scaling (vRSS)"); each connection still stays on one core.
 * - `rdma`: SMB Direct. The adapter places the data in memory itself, so no core touches each packet.
 */
export type HostReceivePath = 'vmq' | 'vrss' | 'rdma';

/** The receive paths, oldest first. */
export const HOST_RECEIVE_PATHS: readonly HostReceivePath[] = ['vmq', 'vrss', 'rdma'];

/**
 * Full-sized packets one core can take in per second: the model's assumption, not a published figure.
 * 400,000 gives about 4.6 Gbps per core at a 1500-byte MTU, the order field reports give for one VMQ core
 * on 2012 R2 hosts; measure your own hosts (Performance Monitor, "Processor Information" per core while
 * one migration runs) and pass your figure instead.
 */
export const DEFAULT_PACKETS_PER_SECOND_PER_CORE = 400_000;

/** Options for `liveMigrationReceiveGbps`. */
export interface LiveMigrationReceiveOptions {
  /** Speed of the member the migration arrives on, Gbps, greater than 0 and at most 800. */
  linkGbps: number;
  /** IP MTU of the path, bytes (1500 standard, 9000 jumbo), 576 to 9216. */
  mtu: number;
  /** TCP connections the migration traffic uses: 1 for TCP or Compression, 4 per interface for SMB Multichannel; 1 to 64. */
  streams: number;
  /** How the target's processors receive (see `HostReceivePath`). */
  receivePath: HostReceivePath;
  /** Cores vRSS may spread the host vNIC's connections over (`vrss` only), 1 to 64. Default 4. */
  vrssCores?: number;
  /** Full-sized packets one core takes in per second, 10,000 to 10,000,000. Default `DEFAULT_PACKETS_PER_SECOND_PER_CORE`. */
  packetsPerSecondPerCore?: number;
}

/** What limits one host vNIC's live-migration receive rate, and to what. */
export interface LiveMigrationReceive {
  /** The link's goodput at this MTU, Gbps (its speed times the payload share of a full frame). */
  linkGoodputGbps: number;
  /** What one core can take in at this MTU, Gbps (Infinity for `rdma`). */
  perCoreGbps: number;
  /** Cores actually busy with the streams: 1 for `vmq`, min(streams, vrssCores) for `vrss`, 0 for `rdma`. */
  coresUsed: number;
  /** The processors' ceiling for all streams together, Gbps (Infinity for `rdma`). */
  cpuCeilingGbps: number;
  /** The receive rate: the smaller of the link's goodput and the processors' ceiling, Gbps. */
  gbps: number;
  /** Which of the two set the rate (`link` on a tie). */
  limitedBy: 'link' | 'cpu';
}

/**
 * The rate at which one host vNIC can receive live-migration traffic, given the link, the MTU, the
 * number of connections and how the host's processors receive them. Receive Side Scaling, where it is
 * on, places each connection on one core by its hash, so one connection is never faster than one core;
 * several connections can use several cores only where RSS or vRSS is on for that interface. On a 2012 R2
 * host the host vNIC has one VMQ and so one core, whatever the number of connections. A larger MTU
 * raises the per-core ceiling in proportion to the payload per packet.
 */
export function liveMigrationReceiveGbps(options: LiveMigrationReceiveOptions): LiveMigrationReceive {
  const linkGbps = checkNumber(options.linkGbps, 'linkGbps', { greaterThan: 0, max: 800 });
  const streams = checkNumber(options.streams, 'streams', { min: 1, max: 64, integer: true });
  const receivePath = checkOneOf(options.receivePath, 'receivePath', HOST_RECEIVE_PATHS);
  const vrssCores = options.vrssCores === undefined ? 4 : checkNumber(options.vrssCores, 'vrssCores', { min: 1, max: 64, integer: true });
  const pps = options.packetsPerSecondPerCore === undefined
    ? DEFAULT_PACKETS_PER_SECOND_PER_CORE
    : checkNumber(options.packetsPerSecondPerCore, 'packetsPerSecondPerCore', { min: 10_000, max: 10_000_000 });
  const frame = frameGoodput({ mtu: options.mtu });
  const linkGoodputGbps = linkGbps * frame.fraction;
  const perCoreGbps = receivePath === 'rdma' ? Infinity : (pps * frame.payloadBytes * 8) / 1e9;
  const coresUsed = receivePath === 'vmq' ? 1 : receivePath === 'vrss' ? Math.min(streams, vrssCores) : 0;
  const cpuCeilingGbps = receivePath === 'rdma' ? Infinity : coresUsed * perCoreGbps;
  const gbps = Math.min(linkGoodputGbps, cpuCeilingGbps);
  return { linkGoodputGbps, perCoreGbps, coresUsed, cpuCeilingGbps, gbps, limitedBy: cpuCeilingGbps < linkGoodputGbps ? 'cpu' : 'link' };
}
