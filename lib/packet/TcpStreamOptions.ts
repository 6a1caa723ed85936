import { InputError } from '../InputError';

/** One member (a NIC and its link) that packets of the stream may cross. */
export interface PacketMember {
  /** Link rate in Gbps (10^9 bit/s); the member serializes one packet in packetBytes·8 / gbps ns. Required. */
  gbps: number;
  /**
   * Extra one-way delay of this member in microseconds, added to `baseDelayUs`: the spread in propagation,
   * switch queueing and receive interrupt timing between members. Default 0.
   */
  extraDelayUs?: number;
}

/**
 * How the sender picks a member for each packet. `perFlow`: every packet of the connection on member 0, as a
 * NIC team or a hashing bond does. `roundRobin`: members in turn, `packetsPerMember` packets each, as Linux
 * bonding `balance-rr` does with `packets_per_slave`.
 */
export type PacketScheduling = 'perFlow' | 'roundRobin';

/**
 * How the sender decides a segment is lost before the retransmission timer fires. `dupack`: the classic
 * duplicate-ACK count (Reno/NewReno, RFC 5681/6582). `rack`: time-based RACK (RFC 8985) on selective ACKs.
 */
export type LossDetection = 'dupack' | 'rack';

/** Options of `simulateTcpStream`. Give exactly one of `bytes` and `durationS`. */
export interface TcpStreamOptions {
  /** The members the stream may use, at least one. Required. */
  members: PacketMember[];
  /** Member choice per packet. Default `perFlow`. */
  scheduling?: PacketScheduling;
  /** With `roundRobin`: packets sent on one member before moving to the next (bonding `packets_per_slave`). Default 1. */
  packetsPerMember?: number;
  /** Application bytes to move; the run ends when the receiver has delivered them all. */
  bytes?: number;
  /** Length of the run in simulated seconds, as an alternative to `bytes`. */
  durationS?: number;
  /** With `durationS`: seconds at the start left out of the goodput (slow start). Default 0. */
  warmupS?: number;
  /** Bytes a full-size packet occupies on the link (IP MTU; Ethernet framing is left out). Default 1500. */
  packetBytes?: number;
  /** Application bytes each full-size segment carries (MSS with TCP timestamps). Default 1448. */
  payloadBytes?: number;
  /** One-way delay in microseconds from the end of serialization to arrival, common to all members. Default 50. */
  baseDelayUs?: number;
  /** One-way delay of ACKs back to the sender in microseconds; ACKs never queue. Default `baseDelayUs`. */
  ackDelayUs?: number;
  /** Random extra delay per packet, uniform in [0, jitterUs) microseconds; each member stays FIFO. Default 0. */
  jitterUs?: number;
  /**
   * Receive interrupt coalescing period in microseconds: each member hands packets to the stack only at its
   * own interrupt ticks, member i's ticks shifted by i/N of a period. 0 means no coalescing. Default 0.
   */
  coalescingUs?: number;
  /** Packets a member's send queue holds, including the one on the wire; a full queue drops new packets. Default Infinity. */
  bufferPackets?: number;
  /** Loss detection before the timer. Default `dupack`. */
  lossDetection?: LossDetection;
  /** Duplicate ACKs that trigger fast retransmit in `dupack` mode (3 per RFC 5681; 2 for old Windows `TcpMaxDupAcks`). Default 3. */
  dupAckThreshold?: number;
  /**
   * RACK reordering window in microseconds, fixed. Default: adaptive as in RFC 8985, min_RTT/4 times a multiplier
   * that grows by one for each round trip in which a DSACK reports a spurious retransmission, capped at SRTT.
   */
  reorderingWindowUs?: number;
  /** Congestion window at start, in segments (RFC 6928). Default 10. */
  initialCwndSegments?: number;
  /** Receive window cap in bytes. Default 6291456 (Linux `tcp_rmem` maximum). */
  receiveWindowBytes?: number;
  /** Lower bound of the retransmission timeout in microseconds. Default 200000 (Linux `TCP_RTO_MIN`). */
  minRtoUs?: number;
  /** Retransmission timeout before the first RTT sample, in microseconds. Default 1000000 (RFC 6298). */
  initialRtoUs?: number;
  /** Upper bound of the backed-off retransmission timeout, in microseconds. Default 60000000 (RFC 6298). */
  maxRtoUs?: number;
  /** Receiver acknowledges every second in-order segment (RFC 1122) instead of every one. Default false. */
  delayedAck?: boolean;
  /** Delayed-ACK timer in microseconds. Default 40000 (Linux minimum). */
  delayedAckTimeoutUs?: number;
  /** Seed of the PRNG behind `jitterUs`. Default 1. */
  seed?: number;
  /** Largest number of points kept in `cwndTrace`. Default 1000. */
  maxTracePoints?: number;
  /** Safety stop in simulated seconds for a `bytes` run that cannot finish. Default 600. */
  maxSimulatedS?: number;
}

