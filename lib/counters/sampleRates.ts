import { InputError } from '../InputError';
import type { TimelineResult } from '../timeline';
import { checkFinite, checkLinks, checkPositive } from './checkLinks';
import { counterAt, linkCounters } from './linkCounter';

/** Options of {@link sampleRates}. */
export interface SampleRatesOptions {
  /** Links to sample; default every link the timeline recorded. */
  links?: string[];
  /**
   * Seconds between two samples, > 0. Default 1: Performance Monitor's update interval defaults to
   * 1 s (and cannot go lower), and Task Manager's "Normal" update speed is also about 1 s.
   */
  intervalS?: number;
  /**
   * Phase of the sampling clock: samples fall at `offsetS + k * intervalS`, k = 1, 2, ... Default 0.
   * A real tool's clock has no relation to when a migration starts, so any phase is as likely.
   */
  offsetS?: number;
  /** Sampling goes on until the first sample time at or after this, in seconds. Default the run's end. */
  untilS?: number;
}

/** Sampled rates, one series per link. */
export interface SampledRates {
  /** Sample times in seconds: the end of each interval. */
  timesS: number[];
  /** For each link, the average rate over the interval ending at each sample time, in Gbps. */
  gbps: Record<string, number[]>;
}

/** More samples than this is surely a mistake (an interval far too small for the run). */
const MAX_SAMPLES = 10_000_000;

/**
 * Samples link rates the way Performance Monitor does for "Bytes Sent/sec" (counter type
 * PERF_COUNTER_COUNTER): each value is (C(t_k) - C(t_(k-1))) / (t_k - t_(k-1)), the average over the last
 * interval, not an instantaneous rate. A step change that falls inside an interval therefore shows as
 * one intermediate value.
 *
 * @example sampleRates(result, { intervalS: 1 }) // => { timesS: [1, 2, 3], gbps: { L: [6, 10, 4] } }
 */
export function sampleRates(result: TimelineResult, options: SampleRatesOptions = {}): SampledRates {
  const links = checkLinks(result, options.links);
  const intervalS = checkPositive('intervalS', options.intervalS ?? 1);
  const offsetS = checkFinite('offsetS', options.offsetS ?? 0);
  const untilS = checkFinite('untilS', options.untilS ?? Math.max(result.durationS, offsetS));
  if (untilS < offsetS) throw new InputError('untilS', untilS, `a time >= offsetS (${offsetS})`);
  const count = Math.max(0, Math.ceil((untilS - offsetS) / intervalS - 1e-9));
  if (count > MAX_SAMPLES) throw new InputError('intervalS', intervalS, `an interval giving at most ${MAX_SAMPLES} samples`);

  const timesS: number[] = [];
  for (let k = 1; k <= count; k++) timesS.push(offsetS + k * intervalS);
  const counters = linkCounters(result, links);
  const gbps: Record<string, number[]> = {};
  for (const id of links) {
    const counter = counters[id];
    const series: number[] = [];
    let before = counterAt(counter, offsetS);
    let previousS = offsetS;
    for (const t of timesS) {
      const now = counterAt(counter, t);
      series.push(((now - before) * 8) / 1e9 / (t - previousS));
      before = now;
      previousS = t;
    }
    gbps[id] = series;
  }
  return { timesS, gbps };
}
