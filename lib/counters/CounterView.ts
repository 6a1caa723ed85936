/**
 * What a person sees of the link counters in a Windows tool: rates sampled at a fixed interval. The two
 * tools differ in how a person reads them, see {@link concurrentUse}.
 */
export interface CounterView {
  /** `perfmon`: a Performance Monitor log, read afterwards sample by sample. `taskManager`: a live graph. */
  kind: 'perfmon' | 'taskManager';
  /** The links shown, in the order asked for. */
  links: string[];
  /** Seconds between two samples. */
  intervalS: number;
  /** Sample times in seconds (the end of each interval). */
  timesS: number[];
  /** For each link, the average rate over each interval, in Gbps. */
  gbps: Record<string, number[]>;
}

/** A Performance Monitor log of the links' rates. */
export interface PerfmonView extends CounterView {
  kind: 'perfmon';
}

/** Task Manager's network graphs of the links, as a person watching them live sees them. */
export interface TaskManagerView extends CounterView {
  kind: 'taskManager';
  /** Seconds of history the graph shows (see `TaskManagerViewOptions.windowS`). */
  windowS: number;
  /** Seconds something must stay on screen before the person notices it (see `TaskManagerViewOptions.minVisibleS`). */
  minVisibleS: number;
}
