// Web Worker that runs ONE run of a lesson cell, then is thrown away (the page starts a fresh worker for
// every run). It transpiles TypeScript with sucrase, maps `require('teaming-lab')` to the library bundled
// for the browser (with a `show` that posts figures back) and captures console output.
//
// What a cell cannot do, whatever it writes:
// - reach the network or load code: before the cell's code runs, fetch, XMLHttpRequest, WebSocket,
//   EventSource, importScripts, nested workers, storage and font loading are removed from this worker (and the
//   server's Content-Security-Policy for this script connects nowhere and loads nothing, a second wall);
// - flood the page: output goes out in batches, and past OUTPUT_LIMITS the rest is dropped and counted, so a
//   `while (true) console.log('spam')` costs the page one "output truncated" note;
// - talk to the page directly: postMessage is removed too; only this file's own batching sends messages.
// The page terminates this worker when a cell runs too long or the reader presses Stop.
import { transform } from 'sucrase';
import { BATCH, OUTPUT_LIMITS, type OutputItem, type PrepareRequest, type RunMessage, type RunRequest } from './cellProtocol';

declare function importScripts(...urls: string[]): void;
type WithoutRun<T> = T extends unknown ? Omit<T, 'run'> : never;
type Post = (m: WithoutRun<RunMessage>) => void;

// Captured before any cell code exists; nothing below hands these to the cell.
const realPost = (self as unknown as { postMessage(m: unknown): void }).postMessage.bind(self);
const realImportScripts = importScripts.bind(self);

/** Globals a cell may not use, removed from the worker's global object and its prototypes. */
export const BLOCKED = [
  'fetch', 'XMLHttpRequest', 'WebSocket', 'WebSocketStream', 'EventSource', 'WebTransport', 'importScripts',
  'Worker', 'SharedWorker', 'postMessage', 'BroadcastChannel', 'indexedDB', 'caches', 'FontFace', 'fonts',
  'onmessage', 'close',
] as const;

/** Makes every BLOCKED name on the worker's global unusable: deleted where it lives (own property or on a
 * prototype), then defined on the global as a function that explains why. */
function lockDown(): void {
  for (let o: object | null = self; o && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
    for (const name of BLOCKED) {
      if (Object.prototype.hasOwnProperty.call(o, name)) {
        try { delete (o as Record<string, unknown>)[name]; } catch { /* checked below */ }
      }
    }
  }
  for (const name of BLOCKED) {
    const refuse = () => { throw new Error(`A cell cannot use ${name}: cells run offline, with the teaming-lab library only.`); };
    Object.defineProperty(self, name, { get: refuse, set: refuse, configurable: false, enumerable: false });
  }
}

let lab: Record<string, unknown> | null = null;

/** Text for a value, in the spirit of Node's console: strings bare, the rest as readable JSON. */
export function formatForConsole(value: unknown, indent = 2): string {
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
    }, indent || undefined);
    return text ?? String(value);
  } catch {
    return String(value);
  }
}

/** console.table's data as columns and rows (like Node: an "(index)" column, one column per key, or
 * "Values" for rows that are plain values). Null when `data` is not an object. */
export function tableOf(data: unknown, only?: string[]): Extract<OutputItem, { kind: 'table' }> | null {
  if (typeof data !== 'object' || data === null) return null;
  const entries: Array<[string, unknown]> = data instanceof Map ? [...data].map(([k, v]) => [String(k), v])
    : Array.isArray(data) || data instanceof Set ? [...(data as Iterable<unknown>)].map((v, i) => [String(i), v])
      : Object.entries(data);
  const columns: string[] = [];
  let values = false;
  for (const [, row] of entries) {
    if (typeof row === 'object' && row !== null) {
      for (const k of Object.keys(row)) if (!columns.includes(k) && (!only || only.includes(k))) columns.push(k);
    } else values = true;
  }
  const cell = (v: unknown) => (v === undefined ? '' : typeof v === 'string' ? v : formatForConsole(v, 0));
  const rows = entries.map(([index, row]) => ({
    index,
    cells: [
      ...columns.map((c) => (typeof row === 'object' && row !== null ? cell((row as Record<string, unknown>)[c]) : '')),
      ...(values ? [typeof row === 'object' && row !== null ? '' : cell(row)] : []),
    ],
  }));
  return { kind: 'table', columns: [...columns, ...(values ? ['Values'] : [])], rows };
}

