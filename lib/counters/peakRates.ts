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
  const peaks: Record<string, number> = {};
  for (const id of ids) peaks[id] = 0;
  for (const segment of result.segments) {
    for (const [id, gbps] of segment.linkGbps) {
      if (id in peaks && gbps > peaks[id]) peaks[id] = gbps;
    }
  }
  return peaks;
}
