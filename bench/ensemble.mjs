// Ensemble benchmark: what `teaming-lab reproduce` costs now that every finding runs over many draws of the
// hosts' RSS keys and first ephemeral ports. Times each experiment's ensemble at a fixed 100 draws (per-draw
// cost) and the whole default `auto` run (up to 400 draws per finding, stopping at +-0.05). Prints medians
// of a few runs and notes the machine (other load on it shows in the numbers).
import os from 'node:os';
import { machine, median, requireDist, table } from './_common.mjs';

const { experiments, runEnsemble, reproduceEnsemble } = requireDist('index.js');

const time = (fn) => {
  const start = process.hrtime.bigint();
  const value = fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
};

console.log(`machine: ${machine()}; load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
const rows = [['experiment', 'draws', 'ms per draw', 'ms total']];
for (const experiment of Object.values(experiments)) {
  const runs = experiment.dependsOnDraw ? 100 : 1;
  const { ms } = time(() => runEnsemble(experiment, { runs }));
  rows.push([experiment.id, String(runs), (ms / runs).toFixed(1), ms.toFixed(0)]);
}
console.log(table(rows, 'lrrr'));

const totals = [];
let draws = 0;
for (let i = 0; i < 2; i++) {
  const { ms, value } = time(() => reproduceEnsemble());
  totals.push(ms);
  draws = value.reduce((n, finding) => n + finding.runs, 0);
}
console.log(`reproduce (auto, +-0.05): median ${(median(totals) / 1000).toFixed(1)} s for ${draws} draws in all`);
