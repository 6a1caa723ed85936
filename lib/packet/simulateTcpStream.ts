import { InputError } from '../InputError';
import { EventQueue } from './EventQueue';
import { MemberPath } from './MemberPath';
import { mulberry32 } from './prng';
import { TcpReceiver, type TcpAck } from './TcpReceiver';
import { TcpSender } from './TcpSender';
import { resolveTcpStreamOptions, type ResolvedTcpStreamOptions, type TcpStreamOptions } from './TcpStreamOptions';

/** One sample of the sender's congestion window. */
export interface CwndSample {
  /** Simulated time in seconds. */
  timeS: number;
  /** Congestion window in segments. */
  cwndSegments: number;
}

/** What one simulated TCP connection did. */
export interface TcpStreamResult {
  /** Application bytes delivered in order, in Gbps, over `durationS` (less the warm-up, if any). */
  goodputGbps: number;
  /** Application bytes delivered in order to the receiving application. */
  deliveredBytes: number;
  /** Data segments the sender put on a member, retransmissions included. */
  segmentsSent: number;
  /** Retransmissions of any kind (fast, partial-ACK, RACK, after a timeout). */
  retransmits: number;
  /** Retransmissions of a segment whose earlier copy had not been dropped: the path delayed it, it was not lost. */
  spuriousRetransmits: number;
  /** Loss recoveries entered on ACKs: fast retransmits (`dupack`) or RACK recoveries (`rack`). */
  fastRetransmits: number;
  /** Retransmission timer expiries. */
  timeouts: number;
  /** Packets that arrived after a packet the sender had sent later (RFC 4737 sense). */
  reorderedArrivals: number;
  /** Packets dropped by full member queues. */
  drops: number;
  /** Copies of a segment the receiver already had. */
  duplicatesReceived: number;
  /** Segments handed to the application more than once: 0, or the model is broken. */
  duplicateDeliveries: number;
  /** Congestion window over time, at most `maxTracePoints` samples. */
  cwndTrace: CwndSample[];
  /** Data packets plus ACKs simulated. */
  packetsSimulated: number;
  /** Simulated time in seconds: until the last byte was delivered (`bytes`) or the given `durationS`. */
  durationS: number;
  /** False when a `bytes` run hit `maxSimulatedS` before delivering everything. */
  completed: boolean;
}

type SimulationEvent =
  | { kind: 'data'; segment: number; sentUs: number; index: number }
  | { kind: 'ack'; ack: TcpAck }
  | { kind: 'senderTimer' }
  | { kind: 'delayedAck'; generation: number }
  | { kind: 'warmup' };

/** Runs above this many segments would need too much memory for a teaching model. */
const MAX_SEGMENTS = 50_000_000;

/**
 * Simulates one TCP connection, packet by packet, across the members of a team or bond, to show why a NIC
 * team keeps each connection on one member instead of spraying its packets over all of them.
 *
 * The model, and what it assumes:
 * - One bulk sender that always has data, one receiver that reads at once. Segments are counted, not bytes:
 *   every segment is full size (`payloadBytes` of data in `packetBytes` on the wire).
 * - Data packets queue at the sending member (FIFO, `bufferPackets`, tail drop) and are serialized at its
 *   rate; the member is the only bottleneck. Delay after serialization is `baseDelayUs` + the member's
 *   `extraDelayUs` + optional jitter + optional receive interrupt coalescing, never reordering within a member.
 * - ACKs return after a fixed `ackDelayUs` and are never lost or reordered.
 * - The sender's TCP is NewReno without SACK (`dupack`) or RACK with one-block SACKs (`rack`); see `TcpSender`.
 *
 * Its honest limits:
 * - No undo of a spurious window reduction (Eifel, F-RTO, DSACK undo) and no adaptive duplicate-ACK threshold
 *   (Linux raises `tcp_reordering` when it sees reordering): real Linux senders recover more of the loss from
 *   reordering than `dupack` here. Windows' behaviour is modelled only by its threshold of 2.
 * - No tail loss probe, no pacing, no PRR, no CUBIC or DCTCP: Reno-style growth only.
 * - No segmentation offload or receive coalescing into large segments (GRO/LRO), which change how many ACKs
 *   the receiver sends; interrupt coalescing is a plain per-member tick.
 * - The receive window is a fixed cap; the receiving application is never slow.
 * - Cross traffic and other connections are absent: one connection on an otherwise idle team.
 * - `dupack` is NewReno without SACK, as asked of a textbook model: under heavy reordering every partial ACK
 *   in fast recovery retransmits a segment that is only late, so a large share of the link can carry copies
 *   the receiver already has. Real Linux and Windows stacks use SACK and waste far less.
 * - With reordering and `dupack`, the outcome is bistable: either the window collapses to a few segments
 *   (goodput below one member's worth, like the field report of a 2 × 1 Gbps bond doing worse than one link),
 *   or it escapes to the receive window with standing queues (link busy, goodput cut by spurious copies).
 *   Which one happens can flip with the spread, the queue limit, the receive window or the seed.
 * - The calibration of `sprayingStudy` (about 2.3 members' worth on 4 members) sits in the second regime;
 *   it matches the documented number, not necessarily the documented mechanism.
 * Results are therefore about the mechanism and its order of size, not a prediction for a given NIC.
 *
 * @example simulateTcpStream({ members: [{ gbps: 1 }, { gbps: 1 }], scheduling: 'roundRobin', bytes: 10e6 })
 */