/**
 * The options with every default filled in and times in microseconds, as `resolveTcpStreamOptions` returns
 * them. Each field means what the `TcpStreamOptions` field of the same name (or of the same name before the
 * unit) means; only the differences are noted.
 */
export interface ResolvedTcpStreamOptions {
  /** Every member, with `extraDelayUs` filled in (0 when not given). */
  members: { gbps: number; extraDelayUs: number }[];
  /** See `TcpStreamOptions.scheduling`. */
  scheduling: PacketScheduling;
  /** See `TcpStreamOptions.packetsPerMember`. */
  packetsPerMember: number;
  /** Application bytes to move, or null for a `durationS` run. */
  bytes: number | null;
  /** `durationS` in microseconds, or null for a `bytes` run. */
  durationUs: number | null;
  /** `warmupS` in microseconds. */
  warmupUs: number;
  /** See `TcpStreamOptions.packetBytes`. */
  packetBytes: number;
  /** See `TcpStreamOptions.payloadBytes`. */
  payloadBytes: number;
  /** See `TcpStreamOptions.baseDelayUs`. */
  baseDelayUs: number;
  /** See `TcpStreamOptions.ackDelayUs` (its default, `baseDelayUs`, filled in). */
  ackDelayUs: number;
  /** See `TcpStreamOptions.jitterUs`. */
  jitterUs: number;
  /** See `TcpStreamOptions.coalescingUs`. */
  coalescingUs: number;
  /** See `TcpStreamOptions.bufferPackets`. */
  bufferPackets: number;
  /** See `TcpStreamOptions.lossDetection`. */
  lossDetection: LossDetection;
  /** See `TcpStreamOptions.dupAckThreshold`. */
  dupAckThreshold: number;
  /** The fixed RACK reordering window, or null for the adaptive one. */
  reorderingWindowUs: number | null;
  /** See `TcpStreamOptions.initialCwndSegments`. */
  initialCwndSegments: number;
  /** `receiveWindowBytes` in whole segments of `payloadBytes` (rounded down). */
  receiveWindowSegments: number;
  /** See `TcpStreamOptions.minRtoUs`. */
  minRtoUs: number;
  /** See `TcpStreamOptions.initialRtoUs`. */
  initialRtoUs: number;
  /** See `TcpStreamOptions.maxRtoUs`. */
  maxRtoUs: number;
  /** See `TcpStreamOptions.delayedAck`. */
  delayedAck: boolean;
  /** See `TcpStreamOptions.delayedAckTimeoutUs`. */
  delayedAckTimeoutUs: number;
  /** See `TcpStreamOptions.seed`. */
  seed: number;
  /** See `TcpStreamOptions.maxTracePoints`. */
  maxTracePoints: number;
  /** `maxSimulatedS` in microseconds. */
  maxSimulatedUs: number;
}

function number(
  value: unknown,
  field: string,
  fallback: number,
  check: (n: number) => boolean,
  allowed: string,
): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || Number.isNaN(value) || !check(value)) throw new InputError(field, value, allowed);
  return value;
}

const positive = (n: number): boolean => n > 0 && Number.isFinite(n);
const nonNegative = (n: number): boolean => n >= 0 && Number.isFinite(n);
const positiveInteger = (n: number): boolean => Number.isInteger(n) && n >= 1;

function oneOf<T extends string>(value: unknown, field: string, fallback: T, allowed: readonly T[]): T {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new InputError(field, value, `one of ${allowed.join(', ')}`);
  }
  return value as T;
}

