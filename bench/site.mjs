#!/usr/bin/env node
// Site benchmark: build time, bytes a page needs before first paint (HTML + CSS + the deferred page
// script; plotly.js, the library bundle and the cell worker load later, on demand), plotly.js bytes, and
// the time from a control change to the redrawn chart for every lesson figure, and the time from scrolling
// the first figure of each lesson into view to its drawn chart (right after load, and after 1 s of
// reading), measured in Chromium against the site's own server (compressed responses).
//
//   node bench/site.mjs            (env RUNS: build repetitions, default 3; REDRAWS: per control, default 9)
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { createSiteServer } from '../site/serve.mjs';
import { cpuModel, median, table } from './_common.mjs';
import '../scripts/ts-loader.mjs'; // the builder is TypeScript: load it after the loader is registered

const { buildSite } = await import('../site/build.ts');

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.RUNS ?? 3);
const REDRAWS = Number(process.env.REDRAWS ?? 9);
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;

const work = await mkdtemp(path.join(os.tmpdir(), 'teaming-lab-bench-site-'));
const outDir = path.join(work, 'dist');
try {
  const buildMs = [];
  let built;
  for (let i = 0; i < RUNS; i++) {
    built = await buildSite({ outDir, quiet: true });
    buildMs.push(built.ms);
  }

  const size = async (f) => (await stat(path.join(outDir, f))).size;
  const gz = async (f) => gzipSync(await readFile(path.join(outDir, f))).length;
  const shared = ['assets/site.css', 'assets/site.js'];
  const sharedRaw = (await Promise.all(shared.map(size))).reduce((a, b) => a + b, 0);
  const sharedGz = (await Promise.all(shared.map(gz))).reduce((a, b) => a + b, 0);
  const pages = ['index.html', 'search/index.html', ...built.lessons.map((l) => `${l.slug}/index.html`)];
  const pageRows = [['page', 'HTML', 'HTML+CSS+JS', 'gzip']];
  let largest = 0;
  for (const p of pages) {
    const total = (await size(p)) + sharedRaw;
    largest = Math.max(largest, total);
    pageRows.push([p, kb(await size(p)), kb(total), kb((await gz(p)) + sharedGz)]);
  }

  const server = createSiteServer({ root: outDir });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
  // First chart: a fresh browser context per lesson (nothing cached), scroll to its first figure and time
  // until the chart is drawn. "at once": scrolled as soon as the page loaded; "after 1 s": the reader read
  // the first screen for a second (plotly.js loads while the page is idle).
  const firstRows = [['lesson', 'at once ms', 'after 1 s ms']];
  const firstAtOnce = [], firstAfter = [];
  for (const lesson of built.lessons.filter((l) => l.figures > 0)) {
    const row = [lesson.slug];
    for (const wait of [0, 1000]) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${origin}/${lesson.slug}/`, { waitUntil: 'load' });
      if (wait) await page.waitForTimeout(wait);
      const ms = await page.evaluate(() => new Promise((resolve) => {
        const fig = document.querySelector('.tl-figure');
        const plot = fig.querySelector('.tl-plot');
        const t0 = performance.now();
        new MutationObserver(() => { if (plot.dataset.state === 'drawn') resolve(performance.now() - t0); }).observe(plot, { attributes: true });
        fig.scrollIntoView();
      }));
      (wait ? firstAfter : firstAtOnce).push(ms);
      row.push(ms.toFixed(0));
      await context.close();
    }
    firstRows.push(row);
  }

  const redrawRows = [['lesson', 'figure', 'experiment', 'control', 'median ms', 'max ms', 'model ms (median)']];
  const allRedraws = [];
  for (const lesson of built.lessons.filter((l) => l.figures > 0)) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${origin}/${lesson.slug}/`);
    const ids = await page.locator('.tl-figure').evaluateAll((els) => els.map((e) => e.id));
    for (const id of ids) {
      await page.locator(`#${id}`).scrollIntoViewIfNeeded();
      await page.locator(`#${id} svg.main-svg`).first().waitFor({ timeout: 30_000 });
      const specs = await page.evaluate((fid) => JSON.parse(document.querySelector(`#${fid} script.tl-figure-json`).textContent).controls, id);
      for (const spec of specs) {
        const times = await page.evaluate(async ({ fid, spec, n }) => {
          const fig = document.getElementById(fid);
          const el = fig.querySelector(`[name="${spec.name}"]`);
          const values = spec.kind === 'toggle' ? [true, false] : spec.kind === 'select' ? spec.options.map(String)
            : [spec.default, Math.min(spec.max ?? Infinity, Number(spec.default) + (spec.step ?? 1))].map(String);
          const out = [];
          for (let i = 0; i < n + 1; i++) {
            const v = values[(i + 1) % values.length];
            if (spec.kind === 'toggle') el.checked = v; else el.value = v;
            const drawn = new Promise((r) => fig.addEventListener('tl-figure-drawn', (e) => r(e.detail), { once: true }));
            const t0 = performance.now();
            el.dispatchEvent(new Event('change', { bubbles: true }));
            const { runMs } = await drawn;
            await new Promise((r) => requestAnimationFrame(() => r()));
            if (i > 0) out.push([performance.now() - t0, runMs]); // the first change may still be warming up
          }
          return out;
        }, { fid: id, spec, n: REDRAWS });
        const total = times.map((t) => t[0]);
        allRedraws.push(...total);
        redrawRows.push([lesson.slug, id, await page.getAttribute(`#${id}`, 'data-experiment'), spec.name, median(total).toFixed(1), Math.max(...total).toFixed(1), median(times.map((t) => t[1])).toFixed(1)]);
      }
    }
    await page.close();
  }
  const chromiumVersion = browser.version();
  await browser.close();
  await new Promise((r) => server.close(r));

  const plotly = await size('assets/plotly.min.js');
  const served = async (f, enc) => {
    const server2 = createSiteServer({ root: outDir });
    await new Promise((r) => server2.listen(0, '127.0.0.1', r));
    const res = await fetch(`http://127.0.0.1:${server2.address().port}/${f}`, { headers: { 'Accept-Encoding': enc } });
    const bytes = (await res.arrayBuffer()).byteLength; // fetch decodes; count the wire size from Content-Length
    const wire = Number(res.headers.get('content-length') ?? bytes);
    await new Promise((r) => server2.close(r));
    return wire;
  };
  let cpu = cpuModel();
  try { cpu = execFileSync('sh', ['-c', "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"], { encoding: 'utf8' }).trim() || cpu; } catch { /* keep os.cpus */ }
  console.log(`Machine: ${cpu}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ${os.platform()} ${os.release()}, Node ${process.version}, Chromium ${chromiumVersion}`);
  console.log(`Lessons: ${built.lessons.length}; build runs: ${RUNS}; redraws per control: ${REDRAWS}\n`);
  console.log(table([
    ['measure', 'median', 'note'],
    ['site build', `${(median(buildMs) / 1000).toFixed(2)} s`, `all ${built.lessons.length} lessons, assets included`],
    ['before first paint (largest page)', kb(largest) , 'HTML + site.css + site.js, uncompressed'],
    ['plotly.min.js (basic bundle)', kb(plotly), `served ${kb(await served('assets/plotly.min.js', 'br'))} brotli, ${kb(await served('assets/plotly.min.js', 'gzip'))} gzip; loaded while the page is idle`],
    ['first chart after scrolling to it', `${median(firstAtOnce).toFixed(0)} ms at once, ${median(firstAfter).toFixed(0)} ms after 1 s`, `median over ${firstAtOnce.length} lessons (max ${Math.max(...firstAtOnce).toFixed(0)} / ${Math.max(...firstAfter).toFixed(0)} ms); target < 1 s`],
    ['editor.js', kb(await size('assets/editor.js')), 'CodeMirror 6, loaded after first paint on pages with cells'],
    ['ts-worker.js + ts-libs.json', kb((await size('assets/ts-worker.js')) + (await size('assets/ts-libs.json'))), 'TypeScript compiler and declarations, loaded on the first edit or run'],
    ['teaming-lab.js', kb(await size('assets/teaming-lab.js')), 'loaded by the figure worker (first figure with controls) and the cell worker'],
    ['figure-worker.js', kb(await size('assets/figure-worker.js')), 'loaded with the first figure that has controls'],
    ['cell-worker.js', kb(await size('assets/cell-worker.js')), 'loaded on the first Run'],
    ['control change → redrawn chart', allRedraws.length ? `${median(allRedraws).toFixed(1)} ms` : 'n/a', 'all controls; target < 50 ms; to the frame after Plotly.react; model runs in a worker'],
  ]));
  console.log(`\nBytes before first paint, per page:\n${table(pageRows)}`);
  console.log(`\nFirst chart after scrolling to it (ms), fresh browser context per lesson:\n${table(firstRows)}`);
  if (redrawRows.length > 1) console.log(`\nControl change → redrawn chart, per control:\n${table(redrawRows)}`);
} finally {
  await rm(work, { recursive: true, force: true });
}
