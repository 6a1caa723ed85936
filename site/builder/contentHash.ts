// Content hashes for the build cache (.cache/site): a page or an asset is rebuilt only when a hash of
// everything it is made from changes.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Every file under `dir` whose name matches `pattern`, sorted (skips dist, node_modules and dot folders). */
export function filesUnder(dir: string, pattern: RegExp): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.name === 'dist' || entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (pattern.test(entry.name)) out.push(p);
    }
  };
  if (statSync(dir, { throwIfNoEntry: false })?.isDirectory()) walk(dir);
  return out.sort();
}

/** A short sha256 of strings and files (by path and content). */
export function contentHash(parts: { strings?: string[]; files?: string[] }): string {
  const hash = createHash('sha256');
  for (const s of parts.strings ?? []) hash.update(`s${s.length}:${s}`);
  for (const f of parts.files ?? []) {
    const data = readFileSync(f);
    hash.update(`f${f}:${data.length}:`).update(data);
  }
  return hash.digest('hex').slice(0, 16);
}
