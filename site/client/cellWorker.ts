// Web Worker that runs one lesson cell: transpiles TypeScript with sucrase, maps `require('teaming-lab')`
// to the library bundled for the browser (with a `show` that posts figures back), captures console output.
// The page terminates this worker when a cell runs too long, so an endless loop never freezes the page.
import { transform } from 'sucrase';
import type { RunMessage, RunRequest } from './cellProtocol';

declare function importScripts(...urls: string[]): void;
type WithoutRun<T> = T extends unknown ? Omit<T, 'run'> : never;
type Post = (m: WithoutRun<RunMessage>) => void;

let lab: Record<string, unknown> | null = null;

/** Text for a value, in the spirit of Node's console: strings bare, the rest as readable JSON. */
export function formatForConsole(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'function') return `[Function ${value.name || 'anonymous'}]`;
  if (value === undefined) return 'undefined';
  const seen = new WeakSet<object>();
  try {
    const text = JSON.stringify(value, (_k, v: unknown) => {
      if (typeof v === 'bigint') return `${v}n`;
      if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
      if (v instanceof Map) return Object.fromEntries(v);
      if (v instanceof Set) return [...v];
      if (typeof v === 'object' && v !== null) {
        if (seen.has(v)) return '[Circular]';
        seen.add(v);
      }
      return v;
    }, 2);
    return text ?? String(value);
  } catch {
    return String(value);
  }
}

function makeConsole(post: Post) {
  const out = (level: 'log' | 'info' | 'warn' | 'error' | 'debug') => (...args: unknown[]) =>
    post({ type: 'log', level, text: args.map(formatForConsole).join(' ') });
  return { log: out('log'), info: out('info'), warn: out('warn'), error: out('error'), debug: out('debug'), table: out('log'), dir: out('log') };
}

function isFigure(f: unknown): f is { data: unknown[]; layout: Record<string, unknown> } {
  return typeof f === 'object' && f !== null && Array.isArray((f as { data?: unknown }).data);
}

async function runCell(req: RunRequest, post: Post) {
  if (!lab) {
    importScripts(req.labUrl);
    lab = (self as unknown as { TeamingLab: Record<string, unknown> }).TeamingLab;
  }
  const js = transform(req.code, { transforms: ['typescript', 'imports'], production: true, filePath: 'cell.ts' }).code;
  const show = (figure: unknown) => {
    if (!isFigure(figure)) throw new TypeError('show(figure) takes a figure: an object with a `data` array and a `layout`, as the library returns');
    post({ type: 'figure', figure: JSON.parse(JSON.stringify(figure)) });
  };
  // The notebook display helpers, re-done for the page: figures go back to the page, text is printed.
  const text = (t: string) => post({ type: 'log', level: 'log', text: t });
  const findingText = lab.findingText as ((r: unknown, o?: unknown) => string) | undefined;
  const library = {
    ...lab,
    show,
    showFinding: (result: unknown, options?: unknown) => text(findingText ? findingText(result, options) : formatForConsole(result)),
    showMarkdown: (markdown: string) => text(String(markdown)),
    displayBundle: (bundle: Record<string, unknown>) => {
      const plotly = bundle['application/vnd.plotly.v1+json'];
      if (isFigure(plotly)) show(plotly);
      else text(String(bundle['text/plain'] ?? bundle['text/markdown'] ?? ''));
    },
  };
  const require = (name: string) => {
    if (name === 'teaming-lab') return library;
    throw new Error(`A cell can import only from 'teaming-lab', not from '${name}'.`);
  };
  // Library code (e.g. `check`) logs through the global console: route it to this run's output too.
  Object.assign(console, makeConsole(post));
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (...a: unknown[]) => Promise<unknown>;
  const module = { exports: {} };
  await new AsyncFunction('require', 'exports', 'module', 'console', 'show', js)(require, module.exports, module, makeConsole(post), show);
}

self.onmessage = async (event: MessageEvent<RunRequest>) => {
  const req = event.data;
  const post: Post = (m) => (self as unknown as { postMessage(m: unknown): void }).postMessage({ ...m, run: req.run });
  const started = performance.now();
  try {
    await runCell(req, post);
    post({ type: 'done', ms: performance.now() - started });
  } catch (e) {
    const err = e as Error;
    const where = /cell\.ts:(\d+)/.exec(err.stack ?? '')?.[1] ?? /<anonymous>:(\d+)/.exec(err.stack ?? '')?.[1];
    post({ type: 'error', message: `${err?.name ?? 'Error'}: ${err?.message ?? String(e)}${where ? ` (line ${Number(where) - 2})` : ''}` });
  }
};
