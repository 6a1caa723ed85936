import type { TcpAck } from './TcpReceiver';
import type { ResolvedTcpStreamOptions } from './TcpStreamOptions';

/** Settings of the sending TCP, in segments and microseconds: the resolved stream options it uses, plus the
 * number of segments it may ever number. */
export type TcpSenderConfig = Pick<
  ResolvedTcpStreamOptions,
  | 'lossDetection'
  | 'dupAckThreshold'
  | 'reorderingWindowUs'
  | 'initialCwndSegments'
  | 'receiveWindowSegments'
  | 'minRtoUs'
  | 'initialRtoUs'
  | 'maxRtoUs'
> & {
  /** Segments the run may ever number (sizes the per-segment state). */
  totalSegments: number;
};

/** RFC 8985: reset the DSACK-grown reordering window after this many recoveries. */
const REORDERING_WINDOW_PERSIST = 16;

/**
 * The sending TCP, counted in segments: slow start and congestion avoidance (RFC 5681, with appropriate byte
 * counting L = 2 from RFC 3465), ssthresh = max(FlightSize/2, 2) on loss, the retransmission timer of RFC 6298
 * with exponential backoff, and one of two loss detectors:
 * - `dupack`: NewReno fast retransmit and fast recovery (RFC 6582) after `dupAckThreshold` duplicate ACKs,
 *   go-back-N after a timeout. No SACK is used.
 * - `rack`: RACK (RFC 8985) on one-block SACKs: a segment is lost when one sent after it has been delivered
 *   and more than RTT + reordering window has passed since it was sent; recovery sends while the pipe
 *   (RFC 6675) is below cwnd.
 * RTT samples come from echoed send times (timestamps), so retransmissions give no ambiguous samples.
 */
export class TcpSender {
  cwnd: number;
  ssthresh = Infinity;
  segmentsSent = 0;
  retransmits = 0;
  fastRetransmits = 0;
  timeouts = 0;

  private sndUna = 0;
  private sndNxt = 0;
  private highSent = 0;
  private dupAcks = 0;
  private inRecovery = false;
  private recover = 0;
  private srttUs = 0;
  private rttvarUs = 0;
  private minRttUs = Infinity;
  private rtoUs: number;
  private rtoDeadlineUs = Infinity;

  // RACK state (lossDetection 'rack').
  private readonly sentAtUs: Float64Array;
  private readonly sacked: Uint8Array;
  private readonly lost: Uint8Array;
  private readonly inPipe: Uint8Array;
  private readonly everRetransmitted: Uint8Array;
  private pipe = 0;
  private readonly sendOrderSegments: number[] = [];
  private readonly sendOrderTimes: number[] = [];
  private sendOrderHead = 0;
  private readonly retransmitQueue: number[] = [];
  private retransmitHead = 0;
  private rackXmitUs = -Infinity;
  private rackEndSegment = -1;
  private rackRttUs = 0;
  private rackDeadlineUs = Infinity;
  private reorderingMultiplier = 1;
  private reorderingPersist = 0;
  private dsackRoundEnd = 0;

  constructor(
    private readonly config: TcpSenderConfig,
    /** Hands one segment to the path; the sender has already counted it. */
    private readonly transmit: (segment: number, sentUs: number, retransmission: boolean) => void,
  ) {
    this.cwnd = config.initialCwndSegments;
    this.rtoUs = config.initialRtoUs;
    const capacity = config.totalSegments;
    this.sentAtUs = new Float64Array(capacity);
    this.sacked = new Uint8Array(config.lossDetection === 'rack' ? capacity : 0);
    this.lost = new Uint8Array(config.lossDetection === 'rack' ? capacity : 0);
    this.inPipe = new Uint8Array(config.lossDetection === 'rack' ? capacity : 0);
    this.everRetransmitted = new Uint8Array(capacity);
  }

