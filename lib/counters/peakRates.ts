import type { TimelineResult } from '../timeline';
import { checkLinks } from './checkLinks';

/**
 * The highest instantaneous rate of each link in the fluid model, in Gbps (0 for a link never used).
 * No tool shows this: sampled views average over their interval and can only show less.
 *
 * @example peakRates(result, ['hostA/nic1/send']) // => { 'hostA/nic1/send': 10 }
 */
export function peakRates(result: TimelineResult, links?: string[]): Record<string, number> {
  const ids = checkLinks(result, links);
  const peak = new Map<string, number>(ids.map((id) => [id, 0]));
  for (const segment of result.segments) {
    for (const [id, gbps] of segment.linkGbps) {
      const before = peak.get(id);
      if (before !== undefined && gbps > before) peak.set(id, gbps);
    }
  }
  const peaks: Record<string, number> = {};
  for (const id of ids) peaks[id] = peak.get(id) as number;
  return peaks;
}
