// Runs a lesson's `ts cell` at build time with the library, like d2l's evaluated notebooks, so every
// cell shows its output in the page before the reader runs it. The cell runs in a fresh vm context with
// a time limit; `require('teaming-lab')` gives the library, with the display helpers sending figures and
// text to the captured output instead of Jupyter.
import * as esbuild from 'esbuild';
import { formatWithOptions } from 'node:util';
import vm from 'node:vm';
import type { Figure } from '../../lib/Figure';
import type { Library } from '../../scripts/loadLibrary';

/** One piece of a cell's output. */
export type CellOutput =
  | { kind: 'text'; level: 'log' | 'info' | 'warn' | 'error'; text: string }
  | { kind: 'table'; columns: string[]; rows: Array<{ index: string; cells: string[] }> }
  | { kind: 'figure'; figure: Figure };

/** What running a cell gave. */
export interface CellRun {
  outputs: CellOutput[];
  /** The error that stopped the cell, as `Name: message`, or null. */
  error: string | null;
}

/** Longest a cell may run at build time. */
export const BUILD_CELL_TIME_LIMIT_MS = 10_000;

/** Numbers with at most 3 decimals, in objects and arrays too, so no 17.894551742054396 reaches a page. */
export function roundForDisplay(value: unknown, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'number') return Number.isInteger(value) || !Number.isFinite(value) ? value : Number(value.toFixed(3));
  if (typeof value !== 'object' || value === null || seen.has(value)) return value;
  seen.add(value);
  if (Array.isArray(value)) return value.map((v) => roundForDisplay(v, seen));
  if (value instanceof Map || value instanceof Set || value instanceof Error) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, roundForDisplay(v, seen)]));
}

/** One console line as Node prints it (no colours), numbers rounded. */
export function consoleText(args: unknown[]): string {
  return formatWithOptions({ colors: false, depth: 4, breakLength: 100 }, ...args.map((a) => roundForDisplay(a)));
}

function cellText(value: unknown): string {
  const v = roundForDisplay(value);
  return typeof v === 'string' ? v : v === undefined ? '' : formatWithOptions({ colors: false, depth: 1, breakLength: Infinity }, v);
}

/** `console.table(data)` as columns and rows (like Node's: the index column, then every key seen). */
export function tableOf(data: unknown): CellOutput {
  if (typeof data !== 'object' || data === null) return { kind: 'text', level: 'log', text: consoleText([data]) };
  const entries = Array.isArray(data) ? data.map((v, i) => [String(i), v] as const) : Object.entries(data);
  const columns: string[] = [];
  let values = false;
  for (const [, row] of entries) {
    if (typeof row === 'object' && row !== null) {
      for (const k of Object.keys(row)) if (!columns.includes(k)) columns.push(k);
    } else values = true;
  }
  const all = values ? [...columns, 'Values'] : columns;
  return {
    kind: 'table',
    columns: all,
    rows: entries.map(([index, row]) => ({
      index,
      cells: all.map((c) => (c === 'Values' ? (typeof row !== 'object' || row === null ? cellText(row) : '') : typeof row === 'object' && row !== null ? cellText((row as Record<string, unknown>)[c]) : '')),
    })),
  };
}

/** Runs a cell's TypeScript with the library and returns what it printed and showed. */
export function runCell(code: string, lab: Library): CellRun {
  const outputs: CellOutput[] = [];
  const text = (t: string, level: 'log' | 'info' | 'warn' | 'error' = 'log') => outputs.push({ kind: 'text', level, text: t });
  const show = (figure: Figure) => {
    if (typeof figure !== 'object' || figure === null || !Array.isArray(figure.data)) throw new TypeError('show(figure) takes a figure: an object with a `data` array and a `layout`');
    outputs.push({ kind: 'figure', figure: JSON.parse(JSON.stringify(figure)) as Figure });
  };
  const library = {
    ...lab,
    show,
    showFinding: (result: Parameters<Library['findingText']>[0], options?: Parameters<Library['findingText']>[1]) => text(lab.findingText(result, options)),
    showMarkdown: (markdown: string) => text(String(markdown)),
    showValues: (template: string, values: Parameters<Library['valuesMarkdown']>[1]) => text(lab.valuesMarkdown(template, values)),
    displayBundle: (bundle: Record<string, unknown>) => text(String(bundle['text/plain'] ?? bundle['text/markdown'] ?? '')),
  };
  const cellConsole = {
    log: (...a: unknown[]) => text(consoleText(a)),
    info: (...a: unknown[]) => text(consoleText(a), 'info'),
    debug: (...a: unknown[]) => text(consoleText(a)),
    warn: (...a: unknown[]) => text(consoleText(a), 'warn'),
    error: (...a: unknown[]) => text(consoleText(a), 'error'),
    dir: (v: unknown) => text(consoleText([v])),
    table: (data: unknown) => outputs.push(tableOf(data)),
  };
  const require = (name: string) => {
    if (name === 'teaming-lab') return library;
    throw new Error(`A cell can import only from 'teaming-lab', not from '${name}'.`);
  };
  let js: string;
  try {
    js = esbuild.transformSync(code, { loader: 'ts', format: 'cjs', target: 'es2022' }).code;
  } catch (e) {
    return { outputs, error: `SyntaxError: ${(e as { errors?: Array<{ text: string }> }).errors?.[0]?.text ?? (e as Error).message}` };
  }
  // Library code (check() for one) prints through the global console: route it to this cell meanwhile.
  const saved = { ...console };
  Object.assign(console, cellConsole);
  try {
    const module = { exports: {} };
    const context = vm.createContext({ require, module, exports: module.exports, console: cellConsole });
    vm.runInContext(js, context, { timeout: BUILD_CELL_TIME_LIMIT_MS, filename: 'cell.ts' });
    return { outputs, error: null };
  } catch (e) {
    const error = e as Error;
    return { outputs, error: `${error?.name ?? 'Error'}: ${error?.message ?? String(e)}` };
  } finally {
    Object.assign(console, saved);
  }
}
