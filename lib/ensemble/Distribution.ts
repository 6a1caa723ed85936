import { InputError } from '../InputError';

/** The spread of one measured figure over the draws of an ensemble. */
export interface Distribution {
  /** Draws summarised. */
  runs: number;
  mean: number;
  min: number;
  /** 5th percentile (nearest rank). */
  p05: number;
  /** Median (nearest rank). */
  median: number;
  /** 95th percentile (nearest rank). */
  p95: number;
  max: number;
  /** Every draw's value, in draw order (for histograms). */
  values: number[];
}

/**
 * Summarises the values a figure took over the draws: mean, extremes and nearest-rank percentiles.
 *
 * @throws InputError for an empty list or a value that is not a finite number.
 */
export function distribution(values: readonly number[]): Distribution {
  if (values.length === 0) throw new InputError('values', values, 'at least one value');
  values.forEach((v, i) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new InputError(`values[${i}]`, v, 'a finite number');
  });
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  return {
    runs: values.length,
    mean: values.reduce((s, v) => s + v, 0) / values.length,
    min: sorted[0],
    p05: rank(0.05),
    median: rank(0.5),
    p95: rank(0.95),
    max: sorted[sorted.length - 1],
    values: [...values],
  };
}
