// Runnable cells as a reader uses them, in Chromium: the editor highlights TypeScript and runs on
// Shift+Enter; the build-time output shows until the cell runs and comes back on Reset; type errors are
// reported by the TypeScript compiler in the page; a bad import names the missing export; console.table
// draws a table; edits and answers survive a reload and "Reset this page" forgets them; Copy copies the
// code; a page opened from a file says which command to run.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServedSite, requireChromium, serveGuideSite, stopServedSite } from './support';

const PAGE = 'zz-cells';
const FIRST = "const greeting: string = 'hello';\nconsole.log(greeting, 6 * 7);";
let site: ServedSite | undefined;
let origin = '';
let browser: Browser;

beforeAll(async () => {
  requireChromium();
  site = await serveGuideSite('teaming-lab-cells-', PAGE, { title: 'Cells self-test', summary: 'Cells for the cell tests.', body: `## First

\`\`\`ts cell
${FIRST}
\`\`\`

## Second

\`\`\`ts cell
import { ephemeralPorts } from 'teaming-lab';
console.log(ephemeralPorts({ count: 2 }));
\`\`\`

## A code block

\`\`\`ts
const copyMe = 1;
\`\`\`
` });
  ({ origin, browser } = site);
});

afterAll(async () => {
  await stopServedSite(site);
});

async function open(context: BrowserContext): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(`${origin}/${PAGE}/`);
  await page.waitForSelector('.tl-cell[data-editor="codemirror"]');
  return { page, errors };
}

const cell = (page: Page, i = 0) => page.locator('.tl-cell').nth(i);
async function waitEnd(page: Page, i = 0) {
  const handle = await cell(page, i).elementHandle();
  await page.waitForFunction((el) => ['done', 'error', 'stopped'].includes((el as HTMLElement).dataset.state ?? ''), handle, { timeout: 20_000 });
  return { state: await cell(page, i).getAttribute('data-state'), output: await cell(page, i).locator('.tl-cell-output:not([data-prerendered])').innerText() };
}

