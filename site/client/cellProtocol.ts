// Messages between a runnable cell (page) and its Web Worker. Each run gets a fresh worker, so nothing a
// cell does to its worker (replacing self.onmessage, globals) outlives that run.

/** Page → worker: load the library now (a spare worker, ready before the reader presses Run). */
export interface PrepareRequest { type: 'prepare'; labUrl: string }
/** Page → worker: run this TypeScript. */
export interface RunRequest { type: 'run'; run: number; code: string; labUrl: string }

/** One piece of output. `text` lines come in batches; a table is rendered as an HTML table. */
export type OutputItem =
  | { kind: 'text'; level: 'log' | 'info' | 'warn' | 'error' | 'debug'; text: string }
  | { kind: 'table'; columns: string[]; rows: Array<{ index: string; cells: string[] }> }
  | { kind: 'figure'; figure: { data: unknown[]; layout: Record<string, unknown> } };

/** Worker → page. `output` carries a batch; `truncated` is sent when a limit is hit (`final` false) and at
 * the end of the run with how much was dropped (`final` true). */
export type RunMessage =
  | { run: number; type: 'started' }
  | { run: number; type: 'output'; items: OutputItem[] }
  | { run: number; type: 'truncated'; lines: number; bytes: number; final: boolean }
  | { run: number; type: 'error'; message: string }
  | { run: number; type: 'done'; ms: number };

/** A cell still running this long after its code started is stopped (its worker is terminated). The
 * library loads before the clock starts, so a slow start never counts against the cell. */
export const CELL_TIME_LIMIT_MS = 10_000;

/** Output a run may show: lines (a table counts its rows) and characters of text. Past either, the rest of
 * the run's output is dropped and an "output truncated" note says how much. */
export const OUTPUT_LIMITS = { lines: 2000, bytes: 200_000, figures: 20 } as const;

/** The worker sends a batch when it holds this many lines or characters, or this many ms passed. */
export const BATCH = { lines: 200, bytes: 32_000, ms: 50 } as const;
