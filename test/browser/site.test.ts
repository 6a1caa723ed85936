// The course site, end to end in Chromium: builds every lesson in content/ (plus a small self-test page
// that exercises a control and a cell whatever the lessons hold), serves it on a free port and checks
// what a reader relies on: pages load cleanly and stay on this origin, figures draw, controls re-run the
// model, cells run (and an endless one is stopped), search finds a lesson, themes pass axe-core, every
// internal link resolves, and the pages read without JavaScript, print, and fit a phone.
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildSite } from '../../site/build';
import { loadLabForNode } from '../../site/builder/lab';
import { ROOT, type ServedSite, requireChromium, serveBuiltSite, stopServedSite } from './support';

const CONTENT_DIR = path.resolve(process.env.CONTENT_DIR ?? path.join(ROOT, 'content'));
const LIB_ENTRY = path.resolve(process.env.LIB_ENTRY ?? path.join(ROOT, 'lib', 'index.ts'));
const SELFTEST = 'zz-site-selftest';
const CELL_LIMIT_MS = 10_000;

interface Control { name: string; kind: 'select' | 'number' | 'toggle'; options?: Array<string | number>; min?: number; max?: number; step?: number; default: string | number | boolean }
type Lab = { experiments: Record<string, { id: string; controls: Control[]; run(o?: Record<string, unknown>): { figure: unknown } }> };

/** A value for `control` other than its default, or null when it has none. */
function otherValue(c: Control): string | number | boolean | null {
  if (c.kind === 'toggle') return !c.default;
  if (c.kind === 'select') return c.options?.find((o) => o !== c.default) ?? null;
  const step = c.step ?? 1;
  const up = (c.default as number) + step;
  if (c.max === undefined || up <= c.max) return up;
  const down = (c.default as number) - step;
  return c.min === undefined || down >= c.min ? down : null;
}

/** The first experiment control whose change alters the figure, found by running the library in Node,
 * so the self-test page can check that a redraw shows new numbers. */
function controlThatChangesFigure(lab: Lab): { experiment: string; control: Control; value: string | number | boolean } {
  for (const exp of Object.values(lab.experiments)) {
    const before = JSON.stringify(exp.run({}).figure);
    for (const control of exp.controls) {
      const value = otherValue(control);
      if (value === null) continue;
      if (JSON.stringify(exp.run({ [control.name]: value }).figure) !== before) return { experiment: exp.id, control, value };
    }
  }
  throw new Error('no experiment has a control that changes its figure: the control test has nothing to change');
}

let site: ServedSite | undefined;
let origin = '';
let browser: Browser;
let lessonSlugs: string[] = [];
let pages: string[] = [];
let probe: ReturnType<typeof controlThatChangesFigure>;

beforeAll(async () => {
  requireChromium();
  const lessons = (await readdir(CONTENT_DIR)).filter((f) => f.endsWith('.mdx'));
  expect(lessons.length, `no lessons in ${CONTENT_DIR}`).toBeGreaterThan(0);
  probe = controlThatChangesFigure((await loadLabForNode(LIB_ENTRY)) as Lab);

  site = await serveBuiltSite('teaming-lab-site-', async (workDir) => {
    const content = path.join(workDir, 'content');
    await mkdir(content);
    for (const f of lessons) await copyFile(path.join(CONTENT_DIR, f), path.join(content, f));
    await writeFile(path.join(content, `${SELFTEST}.mdx`), `---
title: Site self-test
kind: guide
summary: Written by the site test to exercise one control and the runnable cells; not a lesson.
minutes: 1
---

## A control

<Figure experiment="${probe.experiment}" controls={["${probe.control.name}"]} />

## A cell

\`\`\`ts cell
const sixTimesSeven: number = 6 * 7;
console.log('six times seven is', sixTimesSeven);
\`\`\`
`);
    return buildSite({ contentDir: content, outDir: path.join(workDir, 'dist'), libEntry: LIB_ENTRY, quiet: true });
  });
  ({ origin, browser } = site);
  const { built } = site;
  lessonSlugs = built.lessons.map((l) => l.slug).filter((s) => s !== SELFTEST);
  pages = ['', 'search/', ...built.lessons.map((l) => `${l.slug}/`)];
});

