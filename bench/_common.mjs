// Helpers shared by the benchmarks (bench/run.mjs skips files starting with `_`): loading the built
// library, a seeded PRNG, medians, the machine line and aligned tables.
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

/** The built library folder: env TEAMING_LAB_DIST (resolved from the working folder) or lib/dist. */
export function distDir() {
  return process.env.TEAMING_LAB_DIST ? path.resolve(process.env.TEAMING_LAB_DIST) : path.join(here, '..', 'lib', 'dist');
}

/** Loads a CommonJS module of the built library, e.g. requireDist('sharing/index.js'). */
export function requireDist(relativePath) {
  return require(path.join(distDir(), relativePath));
}

/** Seeded PRNG (mulberry32) giving numbers in [0, 1), so every run of a bench uses the same instances. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The median of `values` (the mean of the two middle values when their count is even). */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The CPU model, or 'unknown CPU'. */
export function cpuModel() {
  return os.cpus()[0]?.model ?? 'unknown CPU';
}

/** "CPU model, N cores, Node vX": what a timing was measured on. */
export function machine() {
  return `${cpuModel()}, ${os.cpus().length} cores, Node ${process.version}`;
}

/**
 * Rows (the first is the header) as aligned columns two spaces apart, with a dashed line under the header.
 * `align` gives one letter per column, 'l' (left, the default) or 'r' (right, for numbers).
 */
export function table(rows, align = '') {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  const pad = (cell, i) => (align[i] === 'r' ? String(cell).padStart(widths[i]) : String(cell).padEnd(widths[i]));
  return rows
    .map((r, j) => {
      const line = r.map(pad).join('  ').trimEnd();
      return j === 0 ? `${line}\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : line;
    })
    .join('\n');
}
