import type { MigrationRoute } from './MigrationRoute';

/** One live migration to run. */
export interface MigrationRequest {
  /** Unique name (the VM name); flow ids start with it: `VM1/round-0`, `VM1/stop-and-copy`. */
  id: string;
  /** Name of the source host. */
  source: string;
  /** Name of the target host (different from the source). */
  target: string;
  /** VM memory in bytes (GiB x 2^30). Greater than 0. */
  memoryBytes: number;
  /** Page dirty rate while the VM runs, bytes per second. 0 or more. */
  dirtyBytesPerS: number;
  /** When the migration is requested, seconds from the start. 0 or more. */
  requestS: number;
  /**
   * Memory bytes per wire byte when the migration compresses memory before sending it (the Compression
   * transport): every pass puts `bytes / compressionRatio` on the wire, while dirtying and the stop
   * threshold stay in memory (uncompressed) bytes. 1 or more. Default 1 (nothing compressed).
   */
  compressionRatio?: number;
  /**
   * How fast the CPU compresses this migration's memory, in Gbps of uncompressed memory: its wire rate is
   * capped at `compressionGbps / compressionRatio` (spread evenly over its flows when a pass is split
   * over several paths), so its memory rate is min(network share x ratio, compressionGbps). Greater than
   * 0. Default none (the network alone sets the rate).
   */
  compressionGbps?: number;
}

/** One copy pass as it happened. */
export interface MigrationPass {
  /** Bytes sent. */
  bytes: number;
  /** When the pass started (for a round after the first: when the previous one ended, pause included), seconds. */
  startS: number;
  /** When its last byte arrived, seconds. */
  endS: number;
  /** True for the final stop-and-copy pass (VM paused), false for pre-copy rounds. */
  stopAndCopy: boolean;
  /** Bytes put on the wire: `bytes / compressionRatio` (equal to `bytes` without compression). */
  wireBytes: number;
}

/** A migration's bytes moving to another route while it runs. */
export interface MigrationReroute {
  /** When the bytes started to flow on the new route, seconds. */
  atS: number;
  /** The new route, `spread` filled in. */
  route: Required<MigrationRoute>;
}

/** What happened to one migration. */
export interface MigrationRun {
  /** The request's id. */
  id: string;
  /** When it requested to start (the request's `requestS`). */
  requestS: number;
  /** When it got its slots on both hosts and started, >= requestS. */
  startS: number;
  /** When its first memory byte was sent: startS + setup time (+ jitter). */
  firstByteS: number;
  /** When the VM resumed on the target: the migration's end. */
  endS: number;
  /** Seconds the VM was paused: stop-and-copy time + resume time. */
  downtimeS: number;
  /** Pre-copy rounds run, counting the first full copy. */
  precopyRounds: number;
  /** True when pre-copy ended because the remaining bytes fell to the threshold, false when the round cap ended it. */
  converged: boolean;
  /** Every pass, pre-copy rounds then stop-and-copy. */
  passes: MigrationPass[];
  /** The links its flows crossed (from `route`, and from every re-route after it), in first-use order. */
  links: string[];
  /** The route chosen when it started, `spread` filled in. */
  route: Required<MigrationRoute>;
  /** Each later change of route (a flowlet move, a failover, a rebalance), in time order. */
  reroutes: MigrationReroute[];
}
