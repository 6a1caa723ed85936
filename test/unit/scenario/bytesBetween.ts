import type { ScenarioSimulation } from '../../../lib/scenario';

/** Bytes a link carried between two times, from the segments' link rates (test helper). */
export function bytesBetween(sim: ScenarioSimulation, link: string, fromS: number, toS: number): number {
  let bytes = 0;
  for (const s of sim.timeline.segments) {
    const span = Math.min(s.endS, toS) - Math.max(s.startS, fromS);
    const rate = s.linkGbps.find(([id]) => id === link);
    if (span > 0 && rate) bytes += (rate[1] * 1e9 * span) / 8;
  }
  return bytes;
}
