// Side by side with SimGrid: the same generated flows through our Timeline and through SimGrid 3.32's
// CM02 network model (pure max-min, cross-traffic off, zero latency, TCP-gamma huge), Debian's
// libsimgrid-dev, driven by bench/simgrid/driver.cpp (compiled here into node_modules/.cache). Prints CPU
// times (process CPU, so that other load on the machine counts less), the ratio ours / SimGrid, and checks
// that every flow's completion time agrees to 1e-9 (relative).
//
// Shapes: cluster, 64 hosts x 4 members x 25 Gbps, each flow from a random member of one host to a random
// member of another (1k, 10k, 100k flows); drain, 2 hosts sending to 30 (1k, 10k, 30k flows). Each flow
// moves a whole number of bytes from 0.1 to 1 GB (SimGrid's Comm::sendto takes an integer size) and starts at a
// random time in the first 10 s.
//
// SimGrid's side is slow at the largest sizes (minutes), so its output is kept in the cache folder, keyed by
// the driver binary and the flow file, and reused by later runs (the table says which rows were reused and
// when they were measured); `--fresh` runs SimGrid again. Our side always runs, in a child process.
// Each side of each row gets a wall-clock budget (`--budget=SECONDS`, default 900): a side that runs
// past it is stopped and the row says so (and is not compared), so that the whole run ends in bounded time.
// `--only=drain-1000,cluster-10000` runs just those rows (shape-flows), e.g. to compare one size again.
// Usage: node bench/simgrid.mjs [--quick] [--fresh] [--budget=SECONDS] [--only=SHAPE-FLOWS,...]
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { machine, prng, requireDist, table } from './_common.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const cacheDir = path.join(here, '..', 'node_modules', '.cache', 'teaming-lab-bench');
const { Timeline } = requireDist('timeline/index.js');
const quick = process.argv.includes('--quick');
const fresh = process.argv.includes('--fresh');
const budgetArg = process.argv.find((a) => a.startsWith('--budget='));
const budgetS = budgetArg === undefined ? 900 : Number(budgetArg.slice('--budget='.length));
if (!(budgetS > 0)) throw new Error(`--budget: ${budgetArg} is not a number of seconds greater than 0`);
const onlyArg = process.argv.find((a) => a.startsWith('--only='));
const only = onlyArg === undefined ? undefined : new Set(onlyArg.slice('--only='.length).split(','));
const ownFile = fileURLToPath(import.meta.url);
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
  // Compiled under a temporary name and renamed, so that an interrupted build never leaves a half-written binary.
  const partial = `${binary}.partial-${process.pid}`;
  execFileSync('g++', ['-O2', '-std=c++17', source, ...flags, '-o', partial], { stdio: 'inherit' });
  fs.renameSync(partial, binary);
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
    // Whole bytes: SimGrid's Comm::sendto takes the size as an integer (uint64_t) and would drop a fraction.
    flows.push({ start: random() * 10, bytes: Math.floor(1e8 + random() * 9e8), send, receive });
  }
  return { links, flows };
}

/**
 * Our side in a child process (`--ours SHAPE COUNT`, which prints "cpu_ms X" then one completion time a
 * line), within the budget. Undefined when it ran out of time.
 */
