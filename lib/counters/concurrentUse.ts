import { InputError } from '../InputError';
import type { PerfmonView, TaskManagerView } from './CounterView';
import { checkPositive } from './checkLinks';

/** Options of {@link concurrentUse}. */
export interface ConcurrentUseOptions {
  /** A link counts as in use in a sample when its rate there is above this, in Gbps (>= 0). */
  thresholdGbps: number;
  /** How many links must be in use in the same sample. Default 2 ("more than one member"). */
  minLinks?: number;
}

/** Whether a view shows several links in use at once. */
export interface ConcurrentUse {
  /** True when the person reading the view would see it (see {@link concurrentUse} for the rule). */
  seen: boolean;
  /** For each sample, whether at least `minLinks` links were above the threshold in it. */
  samples: boolean[];
  /** Longest run of consecutive flagged samples, in seconds (samples x interval). */
  longestS: number;
  /**
   * When the person sees it, in seconds: the first flagged sample in a Performance Monitor log, the
   * update that completes the first long-enough run in Task Manager; `null` when not seen.
   */
  firstSeenS: number | null;
}

/**
 * Does the view show at least `minLinks` links above `thresholdGbps` at the same time?
 * - Performance Monitor (`perfmon`): yes if ANY sample shows it, because a log is read afterwards.
 * - Task Manager (`taskManager`): yes only if it lasts for consecutive updates covering at least the
 *   view's `minVisibleS`, because a person watching a live graph misses a blip.
 *
 * @example concurrentUse(perfmonView(result, { links }), { thresholdGbps: 1 }).seen // => true
 * @throws InputError for a bad threshold or link count, or a view whose links lack a full series of rates.
 */
export function concurrentUse(view: PerfmonView | TaskManagerView, options: ConcurrentUseOptions): ConcurrentUse {
  if (options === null || typeof options !== 'object') throw new InputError('options', options, 'an object with thresholdGbps');
  const threshold = options.thresholdGbps;
  if (typeof threshold !== 'number' || !Number.isFinite(threshold) || threshold < 0) {
    throw new InputError('thresholdGbps', threshold, 'a finite number >= 0');
  }
  const minLinks = options.minLinks ?? 2;
  if (!Number.isInteger(minLinks) || minLinks < 1) throw new InputError('minLinks', minLinks, 'an integer >= 1');
  checkPositive('view.intervalS', view.intervalS);
  for (const id of view.links) {
    const series = view.gbps[id];
    if (!Array.isArray(series) || series.length !== view.timesS.length) {
      throw new InputError('view.links', id, 'links that each have a series in view.gbps, one rate per sample time');
    }
  }

  const needed = view.kind === 'taskManager' ? Math.max(1, Math.ceil(view.minVisibleS / view.intervalS - 1e-9)) : 1;
  const samples: boolean[] = view.timesS.map((_, k) => {
    let above = 0;
    for (const id of view.links) if (view.gbps[id][k] > threshold) above++;
    return above >= minLinks;
  });
  let run = 0;
  let longest = 0;
  let firstSeenS: number | null = null;
  samples.forEach((flagged, k) => {
    run = flagged ? run + 1 : 0;
    if (run > longest) longest = run;
    if (firstSeenS === null && run >= needed) firstSeenS = view.timesS[k];
  });
  return { seen: firstSeenS !== null, samples, longestS: longest * view.intervalS, firstSeenS };
}
