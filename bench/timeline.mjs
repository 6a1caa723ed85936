// Benchmark of the fluid timeline (lib/timeline): (1) runs of independent flows, 100 to 100,000, the
// host count growing with them; (2) a cluster drain of 10,000 live migrations over 100 hosts, each a
// chain of 5 pre-copy rounds built with onFlowEnd (about 50,000 flows), 2 outgoing migrations per host at
// a time. Plain Node over the BUILT library: run `npx tsc -p lib/tsconfig.json` first (or set
// TEAMING_LAB_DIST to another build folder). Prints medians; asserts nothing.
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { machine, median, prng, requireDist, table } from './_common.mjs';

const { simulateTimeline } = requireDist('timeline/index.js');

const RUNS = 5;
const GB = 1e9;

function hostLinks(hosts, gbps) {
  const links = [];
  for (let h = 0; h < hosts; h++) links.push({ id: `h${h}/send`, gbps }, { id: `h${h}/receive`, gbps });
  return links;
}

function randomPair(random, hosts) {
  const src = Math.floor(random() * hosts);
  let dst = Math.floor(random() * (hosts - 1));
  if (dst >= src) dst++;
  return [src, dst];
}

/**
 * `flowCount` host-to-host flows of 0.5 to 4 GB over 10 Gbps hosts (one host per 100 flows, at most 100
 * hosts; past that the run gets longer), arriving at random times at a pace that loads each host's links
 * to about 60% on average (a stable load: the number of active flows stays small instead of piling up).
 */
function independentFlows(flowCount, seed) {
  const random = prng(seed);
  const hosts = Math.min(100, Math.max(5, Math.round(flowCount / 100)));
  // Mean flow 2.25 GB; 60% of 1.25 GB/s per host => 0.333 arrivals per host per second.
  const spanS = flowCount / (hosts * ((0.6 * 1.25) / 2.25));
  const flows = [];
  for (let f = 0; f < flowCount; f++) {
    const [src, dst] = randomPair(random, hosts);
    flows.push({ id: `f${f}`, links: [`h${src}/send`, `h${dst}/receive`], bytes: (0.5 + random() * 3.5) * GB, startS: random() * spanS });
  }
  return { links: hostLinks(hosts, 10), flows };
}

/**
 * A drain: `migrations` VMs of 2 to 16 GB leave their hosts (spread evenly over `hosts`) for random other
 * hosts, at most `perHost` outgoing at a time; each migration is `rounds` chained flows, each round
 * sending 30% of the previous one (dirty pages), and the host starts its next queued VM when one ends.
 */
function drain({ hosts = 100, migrations = 10_000, rounds = 5, perHost = 2, seed = 7 } = {}) {
  const random = prng(seed);
  const queues = Array.from({ length: hosts }, () => []);
  for (let m = 0; m < migrations; m++) {
    const [src, dst] = randomPair(random, hosts);
    queues[src].push({ m, src, dst, bytes: (2 + random() * 14) * GB });
  }
  const next = queues.map(() => 0);
  const start = (src, nowS) => {
    const vm = queues[src][next[src]++];
    if (vm === undefined) return [];
    return [{ id: `vm${vm.m}/r0`, links: [`h${vm.src}/send`, `h${vm.dst}/receive`], bytes: vm.bytes, startS: nowS, tag: `${vm.src}` }];
  };
  const flows = [];
  for (let h = 0; h < hosts; h++) for (let k = 0; k < perHost; k++) flows.push(...start(h, 0));
  const onFlowEnd = (ended, nowS) => {
    const [vm, round] = ended.id.split('/r');
    const r = Number(round);
    if (r + 1 < rounds) {
      return [{ ...ended, id: `${vm}/r${r + 1}`, bytes: ended.bytes * 0.3, startS: nowS, endS: undefined }].map(
        ({ id, links, bytes, startS, tag }) => ({ id, links, bytes, startS, tag }),
      );
    }
    return start(Number(ended.tag), nowS);
  };
  return { links: hostLinks(hosts, 10), flows, onFlowEnd };
}

/** Most flows running at once, from the recorded flow rates. */
function maxActive(result) {
  return Math.max(0, ...result.segments.map((s) => (s.flowGbps ?? []).length));
}

/** Median wall-clock and CPU milliseconds of RUNS runs (CPU time suffers less when the machine is busy). */
function measure(build, options) {
  let result;
  const wall = [];
  const cpu = [];
  for (let r = 0; r <= RUNS; r++) {
    const input = { ...build(), ...options };
    const start = performance.now();
    const startCpu = process.cpuUsage();
    result = simulateTimeline(input);
    const usedCpu = process.cpuUsage(startCpu);
    if (r === 0) continue; // warm-up
    wall.push(performance.now() - start);
    cpu.push((usedCpu.user + usedCpu.system) / 1000);
  }
  return { ms: median(wall), cpuMs: median(cpu), result };
}

const lean = { recordFlowRates: false, recordLinks: [] };
console.log(`simulateTimeline benchmark: ${machine()}, load average ${os.loadavg()[0].toFixed(1)}`);
console.log(`median of ${RUNS} runs after one warm-up run, wall-clock and CPU ms`);
console.log('"all" records every link and flow rate in segments, "lean" records none (recordFlowRates false, recordLinks [])\n');
console.log('independent flows');
const flowRows = [['flows', 'links', 'events', 'max active', 'segments', 'all wall', 'all cpu', 'lean wall', 'lean cpu']];
for (const flowCount of [100, 1_000, 10_000, 100_000]) {
  const build = () => independentFlows(flowCount, 42);
  // Recording every flow's rate in every segment at 100,000 flows would hold ~10^8 pairs: skipped.
  const all = flowCount <= 10_000 ? measure(build, {}) : undefined;
  const fast = measure(build, lean);
  flowRows.push([
    flowCount,
    build().links.length,
    fast.result.eventCount,
    all ? maxActive(all.result) : '-',
    all ? all.result.segments.length : '-',
    all ? all.ms.toFixed(0) : 'skipped',
    all ? all.cpuMs.toFixed(0) : '-',
    fast.ms.toFixed(0),
    fast.cpuMs.toFixed(0),
  ]);
}
console.log(table(flowRows, 'rrrrrrrrr'));

console.log('\ndrain: 100 hosts at 10 Gbps, 10,000 migrations x 5 chained rounds, 2 outgoing per host');
const drainRows = [['recording', 'flows', 'events', 'simulated s', 'wall ms', 'cpu ms']];
for (const [name, options] of [
  ['lean (no rates)', lean],
  ['links of host 0 only', { recordFlowRates: false, recordLinks: ['h0/send', 'h0/receive'] }],
  ['every link, no flow rates', { recordFlowRates: false }],
  ['everything', {}],
]) {
  const { ms, cpuMs, result } = measure(() => drain(), options);
  drainRows.push([name, result.flows.length, result.eventCount, result.durationS.toFixed(0), ms.toFixed(0), cpuMs.toFixed(0)]);
}
console.log(table(drainRows, 'lrrrrr'));
