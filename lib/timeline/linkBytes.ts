import type { TimelineResult } from './TimelineResult';

/**
 * Bytes each link carried over the whole run: what the timeline counted as flows (and re-routed stretches
 * of flows) ended, each moving all its bytes over every link it crossed, or, for a result made by hand,
 * the same sum over its `flows`. Exact (no integration of rates), and every link of the run is listed,
 * with 0 when nothing crossed it.
 *
 * @example linkBytes(simulateTimeline({ links, flows }))['hostA/nic1/send'] // => 2.5e9
 */
export function linkBytes(result: TimelineResult): Record<string, number> {
  if (result.bytesByLink !== undefined) return { ...result.bytesByLink };
  const totals: Record<string, number> = {};
  for (const link of result.links) totals[link.id] = 0;
  for (const flow of result.flows) for (const id of flow.links) totals[id] += flow.bytes;
  return totals;
}