/** Batches output and enforces OUTPUT_LIMITS for one run. */
function makeOutput(post: Post) {
  let batch: OutputItem[] = [];
  let batchLines = 0, batchBytes = 0, lastSent = performance.now();
  let lines = 0, bytes = 0, figures = 0, droppedLines = 0, droppedBytes = 0, truncated = false;
  const flush = () => {
    if (batch.length) post({ type: 'output', items: batch });
    batch = [];
    batchLines = batchBytes = 0;
    lastSent = performance.now();
  };
  const add = (item: OutputItem, itemLines: number, itemBytes: number) => {
    if (truncated || lines + itemLines > OUTPUT_LIMITS.lines || bytes + itemBytes > OUTPUT_LIMITS.bytes
      || (item.kind === 'figure' && figures >= OUTPUT_LIMITS.figures)) {
      if (!truncated && item.kind === 'text' && lines < OUTPUT_LIMITS.lines && bytes < OUTPUT_LIMITS.bytes) {
        // Keep what fits of the text that crosses the limit.
        const room = OUTPUT_LIMITS.bytes - bytes;
        const kept = item.text.split('\n').slice(0, OUTPUT_LIMITS.lines - lines).join('\n').slice(0, room);
        batch.push({ ...item, text: kept });
        droppedBytes += item.text.length - kept.length;
        lines = OUTPUT_LIMITS.lines;
        bytes += kept.length;
      } else {
        droppedLines += itemLines;
        droppedBytes += itemBytes;
      }
      truncated = true;
      flush();
      post({ type: 'truncated', lines: 0, bytes: 0, final: false });
      return;
    }
    lines += itemLines;
    bytes += itemBytes;
    if (item.kind === 'figure') figures += 1;
    batch.push(item);
    batchLines += itemLines;
    batchBytes += itemBytes;
    if (batchLines >= BATCH.lines || batchBytes >= BATCH.bytes || performance.now() - lastSent >= BATCH.ms) flush();
  };
  return {
    text(level: Extract<OutputItem, { kind: 'text' }>['level'], text: string) {
      if (truncated) { droppedLines += 1; droppedBytes += text.length; return; } // cheap while spamming
      add({ kind: 'text', level, text }, text.split('\n').length, text.length);
    },
    table(item: Extract<OutputItem, { kind: 'table' }>) {
      add(item, item.rows.length + 1, item.rows.reduce((n, r) => n + r.cells.join('').length + r.index.length, 0));
    },
    figure(figure: Extract<OutputItem, { kind: 'figure' }>['figure']) { add({ kind: 'figure', figure }, 1, 0); },
    finish() {
      flush();
      if (truncated) post({ type: 'truncated', lines: droppedLines, bytes: droppedBytes, final: true });
    },
  };
}

type Output = ReturnType<typeof makeOutput>;

function makeConsole(out: Output) {
  const line = (level: 'log' | 'info' | 'warn' | 'error' | 'debug') => (...args: unknown[]) => out.text(level, args.map((a) => formatForConsole(a)).join(' '));
  const counts = new Map<string, number>();
  return {
    log: line('log'), info: line('info'), warn: line('warn'), error: line('error'), debug: line('debug'), dir: line('log'), trace: line('log'),
    table: (data: unknown, columns?: string[]) => {
      const t = tableOf(data, columns);
      if (t) out.table(t); else out.text('log', formatForConsole(data));
    },
    count: (label = 'default') => { counts.set(label, (counts.get(label) ?? 0) + 1); out.text('log', `${label}: ${counts.get(label)}`); },
    assert: (ok: unknown, ...args: unknown[]) => { if (!ok) out.text('error', `Assertion failed${args.length ? `: ${args.map((a) => formatForConsole(a)).join(' ')}` : ''}`); },
    group: line('log'), groupEnd: () => {}, time: () => {}, timeEnd: () => {},
  };
}

function isFigure(f: unknown): f is { data: unknown[]; layout: Record<string, unknown> } {
  return typeof f === 'object' && f !== null && Array.isArray((f as { data?: unknown }).data);
}

