import { InputError } from '../InputError';

/** Most pre-copy rounds `precopyModel` accepts (`maxRounds`). */
export const MAX_PRECOPY_ROUNDS = 1000;

/** Options for `precopyModel`. All sizes in bytes, all rates in bytes per second. */
export interface PrecopyModelOptions {
  /** M: the VM's memory in bytes (for a VM shown as 8 GiB, 8 * 2^30). Greater than 0. */
  memoryBytes: number;
  /** D: how fast the running VM dirties memory, bytes per second. 0 or more (0 = idle VM). */
  dirtyBytesPerS: number;
  /** B: the bandwidth the migration gets, bytes per second (10 Gbps = 1.25e9). Greater than 0. */
  bandwidthBytesPerS: number;
  /**
   * n_max: most pre-copy rounds, counting the first full copy (round 0). An integer from 1 to
   * `MAX_PRECOPY_ROUNDS` (1000: when dirtying outpaces the link every round resends the whole memory,
   * so the cap alone bounds the work).
   * Default 5 (the "five memory-copy passes" of Windows Server 2012 R2, as John Savill's *Mastering Hyper-V*
   * describes them; Microsoft's documentation does not state the cap, so it is a parameter).
   */
  maxRounds?: number;
  /** V_thd: pre-copy stops once the next round would send this many bytes or fewer. 0 or more. */
  stopThresholdBytes: number;
  /** T_res: seconds to resume the VM on the target after the last byte arrives. Default 0. */
  resumeS?: number;
}

/** One copy pass of a migration. */
export interface PrecopyRound {
  /** Bytes sent in the pass. */
  bytes: number;
  /** How long the pass takes at the given bandwidth, seconds. */
  durationS: number;
}

/** What `precopyModel` returns. */
export interface PrecopyModelResult {
  /**
   * Every pass in order: the pre-copy rounds 0 .. n-1 (VM running), then the stop-and-copy pass n
   * (VM paused). So `rounds.length` is `precopyRounds + 1`.
   */
  rounds: PrecopyRound[];
  /** n: pre-copy rounds, counting the first full copy; between 1 and `maxRounds`. */
  precopyRounds: number;
  /** Bytes sent in all passes: sum of V_i for i = 0..n. */
  totalBytes: number;
  /** Total migration time: `totalBytes / B + resumeS` (no setup time). */
  totalS: number;
  /** Time the VM is paused: stop-and-copy time `V_n / B` plus `resumeS`. */
  downtimeS: number;
  /** True when pre-copy stopped because the remaining bytes fell to the threshold, false when the round cap stopped it. */
  converged: boolean;
}

/**
 * The standard closed-form pre-copy model (the geometric series used by Liu et al., HPDC 2011).
 * With λ = D/B, round 0 sends all memory and round i sends what was dirtied during round i-1:
 *
 *   V_i = M λ^i,  n = min(n_max, ceil(ln(V_thd/M) / ln λ)) (at least 1),
 *   total = M (1 - λ^(n+1)) / (1 - λ),  downtime = V_n / B + T_res.
 *
 * Two edges the formula leaves open are settled here:
 * - λ >= 1: dirtying outpaces the copy, pre-copy never converges and only the round cap ends it;
 *   no pass can send more than the whole memory, so every pass sends M (V_i = M min(1, λ)^i).
 * - The first full copy always runs while the VM runs (n >= 1), even when M <= V_thd or D = 0.
 *
 * n is found as the first i with V_i <= V_thd (which is the ceiling above, without rounding
 * trouble when the ratio is an exact power of λ).
 *
 * @example precopyModel({ memoryBytes: 1e9, dirtyBytesPerS: 0.5e9, bandwidthBytesPerS: 1e9, stopThresholdBytes: 0.2e9 })
 * // λ = 0.5: pre-copy 1e9, 0.5e9, 0.25e9; 0.125e9 <= 0.2e9 so n = 3 and stop-and-copy sends 0.125e9:
 * // { precopyRounds: 3, totalBytes: 1.875e9, totalS: 1.875, downtimeS: 0.125, converged: true, rounds: [...] }
 * @throws InputError for a size, rate or count out of range.
 */
export function precopyModel(options: PrecopyModelOptions): PrecopyModelResult {
  const { memoryBytes, dirtyBytesPerS, bandwidthBytesPerS, maxRounds = 5, stopThresholdBytes, resumeS = 0 } = options;
  checkNumber(memoryBytes, 'memoryBytes', 'a finite number greater than 0', (x) => x > 0);
  checkNumber(dirtyBytesPerS, 'dirtyBytesPerS', 'a finite number 0 or more', (x) => x >= 0);
  checkNumber(bandwidthBytesPerS, 'bandwidthBytesPerS', 'a finite number greater than 0', (x) => x > 0);
  checkNumber(maxRounds, 'maxRounds', `an integer from 1 to ${MAX_PRECOPY_ROUNDS}`, (x) => Number.isInteger(x) && x >= 1 && x <= MAX_PRECOPY_ROUNDS);
  checkNumber(stopThresholdBytes, 'stopThresholdBytes', 'a finite number 0 or more', (x) => x >= 0);
  checkNumber(resumeS, 'resumeS', 'a finite number 0 or more', (x) => x >= 0);

  const ratio = Math.min(1, dirtyBytesPerS / bandwidthBytesPerS);
  const volume = (i: number) => memoryBytes * Math.pow(ratio, i);
  let n = 1;
  while (n < maxRounds && volume(n) > stopThresholdBytes) n++;

  const rounds: PrecopyRound[] = [];
  for (let i = 0; i <= n; i++) {
    const bytes = volume(i);
    rounds.push({ bytes, durationS: bytes / bandwidthBytesPerS });
  }
  const totalBytes = rounds.reduce((sum, r) => sum + r.bytes, 0);
  const last = rounds[n];
  return {
    rounds,
    precopyRounds: n,
    totalBytes,
    totalS: totalBytes / bandwidthBytesPerS + resumeS,
    downtimeS: last.durationS + resumeS,
    converged: last.bytes <= stopThresholdBytes,
  };
}

function checkNumber(value: number, field: string, allowed: string, ok: (x: number) => boolean): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || !ok(value)) throw new InputError(field, value, allowed);
}
