import type { ResolvedTcpStreamOptions } from './TcpStreamOptions';

/** What `MemberPath` needs to know: the members' rates and delays plus the shared path settings. */
export type MemberPathConfig = Pick<
  ResolvedTcpStreamOptions,
  'members' | 'scheduling' | 'packetsPerMember' | 'packetBytes' | 'baseDelayUs' | 'jitterUs' | 'coalescingUs' | 'bufferPackets'
>;

/**
 * The data direction of one connection across a team or bond: the sender picks a member for each packet
 * (per flow or round robin), each member serializes its packets in FIFO order at its own rate, drops a
 * packet when its queue is full, and the packet arrives after the base delay, the member's extra delay,
 * optional jitter and optional receive interrupt coalescing. One member never reorders its own packets:
 * reordering can only come from packets taking different members.
 */
export class MemberPath {
  /** Packets handed to each member (sent or dropped). */
  readonly offered: number[];
  /** Packets each member dropped because its queue was full. */
  readonly dropped: number[];
  private readonly serializationUs: number[];
  private readonly busyUntil: number[];
  private readonly lastArrival: number[];
  private readonly departures: number[][];
  private readonly heads: number[];
  private counter = 0;

  constructor(
    private readonly config: MemberPathConfig,
    private readonly random: () => number,
  ) {
    const count = config.members.length;
    this.serializationUs = config.members.map((member) => (config.packetBytes * 8) / (member.gbps * 1e3));
    this.offered = new Array<number>(count).fill(0);
    this.dropped = new Array<number>(count).fill(0);
    this.busyUntil = new Array<number>(count).fill(0);
    this.lastArrival = new Array<number>(count).fill(0);
    this.departures = config.members.map(() => []);
    this.heads = new Array<number>(count).fill(0);
  }

  /** The member the next packet goes to; advances the round-robin counter. */
  private nextMember(): number {
    if (this.config.scheduling === 'perFlow') return 0;
    const member = Math.floor(this.counter / this.config.packetsPerMember) % this.config.members.length;
    this.counter += 1;
    return member;
  }

  /** Sends one packet at time `nowUs`; returns its arrival time at the receiver, or -1 if a full queue dropped it. */
  send(nowUs: number): number {
    const member = this.nextMember();
    this.offered[member] += 1;
    const queued = this.occupancy(member, nowUs);
    if (queued >= this.config.bufferPackets) {
      this.dropped[member] += 1;
      return -1;
    }
    const departure = Math.max(nowUs, this.busyUntil[member]) + this.serializationUs[member];
    this.busyUntil[member] = departure;
    if (this.config.bufferPackets !== Infinity) this.departures[member].push(departure);
    let arrival = departure + this.config.baseDelayUs + this.config.members[member].extraDelayUs;
    if (this.config.jitterUs > 0) arrival += this.random() * this.config.jitterUs;
    arrival = Math.max(arrival, this.lastArrival[member]);
    const period = this.config.coalescingUs;
    if (period > 0) {
      const phase = (member * period) / this.config.members.length;
      arrival = phase + Math.ceil((arrival - phase) / period) * period;
    }
    this.lastArrival[member] = arrival;
    return arrival;
  }

  /** Packets in the member's queue at `nowUs`, the one on the wire included. */
  private occupancy(member: number, nowUs: number): number {
    if (this.config.bufferPackets === Infinity) return 0;
    const times = this.departures[member];
    let head = this.heads[member];
    while (head < times.length && times[head] <= nowUs) head += 1;
    if (head > 1024 && head * 2 > times.length) {
      times.splice(0, head);
      head = 0;
    }
    this.heads[member] = head;
    return times.length - head;
  }
}
