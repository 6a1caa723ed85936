import { simulateTimeline } from '../../../lib/timeline';
import type { TimelineResult } from '../../../lib/timeline';

// Fixtures shared by the timeline and counters tests: units, link lists, a hand-solved run, and a way to
// look at what a call throws.

/** 1 GB = 10^9 bytes; at 10 Gbps a link moves 1.25 GB per second. */
export const GB = 1e9;

/** Timeline links from a map of link id to speed in Gbps, in the map's order. */
export function links(gbpsById: Record<string, number>): Array<{ id: string; gbps: number }> {
  return Object.entries(gbpsById).map(([id, gbps]) => ({ id, gbps }));
}

/** Two 10 Gbps links L and M; a 2.5 GB flow on L from 0.4 s runs at 10 Gbps (1.25 GB/s) for 2 s, until 2.4 s. */
export function stepRun(): TimelineResult {
  return simulateTimeline({
    links: links({ L: 10, M: 10 }),
    flows: [{ id: 'f', links: ['L'], bytes: 2.5 * GB, startS: 0.4 }],
  });
}

/** What `run` throws, or undefined when it returns. */
export function thrownBy(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}
