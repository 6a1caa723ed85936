#!/usr/bin/env node
// Compares each golden transcript with the `.changed` file the golden test wrote next to it: prints, per
// file, how many numbers differ and the largest relative difference, and any difference that is not a
// number (a changed member, port or key). Usage: node test/golden/diffNumbers.mjs
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const files = [join(root, 'reproduce.json'), ...readdirSync(join(root, 'simulate')).filter((f) => f.endsWith('.json')).map((f) => join(root, 'simulate', f))];
let any = false;
for (const file of files) {
  if (!existsSync(`${file}.changed`)) continue;
  any = true;
  const stats = { numbers: 0, maxRelative: 0, where: '', other: [] };
  walk(JSON.parse(readFileSync(file, 'utf8')), JSON.parse(readFileSync(`${file}.changed`, 'utf8')), '', stats);
  console.log(`${file.slice(root.length + 1)}: ${stats.numbers} number(s) differ, largest relative difference ${stats.maxRelative.toExponential(2)}${stats.where ? ` at ${stats.where}` : ''}`);
  for (const line of stats.other.slice(0, 20)) console.log(`  ${line}`);
  if (stats.other.length > 20) console.log(`  ... ${stats.other.length - 20} more`);
}
if (!any) console.log('no .changed file: every golden transcript matches');

function walk(a, b, path, stats) {
  if (typeof a === 'number' && typeof b === 'number') {
    if (a === b) return;
    stats.numbers++;
    const relative = Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
    if (relative > stats.maxRelative) {
      stats.maxRelative = relative;
      stats.where = path;
    }
    return;
  }
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) {
      if (!(key in a)) stats.other.push(`${path}.${key}: added ${JSON.stringify(b[key])}`);
      else if (!(key in b)) stats.other.push(`${path}.${key}: removed (was ${JSON.stringify(a[key])})`);
      else walk(a[key], b[key], `${path}.${key}`, stats);
    }
    return;
  }
  if (a !== b) stats.other.push(`${path}: ${JSON.stringify(a)} -> ${JSON.stringify(b)}`);
}
