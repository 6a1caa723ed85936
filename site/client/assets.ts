// Where the site's assets live, relative to the current page, and on-demand script loading.

/** Absolute URL of a file in the site's `assets/` folder. */
export function assetUrl(file: string): string {
  const base = document.documentElement.dataset.base ?? '';
  return new URL(`${base}assets/${file}`, location.href).href;
}

const loading = new Map<string, Promise<void>>();

/** Loads a classic script once; later calls share the same promise. */
export function loadScript(file: string): Promise<void> {
  let p = loading.get(file);
  if (!p) {
    p = new Promise<void>((resolve, reject) => {
      const s = document.createElement('script');
      s.src = assetUrl(file);
      s.async = true;
      s.onload = () => resolve();
      s.onerror = () => { loading.delete(file); reject(new Error(`could not load ${file}`)); };
      document.head.appendChild(s);
    });
    loading.set(file, p);
  }
  return p;
}

/** plotly.js (about 5 MB): loaded only when a chart is about to be drawn. */
export async function loadPlotly(): Promise<PlotlyApi> {
  await loadScript('plotly.min.js');
  return (window as unknown as { Plotly: PlotlyApi }).Plotly;
}

/** The teaming-lab library bundled for the browser. */
export async function loadLab(): Promise<Lab> {
  await loadScript('teaming-lab.js');
  return (window as unknown as { TeamingLab: Lab }).TeamingLab;
}

export interface FigureJson { data: Array<Record<string, unknown>>; layout: Record<string, unknown> }
export interface ControlSpec { name: string; label: string; kind: 'select' | 'number' | 'toggle'; options?: Array<string | number>; min?: number; max?: number; step?: number; default: string | number | boolean }
export interface ExperimentResult { id: string; claim: string; holds: boolean; measured: Record<string, number | string | boolean>; summary: string; figure: FigureJson }
export interface Lab { formatMeasured?: (v: number | string | boolean) => string; experiments: Record<string, { id: string; controls: ControlSpec[]; run(options?: Record<string, unknown>): ExperimentResult }> }
export interface PlotlyApi {
  react(el: HTMLElement, data: unknown[], layout: Record<string, unknown>, config?: Record<string, unknown>): Promise<unknown>;
  newPlot(el: HTMLElement, data: unknown[], layout: Record<string, unknown>, config?: Record<string, unknown>): Promise<unknown>;
  relayout(el: HTMLElement, update: Record<string, unknown>): Promise<unknown>;
}