export function simulateTcpStream(options: TcpStreamOptions): TcpStreamResult {
  const config = resolveTcpStreamOptions(options);
  const totalSegments = config.bytes !== null ? Math.ceil(config.bytes / config.payloadBytes) : Infinity;
  const capacity = capacityFor(config, totalSegments);
  const events = new EventQueue<SimulationEvent>();
  const path = new MemberPath(config, mulberry32(config.seed));
  const copiesOnPath = new Uint16Array(capacity);
  let transmissionIndex = 0;
  let spuriousRetransmits = 0;
  let drops = 0;
  let acksInFlight = 0;

  const sender = new TcpSender(
    { ...config, totalSegments: capacity },
    (segment, sentUs, retransmission) => {
      if (retransmission && copiesOnPath[segment] > 0) spuriousRetransmits += 1;
      const arrivalUs = path.send(sentUs);
      const index = transmissionIndex++;
      if (arrivalUs < 0) {
        drops += 1;
        return;
      }
      if (copiesOnPath[segment] < 65535) copiesOnPath[segment] += 1;
      events.push(arrivalUs, { kind: 'data', segment, sentUs, index });
    },
  );
  const receiver = new TcpReceiver(
    capacity,
    config.delayedAck,
    config.delayedAckTimeoutUs,
    (ack, nowUs) => {
      acksInFlight += 1;
      events.push(nowUs + config.ackDelayUs, { kind: 'ack', ack });
    },
    (atUs, generation) => events.push(atUs, { kind: 'delayedAck', generation }),
  );

  let timerAtUs = Infinity;
  const armSenderTimer = (): void => {
    const deadline = sender.nextDeadlineUs();
    if (deadline < timerAtUs) {
      timerAtUs = deadline;
      events.push(deadline, { kind: 'senderTimer' });
    }
  };

  const trace: CwndSample[] = [];
  let traceIntervalUs = 100;
  let nextTraceUs = 0;
  const recordCwnd = (nowUs: number): void => {
    if (nowUs < nextTraceUs) return;
    trace.push({ timeS: nowUs / 1e6, cwndSegments: sender.cwnd });
    nextTraceUs = nowUs + traceIntervalUs;
    if (trace.length >= config.maxTracePoints) {
      let kept = 0;
      for (let i = 0; i < trace.length; i += 2) trace[kept++] = trace[i];
      trace.length = kept;
      traceIntervalUs *= 2;
    }
  };

  const endUs = config.durationUs ?? config.maxSimulatedUs;
  let deliveredAtWarmup = 0;
  if (config.warmupUs > 0) events.push(config.warmupUs, { kind: 'warmup' });
  let maxIndexArrived = -1;
  let reorderedArrivals = 0;
  let nowUs = 0;
  let completed = false;

  recordCwnd(0);
  sender.start(0);
  armSenderTimer();
  while (events.size > 0 && events.peekTime() <= endUs) {
    nowUs = events.peekTime();
    const event = events.pop();
    switch (event.kind) {
      case 'data':
        if (event.index < maxIndexArrived) reorderedArrivals += 1;
        else maxIndexArrived = event.index;
        receiver.onSegment(event.segment, event.sentUs, nowUs);
        break;
      case 'ack':
        sender.onAck(event.ack, nowUs);
        recordCwnd(nowUs);
        break;
      case 'senderTimer':
        if (nowUs !== timerAtUs) continue;
        timerAtUs = Infinity;
        sender.onTimer(nowUs);
        recordCwnd(nowUs);
        break;
      case 'delayedAck':
        receiver.onDelayedAckTimer(event.generation, nowUs);
        break;
      case 'warmup':
        deliveredAtWarmup = receiver.deliveredSegments;
        break;
    }
    armSenderTimer();
    if (receiver.deliveredSegments >= totalSegments) {
      completed = true;
      break;
    }
  }

  const runUs = config.durationUs ?? nowUs;
  const deliveredBytes =
    config.bytes !== null
      ? Math.min(receiver.deliveredSegments * config.payloadBytes, config.bytes)
      : receiver.deliveredSegments * config.payloadBytes;
  const countedBytes = deliveredBytes - deliveredAtWarmup * config.payloadBytes;
  const countedUs = runUs - config.warmupUs;
  return {
    goodputGbps: countedUs > 0 ? (countedBytes * 8) / (countedUs * 1e3) : 0,
    deliveredBytes,
    segmentsSent: sender.segmentsSent,
    retransmits: sender.retransmits,
    spuriousRetransmits,
    fastRetransmits: sender.fastRetransmits,
    timeouts: sender.timeouts,
    reorderedArrivals,
    drops,
    duplicatesReceived: receiver.duplicatesReceived,
    duplicateDeliveries: receiver.duplicateDeliveries,
    cwndTrace: trace,
    packetsSimulated: sender.segmentsSent + acksInFlight,
    durationS: runUs / 1e6,
    completed: config.durationUs !== null ? true : completed,
  };
}

/** Segments the run could ever number: all of them for `bytes`, or what the members could carry for `durationS`. */
function capacityFor(config: ResolvedTcpStreamOptions, totalSegments: number): number {
  let capacity = totalSegments;
  if (config.durationUs !== null) {
    const packetsPerUs = config.members.reduce((sum, member) => sum + (member.gbps * 1e3) / (config.packetBytes * 8), 0);
    capacity = Math.ceil(packetsPerUs * config.durationUs) + config.receiveWindowSegments + 1;
  }
  if (capacity > MAX_SEGMENTS) {
    throw new InputError(config.durationUs !== null ? 'durationS' : 'bytes', config.durationUs !== null ? config.durationUs / 1e6 : config.bytes, `a run of at most ${MAX_SEGMENTS} segments`);
  }
  return capacity;
}
