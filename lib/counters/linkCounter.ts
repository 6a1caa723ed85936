import { InputError } from '../InputError';
import type { TimelineResult } from '../timeline';

/** A cumulative byte counter, exact at its breakpoints and linear in between. */
export interface ByteCounter {
  /** Breakpoints in seconds, increasing: the start of the run and the end of every segment. */
  timesS: number[];
  /** Bytes counted from the start of the run up to each breakpoint. */
  bytes: number[];
}

/** Bytes per second carried at 1 Gbps. */
const BYTES_PER_GBPS_SECOND = 1e9 / 8;

/**
 * The byte counter of one link, like the "Bytes Sent" total an interface keeps, but exact: the fluid
 * model's rates are constant within a segment, so the counter is piecewise linear with a breakpoint at
 * every segment end. The link's rates must have been recorded (`result.recordedLinks`).
 *
 * @example linkCounter(result, 'hostA/nic1/send') // => { timesS: [0, 2], bytes: [0, 2.5e9] }
 */
export function linkCounter(result: TimelineResult, linkId: string): ByteCounter {
  if (!result.recordedLinks.includes(linkId)) {
    throw new InputError('linkId', linkId, 'the id of a link whose rates the timeline recorded (result.recordedLinks)');
  }
  return linkCounters(result, [linkId])[linkId];
}

/** The counters of several links in one pass over the segments (all share the same breakpoints). */
export function linkCounters(result: TimelineResult, links: string[]): Record<string, ByteCounter> {
  const segments = result.segments;
  const timesS = [segments.length > 0 ? segments[0].startS : 0];
  for (const segment of segments) timesS.push(segment.endS);
  const column = new Map<string, number>();
  const running = new Float64Array(links.length);
  const bytes: number[][] = links.map((id, i) => {
    column.set(id, i);
    return [0];
  });
  for (const segment of segments) {
    const seconds = segment.endS - segment.startS;
    for (const [id, gbps] of segment.linkGbps) {
      const i = column.get(id);
      if (i !== undefined) running[i] += gbps * BYTES_PER_GBPS_SECOND * seconds;
    }
    for (let i = 0; i < links.length; i++) bytes[i].push(running[i]);
  }
  const counters: Record<string, ByteCounter> = {};
  links.forEach((id, i) => {
    counters[id] = { timesS: timesS.slice(), bytes: bytes[i] };
  });
  return counters;
}

/** The counter's value at time `t` (seconds): 0 before the first breakpoint, the total after the last. */
export function counterAt(counter: ByteCounter, t: number): number {
  const { timesS, bytes } = counter;
  const last = timesS.length - 1;
  if (t <= timesS[0]) return bytes[0];
  if (t >= timesS[last]) return bytes[last];
  let lo = 0;
  let hi = last;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (timesS[mid] <= t) lo = mid;
    else hi = mid;
  }
  const span = timesS[hi] - timesS[lo];
  return bytes[lo] + ((bytes[hi] - bytes[lo]) * (t - timesS[lo])) / span;
}
