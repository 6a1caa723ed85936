// Builds the client side of the site into assets/: the page script, the workers, the editor, the type
// checker with its type definitions, and plotly.js. Called by the site builder (site/builder/assets.ts);
// everything here is bundled from npm packages, nothing is fetched at run time from another origin.
//
//   site.js          the page script (small, deferred)
//   editor.js        CodeMirror 6 with TypeScript highlighting, global `TeamingLabEditor` (after first paint)
//   cell-worker.js   runs one run of a cell (sucrase), figure-worker.js re-runs experiments for controls
//   ts-worker.js     the `typescript` compiler, loaded when a reader first edits or runs a cell (cached in
//                    site/.cache per TypeScript version and worker source)
//   ts-libs.json     the standard library's and teaming-lab's declarations for the type checker
//   plotly.min.js    plotly.js's basic bundle (scatter, bar, pie: every trace type the figures use)
import * as esbuild from 'esbuild';
import type { Plugin } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** Trace types plotly.js's basic bundle draws; a figure with another type fails the build (see below). */
export const BASIC_TRACE_TYPES: readonly string[] = ['scatter', 'bar', 'pie'];

/** Node built-ins the typescript package mentions but never calls in a worker: empty modules. */
const nodeBuiltinsEmpty: Plugin = {
  name: 'node-builtins-empty',
  setup(build) {
    build.onResolve({ filter: /^(node:.*|fs|path|os|crypto|inspector|perf_hooks|buffer|source-map-support|module|child_process|util)$/ }, (a) => ({ path: a.path, namespace: 'tl-empty' }));
    build.onLoad({ filter: /.*/, namespace: 'tl-empty' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
  },
};

/** The lib files `root` needs, following `/// <reference lib="…" />`. */
async function libClosure(libDir: string, roots: string[]): Promise<Record<string, string>> {
  const seen = new Map<string, string>();
  const queue = [...roots];
  while (queue.length) {
    const name = queue.shift()!;
    if (seen.has(name)) continue;
    const text = await readFile(path.join(libDir, name), 'utf8');
    seen.set(name, text);
    for (const m of text.matchAll(/\/\/\/\s*<reference\s+lib="([^"]+)"/g)) queue.push(`lib.${m[1].toLowerCase()}.d.ts`);
  }
  return Object.fromEntries(seen);
}

/** Every .d.ts under `dir`, by path relative to it. */
async function declarations(dir: string, rel = ''): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const e of await readdir(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) Object.assign(out, await declarations(dir, r));
    else if (e.name.endsWith('.d.ts')) out[r] = await readFile(path.join(dir, r), 'utf8');
  }
  return out;
}

/** ts-worker.js, built once per TypeScript version and worker source into site/.cache. */
async function typeCheckerWorker(siteDir: string, outfile: string): Promise<void> {
  const entry = path.join(siteDir, 'client', 'tsWorker.ts');
  const { version } = JSON.parse(await readFile(require.resolve('typescript/package.json'), 'utf8')) as { version: string };
  const key = createHash('sha256').update(await readFile(entry)).update(version).digest('hex').slice(0, 16);
  const cached = path.join(siteDir, '.cache', `ts-worker-${key}.js`);
  if (!existsSync(cached)) {
    await mkdir(path.dirname(cached), { recursive: true });
    await esbuild.build({
      entryPoints: [entry], outfile: `${cached}.tmp`, bundle: true, minify: true, format: 'iife', target: 'es2020',
      platform: 'browser', logLevel: 'silent', legalComments: 'none', plugins: [nodeBuiltinsEmpty],
      define: { 'process.env.NODE_ENV': '"production"' },
    });
    await rename(`${cached}.tmp`, cached);
  }
  await copyFile(cached, outfile);
}

/** Options of `writeClientAssets`. */
export interface ClientAssetOptions {
  /** The folder written (the site's assets/ or its cache copy). */
  assetsDir: string;
  /** The `site/` folder (client sources). */
  siteDir: string;
  /** The library's folder: its built declarations in dist/ go into ts-libs.json (default the repository's lib/). */
  libDir?: string;
}

/** Writes the client assets. */
export async function writeClientAssets({ assetsDir, siteDir, libDir = path.resolve(siteDir, '..', 'lib') }: ClientAssetOptions): Promise<void> {
  const client = (entry: string, outfile: string, extra: esbuild.BuildOptions = {}) => esbuild.build({
    entryPoints: [path.join(siteDir, 'client', entry)], outfile: path.join(assetsDir, outfile), bundle: true, minify: true,
    format: 'iife', target: 'es2020', platform: 'browser', logLevel: 'silent', legalComments: 'none', ...extra,
  });
  const tsLib = path.dirname(require.resolve('typescript/lib/lib.d.ts'));
  const libNames = ['lib.es2022.d.ts', 'lib.webworker.d.ts'];
  const distDir = path.join(libDir, 'dist');
  await Promise.all([
    client('main.ts', 'site.js'),
    client('cellWorker.ts', 'cell-worker.js'),
    client('figureWorker.ts', 'figure-worker.js'),
    client('editor.ts', 'editor.js', { globalName: 'TeamingLabEditor' }),
    typeCheckerWorker(siteDir, path.join(assetsDir, 'ts-worker.js')),
    (async () => {
      const lib = await libClosure(tsLib, libNames);
      const library = existsSync(path.join(distDir, 'index.d.ts')) ? await declarations(distDir) : {};
      await writeFile(path.join(assetsDir, 'ts-libs.json'), JSON.stringify({ lib, libNames, library }));
    })(),
    copyFile(require.resolve('plotly.js-basic-dist-min'), path.join(assetsDir, 'plotly.min.js')),
  ]);
}
