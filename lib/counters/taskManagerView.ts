import type { TimelineResult } from '../timeline';
import { InputError } from '../InputError';
import type { TaskManagerView } from './CounterView';
import { checkPositive } from './checkLinks';
import { sampleRates } from './sampleRates';

/** Options of {@link taskManagerView}. */
export interface TaskManagerViewOptions {
  /** Links whose graphs the person watches (one graph per member); at least one. */
  links: string[];
  /**
   * Seconds between two updates of the graph. Default 1, Task Manager's "Normal" update speed (High is
   * about 0.5 s, Low 4 s). Those figures come from non-authoritative pages only: unverified.
   */
  updateIntervalS?: number;
  /**
   * Seconds of history one graph shows. Default 60, as commonly described for Task Manager since
   * Windows 8 (unverified). Figures use it to draw what is on screen; it does not change what is noticed
   * here, because the person is assumed to watch for the whole run.
   */
  windowS?: number;
  /**
   * Seconds two graphs must both stay high before the person watching notices that both members are in
   * use. Default 3. This is OUR assumption, not a measured or documented figure: a person glancing at a
   * live graph needs a few updates to see a change, and Task Manager's own timing is itself unverified.
   */
  minVisibleS?: number;
  /** Phase of the update clock, in seconds: updates at `offsetS + k * updateIntervalS`. Default 0. */
  offsetS?: number;
  /** Updates go on until the first update at or after this time. Default the run's end. */
  untilS?: number;
}

/**
 * What a person watching Task Manager's network graphs sees: each update shows the average rate since
 * the previous one (sampled like Performance Monitor), and a use of two members at once is noticed only
 * if it lasts at least `minVisibleS` (see {@link concurrentUse}).
 */
export function taskManagerView(result: TimelineResult, options: TaskManagerViewOptions): TaskManagerView {
  if (options === null || typeof options !== 'object') throw new InputError('options', options, 'an object with links');
  if (!Array.isArray(options.links) || options.links.length === 0) {
    throw new InputError('links', options.links, 'an array of at least one link id');
  }
  const intervalS = checkPositive('updateIntervalS', options.updateIntervalS ?? 1);
  const windowS = checkPositive('windowS', options.windowS ?? 60);
  const minVisibleS = checkPositive('minVisibleS', options.minVisibleS ?? 3);
  const { timesS, gbps } = sampleRates(result, { links: options.links, intervalS, offsetS: options.offsetS, untilS: options.untilS });
  return { kind: 'taskManager', links: options.links.slice(), intervalS, windowS, minVisibleS, timesS, gbps };
}
