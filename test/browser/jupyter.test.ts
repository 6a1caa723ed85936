// Opens a lesson notebook in real Jupyter Notebook (Debian's classic Notebook 6, tslab kernel) in
// Chromium, runs every cell the way a learner does (Kernel > Restart & Run All), and checks that the
// Plotly charts render offline (svg.main-svg inside each figure) with no console errors. This is the
// test that catches what nbclient cannot: require.js vs the plotly.js bundle, scripts in HTML outputs.
// Jupyter or Chromium missing is an error (scripts/ensure-system-deps.sh installs them when it can).
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JUPYTER_DIR, NOTEBOOKS_DIR, prepareJupyter, startNotebookServer } from '../../scripts/jupyter-env';
import type { NotebookServer } from '../../scripts/jupyter-env';
import { lessonExpectations } from '../notebooks/outputs';
import { launchChromium } from './support';

const NOTEBOOK = '01-how-to-use.ipynb';
const LESSON = 'content/01-how-to-use.mdx';
// Jupyter serves a copy, so that an autosave can never write outputs into notebooks/. The copy stays
// inside the repository, where `import ... from 'teaming-lab'` resolves through node_modules.
const SERVED_DIR = join(JUPYTER_DIR, 'browser-test');

let server: NotebookServer | undefined;
let browser: Browser | undefined;
let page: Page;
const consoleErrors: string[] = [];

beforeAll(async () => {
  prepareJupyter({ chromium: true, log: (m) => console.error(m) });
  rmSync(SERVED_DIR, { recursive: true, force: true });
  mkdirSync(SERVED_DIR, { recursive: true });
  copyFileSync(join(NOTEBOOKS_DIR, NOTEBOOK), join(SERVED_DIR, NOTEBOOK));
  server = await startNotebookServer({ dir: SERVED_DIR });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => consoleErrors.push(`page error: ${error.message}`));
  // Anything leaving localhost would mean a CDN: refuse it, so the test proves the charts work offline.
  await page.route(/^(?!http:\/\/127\.0\.0\.1[:/])/, (route) => {
    consoleErrors.push(`blocked request to ${route.request().url()}`);
    return route.abort();
  });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
}, 60_000);

describe(`${NOTEBOOK} in Jupyter Notebook`, () => {
  it('runs every cell, renders every figure with plotly.js from the output, and logs no console error', async () => {
    await page.goto(`${server!.baseUrl}/notebooks/${NOTEBOOK}?token=${server!.token}`);
    await page.waitForFunction(() => (window as any).Jupyter?.notebook?.kernel?.is_connected?.() === true, null, { timeout: 120_000 });

    // Kernel > Run All (the kernel was just started, so this is the same as Restart & Run All).
    await page.evaluate(() => (window as any).Jupyter.notebook.execute_all_cells());

    // Done when every code cell has an execution count (it shows "*" while queued or running).
    await page.waitForFunction(
      () => {
        const cells = (window as any).Jupyter.notebook.get_cells().filter((c: any) => c.cell_type === 'code');
        return cells.every((c: any) => typeof c.input_prompt_number === 'number');
      },
      null,
      { timeout: 150_000, polling: 500 },
    );

    const outputs = await page.evaluate(() =>
      (window as any).Jupyter.notebook
        .get_cells()
        .filter((c: any) => c.cell_type === 'code')
        .flatMap((c: any) => c.output_area.outputs.map((o: any) => ({ type: o.output_type, ename: o.ename, evalue: o.evalue }))),
    );
    expect(outputs.filter((o: { type: string }) => o.type === 'error')).toEqual([]);

    const expected = lessonExpectations(LESSON);
    expect(expected.figures).toBeGreaterThan(0);
    const figures = page.locator('.output_area [data-teaming-lab-figure]');
    await expect.poll(() => figures.count(), { timeout: 30_000 }).toBe(expected.figures);
    // Plotly draws into svg.main-svg; wait until every figure has one.
    await page.waitForFunction(
      (n) => Array.from(document.querySelectorAll('.output_area [data-teaming-lab-figure]')).filter((el) => el.querySelector('svg.main-svg')).length === n,
      expected.figures,
      { timeout: 60_000 },
    );
    // Bars were drawn, not just empty axes.
    expect(await page.locator('.output_area [data-teaming-lab-figure] svg.main-svg .trace').count()).toBeGreaterThan(0);

    // The finding's verdict is on the page too.
    await expect.poll(() => page.locator('.output_area').getByText(/Finding 1: holds/).count()).toBeGreaterThan(0);

    expect(consoleErrors).toEqual([]);
  });
});