  /** Segments acknowledged cumulatively so far. */
  get acknowledged(): number {
    return this.sndUna;
  }

  /** The earliest time the sender's timers (retransmission, RACK reordering) want to run, or Infinity. */
  nextDeadlineUs(): number {
    return Math.min(this.rtoDeadlineUs, this.rackDeadlineUs);
  }

  /** Opens the connection's sending at `nowUs` (the handshake is not modelled). */
  start(nowUs: number): void {
    this.sendAvailable(nowUs);
  }

  /** An ACK arrives at `nowUs`. */
  onAck(ack: TcpAck, nowUs: number): void {
    if (this.config.lossDetection === 'rack') this.onAckRack(ack, nowUs);
    else this.onAckDupack(ack, nowUs);
    this.sendAvailable(nowUs);
  }

  /** The timer event at `nowUs`: runs whichever deadline has passed. */
  onTimer(nowUs: number): void {
    if (nowUs >= this.rackDeadlineUs) {
      this.rackDeadlineUs = Infinity;
      this.detectRackLosses(nowUs);
    }
    if (nowUs >= this.rtoDeadlineUs) this.onRetransmissionTimeout(nowUs);
    this.sendAvailable(nowUs);
  }

  // ---- shared rules ----

  private flightSize(): number {
    return this.sndNxt - this.sndUna;
  }

  private sampleRtt(rttUs: number): void {
    if (this.minRttUs === Infinity) {
      this.srttUs = rttUs;
      this.rttvarUs = rttUs / 2;
    } else {
      this.rttvarUs = 0.75 * this.rttvarUs + 0.25 * Math.abs(this.srttUs - rttUs);
      this.srttUs = 0.875 * this.srttUs + 0.125 * rttUs;
    }
    this.minRttUs = Math.min(this.minRttUs, rttUs);
    const rto = this.srttUs + Math.max(1, 4 * this.rttvarUs);
    this.rtoUs = Math.min(Math.max(rto, this.config.minRtoUs), this.config.maxRtoUs);
  }

  private grow(newlyAcked: number): void {
    if (this.cwnd < this.ssthresh) this.cwnd += Math.min(newlyAcked, 2);
    else this.cwnd += newlyAcked / this.cwnd;
    this.cwnd = Math.min(this.cwnd, this.config.receiveWindowSegments);
  }

  private restartTimer(nowUs: number): void {
    this.rtoDeadlineUs = this.highSent > this.sndUna ? nowUs + this.rtoUs : Infinity;
  }

  private send(segment: number, nowUs: number): void {
    const retransmission = segment < this.highSent;
    this.segmentsSent += 1;
    if (retransmission) {
      this.retransmits += 1;
      this.everRetransmitted[segment] = 1;
    }
    this.sentAtUs[segment] = nowUs;
    if (segment + 1 > this.highSent) this.highSent = segment + 1;
    if (this.config.lossDetection === 'rack') {
      if (this.inPipe[segment] === 0) {
        this.inPipe[segment] = 1;
        this.pipe += 1;
      }
      this.sendOrderSegments.push(segment);
      this.sendOrderTimes.push(nowUs);
    }
    if (this.rtoDeadlineUs === Infinity) this.rtoDeadlineUs = nowUs + this.rtoUs;
    this.transmit(segment, nowUs, retransmission);
  }

  private sendAvailable(nowUs: number): void {
    const window = Math.min(Math.floor(this.cwnd), this.config.receiveWindowSegments);
    if (this.config.lossDetection === 'dupack') {
      while (this.sndNxt < this.config.totalSegments && this.flightSize() < window) {
        this.send(this.sndNxt, nowUs);
        this.sndNxt += 1;
      }
      return;
    }
    while (this.pipe < Math.floor(this.cwnd)) {
      const lostSegment = this.nextLostSegment();
      if (lostSegment >= 0) {
        this.lost[lostSegment] = 0;
        this.send(lostSegment, nowUs);
      } else if (this.sndNxt < this.config.totalSegments && this.sndNxt - this.sndUna < this.config.receiveWindowSegments) {
        this.send(this.sndNxt, nowUs);
        this.sndNxt += 1;
      } else {
        break;
      }
    }
  }

