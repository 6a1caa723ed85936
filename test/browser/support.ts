// Shared by the browser tests: launching Debian's Chromium the same way everywhere, and building the site
// into a temporary folder, serving it on a free port and opening a browser on it.
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, type Page, chromium } from 'playwright-core';
import { NOTEBOOKS_DIR, prepareJupyter, startNotebookServer } from '../../scripts/jupyter-env';
import type { NotebookServer } from '../../scripts/jupyter-env';
import { buildSite } from '../../site/build';
import { createSiteServer } from '../../site/serve.mjs';

import { loadLabForNode } from '../../site/builder/lab';

// The builder and the library loader, for test files that build their own pages (one import to change if
// the builder moves).
export { buildSite, loadLabForNode };

/** The repository root. */
export const ROOT = path.resolve(__dirname, '../..');
/** Debian's Chromium, installed by scripts/ensure-system-deps.sh. */
export const CHROMIUM = '/usr/bin/chromium';
/** Chromium flags: no sandbox (containers), and nothing that reaches the network on its own. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'];

/** Throws, naming the script that installs it, when Chromium is missing. */
export function requireChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: run scripts/ensure-system-deps.sh (as root) to install Debian's chromium`);
  }
}

/** Launches Chromium headless with CHROMIUM_ARGS, after checking it is installed. */
export async function launchChromium(): Promise<Browser> {
  requireChromium();
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** The site built into a temporary folder, served on 127.0.0.1, and a browser to visit it. */
export interface ServedSite {
  /** The temporary folder (the site is built into its dist/ folder). */
  workDir: string;
  /** What buildSite returned. */
  built: Awaited<ReturnType<typeof buildSite>>;
  /** The HTTP server serving built.outDir. */
  server: Server;
  /** http://127.0.0.1:PORT, without a trailing slash. */
  origin: string;
  /** Chromium, launched with CHROMIUM_ARGS. */
  browser: Browser;
}

/**
 * Checks that Chromium is installed, makes a temporary folder named from `prefix`, calls `build` with it
 * (which builds the site, usually into workDir/dist), serves the built site on a free port and launches
 * Chromium. On failure whatever was started is stopped again before the error is rethrown.
 */
export async function serveBuiltSite(prefix: string, build: (workDir: string) => ReturnType<typeof buildSite>): Promise<ServedSite> {
  requireChromium();
  const started: Partial<ServedSite> = {};
  try {
    started.workDir = await mkdtemp(path.join(tmpdir(), prefix));
    started.built = await build(started.workDir);
    const server = createSiteServer({ root: started.built.outDir });
    started.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    started.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    started.browser = await launchChromium();
    return started as ServedSite;
  } catch (error) {
    await stopServedSite(started);
    throw error;
  }
}

/**
 * `serveBuiltSite` for a test page: builds a site of one minimal lesson (a site needs one) and the guide
 * `<slug>.mdx` whose body (after its front matter) is `body`, with the repository's library.
 */
export async function serveGuideSite(prefix: string, slug: string, guide: { title: string; summary: string; body: string }): Promise<ServedSite> {
  return serveBuiltSite(prefix, async (workDir) => {
    const content = path.join(workDir, 'content');
    await mkdir(content);
    const skeleton = ['What you will learn', 'Predict first', 'A teaching section', 'Explore', 'What we found', 'Exercises', 'Summary']
      .map((h) => `## ${h}\n\nSome text.\n`).join('\n') + '\n```ts cell\nconsole.log(1 + 1);\n```\n'; // the lesson skeleton the parser requires
    await writeFile(path.join(content, '01-one.mdx'), `---\ntitle: A lesson\nlesson: 1\nminutes: 5\nsummary: Needed so the build has a lesson.\n---\n\n${skeleton}`);
    await writeFile(path.join(content, `${slug}.mdx`), `---\ntitle: ${guide.title}\nkind: guide\nsummary: ${guide.summary}\n---\n\n${guide.body}`);
    return buildSite({ contentDir: content, outDir: path.join(workDir, 'dist'), libEntry: path.join(ROOT, 'lib', 'index.ts'), quiet: true });
  });
}

/** Closes the browser and the server and removes the temporary folder, whichever of them were started. */
export async function stopServedSite(site: Partial<ServedSite> | undefined): Promise<void> {
  await site?.browser?.close();
  const server = site?.server;
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  if (site?.workDir) await rm(site.workDir, { recursive: true, force: true });
}

/** A copy of a course notebook served by Jupyter Notebook, and a Chromium page on it. */
export interface ServedNotebook {
  server: NotebookServer;
  browser: Browser;
  page: Page;
  /** Console errors, page errors and refused requests, as they happen. */
  consoleErrors: string[];
}

/**
 * Copies `notebook` from notebooks/ into `servedDir` (inside the repository, so `teaming-lab` resolves, and
 * a copy so that an autosave never writes outputs into notebooks/), starts Jupyter Notebook on it and opens
 * it in Chromium once its kernel is connected. Any request leaving 127.0.0.1 is refused and recorded: the
 * notebook must work offline.
 */
export async function serveNotebook(notebook: string, servedDir: string): Promise<ServedNotebook> {
  prepareJupyter({ chromium: true, log: (m) => console.error(m) });
  rmSync(servedDir, { recursive: true, force: true });
  mkdirSync(servedDir, { recursive: true });
  copyFileSync(path.join(NOTEBOOKS_DIR, notebook), path.join(servedDir, notebook));
  const server = await startNotebookServer({ dir: servedDir });
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => consoleErrors.push(`page error: ${error.message}`));
  await page.route(/^(?!http:\/\/127\.0\.0\.1[:/])/, (route) => {
    consoleErrors.push(`blocked request to ${route.request().url()}`);
    return route.abort();
  });
  await page.goto(`${server.baseUrl}/notebooks/${notebook}?token=${server.token}`);
  await page.waitForFunction(() => (window as any).Jupyter?.notebook?.kernel?.is_connected?.() === true, null, { timeout: 120_000 });
  return { server, browser, page, consoleErrors };
}
