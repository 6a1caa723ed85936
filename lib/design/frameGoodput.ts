import { checkBoolean, checkNumber } from '../fieldChecks';
import { InputError } from '../InputError';

/**
 * Bytes an Ethernet frame occupies on the wire beyond its IP packet: preamble and start delimiter (8),
 * MAC header (14), frame check sequence (4) and the inter-frame gap (12). IEEE 802.3 fixes all four.
 */
export const ETHERNET_WIRE_OVERHEAD_BYTES = 38;

/** Bytes an 802.1Q VLAN tag adds to a frame. */
export const VLAN_TAG_BYTES = 4;

/** IPv4 header without options (20) plus TCP header without options (20). */
export const IPV4_TCP_HEADER_BYTES = 40;

/** TCP options a Windows or Linux data segment usually carries: the timestamps option, padded (12). */
export const TCP_TIMESTAMP_OPTION_BYTES = 12;

/** The standard Ethernet MTU (IP packet size), and the common jumbo setting of 9000. */
export const STANDARD_MTU = 1500;
export const JUMBO_MTU = 9000;

/** Options for `frameGoodput`. */
export interface FrameGoodputOptions {
  /** The IP MTU of the path: the largest IP packet, in bytes, 576 to 9216 (1500 standard, 9000 jumbo). */
  mtu: number;
  /** TCP option bytes in each data segment, 0 to 40. Default 12 (timestamps). */
  tcpOptionsBytes?: number;
  /** Whether frames carry an 802.1Q VLAN tag (4 more bytes on the wire). Default false. */
  vlanTagged?: boolean;
}

/** What one full-sized TCP segment carries and costs. */
export interface FrameGoodput {
  /** Payload bytes per segment (the TCP maximum segment size less options). */
  payloadBytes: number;
  /** Bytes the frame occupies on the wire, gaps included. */
  wireBytes: number;
  /** payloadBytes / wireBytes: the share of a link's bit rate that is TCP payload. */
  fraction: number;
}

/**
 * The goodput share of full-sized TCP segments at a given MTU: payload over wire bytes. At 1500 bytes a
 * segment carries 1448 payload bytes in 1538 wire bytes (94.1 %); at 9000, 8948 in 9038 (99.0 %). A
 * larger MTU also means fewer packets per second for the same rate, which is what a CPU-bound receiver
 * feels (see `liveMigrationReceiveGbps`).
 */
export function frameGoodput(options: FrameGoodputOptions): FrameGoodput {
  const mtu = checkNumber(options.mtu, 'mtu', { min: 576, max: 9216, integer: true });
  const tcpOptionsBytes = options.tcpOptionsBytes === undefined
    ? TCP_TIMESTAMP_OPTION_BYTES
    : checkNumber(options.tcpOptionsBytes, 'tcpOptionsBytes', { min: 0, max: 40, integer: true });
  const vlanTagged = options.vlanTagged === undefined ? false : checkBoolean(options.vlanTagged, 'vlanTagged');
  const payloadBytes = mtu - IPV4_TCP_HEADER_BYTES - tcpOptionsBytes;
  const wireBytes = mtu + ETHERNET_WIRE_OVERHEAD_BYTES + (vlanTagged ? VLAN_TAG_BYTES : 0);
  return { payloadBytes, wireBytes, fraction: payloadBytes / wireBytes };
}

/**
 * The MTU a path actually offers: the smallest MTU of its hops (host NICs, vSwitch, host vNIC, every
 * switch port). Jumbo frames help only when every hop is set to them; one hop left at 1500 sets the path
 * to 1500 (and, if path MTU discovery is blocked, large packets are dropped instead).
 * @throws InputError unless hopMtus is a non-empty array of MTUs from 576 to 9216.
 */
export function pathMtu(hopMtus: readonly number[]): number {
  if (!Array.isArray(hopMtus) || hopMtus.length === 0) throw new InputError('hopMtus', hopMtus, 'a non-empty array of MTUs');
  return Math.min(...hopMtus.map((mtu, i) => checkNumber(mtu, `hopMtus[${i}]`, { min: 576, max: 9216, integer: true })));
}
