/** An acknowledgment as the sender sees it. Segments are numbered from 0. */
export interface TcpAck {
  /** Next segment the receiver expects: every segment below it has been delivered in order. */
  cumulativeAck: number;
  /** The segment whose arrival caused this ACK (a one-block selective ACK); -1 for a timer-driven ACK. */
  sackedSegment: number;
  /** Send time of the segment that caused the ACK, echoed as TCP timestamps do (RFC 7323), in microseconds. */
  echoUs: number;
  /** True when the arriving segment had already been received: the DSACK signal (RFC 2883). */
  duplicate: boolean;
}

/**
 * The receiving end of the connection: an out-of-order buffer, in-order delivery to the application exactly
 * once, and one cumulative ACK per segment (or per two in-order segments with delayed ACKs, RFC 1122: any
 * out-of-order, duplicate or hole-filling segment is acknowledged at once).
 */
export class TcpReceiver {
  /** Segments the application has been given, in order. */
  deliveredSegments = 0;
  /** Arrivals of a segment that was already received (spurious or repeated retransmissions). */
  duplicatesReceived = 0;
  /** Times the application was given a segment it already had: must stay 0. */
  duplicateDeliveries = 0;
  /** ACKs sent. */
  acksSent = 0;
  private readonly received: Uint8Array;
  private readonly appCopies: Uint8Array;
  private highestReceived = -1;
  private pendingInOrder = 0;
  private pendingEchoUs = 0;
  private delayedAckGeneration = 0;

  constructor(
    capacitySegments: number,
    private readonly delayedAck: boolean,
    private readonly delayedAckTimeoutUs: number,
    private readonly sendAck: (ack: TcpAck, nowUs: number) => void,
    private readonly armDelayedAck: (atUs: number, generation: number) => void,
  ) {
    this.received = new Uint8Array(capacitySegments);
    this.appCopies = new Uint8Array(capacitySegments);
  }

  /** A data segment (first sent at `sentUs`) arrives at `nowUs`. */
  onSegment(segment: number, sentUs: number, nowUs: number): void {
    if (this.received[segment] === 1) {
      this.duplicatesReceived += 1;
      this.ackNow({ cumulativeAck: this.deliveredSegments, sackedSegment: segment, echoUs: sentUs, duplicate: true }, nowUs);
      return;
    }
    this.received[segment] = 1;
    const inOrder = segment === this.deliveredSegments;
    const hadHole = this.highestReceived >= this.deliveredSegments;
    if (segment > this.highestReceived) this.highestReceived = segment;
    while (this.received[this.deliveredSegments] === 1) this.deliver(this.deliveredSegments);
    const ack: TcpAck = { cumulativeAck: this.deliveredSegments, sackedSegment: segment, echoUs: sentUs, duplicate: false };
    if (!this.delayedAck || !inOrder || hadHole) {
      this.ackNow(ack, nowUs);
    } else if (this.pendingInOrder === 0) {
      this.pendingInOrder = 1;
      this.pendingEchoUs = sentUs;
      this.delayedAckGeneration += 1;
      this.armDelayedAck(nowUs + this.delayedAckTimeoutUs, this.delayedAckGeneration);
    } else {
      this.ackNow({ ...ack, echoUs: this.pendingEchoUs }, nowUs);
    }
  }

  /** The delayed-ACK timer armed with `generation` fires; stale timers do nothing. */
  onDelayedAckTimer(generation: number, nowUs: number): void {
    if (generation !== this.delayedAckGeneration || this.pendingInOrder === 0) return;
    this.ackNow({ cumulativeAck: this.deliveredSegments, sackedSegment: -1, echoUs: this.pendingEchoUs, duplicate: false }, nowUs);
  }

  private ackNow(ack: TcpAck, nowUs: number): void {
    this.pendingInOrder = 0;
    this.delayedAckGeneration += 1;
    this.acksSent += 1;
    this.sendAck(ack, nowUs);
  }

  private deliver(segment: number): void {
    this.appCopies[segment] += 1;
    if (this.appCopies[segment] > 1) this.duplicateDeliveries += 1;
    this.deliveredSegments += 1;
  }
}
