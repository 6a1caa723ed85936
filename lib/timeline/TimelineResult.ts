/** The plain data a timeline takes and gives: links, flows, segments and the result of a run. */

/** One direction of one member, as the timeline sees it. */
export interface TimelineLink {
  /** Unique name, e.g. `hostA/nic1/send`. */
  id: string;
  /** Capacity in Gbps (10^9 bit/s), > 0 and finite. */
  gbps: number;
}

/** Bytes to move, from a given time, over given links. */
export interface TimelineFlowInput {
  /** Unique name over the whole run, chained flows included. */
  id: string;
  /** Ids of the links it crosses, each at most once; may be empty when `capGbps` is given. */
  links: string[];
  /** How many bytes to move, >= 0 and finite. A flow of 0 bytes ends when it starts. */
  bytes: number;
  /** When it starts, in seconds from the start of the run, >= 0 (and not before the event that chains it). */
  startS: number;
  /** Highest rate the flow could use on its own, in Gbps; none by default. */
  capGbps?: number;
  /** Free text the caller uses to recognise the flow later (e.g. `vm3/round2`); copied to the result. */
  tag?: string;
}

/**
 * A flow once it has ended, or one stretch of a flow that was re-routed: a flow moved by `reroute` is
 * reported as one record per route, the first with the flow's id, the next ones `<id>@1`, `<id>@2`, ...,
 * each with the links and the bytes of its stretch (so every record moved all its bytes over all its links).
 */
export interface CompletedFlow {
  /** Its id (`<id>@k` for the k-th stretch after a re-route). */
  id: string;
  /** The links it crossed. */
  links: string[];
  /** The bytes it moved. */
  bytes: number;
  /** When it started, in seconds. */
  startS: number;
  /** When its last byte went through (or when it was re-routed), in seconds. */
  endS: number;
  /** Its tag, when it had one. */
  tag?: string;
}

/** A time interval during which every rate is constant. */
export interface Segment {
  /** Start of the interval, in seconds. */
  startS: number;
  /** End of the interval, in seconds (> startS). */
  endS: number;
  /** Rate of each recorded link that carries something, in Gbps, in the order the links were given. */
  linkGbps: Array<[string, number]>;
  /**
   * Rate of each running flow, in Gbps, in the order the flows were added; only when flow rates are
   * recorded (`recordFlowRates`).
   */
  flowGbps?: Array<[string, number]>;
}

/** What a timeline run gives. */
export interface TimelineResult {
  /** Time the last flow ended or the last callback that kept the run going ran, in seconds (0 when nothing ran). */
  durationS: number;
  /** Every flow (and every re-routed stretch of one), in the order they ended; empty when not recorded (`TimelineRecording.flows`). */
  flows: CompletedFlow[];
  /**
   * Constant-rate intervals covering 0 to `durationS` one after the other; idle ones have no rates.
   * Empty when segments were not recorded.
   */
  segments: Segment[];
  /** The links, as given. */
  links: TimelineLink[];
  /** The ids of the links whose rates the segments hold, in the order of `links`. */
  recordedLinks: string[];
  /** How many events (distinct times at which something started, ended or was called) the run took. */
  eventCount: number;
  /**
   * Each link's highest instantaneous rate over the run, in Gbps, by link id (every link, 0 when unused),
   * tracked as the run goes whether or not segments are recorded.
   */
  peakGbps: Record<string, number>;
  /** For each total asked for (`TimelineRecording.totals`), the highest instantaneous sum of its links' rates, in Gbps. */
  peakTotalGbps: Record<string, number>;
  /** Bytes each link carried over the run, by link id (every link, 0 when unused), kept whether or not `flows` are. */
  bytesByLink: Record<string, number>;
}
