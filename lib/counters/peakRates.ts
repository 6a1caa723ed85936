import { InputError } from '../InputError';
import type { TimelineResult } from '../timeline';
import { checkLinks } from './checkLinks';

/**
 * The highest instantaneous rate of each link in the fluid model, in Gbps (0 for a link never used).
 * No tool shows this: sampled views average over their interval and can only show less. A timeline tracks
 * every link's peak as it runs (`peakGbps`), so this works on runs that recorded no segments too; a
 * result without it is read from its segments.
 *
 * @example peakRates(result, ['hostA/nic1/send']) // => { 'hostA/nic1/send': 10 }
 */
export function peakRates(result: TimelineResult, links?: string[]): Record<string, number> {
  if (result.peakGbps !== undefined) {
    const known = result.peakGbps;
    const ids = links === undefined ? result.links.map((link) => link.id) : links;
    if (!Array.isArray(ids)) throw new InputError('links', ids, 'an array of link ids');
    const peaks: Record<string, number> = {};
    ids.forEach((id, k) => {
      if (!Object.prototype.hasOwnProperty.call(known, id)) throw new InputError(`links[${k}]`, id, 'the id of a link of the timeline');
      peaks[id] = known[id];
    });
    return peaks;
  }
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
