import type { Distribution, ProbabilityEstimate, ScenarioEnsemble } from '../ensemble';
import { fixed, formatTable } from './formatTable';

/** The text report of `simulate FILE --runs N`: the drain time's spread, then one row per host. */
export function formatScenarioEnsemble(file: string, ensemble: ScenarioEnsemble): string {
  const spread = (d: Distribution, digits: number) => `${fixed(d.median, digits)} (${fixed(d.p05, digits)} to ${fixed(d.p95, digits)})`;
  const chance = (p: ProbabilityEstimate | null) => (p === null ? '-' : `${fixed(p.probability, 2)} [${fixed(p.low, 2)}, ${fixed(p.high, 2)}]`);
  const parts = [
    `${file}: ${ensemble.runs} draws of the hosts' RSS keys and first ephemeral ports\n`,
    `drain time: median ${spread(ensemble.durationS, 2)} s, 5th to 95th percentile\n`,
    '\nHosts (median, 5th to 95th percentile; probabilities with 95 % Wilson intervals)\n',
  ];
  const rows = Object.entries(ensemble.hosts).map(([name, host]) => [
    name,
    spread(host.peakSendGbps, 1),
    spread(host.peakReceiveGbps, 1),
    chance(host.sendOnAllMembers),
    chance(host.receiveOnAllMembers),
  ]);
  parts.push(formatTable(['host', 'peak send Gbps', 'peak receive Gbps', 'P(send on all members)', 'P(receive on all members)'], rows));
  return parts.join('');
}

/** The ensemble as `--json` prints it: each distribution without its per-draw values. */
export function withoutValues(ensemble: ScenarioEnsemble): unknown {
  return JSON.parse(JSON.stringify(ensemble, (key, value) => (key === 'values' ? undefined : value)));
}
