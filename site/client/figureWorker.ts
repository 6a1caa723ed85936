// Web Worker that re-runs experiments for the figure controls, so a slow model (the packet-level one
// takes about a second) never blocks scrolling or typing in the page.
declare function importScripts(...urls: string[]): void;

/** Page → worker. */
export interface FigureRunRequest { run: number; labUrl: string; experiment: string; options: Record<string, unknown> }

type Lab = { experiments: Record<string, { run(o: Record<string, unknown>): { claim: string; holds: boolean; measured: unknown; summary: string; figure: unknown } }> };
let lab: Lab | null = null;

self.onmessage = (event: MessageEvent<FigureRunRequest>) => {
  const { run, labUrl, experiment, options } = event.data;
  const post = (m: object) => (self as unknown as { postMessage(m: unknown): void }).postMessage({ run, ...m });
  try {
    if (!lab) {
      importScripts(labUrl);
      lab = (self as unknown as { TeamingLab: Lab }).TeamingLab;
    }
    const started = performance.now();
    const r = lab.experiments[experiment].run(options);
    post({ result: { claim: r.claim, holds: r.holds, measured: r.measured, summary: r.summary, figure: r.figure }, runMs: performance.now() - started });
  } catch (e) {
    post({ error: `${(e as Error).name ?? 'Error'}: ${(e as Error).message ?? String(e)}` });
  }
};