function runOursChild(shape, count) {
  const child = spawnSync(process.execPath, [ownFile, '--ours', shape, String(count)], { encoding: 'utf8', maxBuffer: 1 << 28, timeout: budgetS * 1000 });
  if (child.error?.code === 'ETIMEDOUT' || child.signal === 'SIGTERM') return undefined;
  if (child.status !== 0) throw new Error(`our side (${shape} ${count}) failed: ${child.stderr.slice(-500)}`);
  const lines = child.stdout.trim().split('\n');
  const cpuMs = Number(lines[0].split(' ')[1]);
  return { cpuMs, ends: Float64Array.from(lines.slice(1), Number) };
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

/** SimGrid's side through the driver, within the budget (undefined when it ran out of time). */
function runSimgrid(driver, { links, flows }, file) {
  const lines = [`links ${links.length}`, links.map((gbps) => (gbps * 1e9) / 8).join(' '), `flows ${flows.length}`];
  for (const f of flows) lines.push(`${f.start} ${f.bytes} ${f.send} ${f.receive}`);
  const text = `${lines.join('\n')}\n`;
  const saved = path.join(cacheDir, `simgrid-result-${hash(path.basename(driver) + text)}.txt`);
  let out;
  let measuredAt;
  if (!fresh && fs.existsSync(saved)) {
    out = fs.readFileSync(saved, 'utf8');
    measuredAt = fs.statSync(saved).mtime.toISOString().slice(0, 16).replace('T', ' ');
  } else {
    fs.writeFileSync(file, text);
    const child = spawnSync(driver, [file, '--log=root.thres:critical'], { encoding: 'utf8', maxBuffer: 1 << 28, timeout: budgetS * 1000 });
    if (child.error?.code === 'ETIMEDOUT' || child.signal === 'SIGTERM') return undefined;
    if (child.status !== 0) throw new Error(`SimGrid driver failed on ${file}: ${child.stderr.slice(-500)}`);
    out = child.stdout;
    fs.writeFileSync(`${saved}.tmp`, out);
    fs.renameSync(`${saved}.tmp`, saved);
  }
  const ends = new Float64Array(flows.length);
  let cpuMs = NaN;
  for (const line of out.split('\n')) {
    const [a, b] = line.split(' ');
    if (a === 'cpu_ms') cpuMs = Number(b);
    else if (a !== '') ends[Number(a)] = Number(b);
  }
  return { cpuMs, ends, measuredAt };
}

if (process.argv[2] === '--ours') {
  const count = Number(process.argv[4]);
  const ours = runOurs(generate(process.argv[3], count, 42 + count));
  process.stdout.write(`cpu_ms ${ours.cpuMs}\n${Array.from(ours.ends, String).join('\n')}\n`);
  process.exit(0);
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
let stopped = 0;
const reused = [];
for (const [shape, counts] of shapes) {
  for (const count of counts) {
    if (only !== undefined && !only.has(`${shape}-${count}`)) continue;
    const instance = generate(shape, count, 42 + count);
    const ours = runOursChild(shape, count);
    const theirs = runSimgrid(driver, instance, path.join(cacheDir, `${shape}-${count}.txt`));
    if (ours === undefined || theirs === undefined) {
      const over = `over ${budgetS} s wall`;
      rows.push([shape, count, ours === undefined ? over : ours.cpuMs.toFixed(0), theirs === undefined ? over : theirs.cpuMs.toFixed(0), '', 'not compared']);
      stopped++;
      continue;
    }
    let worst = 0;
    for (let i = 0; i < count; i++) {
      const diff = Math.abs(ours.ends[i] - theirs.ends[i]) / Math.max(Math.abs(theirs.ends[i]), 1e-300);
      if (!(diff <= worst)) worst = diff;
    }
    if (!(worst <= TOLERANCE)) disagree++;
    rows.push([shape, count, ours.cpuMs.toFixed(0), theirs.cpuMs.toFixed(0) + (theirs.measuredAt ? ' *' : ''), (ours.cpuMs / theirs.cpuMs).toFixed(2), worst.toExponential(1)]);
    if (theirs.measuredAt) reused.push(`${shape} ${count}: ${theirs.measuredAt} UTC`);
  }
}
console.log(table(rows, 'lrrrrr'));
if (reused.length > 0) console.log(`\n* SimGrid's output reused from the cache (--fresh runs it again), measured ${reused.join('; ')}`);
if (stopped > 0) console.log(`\n${stopped} row(s) stopped at the budget of ${budgetS} s (--budget=SECONDS): not compared`);
if (disagree > 0) {
  console.log(`\n${disagree} shape(s) disagree with SimGrid beyond ${TOLERANCE}`);
  process.exit(1);
}
console.log(`\nEvery completion time ${stopped > 0 ? 'of the rows compared ' : ''}agrees with SimGrid to ${TOLERANCE} (relative).`);
