// Benchmark of the max-min solver (lib/sharing): solve time for growing numbers of flows, the link
// count growing with them. Plain Node over the BUILT library: run `npx tsc -p lib/tsconfig.json` first
// (or set TEAMING_LAB_DIST to another build folder). Prints medians; asserts nothing.
import { performance } from 'node:perf_hooks';
import { machine, median, prng, requireDist, table } from './_common.mjs';

const { maxMinFair, maxMinFairIndexed } = requireDist('sharing/index.js');

const RUNS = 7;

/** `flowCount` host-to-host flows over hosts with one send and one receive link each; 1 flow in 10 capped. */
function instance(flowCount, seed) {
  const random = prng(seed);
  const hosts = Math.max(5, Math.round(flowCount / 200));
  const links = [];
  for (let h = 0; h < hosts; h++) {
    const gbps = [10, 25, 40][h % 3];
    links.push({ id: `h${h}/send`, capacity: gbps }, { id: `h${h}/receive`, capacity: gbps });
  }
  const flows = [];
  for (let f = 0; f < flowCount; f++) {
    const src = Math.floor(random() * hosts);
    let dst = Math.floor(random() * (hosts - 1));
    if (dst >= src) dst++;
    const flow = { id: `f${f}`, links: [`h${src}/send`, `h${dst}/receive`] };
    if (random() < 0.1) flow.cap = 0.05 + random() * 2;
    flows.push(flow);
  }
  return { links, flows };
}

/** The same instance on indices, for maxMinFairIndexed (no validation, no id bookkeeping). */
function indexed({ links, flows }) {
  const index = new Map(links.map((l, i) => [l.id, i]));
  const flowLinkStart = new Int32Array(flows.length + 1);
  const flowLinks = new Int32Array(flows.length * 2);
  const flowCap = new Float64Array(flows.length);
  flows.forEach((flow, f) => {
    flowLinks[2 * f] = index.get(flow.links[0]);
    flowLinks[2 * f + 1] = index.get(flow.links[1]);
    flowLinkStart[f + 1] = 2 * f + 2;
    flowCap[f] = flow.cap ?? Infinity;
  });
  return { linkCapacity: Float64Array.from(links, (l) => l.capacity), flowCap, flowLinkStart, flowLinks };
}

function timeMedian(run) {
  run();
  const times = [];
  for (let r = 0; r < RUNS; r++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return median(times);
}

console.log(`maxMinFair benchmark: ${machine()}`);
console.log(`median of ${RUNS} runs after one warm-up run`);
const rows = [['flows', 'links', 'maxMinFair ms', 'maxMinFairIndexed ms', 'wrapper / core']];
for (const flowCount of [100, 1_000, 10_000, 100_000]) {
  const input = instance(flowCount, 42);
  const problem = indexed(input);
  const full = timeMedian(() => maxMinFair(input));
  const core = timeMedian(() => maxMinFairIndexed(problem));
  rows.push([flowCount, input.links.length, full.toFixed(2), core.toFixed(2), (full / core).toFixed(1)]);
}
console.log(table(rows, 'rrrrr'));
