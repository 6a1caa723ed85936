#!/usr/bin/env node
// `npm start` speed: seconds from starting it to the first lesson page answering, with an empty build
// cache (a fresh clone) and with a warm one (nothing changed since the last start). Target: warm under 5 s.
//
//   node bench/site-start.mjs            (env RUNS: warm repetitions, default 3)
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpuModel, median, table } from './_common.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.RUNS ?? 3);

const freePort = () => new Promise((resolve) => {
  const s = net.createServer();
  s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});

/** Starts `npm start`'s script in its own process group, waits for a lesson page, stops the group. */
async function firstPageSeconds(cacheDir, outDir) {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', './scripts/ts-loader.mjs', 'scripts/start.ts'], {
    cwd: ROOT, detached: true, stdio: 'ignore', env: { ...process.env, PORT: String(port), SITE_CACHE_DIR: cacheDir, OUT_DIR: outDir, SITE_DIR: outDir },
  });
  try {
    for (;;) {
      try {
        const r = await fetch(`http://127.0.0.1:${port}/06-hyper-v-port-cap/`);
        if (r.status === 200) return (performance.now() - started) / 1000;
      } catch { /* not up yet */ }
      if (performance.now() - started > 600_000) throw new Error('npm start did not serve a page within 10 minutes');
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    process.kill(-child.pid, 'SIGTERM');
  }
}

const work = await mkdtemp(path.join(os.tmpdir(), 'teaming-lab-bench-start-'));
try {
  const cache = path.join(work, 'cache');
  const out = path.join(work, 'dist');
  const cold = await firstPageSeconds(cache, out);
  const warm = [];
  for (let i = 0; i < RUNS; i++) warm.push(await firstPageSeconds(cache, out));
  console.log(`npm start to the first lesson page on ${cpuModel()} (load average ${os.loadavg()[0].toFixed(1)})`);
  console.log(table([
    ['cache', 'seconds', 'target'],
    ['empty (fresh clone)', cold.toFixed(1), ''],
    [`warm, nothing changed (median of ${RUNS})`, median(warm).toFixed(1), 'under 5 s'],
  ]));
} finally {
  await rm(work, { recursive: true, force: true });
}
