// The hard shapes of the engine review, through the real CLI (`teaming-lab simulate --json FILE`, a child
// process): a 10,000-migration drain from 2 hosts to 30 with 4 x 25 Gbps LACP teams and `simultaneous: 64`
// (and 1,000 / 3,000 for the trend), member events on such a drain (1,000 / 2,000 / 4,000 events on 500
// migrations), and the largest SMB scenario the bounds allow (3,125 migrations x 32 connections = 100,000).
// Prints each run's wall and CPU time (child user + system), peak memory, and the same for a run of one
// migration (start-up: Node, loading the library, reading and checking the file, writing the result), so
// that "beyond start-up" can be read off, and that cost per 1,000 migrations or events (the trend).
// CPU times, not wall times, are the figures to compare: other work on the machine stretches wall times.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { machine, table } from './_common.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
// TEAMING_LAB_CLI: another build's CLI (e.g. a copy of lib/ taken before a long run); default this tree's.
const cli = process.env.TEAMING_LAB_CLI ? path.resolve(process.env.TEAMING_LAB_CLI) : path.join(here, '..', 'lib', 'bin', 'teaming-lab.js');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teaming-lab-hard-'));

const team = { teamingMode: 'Lacp', loadBalancingAlgorithm: 'TransportPorts', members: [1, 2, 3, 4].map((k) => ({ name: `NIC${k}`, gbps: 25 })) };

/** `migrations` VMs from 2 hosts to 30, round robin; `events` member failures and restorations on the sources. */
function drain(migrations, { events = 0, liveMigration = {} } = {}) {
  const scenario = {
    hosts: Array.from({ length: 32 }, (_, i) => ({ name: `HV${i + 1}`, ip: `10.0.0.${i + 1}`, team })),
    switch: { loadBalance: 'src-dst-port' },
    liveMigration: { simultaneous: 64, setupS: 1, setupJitterS: 0.5, ...liveMigration },
    migrations: Array.from({ length: migrations }, (_, i) => ({ vm: `VM${i + 1}`, from: `HV${(i % 2) + 1}`, to: `HV${3 + (i % 30)}`, memoryGiB: 4 + (i % 5) * 4, dirtyMBps: 20 + (i % 7) * 10 })),
  };
  if (events > 0) {
    // Each source's NIC1..NIC3 fail and come back in turn, one event every 5 ms.
    scenario.events = Array.from({ length: events }, (_, k) => ({
      atS: 1 + k * 0.005,
      host: `HV${(k % 2) + 1}`,
      member: `NIC${(Math.floor(k / 2) % 3) + 1}`,
      state: Math.floor(k / 6) % 2 === 0 ? 'failed' : 'up',
    }));
  }
  return scenario;
}

/** Runs the CLI on a scenario; wall ms, CPU ms and peak RSS of the child. */
function run(name, scenario) {
  const file = path.join(dir, `${name}.json`);
  const args = [cli, 'simulate', '--json', file];
  fs.writeFileSync(file, JSON.stringify(scenario));
  const t0 = performance.now();
  const child = spawnSync('/usr/bin/time', ['-f', '%U %S %M', process.execPath, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const wall = performance.now() - t0;
  if (child.status !== 0) throw new Error(`${name}: exit ${child.status}: ${child.stderr.slice(-300)}`);
  const [user, system, rssKb] = child.stderr.trim().split('\n').pop().split(' ').map(Number);
  return { wall, cpu: (user + system) * 1000, rssMb: rssKb / 1024 };
}

console.log(`machine: ${machine()}, load average ${os.loadavg()[0].toFixed(1)}`);
const rows = [['run', 'wall ms', 'CPU ms', 'CPU ms beyond start-up', 'per 1,000', 'peak MB']];
const base = run('start-up', drain(1));
rows.push(['start-up: simulate --json, 1 migration', base.wall.toFixed(0), base.cpu.toFixed(0), '', '', base.rssMb.toFixed(0)]);
const add = (label, name, scenario, count) => {
  const r = run(name, scenario);
  const beyond = r.cpu - base.cpu;
  rows.push([label, r.wall.toFixed(0), r.cpu.toFixed(0), beyond.toFixed(0), ((1000 * beyond) / count).toFixed(0), r.rssMb.toFixed(0)]);
};
for (const n of [1000, 3000, 10000]) add(`drain 2 -> 30, ${n} migrations, simultaneous 64`, `drain-${n}`, drain(n), n);
for (const e of [1000, 2000, 4000]) add(`${e} member events, 500 migrations`, `events-${e}`, drain(500, { events: e }), e);
add('SMB, 3,125 migrations x 32 connections', 'smb', drain(3125, { liveMigration: { transport: 'SMB', smbConnectionsPerInterface: 32 } }), 3125);
console.log(table(rows, 'lrrrrr'));
console.log(`load average at the end ${os.loadavg()[0].toFixed(1)}; "per 1,000": CPU ms beyond start-up per 1,000 migrations (drains, SMB) or events`);
fs.rmSync(dir, { recursive: true, force: true });