  private onRetransmissionTimeout(nowUs: number): void {
    this.timeouts += 1;
    this.ssthresh = Math.max((this.highSent - this.sndUna) / 2, 2);
    this.cwnd = 1;
    this.rtoUs = Math.min(this.rtoUs * 2, this.config.maxRtoUs);
    this.inRecovery = false;
    this.dupAcks = 0;
    this.recover = this.highSent;
    if (this.config.lossDetection === 'dupack') {
      this.sndNxt = this.sndUna;
    } else {
      for (let segment = this.sndUna; segment < this.highSent; segment += 1) {
        if (this.sacked[segment] === 0 && this.lost[segment] === 0) this.markLost(segment);
      }
    }
    this.rtoDeadlineUs = nowUs + this.rtoUs;
  }

  // ---- NewReno with duplicate ACKs ----

  private onAckDupack(ack: TcpAck, nowUs: number): void {
    const cumulative = ack.cumulativeAck;
    if (cumulative > this.sndUna) {
      const newlyAcked = cumulative - this.sndUna;
      this.sampleRtt(nowUs - ack.echoUs);
      this.sndUna = cumulative;
      if (this.sndNxt < this.sndUna) this.sndNxt = this.sndUna;
      if (this.inRecovery && cumulative >= this.recover) {
        this.cwnd = Math.min(this.ssthresh, Math.max(this.flightSize(), 1) + 1);
        this.inRecovery = false;
        this.dupAcks = 0;
      } else if (this.inRecovery) {
        this.send(this.sndUna, nowUs);
        this.cwnd = Math.max(this.cwnd - newlyAcked + 1, 1);
      } else {
        this.dupAcks = 0;
        this.grow(newlyAcked);
      }
      this.restartTimer(nowUs);
      return;
    }
    if (cumulative !== this.sndUna || this.highSent === this.sndUna) return;
    this.dupAcks += 1;
    if (this.inRecovery) {
      this.cwnd += 1;
    } else if (this.dupAcks === this.config.dupAckThreshold && this.sndUna >= this.recover) {
      this.fastRetransmits += 1;
      this.ssthresh = Math.max(this.flightSize() / 2, 2);
      this.recover = this.highSent;
      this.inRecovery = true;
      this.send(this.sndUna, nowUs);
      this.cwnd = this.ssthresh + this.config.dupAckThreshold;
    }
  }

  // ---- RACK on selective ACKs ----

  private onAckRack(ack: TcpAck, nowUs: number): void {
    let newlyDelivered = 0;
    const cumulative = ack.cumulativeAck;
    if (cumulative > this.sndUna) {
      for (let segment = this.sndUna; segment < cumulative; segment += 1) {
        newlyDelivered += this.markDelivered(segment, nowUs);
      }
      this.sndUna = cumulative;
      if (this.sndNxt < this.sndUna) this.sndNxt = this.sndUna;
      this.sampleRtt(nowUs - ack.echoUs);
      this.restartTimer(nowUs);
    }
    const sackedSegment = ack.sackedSegment;
    if (sackedSegment >= this.sndUna && sackedSegment < this.highSent) {
      newlyDelivered += this.markDelivered(sackedSegment, nowUs);
    }
    if (ack.duplicate && this.config.reorderingWindowUs === null && this.sndUna >= this.dsackRoundEnd) {
      this.reorderingMultiplier += 1;
      this.reorderingPersist = REORDERING_WINDOW_PERSIST;
      this.dsackRoundEnd = this.highSent;
    }
    if (this.inRecovery && this.sndUna >= this.recover) this.inRecovery = false;
    if (!this.inRecovery && newlyDelivered > 0) this.grow(newlyDelivered);
    this.detectRackLosses(nowUs);
  }

