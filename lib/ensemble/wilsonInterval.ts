import { checkNumber } from '../fieldChecks';
import { InputError } from '../InputError';

/** A probability estimated from draws, with its confidence interval. */
export interface ProbabilityEstimate {
  /** Draws in which the event appeared. */
  appeared: number;
  /** Draws run. */
  runs: number;
  /** appeared / runs. */
  probability: number;
  /** Lower end of the interval, 0 to 1. */
  low: number;
  /** Upper end of the interval, 0 to 1. */
  high: number;
  /** The interval's confidence level, e.g. 0.95. */
  confidence: number;
}

/** z for the two-sided confidence levels the library uses. */
const Z: Record<string, number> = { '0.9': 1.6448536269514722, '0.95': 1.959963984540054, '0.99': 2.5758293035489004 };

/**
 * The Wilson score interval for a probability seen `appeared` times in `runs` independent draws
 * (Wilson 1927; recommended over the normal "Wald" interval by Brown, Cai and DasGupta 2001, because it
 * stays inside [0, 1] and keeps close to its nominal coverage even at 0 or `runs` successes):
 * (p + z²/2n ± z sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n).
 *
 * @param confidence 0.9, 0.95 (default) or 0.99.
 * @example wilsonInterval(0, 10) // => { probability: 0, low: 0, high: 0.2775..., ... }
 * @throws InputError unless runs is an integer from 1 and appeared an integer from 0 to runs.
 */
export function wilsonInterval(appeared: number, runs: number, confidence = 0.95): ProbabilityEstimate {
  checkNumber(runs, 'runs', { integer: true, min: 1 });
  checkNumber(appeared, 'appeared', { integer: true, min: 0, max: runs });
  const z = Z[String(confidence)];
  if (z === undefined) throw new InputError('confidence', confidence, 'one of 0.9, 0.95, 0.99');
  const p = appeared / runs;
  const z2 = z * z;
  const centre = (p + z2 / (2 * runs)) / (1 + z2 / runs);
  const half = (z * Math.sqrt((p * (1 - p)) / runs + z2 / (4 * runs * runs))) / (1 + z2 / runs);
  // At 0 and `runs` successes one end is exactly 0 or 1; say so rather than leave float noise.
  const low = appeared === 0 ? 0 : Math.max(0, centre - half);
  const high = appeared === runs ? 1 : Math.min(1, centre + half);
  return { appeared, runs, probability: p, low, high, confidence };
}

/**
 * How many draws make the 95 % Wilson interval at most `halfWidth` wide on each side when the
 * probability is `p`: z² p(1-p) / halfWidth², and at least the count that makes an interval at 0 or 1
 * that narrow (z² / 2halfWidth - z²). Used to size ensembles; at p = 0.5 and ±0.05 it is 385.
 *
 * @throws InputError unless p is in [0, 1] and halfWidth in (0, 0.5].
 */
export function drawsForHalfWidth(p: number, halfWidth: number): number {
  checkNumber(p, 'p', { min: 0, max: 1 });
  checkNumber(halfWidth, 'halfWidth', { greaterThan: 0, max: 0.5 });
  const z2 = Z['0.95'] ** 2;
  const atEdge = z2 / (2 * halfWidth) - z2;
  return Math.ceil(Math.max(atEdge, (z2 * p * (1 - p)) / (halfWidth * halfWidth)));
}