afterAll(async () => {
  await stopServedSite(site);
});

/** Opens a page and records console errors, page errors, failed requests and requests to other origins. */
async function open(context: BrowserContext, pathname: string): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('request', (r) => { if (!r.url().startsWith(`${origin}/`) && !r.url().startsWith('data:')) problems.push(`request outside the site: ${r.url()}`); });
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()} for ${r.url()}`); });
  await page.goto(`${origin}/${pathname}`);
  return { page, problems };
}

/** Scrolls to every figure and waits for Plotly's SVG in it (figures draw lazily, near the viewport). */
async function drawAllFigures(page: Page): Promise<number> {
  const figures = page.locator('.tl-figure');
  const n = await figures.count();
  for (let i = 0; i < n; i++) {
    await figures.nth(i).scrollIntoViewIfNeeded();
    await figures.nth(i).locator('.tl-plot svg.main-svg').first().waitFor({ timeout: 90_000 });
  }
  return n;
}

/** The output of the reader's run (the build-time output is a second, hidden `.tl-cell-output[data-prerendered]`). */
const LIVE_OUTPUT = '.tl-cell-output:not([data-prerendered])';

/** Runs a cell and waits until it finished, failed or was stopped; returns its state and output. */
async function runCell(page: Page, cell: ReturnType<Page['locator']>, timeout = CELL_LIMIT_MS + 30_000) {
  await cell.locator('.tl-run').click();
  return waitCell(page, cell, timeout);
}

/** Waits until a running cell finished, failed or was stopped. */
async function waitCell(page: Page, cell: ReturnType<Page['locator']>, timeout = CELL_LIMIT_MS + 30_000) {
  const handle = await cell.elementHandle();
  await page.waitForFunction((el) => ['done', 'error', 'stopped'].includes((el as HTMLElement).dataset.state ?? ''), handle, { timeout });
  return { state: await cell.getAttribute('data-state'), output: await cell.locator(LIVE_OUTPUT).innerText() };
}

const plotData = (page: Page, figure: string) => page.evaluate((sel) => {
  const plot = document.querySelector(`${sel} .tl-plot`) as HTMLElement & { data?: Array<Record<string, unknown>> };
  return JSON.stringify((plot.data ?? []).map((t) => [t.x, t.y, t.z, t.values, t.text]));
}, figure);

describe('course site', () => {
  it('loads every page without console errors or requests outside the site, and draws every figure', async () => {
    // Claim: the site is self-contained and its islands run cleanly. Setup: every page, scrolled through.
    // Expect no problem recorded, because fonts, scripts and data all come from the site's own origin.
    const context = await browser.newContext();
    for (const p of pages) {
      const { page, problems } = await open(context, p);
      const figures = await drawAllFigures(page);
      if (p.startsWith(lessonSlugs[0] ?? '\0')) expect(await page.locator('article h1').count()).toBe(1);
      await page.waitForTimeout(100);
      expect(problems, `page /${p} (${figures} figures)`).toEqual([]);
      await page.close();
    }
    await context.close();
  }, 600_000);

  it('re-runs the model in the page when a control changes, and redraws with new numbers', async () => {
    // Setup: the self-test figure shows one control that the library says changes the figure.
    // Expect the Plotly data to differ after the change, because the experiment ran again in the page.
    const context = await browser.newContext();
    const { page, problems } = await open(context, `${SELFTEST}/`);
    await drawAllFigures(page);
    const before = await plotData(page, '#figure-1');
    const field = page.locator(`#figure-1-${probe.control.name}`);
    if (probe.control.kind === 'toggle') await field.setChecked(Boolean(probe.value));
    else if (probe.control.kind === 'select') await field.selectOption(String(probe.value));
    else { await field.fill(String(probe.value)); await field.dispatchEvent('change'); }
    await page.waitForFunction(([sel, b]) => {
      const plot = document.querySelector(`${sel} .tl-plot`) as HTMLElement & { data?: Array<Record<string, unknown>> };
      return JSON.stringify((plot.data ?? []).map((t) => [t.x, t.y, t.z, t.values, t.text])) !== b;
    }, ['#figure-1', before] as const, { timeout: 20_000 });
    expect(await plotData(page, '#figure-1')).not.toBe(before);
    expect(await page.locator('#figure-1 .tl-status').innerText()).toBe('');
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);

  it('accepts every control of every lesson figure (the model re-runs and redraws without error)', async () => {
    // Each control is set to a value other than its default; expect a redraw event and no error message,
    // because every value a control offers is one the experiment accepts.
    const context = await browser.newContext();
    for (const slug of lessonSlugs) {
      const { page, problems } = await open(context, `${slug}/`);
      await drawAllFigures(page);
      const figures = await page.locator('.tl-figure').evaluateAll((els) => els.map((e) => e.id));
      for (const id of figures) {
        const specs = await page.evaluate((fid) => JSON.parse(document.querySelector(`#${fid} script.tl-figure-json`)!.textContent!).controls as Control[], id);
        for (const c of specs) {
          const value = otherValue(c);
          if (value === null) continue;
          const drawn = page.evaluate((fid) => new Promise<void>((resolve) => document.getElementById(fid)!.addEventListener('tl-figure-drawn', () => resolve(), { once: true })), id);
          const field = page.locator(`#${id}-${c.name}`);
          if (c.kind === 'toggle') await field.setChecked(Boolean(value));
          else if (c.kind === 'select') await field.selectOption(String(value));
          else { await field.fill(String(value)); await field.dispatchEvent('change'); }
          await drawn;
          expect(await page.locator(`#${id} .tl-status`).innerText(), `${slug} #${id} ${c.name}=${value}`).toBe('');
        }
      }
      expect(problems, slug).toEqual([]);
      await page.close();
    }
    await context.close();
  }, 600_000);

  it('runs every cell of every lesson to completion, and shows output', async () => {
    // Cells run in a Web Worker with the bundled library. Expect every cell to finish ('done') within
    // the time limit and the self-test cell to print 42, because 6 * 7 = 42.
    const context = await browser.newContext();
    for (const slug of [...lessonSlugs, SELFTEST]) {
      const { page, problems } = await open(context, `${slug}/`);
      const cells = page.locator('.tl-cell');
      const n = await cells.count();
      for (let i = 0; i < n; i++) {
        const { state, output } = await runCell(page, cells.nth(i));
        expect(state, `${slug} cell ${i + 1}: ${output}`).toBe('done');
        expect(output.trim().length, `${slug} cell ${i + 1} shows output`).toBeGreaterThan(0);
      }
      if (slug === SELFTEST) expect(await cells.first().locator(LIVE_OUTPUT).innerText()).toContain('six times seven is 42');
      expect(problems, slug).toEqual([]);
      await page.close();
    }
    await context.close();
  }, 600_000);

  it('stops an endless cell with a clear message and keeps the page responsive', async () => {
    // Setup: the self-test cell edited to `while (true) {}`. Expect the "Stopped" message after the
    // 10 s limit, a page that answers during the loop (the loop runs in a worker), and a cell that runs
    // again afterwards, because the terminated worker is replaced.
    const context = await browser.newContext();
    const { page } = await open(context, `${SELFTEST}/`);
    const cell = page.locator('.tl-cell').first();
    await page.waitForSelector('.tl-cell[data-editor="codemirror"]');
    await cell.locator('.cm-content').fill('while (true) {}');
    await cell.locator('.tl-run').click();
    await page.waitForTimeout(1000);
    expect(await cell.getAttribute('data-state')).toBe('running');
    const t0 = Date.now();
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    expect(Date.now() - t0, 'the page still paints while the loop runs').toBeLessThan(1000);
    const { state, output } = await waitCell(page, cell);
    expect(state).toBe('stopped');
    expect(output).toMatch(/Stopped: the cell was still running after 10 s/);
    await cell.locator('.cm-content').fill("console.log('again')");
    expect((await runCell(page, cell)).output).toContain('again');
    await context.close();
  }, 120_000);

  it('finds a lesson from a word of its body, from any page, offline', async () => {
    // Pick a word that occurs in exactly one real lesson; expect the header search on the home page and
    // the search page to list that lesson, because the index holds every section's text.
    const index = JSON.parse(await (await fetch(`${origin}/search-index.json`)).text()) as { lessons: Array<{ slug: string; sections: Array<{ text: string }> }> };
    const words = (l: { sections: Array<{ text: string }> }) => new Set(l.sections.flatMap((s) => s.text.toLowerCase().match(/\b[a-z]{7,}\b/g) ?? []));
    const real = index.lessons.filter((l) => l.slug !== SELFTEST);
    let target = '', word = '';
    for (const l of real) {
      const others = real.filter((o) => o !== l).map(words);
      word = [...words(l)].find((w) => others.every((o) => !o.has(w))) ?? '';
      if (word) { target = l.slug; break; }
    }
    expect(word, 'a word unique to one lesson').not.toBe('');
    const context = await browser.newContext();
    const { page, problems } = await open(context, '');
    await page.fill('#tl-q', word);
    const hit = page.locator('#tl-search-results a.tl-hit').first();
    await hit.waitFor({ timeout: 10_000 });
    expect(await hit.getAttribute('href')).toContain(`${target}/`);
    await hit.click();
    await page.waitForURL(new RegExp(`/${target}/`));
    const search = await open(context, `search/?q=${encodeURIComponent(word)}`);
    await search.page.locator('.tl-search-page-results a.tl-hit').first().waitFor({ timeout: 10_000 });
    expect(await search.page.locator('.tl-search-page-results a.tl-hit').first().getAttribute('href')).toContain(`${target}/`);
    expect([...problems, ...search.problems]).toEqual([]);
    await context.close();
  }, 60_000);

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no serious or critical axe-core violations in the ${colorScheme} theme`, async () => {
      // The theme follows prefers-color-scheme when no choice is stored. Expect no serious/critical
      // violation on any page with figures drawn and cells upgraded, because the markup has landmarks,
      // labels and contrast in both palettes.
      const context = await browser.newContext({ colorScheme, bypassCSP: true }) /* axe-core is injected inline; the site's CSP would block it */;
      const axe = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
      for (const p of pages) {
        const { page } = await open(context, p);
        expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(colorScheme);
        await drawAllFigures(page);
        await page.addScriptTag({ content: axe });
        const violations = await page.evaluate(async () => {
          const result = await (window as unknown as { axe: { run(d: Document): Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } }).axe.run(document);
          return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
            .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
        });
        expect(violations, `/${p} in ${colorScheme}`).toEqual([]);
        await page.close();
      }
      await context.close();
    }, 600_000);
  }

  it('remembers the theme chosen with the toggle', async () => {
    const context = await browser.newContext({ colorScheme: 'light' });
    const { page } = await open(context, '');
    await page.click('.tl-theme');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await page.getAttribute('.tl-theme', 'aria-pressed')).toBe('true');
    await page.goto(`${origin}/${lessonSlugs[0]}/`);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await context.close();
  }, 60_000);

  it('resolves every internal link and fragment (crawl from the home page)', async () => {
    // Expect HTTP 200 for every same-site href/src and an element with the id of every #fragment,
    // because pages, assets and headings are all generated from the same lesson list.
    const seen = new Map<string, string>();
    const queue = [`${origin}/`];
    const broken: string[] = [];
    const fragments: Array<[string, string, string]> = [];
    while (queue.length) {
      const url = queue.shift()!;
      if (seen.has(url)) continue;
      const res = await fetch(url);
      const body = res.headers.get('content-type')?.startsWith('text/html') ? await res.text() : '';
      seen.set(url, body);
      if (res.status !== 200) { broken.push(`${url}: HTTP ${res.status}`); continue; }
      for (const m of body.matchAll(/\s(?:href|src)="([^"]+)"/g)) {
        const target = new URL(m[1].replace(/&amp;/g, '&'), url);
        if (target.origin !== origin) { if (!/^https?:$/.test(target.protocol) && target.protocol !== 'data:') broken.push(`${url}: odd link ${m[1]}`); continue; }
        if (target.hash) fragments.push([url, target.href.split('#')[0], target.hash.slice(1)]);
        target.hash = '';
        if (!seen.has(target.href)) queue.push(target.href);
      }
    }
    for (const [from, page, id] of fragments) {
      if (!new RegExp(`\\sid="${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`).test(seen.get(page) ?? '')) broken.push(`${from}: no #${id} in ${page}`);
    }
    expect(broken).toEqual([]);
    for (const slug of lessonSlugs) expect(seen.has(`${origin}/${slug}/`), `${slug} is linked`).toBe(true);
    const missing = await fetch(`${origin}/no-such-page/`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('Page not found');
  }, 120_000);

  it('reads without JavaScript, prints without controls, and fits a phone', async () => {
    const slug = lessonSlugs[0];
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    const { page } = await open(noJs, `${slug}/`);
    expect(await page.locator('article h1').innerText()).not.toBe('');
    const figures = await page.locator('.tl-figure').count();
    for (let i = 0; i < figures; i++) {
      // Each caption says what is plotted, and states the claim or, when the page's finding box states
      // it, whether it holds with these settings.
      const figure = page.locator('.tl-figure').nth(i);
      expect(await figure.locator('.tl-plotted').innerText()).toMatch(/^Plotted: \S/);
      expect((await figure.locator('.tl-claim, .tl-claim-check').innerText()).length).toBeGreaterThan(10);
    }
    if (await page.locator('.tl-cell').count()) expect(await page.locator('.tl-cell-source').first().isVisible()).toBe(true);
    expect(await page.locator('.tl-controls').count() === 0 || !(await page.locator('.tl-controls').first().isVisible())).toBe(true);
    await noJs.close();

    const context = await browser.newContext();
    const printed = await open(context, `${SELFTEST}/`);
    await printed.page.emulateMedia({ media: 'print' });
    for (const sel of ['.tl-header', '.tl-controls', '.tl-run', '.tl-lessons']) {
      expect(await printed.page.locator(sel).first().isVisible(), `${sel} hidden in print`).toBe(false);
    }
    expect(await printed.page.locator('.tl-cell-source').first().isVisible()).toBe(true);
    await context.close();

    const phone = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    for (const p of pages) {
      const { page: small } = await open(phone, p);
      await drawAllFigures(small);
      const [scroll, client] = await small.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      expect(scroll, `/${p} is no wider than the phone`).toBeLessThanOrEqual(client + 1);
      await small.close();
    }
    await phone.close();
  }, 600_000);

  it('checks an exercise answer typed in its answer box with the library', async () => {
    // An empty answer must come back as FAIL, because no exercise accepts "no answer".
    const withBox = [];
    for (const slug of lessonSlugs) {
      const html = await (await fetch(`${origin}/${slug}/`)).text();
      if (html.includes('class="tl-answer"')) withBox.push(slug);
    }
    if (withBox.length === 0) return; // no lesson has number/choice exercises yet: nothing to check
    const context = await browser.newContext();
    const { page, problems } = await open(context, `${withBox[0]}/`);
    const form = page.locator('form.tl-answer').first();
    await form.locator('button').click();
    await expect.poll(() => form.locator('.tl-answer-result').innerText(), { timeout: 60_000 }).toMatch(/^FAIL /); // the library loads in the page first: seconds on a loaded machine
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);
});
