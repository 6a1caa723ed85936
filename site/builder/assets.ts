// Writes the site's own assets: styles, highlighting CSS, the client islands, the browser bundle of the
// library, plotly.js's basic bundle, the editor and the type checker (clientAssets.ts) and the favicon. Nothing is fetched from another origin. Built
// assets are kept in .cache/site/assets-<hash> (the hash covers site/client, site/styles, lib and
// the versions of plotly.js and TypeScript), so an unchanged tree only copies them.
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { bundleLabForBrowser } from './lab';
import { contentHash, filesUnder } from './contentHash';
import { highlightCss } from './highlightCss';
import { writeClientAssets } from './clientAssets';

const require = createRequire(import.meta.url);

const FAVICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#1f5f99"/><path d="M6 10h20M6 16h20M6 22h20" stroke="#fff" stroke-width="3"/></svg>`;

/** Options of `writeAssets`. */
export interface AssetOptions {
  /** The site folder being written. */
  outDir: string;
  /** The library entry bundled for the browser. */
  libEntry: string;
  /** The `site/` folder (client and styles). */
  siteDir: string;
  /** The build cache folder (default `<repo>/.cache/site`). */
  cacheDir: string;
}

async function buildAssets(dir: string, { libEntry, siteDir }: AssetOptions): Promise<void> {
  await mkdir(dir, { recursive: true });
  await Promise.all([
    writeClientAssets({ assetsDir: dir, siteDir }), // page script, workers, editor, type checker, plotly.js's basic bundle
    bundleLabForBrowser(libEntry).then((code) => writeFile(path.join(dir, 'teaming-lab.js'), code)),
    esbuild.build({ entryPoints: [path.join(siteDir, 'styles', 'site.css')], outfile: path.join(dir, 'site.css'), bundle: true, minify: true, logLevel: 'silent' }),
    writeFile(path.join(dir, 'highlight.css'), `${highlightCss()}\n`),
    writeFile(path.join(dir, 'favicon.svg'), FAVICON),
  ]);
}

/** Writes `outDir/assets`, from the cache when nothing they are made from changed. Returns whether the cache was used. */
export async function writeAssets(options: AssetOptions): Promise<boolean> {
  const libDir = path.dirname(options.libEntry);
  const key = contentHash({
    strings: [require('plotly.js-basic-dist-min/package.json').version as string, require('typescript/package.json').version as string, highlightCss(), options.libEntry],
    files: [...filesUnder(path.join(options.siteDir, 'client'), /\.(ts|mjs)$/), ...filesUnder(path.join(options.siteDir, 'styles'), /\.css$/), ...filesUnder(libDir, /\.(ts|json)$/)],
  });
  const cached = path.join(options.cacheDir, `assets-${key}`);
  const hit = existsSync(path.join(cached, '.complete'));
  if (!hit) {
    const tmp = `${cached}.tmp-${process.pid}`;
    await rm(tmp, { recursive: true, force: true });
    await buildAssets(tmp, options);
    await writeFile(path.join(tmp, '.complete'), '');
    await rm(cached, { recursive: true, force: true });
    await rename(tmp, cached);
    // Only the newest asset build is kept.
    for (const old of await readdir(options.cacheDir)) {
      if (/^assets-[0-9a-f]{16}$/.test(old) && path.join(options.cacheDir, old) !== cached) await rm(path.join(options.cacheDir, old), { recursive: true, force: true });
    }
  }
  await cp(cached, path.join(options.outDir, 'assets'), { recursive: true, filter: (src) => !src.endsWith('.complete') });
  return hit;
}
