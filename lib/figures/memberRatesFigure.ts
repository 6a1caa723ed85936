import type { Figure } from '../Figure';
import { checkArray, checkOneOf, itemField } from '../fieldChecks';
import { sampleRates } from '../counters';
import type { ScenarioSimulation } from '../scenario';
import { baseLayout, SERIES_COLORS } from './baseLayout';
import { round3 } from './barFigure';

/** Options for `memberRatesFigure`. */
export interface MemberRatesFigureOptions {
  /** Hosts to draw, e.g. `['HV1', 'HV2']`. Default: every host that sent or received anything. */
  hosts?: string[];
  /** Which direction to draw for each host: `send`, `receive`, or `auto` (default: a host's send rates
   * if it sent more than it received, else its receive rates). */
  direction?: 'send' | 'receive' | 'auto';
  /** Sampling interval in seconds, like Performance Monitor's update interval. Default 1. */
  intervalS?: number;
  /** Figure title. Default `Per-member rates`. */
  title?: string;
}

const DIRECTIONS = ['send', 'receive', 'auto'] as const;

/**
 * Per-member rates over time, sampled like Performance Monitor's "Bytes Sent/sec" and "Bytes
 * Received/sec" counters (average over each interval), one line per host member.
 *
 * @throws InputError for a host not in the simulation, an unknown direction or a bad interval.
 */
export function memberRatesFigure(simulation: ScenarioSimulation, options: MemberRatesFigureOptions = {}): Figure {
  const { direction = 'auto', intervalS = 1, title = 'Per-member rates' } = options;
  checkOneOf(direction, 'direction', DIRECTIONS);
  const links = simulation.links;
  const known = Object.keys(simulation.result.hosts);
  const hostNames = options.hosts === undefined ? known : checkArray(options.hosts, 'hosts').map((host, k) => checkOneOf(host, itemField('hosts', k), known));
  const chosen = [];
  for (const host of hostNames) {
    const h = simulation.result.hosts[host];
    const members = Object.values(h.members);
    const sent = members.reduce((s, m) => s + m.sentGB, 0);
    const received = members.reduce((s, m) => s + m.receivedGB, 0);
    if (options.hosts === undefined && sent === 0 && received === 0) continue;
    const dir = direction === 'auto' ? (sent >= received ? 'send' : 'receive') : direction;
    chosen.push(...links.filter((l) => l.host === host && l.direction === dir));
  }
  const samples = sampleRates(simulation.timeline, { links: chosen.map((l) => l.id), intervalS });
  const data: Figure['data'] = chosen.map((link, i) => ({
    type: 'scatter',
    mode: 'lines',
    line: { shape: 'hv', color: SERIES_COLORS[i % SERIES_COLORS.length] },
    name: `${link.host} ${link.member} ${link.direction}`,
    x: samples.timesS.map(round3),
    y: (samples.gbps[link.id] ?? []).map(round3),
  }));
  return { data, layout: baseLayout({ title, xTitle: 'time (s)', yTitle: 'Gbps (average per sample)' }) };
}
