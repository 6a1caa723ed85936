#!/usr/bin/env node
// Turns every lesson `content/*.mdx` (front matter with `lesson: N`) into `notebooks/<same name>.ipynb`
// for tslab, following docs/lesson-format.md. Guides (front matter `kind: guide`, such as the facilitator's
// guide) get no notebook; a page that is neither a lesson nor a guide is an error naming the file.
// The .mdx file is the only source: never edit a notebook.
//
//   node scripts/generate-notebooks.mjs           write the notebooks (and remove ones whose lesson is gone)
//   node scripts/generate-notebooks.mjs --check   write nothing; exit 1 listing stale notebooks
//
// Exit codes: 0 up to date / written, 1 stale (--check), 2 a lesson has an error (file:line: message).
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LessonError, lessonNotebook, notebookJson, parseFrontMatter } from './lesson-cells.mjs';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Builds every lesson's notebook in memory and compares it with `notebooks/`.
 * Returns `{ notebooks: [{ source, target, json, upToDate }], orphans: [paths], errors: [messages] }`.
 */
export function planNotebooks(root = REPO_ROOT) {
  const contentDir = join(root, 'content');
  const notebooksDir = join(root, 'notebooks');
  const notebooks = [];
  const errors = [];
  const sources = existsSync(contentDir) ? readdirSync(contentDir).filter((f) => f.endsWith('.mdx')).sort() : [];
  for (const fileName of sources) {
    const file = `content/${fileName}`;
    const text = readFileSync(join(contentDir, fileName), 'utf8');
    const name = basename(fileName, '.mdx');
    try {
      const lines = text.replace(/\r\n?/g, '\n').split('\n');
      if (parseFrontMatter(lines, file).frontMatter.kind === 'guide') continue; // e.g. the facilitator's guide
      const json = notebookJson(lessonNotebook(text, file, name));
      const targetPath = join(notebooksDir, `${name}.ipynb`);
      const current = existsSync(targetPath) ? readFileSync(targetPath, 'utf8') : null;
      notebooks.push({ source: file, target: `notebooks/${name}.ipynb`, json, upToDate: current === json });
    } catch (error) {
      if (error instanceof LessonError) errors.push(error.message);
      else throw error;
    }
  }
  const expected = new Set(notebooks.map((n) => n.target));
  const orphans = existsSync(notebooksDir)
    ? readdirSync(notebooksDir)
        .filter((f) => f.endsWith('.ipynb'))
        .map((f) => `notebooks/${f}`)
        .filter((f) => !expected.has(f))
    : [];
  return { notebooks, orphans, errors };
}

/** Writes stale notebooks and removes orphans. Returns the plan with `written` and `removed` lists. */
export function writeNotebooks(root = REPO_ROOT) {
  const plan = planNotebooks(root);
  if (plan.errors.length > 0) return { ...plan, written: [], removed: [] };
  mkdirSync(join(root, 'notebooks'), { recursive: true });
  const written = [];
  for (const nb of plan.notebooks) {
    if (nb.upToDate) continue;
    writeFileSync(join(root, nb.target), nb.json);
    written.push(nb.target);
  }
  for (const orphan of plan.orphans) rmSync(join(root, orphan));
  return { ...plan, written, removed: plan.orphans };
}

function main(argv) {
  const check = argv.includes('--check');
  const unknown = argv.filter((a) => a !== '--check');
  if (unknown.length > 0) {
    console.error(`usage: node scripts/generate-notebooks.mjs [--check]   (unknown: ${unknown.join(' ')})`);
    return 2;
  }
  if (check) {
    const plan = planNotebooks();
    for (const e of plan.errors) console.error(e);
    if (plan.errors.length > 0) return 2;
    const stale = plan.notebooks.filter((n) => !n.upToDate);
    for (const n of stale) console.error(`stale: ${n.target} (does not match ${n.source})`);
    for (const o of plan.orphans) console.error(`stale: ${o} (no lesson in content/ produces it)`);
    if (stale.length + plan.orphans.length > 0) {
      console.error('Run `npm run notebooks:generate` and commit the notebooks.');
      return 1;
    }
    console.log(`${plan.notebooks.length} notebooks up to date.`);
    return 0;
  }
  const result = writeNotebooks();
  for (const e of result.errors) console.error(e);
  if (result.errors.length > 0) return 2;
  for (const w of result.written) console.log(`wrote ${w}`);
  for (const r of result.removed) console.log(`removed ${r}`);
  console.log(`${result.notebooks.length} notebooks, ${result.written.length} written, ${result.removed.length} removed.`);
  return 0;
}

if (process.argv[1] && relative(process.argv[1], fileURLToPath(import.meta.url)) === '') {
  process.exitCode = main(process.argv.slice(2));
}
