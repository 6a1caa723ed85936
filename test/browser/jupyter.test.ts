// Opens a lesson notebook in real Jupyter Notebook (Debian's classic Notebook 6, tslab kernel) in
// Chromium, runs every cell the way a learner does (Kernel > Restart & Run All), and checks that the
// Plotly charts render offline (svg.main-svg inside each figure) with no console errors. This is the
// test that catches what nbclient cannot: require.js vs the plotly.js bundle, scripts in HTML outputs.
// Jupyter or Chromium missing is an error (scripts/ensure-system-deps.sh installs them when it can).
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JUPYTER_DIR } from '../../scripts/jupyter-env';
import { lessonExpectations } from '../notebooks/outputs';
import { serveNotebook } from './support';
import type { ServedNotebook } from './support';

const NOTEBOOK = '01-how-to-use.ipynb';
const LESSON = 'content/01-how-to-use.mdx';
// Jupyter serves a copy, so that an autosave can never write outputs into notebooks/. The copy stays
// inside the repository, where `import ... from 'teaming-lab'` resolves through node_modules.
const SERVED_DIR = join(JUPYTER_DIR, 'browser-test');

let served: ServedNotebook | undefined;
let page: Page;
let consoleErrors: string[] = [];

beforeAll(async () => {
  // Anything leaving localhost is refused and recorded: the test proves the charts work offline.
  served = await serveNotebook(NOTEBOOK, SERVED_DIR);
  ({ page, consoleErrors } = served);
}, 300_000);

afterAll(async () => {
  await served?.browser.close();
  await served?.server.stop();
}, 60_000);

describe(`${NOTEBOOK} in Jupyter Notebook`, () => {
  it('runs every cell, renders every figure with plotly.js from the output, and logs no console error', async () => {

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
