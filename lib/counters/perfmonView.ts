import type { TimelineResult } from '../timeline';
import { InputError } from '../InputError';
import type { PerfmonView } from './CounterView';
import { sampleRates } from './sampleRates';

/** Options of {@link perfmonView}. */
export interface PerfmonViewOptions {
  /** Links to log (e.g. every member of a team in one direction); at least one. */
  links: string[];
  /** Sample interval in seconds. Default 1, Performance Monitor's default (and minimum) update interval. */
  intervalS?: number;
  /** Phase of the sampling clock, in seconds: samples at `offsetS + k * intervalS`. Default 0. */
  offsetS?: number;
  /** Sampling goes on until the first sample at or after this time. Default the run's end. */
  untilS?: number;
}

/**
 * A Performance Monitor log of the links' "Bytes Sent/sec" or "Bytes Received/sec" (shown in Gbps): every
 * sample is the average rate over the interval before it. A log is read afterwards, sample by sample, so
 * a single sample in which two members both carry traffic is enough to see that the team used them at once.
 */
export function perfmonView(result: TimelineResult, options: PerfmonViewOptions): PerfmonView {
  if (options === null || typeof options !== 'object') throw new InputError('options', options, 'an object with links');
  if (!Array.isArray(options.links) || options.links.length === 0) {
    throw new InputError('links', options.links, 'an array of at least one link id');
  }
  const intervalS = options.intervalS ?? 1;
  const { timesS, gbps } = sampleRates(result, { links: options.links, intervalS, offsetS: options.offsetS, untilS: options.untilS });
  return { kind: 'perfmon', links: options.links.slice(), intervalS, timesS, gbps };
}