/** The library as a cell sees it: unknown names fail with the list of what exists, instead of the
 * "Cannot read properties of undefined" a bad import would otherwise give later. */
function strictModule(exports: Record<string, unknown>): Record<string, unknown> {
  const passThrough = new Set(['__esModule', 'default', 'then', 'toJSON', 'constructor', 'prototype', 'inspect', '$$typeof']);
  return new Proxy(exports, {
    get(target, key) {
      if (typeof key === 'symbol' || key in target || passThrough.has(key)) return Reflect.get(target, key);
      const near = Object.keys(target).filter((k) => k.toLowerCase().includes(key.toLowerCase().slice(0, 5)) || key.toLowerCase().includes(k.toLowerCase())).slice(0, 5);
      throw new ReferenceError(`'teaming-lab' has no export named '${key}'.${near.length ? ` Did you mean ${near.map((n) => `'${n}'`).join(', ')}?` : ''} Check the spelling in your import.`);
    },
  });
}

function loadLab(url: string): Record<string, unknown> {
  if (!lab) {
    realImportScripts(url);
    lab = (self as unknown as { TeamingLab: Record<string, unknown> }).TeamingLab;
  }
  return lab;
}

async function runCell(req: RunRequest, out: Output, post: Post) {
  const lab = loadLab(req.labUrl);
  let js: string;
  try {
    js = transform(req.code, { transforms: ['typescript', 'imports'], production: true, filePath: 'cell.ts' }).code;
  } catch (e) {
    throw new SyntaxError(`the cell does not parse: ${(e as Error).message.replace(/^Error transforming cell\.ts: /, '')}`);
  }
  const show = (figure: unknown) => {
    if (!isFigure(figure)) throw new TypeError('show(figure) takes a figure: an object with a `data` array and a `layout`, as the library returns');
    out.figure(JSON.parse(JSON.stringify(figure)));
  };
  // The notebook display helpers, re-done for the page: figures go back to the page, text is printed.
  const text = (t: string) => out.text('log', t);
  const findingText = lab.findingText as ((r: unknown, o?: unknown) => string) | undefined;
  const library = strictModule({
    ...lab,
    show,
    showFinding: (result: unknown, options?: unknown) => text(findingText ? findingText(result, options) : formatForConsole(result)),
    showMarkdown: (markdown: string) => text(String(markdown)),
    displayBundle: (bundle: Record<string, unknown>) => {
      const plotly = bundle['application/vnd.plotly.v1+json'];
      if (isFigure(plotly)) show(plotly);
      else text(String(bundle['text/plain'] ?? bundle['text/markdown'] ?? ''));
    },
  });
  const require = (name: string) => {
    if (name === 'teaming-lab') return library;
    throw new Error(`A cell can import only from 'teaming-lab', not from '${name}'.`);
  };
  // Library code (e.g. `check`) logs through the global console: route it to this run's output too.
  const cellConsole = makeConsole(out);
  Object.assign(console, cellConsole);
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (...a: unknown[]) => Promise<unknown>;
  const module = { exports: {} };
  const body = new AsyncFunction('require', 'exports', 'module', 'console', 'show', js);
  lockDown();
  post({ type: 'started' });
  await body(require, module.exports, module, cellConsole, show);
}

let started = false;
self.onmessage = async (event: MessageEvent<RunRequest | PrepareRequest>) => {
  if (started) return; // one run per worker
  if (event.data.type === 'prepare') {
    try { loadLab(event.data.labUrl); } catch { /* the run will try again and report it */ }
    return;
  }
  started = true;
  const req = event.data;
  const post: Post = (m) => realPost({ ...m, run: req.run });
  const out = makeOutput(post);
  const t0 = performance.now();
  try {
    await runCell(req, out, post);
    out.finish();
    post({ type: 'done', ms: performance.now() - t0 });
  } catch (e) {
    out.finish();
    const err = e as Error;
    const where = /cell\.ts:(\d+)/.exec(err?.stack ?? '')?.[1] ?? /<anonymous>:(\d+)/.exec(err?.stack ?? '')?.[1];
    post({ type: 'error', message: `${err?.name ?? 'Error'}: ${err?.message ?? String(e)}${where ? ` (line ${Number(where) - 2})` : ''}` });
  }
};