/** Checks every option and fills in the defaults; throws `InputError` on the first bad field. */
export function resolveTcpStreamOptions(options: TcpStreamOptions): ResolvedTcpStreamOptions {
  if (options === null || typeof options !== 'object') throw new InputError('options', options, 'an options object');
  if (!Array.isArray(options.members) || options.members.length === 0) {
    throw new InputError('members', options.members, 'a non-empty array of { gbps, extraDelayUs }');
  }
  const members = options.members.map((member, index) => {
    if (member === null || typeof member !== 'object') {
      throw new InputError(`members[${index}]`, member, 'an object { gbps, extraDelayUs }');
    }
    return {
      gbps: number(member.gbps, `members[${index}].gbps`, NaN, positive, 'a number greater than 0'),
      extraDelayUs: number(member.extraDelayUs, `members[${index}].extraDelayUs`, 0, nonNegative, 'a number of microseconds, 0 or more'),
    };
  });
  if ((options.bytes === undefined) === (options.durationS === undefined)) {
    throw new InputError('bytes', options.bytes, 'exactly one of bytes and durationS');
  }
  const bytes = options.bytes === undefined ? null : number(options.bytes, 'bytes', 0, positiveInteger, 'a whole number of bytes, 1 or more');
  const durationS = options.durationS === undefined ? null : number(options.durationS, 'durationS', 0, positive, 'a number of seconds greater than 0');
  const warmupS = number(options.warmupS, 'warmupS', 0, nonNegative, 'a number of seconds, 0 or more');
  if (warmupS > 0 && (durationS === null || warmupS >= durationS)) {
    throw new InputError('warmupS', options.warmupS, 'used with durationS and smaller than it');
  }
  const packetBytes = number(options.packetBytes, 'packetBytes', 1500, positiveInteger, 'a whole number of bytes, 1 or more');
  const payloadBytes = number(options.payloadBytes, 'payloadBytes', 1448, (n) => positiveInteger(n) && n <= packetBytes, `a whole number of bytes from 1 to packetBytes (${packetBytes})`);
  const baseDelayUs = number(options.baseDelayUs, 'baseDelayUs', 50, nonNegative, 'a number of microseconds, 0 or more');
  const receiveWindowBytes = number(options.receiveWindowBytes, 'receiveWindowBytes', 6291456, (n) => positiveInteger(n) && n >= payloadBytes, 'a whole number of bytes, at least one segment');
  const minRtoUs = number(options.minRtoUs, 'minRtoUs', 200000, positive, 'a number of microseconds greater than 0');
  const maxRtoUs = number(options.maxRtoUs, 'maxRtoUs', 60000000, (n) => positive(n) && n >= minRtoUs, 'a number of microseconds, at least minRtoUs');
  return {
    members,
    scheduling: oneOf(options.scheduling, 'scheduling', 'perFlow', ['perFlow', 'roundRobin'] as const),
    packetsPerMember: number(options.packetsPerMember, 'packetsPerMember', 1, positiveInteger, 'a whole number, 1 or more'),
    bytes,
    durationUs: durationS === null ? null : durationS * 1e6,
    warmupUs: warmupS * 1e6,
    packetBytes,
    payloadBytes,
    baseDelayUs,
    ackDelayUs: number(options.ackDelayUs, 'ackDelayUs', baseDelayUs, nonNegative, 'a number of microseconds, 0 or more'),
    jitterUs: number(options.jitterUs, 'jitterUs', 0, nonNegative, 'a number of microseconds, 0 or more'),
    coalescingUs: number(options.coalescingUs, 'coalescingUs', 0, nonNegative, 'a number of microseconds, 0 or more'),
    bufferPackets: number(options.bufferPackets, 'bufferPackets', Infinity, (n) => n === Infinity || positiveInteger(n), 'a whole number of packets, 1 or more, or Infinity'),
    lossDetection: oneOf(options.lossDetection, 'lossDetection', 'dupack', ['dupack', 'rack'] as const),
    dupAckThreshold: number(options.dupAckThreshold, 'dupAckThreshold', 3, positiveInteger, 'a whole number, 1 or more'),
    reorderingWindowUs: options.reorderingWindowUs === undefined ? null : number(options.reorderingWindowUs, 'reorderingWindowUs', 0, nonNegative, 'a number of microseconds, 0 or more'),
    initialCwndSegments: number(options.initialCwndSegments, 'initialCwndSegments', 10, positiveInteger, 'a whole number of segments, 1 or more'),
    receiveWindowSegments: Math.floor(receiveWindowBytes / payloadBytes),
    minRtoUs,
    initialRtoUs: number(options.initialRtoUs, 'initialRtoUs', 1000000, (n) => positive(n) && n >= minRtoUs, 'a number of microseconds, at least minRtoUs'),
    maxRtoUs,
    delayedAck: booleanOption(options.delayedAck, 'delayedAck', false),
    delayedAckTimeoutUs: number(options.delayedAckTimeoutUs, 'delayedAckTimeoutUs', 40000, positive, 'a number of microseconds greater than 0'),
    seed: number(options.seed, 'seed', 1, Number.isInteger, 'a whole number'),
    maxTracePoints: number(options.maxTracePoints, 'maxTracePoints', 1000, (n) => Number.isInteger(n) && n >= 2, 'a whole number, 2 or more'),
    maxSimulatedUs: number(options.maxSimulatedS, 'maxSimulatedS', 600, positive, 'a number of seconds greater than 0') * 1e6,
  };
}

function booleanOption(value: unknown, field: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw new InputError(field, value, 'true or false');
  return value;
}
