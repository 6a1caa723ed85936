// Cluster-drain benchmark: N live migrations through the whole scenario pipeline (validation, routing,
// pre-copy rounds, queueing, max-min sharing at every event, result). Target: a 10,000-migration drain in
// under a second. Prints medians of several runs and notes the machine.
import { machine, median, requireDist, table } from './_common.mjs';

const { simulateScenario, validateScenario } = requireDist('index.js');

/** Half the hosts drain to the other half, each with a 2 x 10 Gbps LACP team hashing TransportPorts. */
function clusterDrain(migrations, hosts = 100) {
  const team = { teamingMode: 'Lacp', loadBalancingAlgorithm: 'TransportPorts', members: [{ name: 'NIC1', gbps: 10 }, { name: 'NIC2', gbps: 10 }] };
  const half = hosts / 2;
  return {
    hosts: Array.from({ length: hosts }, (_, i) => ({ name: `HV${i + 1}`, ip: `10.${Math.floor(i / 250)}.${i % 250}.1`, team })),
    switch: { loadBalance: 'src-dst-port' },
    liveMigration: { simultaneous: 2, setupS: 1, setupJitterS: 0.5 },
    migrations: Array.from({ length: migrations }, (_, i) => ({
      vm: `VM${i + 1}`,
      from: `HV${(i % half) + 1}`,
      to: `HV${half + (i % half) + 1}`,
      memoryGiB: 4 + (i % 5) * 4,
      dirtyMBps: 20 + (i % 7) * 10,
    })),
  };
}

console.log(`machine: ${machine()}`);
const rows = [['migrations', 'median ms', 'runs']];
for (const n of [100, 1000, 10000]) {
  const scenario = validateScenario(clusterDrain(n));
  const runs = n >= 10000 ? 3 : 5;
  const times = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    // The result alone: the timeline (segments, every flow) would be computed again on first use.
    const sim = simulateScenario(scenario, { recordFlowRates: false });
    times.push(performance.now() - t0);
    if (sim.result.migrations.length !== n) throw new Error('a migration is missing from the result');
  }
  rows.push([n, median(times).toFixed(1), runs]);
}
console.log(table(rows, 'rrr'));
