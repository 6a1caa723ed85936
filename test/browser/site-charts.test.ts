// Charts designed for reading, in Chromium at a phone's width (375 px) and a laptop's (1280 px): in every
// lesson figure no two pieces of text overlap (title, legend, tick labels, axis titles, annotations) and no
// text is cut off by the chart's edge. The check measures the drawn SVG text boxes, rotated ones exactly
// (chartText.ts), so it fails on the problems readers saw: lesson 1's legend on the rotated labels, phone
// titles cut, axis titles under legends. Also: a figure with controls keeps its y axis when a control
// halves the rates, number fields apply as you type and mark a bad value next to the field, and the
// chart area shows a loading state until Plotly has drawn.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overlappingText } from './chartText';
import { ROOT, type ServedSite, buildSite, requireChromium, serveBuiltSite, stopServedSite } from './support';

let site: ServedSite | undefined;
let origin = '';
let browser: Browser;
let slugs: string[] = [];

beforeAll(async () => {
  requireChromium();
  site = await serveBuiltSite('teaming-lab-charts-', (dir) =>
    buildSite({ contentDir: process.env.CONTENT_DIR ?? path.join(ROOT, 'content'), outDir: path.join(dir, 'dist'), libEntry: path.join(ROOT, 'lib', 'index.ts'), quiet: true }));
  ({ origin, browser } = site);
  slugs = site.built.lessons.filter((l) => l.figures > 0).map((l) => l.slug);
});

afterAll(async () => {
  await stopServedSite(site);
});

async function drawAll(page: Page): Promise<void> {
  const figures = page.locator('.tl-figure');
  for (let i = 0; i < await figures.count(); i++) {
    await figures.nth(i).scrollIntoViewIfNeeded();
    await figures.nth(i).locator('.tl-plot[data-state="drawn"]').waitFor({ timeout: 60_000 });
  }
}

describe('lesson charts', () => {
  for (const width of [375, 1280]) {
    it(`have no overlapping or cut-off text at ${width} px`, async () => {
      expect(slugs.length).toBeGreaterThan(0);
      const context = await browser.newContext({ viewport: { width, height: 900 }, isMobile: width < 500 });
      const problems: string[] = [];
      for (const slug of slugs) {
        const page = await context.newPage();
        await page.goto(`${origin}/${slug}/`);
        await drawAll(page);
        problems.push(...(await page.evaluate(overlappingText, 2)).map((p) => `${slug} ${p}`));
        await page.close();
      }
      expect(problems).toEqual([]);
      await context.close();
    }, 600_000);
  }

  it('the overlap check fails on overlapping text (it can fail)', async () => {
    const page = await browser.newPage();
    await page.setContent(`<div class="tl-plot" style="width: 300px"><svg width="300" height="100"><text x="10" y="40">peak send (HV1)</text><text x="20" y="44">Static TransportPorts</text><text x="250" y="90">cut off at the edge</text></svg></div>`);
    const problems = await page.evaluate(overlappingText, 2);
    expect(problems.some((p) => p.includes('overlaps'))).toBe(true);
    expect(problems.some((p) => p.includes('cut off'))).toBe(true);
    await page.close();
  });

  it('keeps the y axis of a figure with controls when a control lowers the values, and marks a bad number next to its field', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${origin}/${slugs[0]}/`);
    await drawAll(page);
    // The first figure with a number control.
    const id = await page.locator('.tl-figure').evaluateAll((els) => els.find((e) => e.querySelector('form.tl-controls input[type="number"]'))?.id ?? null);
    expect(id, 'a figure with a number control').not.toBeNull();
    const field = page.locator(`#${id} form.tl-controls input[type="number"]`).first();
    const yTop = () => page.evaluate((fid) => (document.querySelector(`#${fid} .tl-plot`) as unknown as { _fullLayout: { yaxis: { range: number[] } } })._fullLayout.yaxis.range[1], id!);
    const before = await yTop();
    // Typing the smallest allowed value applies without Enter; the y axis does not shrink.
    const min = await field.getAttribute('min');
    const drawn = page.evaluate((fid) => new Promise<void>((r) => document.getElementById(fid)!.addEventListener('tl-figure-drawn', () => r(), { once: true })), id!);
    await field.fill('');
    await field.pressSequentially(String(min ?? 1));
    await drawn;
    expect(await yTop()).toBeGreaterThanOrEqual(before - 1e-9);
    await field.fill('');
    await field.pressSequentially('99999');
    const problem = page.locator(`#${id} .tl-field-error`).first();
    await problem.waitFor({ timeout: 10_000 });
    expect(await problem.innerText()).toMatch(/from .* to /);
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    // The error sits next to the field, not at the bottom of the figure.
    const [fieldBox, problemBox] = [await field.boundingBox(), await problem.boundingBox()];
    expect(Math.abs(problemBox!.y - (fieldBox!.y + fieldBox!.height))).toBeLessThan(40);
    await page.close();
  }, 120_000);
});
