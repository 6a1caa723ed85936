// Side by side with SimGrid: the same generated flows through our Timeline and through SimGrid 3.32's
// CM02 network model (pure max-min, cross-traffic off, zero latency, TCP-gamma huge), Debian's
// libsimgrid-dev, driven by bench/simgrid/driver.cpp (compiled here into node_modules/.cache). Prints CPU
// times (process CPU, so that other load on the machine counts less), the ratio ours / SimGrid, and checks
// that every flow's completion time agrees to 1e-9 (relative).
//
// Shapes: cluster, 64 hosts x 4 members x 25 Gbps, each flow from a random member of one host to a random
// member of another (1k, 10k, 100k flows); drain, 2 hosts sending to 30 (1k, 10k, 30k flows). Each flow
// moves 0.1 to 1 GB and starts at a random time in the first 10 s. Usage: node bench/simgrid.mjs [--quick]
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { machine, prng, requireDist, table } from './_common.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const cacheDir = path.join(here, '..', 'node_modules', '.cache', 'teaming-lab-bench');
const { Timeline } = requireDist('timeline/index.js');
const quick = process.argv.includes('--quick');
const TOLERANCE = 1e-9;

/** The driver binary, compiled once per source version; installs libsimgrid-dev with apt when missing. */
function simgridDriver() {
  const source = path.join(here, 'simgrid', 'driver.cpp');
  const text = fs.readFileSync(source, 'utf8');
  const binary = path.join(cacheDir, `simgrid-driver-${hash(text)}`);
  if (fs.existsSync(binary)) return binary;
  fs.mkdirSync(cacheDir, { recursive: true });
  if (spawnSync('pkg-config', ['--exists', 'simgrid']).status !== 0) {
    console.log('libsimgrid-dev is missing: installing it with apt-get');
    const root = process.getuid?.() === 0;
    const apt = spawnSync(root ? 'apt-get' : 'sudo', root ? ['install', '-y', 'libsimgrid-dev'] : ['apt-get', 'install', '-y', 'libsimgrid-dev'], { stdio: 'inherit' });
    if (apt.status !== 0) throw new Error('could not install libsimgrid-dev (apt-get install -y libsimgrid-dev)');
  }
  const flags = execFileSync('pkg-config', ['--cflags', '--libs', 'simgrid'], { encoding: 'utf8' }).trim().split(/\s+/).filter(Boolean);
  execFileSync('g++', ['-O2', '-std=c++17', source, ...flags, '-o', binary], { stdio: 'inherit' });
  return binary;
}

function hash(text) {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h.toString(16);
}

/** Flows between members: `links` one-way link speeds in Gbps (send links, then receive links). */
function generate(shape, count, seed) {
  const random = prng(seed);
  const members = 4;
  const gbps = 25;
  const hosts = shape === 'cluster' ? 64 : 32;
  const memberCount = hosts * members;
  const links = Array.from({ length: 2 * memberCount }, () => gbps);
  const pick = (n) => Math.floor(random() * n);
  const flows = [];
  for (let i = 0; i < count; i++) {
    let from;
    let to;
    if (shape === 'cluster') {
      from = pick(hosts);
      to = (from + 1 + pick(hosts - 1)) % hosts;
    } else {
      from = pick(2);
      to = 2 + pick(30);
    }
    const send = from * members + pick(members);
    const receive = memberCount + to * members + pick(members);
    flows.push({ start: random() * 10, bytes: 1e8 + random() * 9e8, send, receive });
  }
  return { links, flows };
}

/** Our side: a Timeline with the same links and flows. CPU ms and completion times by flow index. */
function runOurs({ links, flows }) {
  const cpu = process.cpuUsage();
  const timeline = new Timeline({ links: links.map((gbps, l) => ({ id: `l${l}`, gbps })), record: { segments: false } });
  flows.forEach((f, i) => timeline.add({ id: String(i), links: [`l${f.send}`, `l${f.receive}`], bytes: f.bytes, startS: f.start }));
  const result = timeline.run();
  const used = process.cpuUsage(cpu);
  const ends = new Float64Array(flows.length);
  for (const flow of result.flows) ends[Number(flow.id)] = flow.endS;
  return { cpuMs: (used.user + used.system) / 1000, ends };
}

/** SimGrid's side through the driver. */
function runSimgrid(driver, { links, flows }, file) {
  const lines = [`links ${links.length}`, links.map((gbps) => (gbps * 1e9) / 8).join(' '), `flows ${flows.length}`];
  for (const f of flows) lines.push(`${f.start} ${f.bytes} ${f.send} ${f.receive}`);
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  const out = execFileSync(driver, [file, '--log=root.thres:critical'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const ends = new Float64Array(flows.length);
  let cpuMs = NaN;
  for (const line of out.split('\n')) {
    const [a, b] = line.split(' ');
    if (a === 'cpu_ms') cpuMs = Number(b);
    else if (a !== '') ends[Number(a)] = Number(b);
  }
  return { cpuMs, ends };
}

const driver = simgridDriver();
console.log(`machine: ${machine()}`);
console.log('CPU ms of the whole simulation (ours: Timeline construction, adds and run; SimGrid: platform and run); ratio = ours / SimGrid\n');
const shapes = [
  ['cluster', quick ? [1000, 10000] : [1000, 10000, 100000]],
  ['drain', quick ? [1000, 10000] : [1000, 10000, 30000]],
];
const rows = [['shape', 'flows', 'ours ms', 'SimGrid ms', 'ratio', 'max rel. diff of completion times']];
let disagree = 0;
for (const [shape, counts] of shapes) {
  for (const count of counts) {
    const instance = generate(shape, count, 42 + count);
    const ours = runOurs(instance);
    const theirs = runSimgrid(driver, instance, path.join(cacheDir, `${shape}-${count}.txt`));
    let worst = 0;
    for (let i = 0; i < count; i++) {
      const diff = Math.abs(ours.ends[i] - theirs.ends[i]) / Math.max(Math.abs(theirs.ends[i]), 1e-300);
      if (!(diff <= worst)) worst = diff;
    }
    if (!(worst <= TOLERANCE)) disagree++;
    rows.push([shape, count, ours.cpuMs.toFixed(0), theirs.cpuMs.toFixed(0), (ours.cpuMs / theirs.cpuMs).toFixed(2), worst.toExponential(1)]);
  }
}
console.log(table(rows, 'lrrrrr'));
if (disagree > 0) {
  console.log(`\n${disagree} shape(s) disagree with SimGrid beyond ${TOLERANCE}`);
  process.exit(1);
}
console.log(`\nEvery completion time agrees with SimGrid to ${TOLERANCE} (relative).`);