  /** Marks a segment delivered (cumulatively or selectively); returns 1 if it was news. */
  private markDelivered(segment: number, nowUs: number): number {
    if (this.sacked[segment] === 1) return 0;
    this.sacked[segment] = 1;
    this.lost[segment] = 0;
    if (this.inPipe[segment] === 1) {
      this.inPipe[segment] = 0;
      this.pipe -= 1;
    }
    const sentUs = this.sentAtUs[segment];
    const rttUs = nowUs - sentUs;
    // RFC 8985: an ACK faster than min_RTT for a retransmitted segment must be for an earlier copy.
    if (this.everRetransmitted[segment] === 1 && rttUs < this.minRttUs) return 1;
    if (sentUs > this.rackXmitUs || (sentUs === this.rackXmitUs && segment > this.rackEndSegment)) {
      this.rackXmitUs = sentUs;
      this.rackEndSegment = segment;
      this.rackRttUs = rttUs;
    }
    return 1;
  }

  private reorderingWindowUs(): number {
    if (this.config.reorderingWindowUs !== null) return this.config.reorderingWindowUs;
    if (this.minRttUs === Infinity) return 0;
    return Math.min((this.reorderingMultiplier * this.minRttUs) / 4, this.srttUs);
  }

  private detectRackLosses(nowUs: number): void {
    const window = this.reorderingWindowUs();
    let foundLoss = false;
    this.rackDeadlineUs = Infinity;
    while (this.sendOrderHead < this.sendOrderSegments.length) {
      const segment = this.sendOrderSegments[this.sendOrderHead];
      const sentUs = this.sendOrderTimes[this.sendOrderHead];
      const stale = this.sacked[segment] === 1 || this.lost[segment] === 1 || this.sentAtUs[segment] !== sentUs;
      if (!stale) {
        const sentBefore = sentUs < this.rackXmitUs || (sentUs === this.rackXmitUs && segment < this.rackEndSegment);
        if (!sentBefore) break;
        const deadline = sentUs + this.rackRttUs + window;
        if (nowUs < deadline) {
          this.rackDeadlineUs = deadline;
          break;
        }
        this.markLost(segment);
        foundLoss = true;
      }
      this.sendOrderHead += 1;
    }
    this.compactSendOrder();
    if (foundLoss && !this.inRecovery && this.sndUna >= this.recover) {
      this.fastRetransmits += 1;
      this.ssthresh = Math.max(this.flightSize() / 2, 2);
      this.cwnd = this.ssthresh;
      this.recover = this.highSent;
      this.inRecovery = true;
      if (this.reorderingPersist > 0) {
        this.reorderingPersist -= 1;
        if (this.reorderingPersist === 0) this.reorderingMultiplier = 1;
      }
    }
  }

  private markLost(segment: number): void {
    this.lost[segment] = 1;
    if (this.inPipe[segment] === 1) {
      this.inPipe[segment] = 0;
      this.pipe -= 1;
    }
    this.retransmitQueue.push(segment);
  }

  private nextLostSegment(): number {
    while (this.retransmitHead < this.retransmitQueue.length) {
      const segment = this.retransmitQueue[this.retransmitHead];
      this.retransmitHead += 1;
      if (this.lost[segment] === 1 && segment >= this.sndUna) return segment;
    }
    if (this.retransmitHead > 0) {
      this.retransmitQueue.length = 0;
      this.retransmitHead = 0;
    }
    return -1;
  }

  private compactSendOrder(): void {
    if (this.sendOrderHead > 4096 && this.sendOrderHead * 2 > this.sendOrderSegments.length) {
      this.sendOrderSegments.splice(0, this.sendOrderHead);
      this.sendOrderTimes.splice(0, this.sendOrderHead);
      this.sendOrderHead = 0;
    }
  }
}
