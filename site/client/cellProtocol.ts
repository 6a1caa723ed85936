// Messages between a runnable cell (page) and its Web Worker.

/** Page → worker: run this TypeScript. */
export interface RunRequest { run: number; code: string; labUrl: string }

/** Worker → page. */
export type RunMessage =
  | { run: number; type: 'log'; level: 'log' | 'info' | 'warn' | 'error' | 'debug'; text: string }
  | { run: number; type: 'figure'; figure: { data: unknown[]; layout: Record<string, unknown> } }
  | { run: number; type: 'error'; message: string }
  | { run: number; type: 'done'; ms: number };

/** A cell still running after this long is stopped (its worker is terminated). */
export const CELL_TIME_LIMIT_MS = 5000;
