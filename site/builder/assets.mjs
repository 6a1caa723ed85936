// Writes the site's own assets: styles, the client islands, the browser bundle of the library, plotly.js
// (minified once and cached) and the favicon. Nothing is fetched from another origin.
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { bundleLabForBrowser } from './lab.mjs';
import { writeClientAssets } from '../client/bundle.mjs';

const require = createRequire(import.meta.url);

const FAVICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#1f5f99"/><path d="M6 10h20M6 16h20M6 22h20" stroke="#fff" stroke-width="3"/></svg>`;

/**
 * Minifies plotly.js-dist once per plotly version into `site/.cache` (the package ships only the
 * unminified build) and returns the path of the minified file.
 */
async function minifiedPlotly(siteDir) {
  const source = require.resolve('plotly.js-dist/plotly.js');
  const { version } = JSON.parse(await readFile(path.join(path.dirname(source), 'package.json'), 'utf8'));
  const cached = path.join(siteDir, '.cache', `plotly-${version}.min.js`);
  if (!existsSync(cached)) {
    await mkdir(path.dirname(cached), { recursive: true });
    const out = await esbuild.transform(await readFile(source, 'utf8'), { minify: true, legalComments: 'inline', target: 'es2018', charset: 'utf8' });
    await writeFile(`${cached}.tmp`, out.code);
    await copyFile(`${cached}.tmp`, cached);
  }
  return cached;
}

/**
 * @param {{ outDir: string, libEntry: string, siteDir: string }} o
 */
export async function writeAssets({ outDir, libEntry, siteDir }) {
  const assets = path.join(outDir, 'assets');
  await mkdir(assets, { recursive: true });
  await Promise.all([
    writeClientAssets({ assetsDir: assets, siteDir }), // site/client/bundle.mjs: page script, workers, editor, type checker, plotly.js
    bundleLabForBrowser(libEntry).then((code) => writeFile(path.join(assets, 'teaming-lab.js'), code)),
    esbuild.build({ entryPoints: [path.join(siteDir, 'styles', 'site.css')], outfile: path.join(assets, 'site.css'), bundle: true, minify: true, logLevel: 'silent' }),
    writeFile(path.join(assets, 'favicon.svg'), FAVICON),
  ]);
}
