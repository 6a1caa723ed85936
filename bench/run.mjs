// Runs every benchmark in bench/ one after another (never in parallel: timings need the machine to
// themselves) and prints each one's table. Figures are medians; each script notes the machine.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const scripts = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.mjs') && f !== 'run.mjs' && !f.startsWith('_'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
console.log(`Teaming Lab benchmarks on ${os.cpus()[0]?.model ?? 'unknown CPU'} (${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB), Node ${process.version}`);
let failed = 0;
for (const script of scripts) {
  console.log(`\n== ${script}`);
  const run = spawnSync(process.execPath, [path.join(dir, script)], { stdio: 'inherit' });
  if (run.status !== 0) {
    failed += 1;
    console.log(`bench ${script} failed with exit code ${run.status}`);
  }
}
process.exit(failed === 0 ? 0 : 1);