describe('runnable cells', () => {
  it('highlight TypeScript in the editor and run on Shift+Enter and Ctrl+Enter', async () => {
    const context = await browser.newContext();
    const { page, errors } = await open(context);
    // Highlighting: the keyword `const` and the string are in their own token spans.
    const tokens = await cell(page).locator('.cm-content span').allInnerTexts();
    expect(tokens).toContain('const');
    expect(tokens.some((t) => t.includes("'hello'"))).toBe(true);
    await cell(page).locator('.cm-content').click();
    await page.keyboard.press('Shift+Enter');
    expect((await waitEnd(page)).output).toContain('hello 42');
    await cell(page).locator('.cm-content').click();
    await page.keyboard.press('Control+Enter');
    expect((await waitEnd(page)).state).toBe('done');
    expect(await cell(page).locator('.cm-content').innerText()).toBe(FIRST); // Enter was not typed into the code
    expect(errors).toEqual([]);
    await context.close();
  });

  it('show the build-time output until run, and again after Reset', async () => {
    // The builder runs each cell with the library and writes <div class="tl-cell-output" data-prerendered>
    // under it (docs/lesson-format.md): shown before any run, hidden while the reader's own output shows,
    // back after Reset.
    const context = await browser.newContext();
    const { page } = await open(context);
    const built = cell(page).locator('[data-prerendered]');
    expect(await built.isVisible()).toBe(true);
    expect(await built.innerText()).toBe('hello 42');
    await cell(page).locator('.tl-run').click();
    const { output } = await waitEnd(page);
    expect(output).toContain('hello 42');
    expect(await built.isVisible()).toBe(false);
    await cell(page).locator('.tl-reset').click();
    expect(await built.isVisible()).toBe(true);
    expect(await cell(page).locator('.tl-cell-output:not([data-prerendered])').innerText()).toBe('');
    await context.close();
  });

  it("report `const n: number = 'hello'` as a type error from the TypeScript compiler, and a bad import by name", async () => {
    const context = await browser.newContext();
    const { page } = await open(context);
    await cell(page).locator('.cm-content').fill("import { noSuchThing } from 'teaming-lab';\nconst n: number = 'hello';\nnoSuchThing();");
    await cell(page).locator('.tl-run').click();
    const { state, output } = await waitEnd(page);
    expect(state).toBe('error');
    expect(output).toMatch(/'teaming-lab' has no export named 'noSuchThing'/);
    expect(output).not.toMatch(/Cannot read properties of undefined/);
    const diagnostics = cell(page).locator('.tl-cell-diagnostics');
    await expect.poll(() => diagnostics.innerText(), { timeout: 60_000 }).toMatch(/Line 2, column 7: Type 'string' is not assignable to type 'number'/);
    expect(await diagnostics.innerText()).toMatch(/Line 1, column 10: Module '"teaming-lab"' has no exported member 'noSuchThing'/);
    expect(await cell(page).locator('.cm-lintRange-error').count()).toBeGreaterThan(0);
    // A correct cell that uses the library's types is clean.
    await cell(page).locator('.cm-content').fill("import { ephemeralPorts } from 'teaming-lab';\nconst ports: number[] = ephemeralPorts({ count: 2 });\nconsole.log(ports.length);");
    await expect.poll(() => cell(page).getAttribute('data-typecheck'), { timeout: 60_000 }).toBe('clean');
    expect(await diagnostics.isVisible()).toBe(false);
    await context.close();
  }, 180_000);

  it('draw console.table as a table', async () => {
    const context = await browser.newContext();
    const { page } = await open(context);
    await cell(page).locator('.cm-content').fill("console.table([{ member: 'NIC1', gbps: 10 }, { member: 'NIC2', gbps: 10 }]);");
    await cell(page).locator('.tl-run').click();
    await waitEnd(page);
    const table = cell(page).locator('.tl-cell-output:not([data-prerendered]) table');
    expect(await table.locator('thead th').allInnerTexts()).toEqual(['(index)', 'member', 'gbps']);
    expect(await table.locator('tbody tr').nth(1).locator('th, td').allInnerTexts()).toEqual(['1', 'NIC2', '10']);
    await context.close();
  });

  it('keep edits across a reload, per page, until Reset or "Reset this page"', async () => {
    const context = await browser.newContext();
    const { page } = await open(context);
    await cell(page, 1).locator('.cm-content').fill("console.log('my edit');");
    await page.reload();
    await page.waitForSelector('.tl-cell[data-editor="codemirror"]');
    expect((await cell(page, 1).locator('.cm-content').innerText()).trim()).toBe("console.log('my edit');");
    expect(await page.locator('.tl-saved-bar').isVisible()).toBe(true);
    await cell(page, 1).locator('.tl-reset').click();
    await page.reload();
    await page.waitForSelector('.tl-cell[data-editor="codemirror"]');
    expect(await cell(page, 1).locator('.cm-content').innerText()).toContain('ephemeralPorts');
    await cell(page, 0).locator('.cm-content').fill("console.log('another edit');");
    await page.locator('.tl-reset-page').click();
    await page.waitForSelector('.tl-cell[data-editor="codemirror"]');
    expect((await cell(page, 0).locator('.cm-content').innerText()).trim()).toBe(FIRST);
    expect(await page.locator('.tl-saved-bar').isVisible()).toBe(false);
    // Nothing of this page is left in storage.
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('teaming-lab:')))).toEqual([]);
    await context.close();
  });

  it('copy the code of a cell and of a code block', async () => {
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const { page } = await open(context);
    await cell(page).locator('.tl-copy').click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(FIRST);
    await page.locator('.tl-code .tl-copy').first().click();
    expect((await page.evaluate(() => navigator.clipboard.readText())).trim()).toBe('const copyMe = 1;');
    await context.close();
  });

  it('opened from a file, the page says the charts and cells need the server and names the command', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(pathToFileURL(path.join(site!.built.outDir, PAGE, 'index.html')).href);
    const notice = page.locator('.tl-file-notice');
    await notice.waitFor();
    expect(await notice.innerText()).toMatch(/npm start.*http:\/\/localhost:4321\//s);
    await context.close();
  });
});
