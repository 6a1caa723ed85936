// A lesson notebook in real classic Jupyter Notebook 6 (Debian's, tslab kernel) in Chromium, for what only
// a browser shows: hints and solutions fold (<details>) and open on a click, and after Run All every chart
// draws although plotly.js travels in the first chart's output only.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JUPYTER_DIR } from '../../scripts/jupyter-env';
import { lessonExpectations } from '../notebooks/outputs';
import { serveNotebook } from './support';
import type { ServedNotebook } from './support';

const NOTEBOOK = '04-one-stream-one-member.ipynb';
const LESSON = 'content/04-one-stream-one-member.mdx';
const SERVED_DIR = join(JUPYTER_DIR, 'browser-test-classic');

let served: ServedNotebook | undefined;
let page: Page;

beforeAll(async () => {
  served = await serveNotebook(NOTEBOOK, SERVED_DIR);
  page = served.page;
}, 300_000);

afterAll(async () => {
  await served?.browser.close();
  await served?.server.stop();
}, 60_000);

describe(`${NOTEBOOK} in classic Notebook 6`, () => {
  it('folds each hint and solution behind its summary, and opens it on a click', async () => {
    const hints = page.locator('.text_cell_render details', { has: page.locator('summary', { hasText: /^Hint$/ }) });
    const solutions = page.locator('.text_cell_render details', { has: page.locator('summary', { hasText: /^Solution$/ }) });
    const exercises = lessonExpectations(LESSON).exercises.length;
    expect(await solutions.count()).toBe(exercises);
    expect(await hints.count()).toBeGreaterThan(0);
    const hint = hints.first();
    await hint.scrollIntoViewIfNeeded();
    const body = hint.locator('p').first();
    expect(await hint.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await body.isVisible()).toBe(false);
    await hint.locator('summary').click();
    expect(await hint.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await body.isVisible()).toBe(true);
  });

  it('draws every chart after Run All with one copy of plotly.js on the page', async () => {
    await page.evaluate(() => (window as any).Jupyter.notebook.execute_all_cells());
    await page.waitForFunction(
      () => (window as any).Jupyter.notebook.get_cells().filter((c: any) => c.cell_type === 'code').every((c: any) => typeof c.input_prompt_number === 'number'),
      null,
      { timeout: 240_000, polling: 500 },
    );
    const expected = lessonExpectations(LESSON).figures;
    expect(expected).toBeGreaterThan(1);
    await page.waitForFunction(
      (n) => Array.from(document.querySelectorAll('.output_area [data-teaming-lab-figure]')).filter((el) => el.querySelector('svg.main-svg')).length === n,
      expected,
      { timeout: 60_000 },
    );
    expect(await page.locator('script[type="text/x-teaming-lab-plotly"]').count()).toBe(1);
    expect(served!.consoleErrors).toEqual([]);
  }, 300_000);
});
