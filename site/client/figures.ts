// Figure island: draws each figure with plotly.js when it scrolls near, and re-runs the experiment in the
// page (the library bundled for the browser) when a control changes, then redraws with Plotly.react.
import { type ControlSpec, type ExperimentResult, type FigureJson, assetUrl, loadPlotly } from './assets';
import { plotDescription } from './plotDescription';
import { drawFigure, yDataMax } from './plotTheme';

interface Payload { experiment: string; options: Record<string, unknown>; controls: ControlSpec[]; figure: FigureJson }

/** Event fired on a `.tl-figure` after each draw; `detail.ms` is the time from the change to the redraw,
 * `detail.runMs` the model's share of it. */
export const DRAWN = 'tl-figure-drawn';

type Reply = { run: number; result?: ExperimentResult; runMs?: number; error?: string };
let worker: Worker | null = null;
let runs = 0;
const waiting = new Map<number, (r: Reply) => void>();

/** The shared worker that runs experiments off the main thread (created on first use). */
function figureWorker(): Worker {
  if (!worker) {
    worker = new Worker(assetUrl('figure-worker.js'));
    worker.onmessage = (e: MessageEvent<Reply>) => { waiting.get(e.data.run)?.(e.data); waiting.delete(e.data.run); };
    worker.onerror = (e) => {
      e.preventDefault();
      for (const [run, done] of waiting) done({ run, error: `the model could not run: ${e.message}` });
      waiting.clear();
    };
  }
  return worker;
}

/** Runs an experiment in the worker. */
function runInWorker(experiment: string, options: Record<string, unknown>): Promise<Reply> {
  const run = ++runs;
  return new Promise((resolve) => {
    waiting.set(run, resolve);
    figureWorker().postMessage({ run, labUrl: assetUrl('teaming-lab.js'), experiment, options });
  });
}

/** Same rule as the library's `formatMeasured`: integers as they are, other numbers with at most 3 decimals. */
function formatValue(v: number | string | boolean): string {
  if (typeof v !== 'number' || Number.isInteger(v) || !Number.isFinite(v)) return String(v);
  return String(Number(v.toFixed(3)));
}

/** Reads the form into options; `problems` names each number field whose value is outside its range. */
function readControls(form: HTMLFormElement, specs: ControlSpec[]): { options: Record<string, unknown>; problems: Map<HTMLInputElement, string> } {
  const options: Record<string, unknown> = {};
  const problems = new Map<HTMLInputElement, string>();
  for (const spec of specs) {
    const el = form.elements.namedItem(spec.name) as HTMLInputElement | HTMLSelectElement | null;
    if (!el) continue;
    if (spec.kind === 'toggle') options[spec.name] = (el as HTMLInputElement).checked;
    else if (spec.kind === 'number') {
      const n = Number(el.value);
      const whole = spec.step !== undefined && Number.isInteger(spec.step) && Number.isInteger(spec.min ?? 0);
      if (el.value.trim() === '' || !Number.isFinite(n) || (spec.min !== undefined && n < spec.min) || (spec.max !== undefined && n > spec.max) || (whole && !Number.isInteger(n))) {
        problems.set(el as HTMLInputElement, `Enter a ${whole ? 'whole number' : 'number'} from ${spec.min ?? '−∞'} to ${spec.max ?? '∞'}.`);
      } else options[spec.name] = n;
    } else {
      const raw = el.value;
      options[spec.name] = spec.options?.find((o) => String(o) === raw) ?? raw;
    }
  }
  return { options, problems };
}

/** Marks each number field of `form`: the problem next to the field (aria-invalid, described by it), or none. */
function showProblems(form: HTMLFormElement, problems: Map<HTMLInputElement, string>): void {
  form.querySelectorAll<HTMLInputElement>('input[type="number"]').forEach((input) => {
    const problem = problems.get(input);
    let note = document.getElementById(`${input.id}-error`);
    if (!problem) {
      input.removeAttribute('aria-invalid');
      note?.remove();
      input.removeAttribute('aria-describedby');
      return;
    }
    input.setAttribute('aria-invalid', 'true');
    if (!note) {
      note = document.createElement('span');
      note.id = `${input.id}-error`;
      note.className = 'tl-field-error';
      input.after(note);
      input.setAttribute('aria-describedby', note.id);
    }
    note.textContent = problem;
  });
}

function updateCaption(fig: HTMLElement, result: ExperimentResult, format: (v: number | string | boolean) => string) {
  const summary = fig.querySelector('.tl-summary');
  if (summary) summary.textContent = result.summary;
  const plotted = fig.querySelector('.tl-plotted');
  if (plotted) plotted.textContent = plotDescription(result.figure);
  fig.querySelectorAll('figcaption .tl-verdict').forEach((v) => {
    v.textContent = result.holds ? 'holds' : 'does not hold';
    v.classList.toggle('tl-holds', result.holds);
    v.classList.toggle('tl-fails', !result.holds);
  });
  const body = fig.querySelector('.tl-measured tbody');
  if (body) {
    body.replaceChildren(...Object.entries(result.measured).map(([k, v]) => {
      const tr = document.createElement('tr');
      const th = document.createElement('th');
      th.scope = 'row';
      const code = document.createElement('code');
      code.textContent = k;
      th.append(code);
      const td = document.createElement('td');
      td.textContent = format(v);
      tr.dataset.key = k;
      tr.append(th, td);
      return tr;
    }));
  }
  fig.querySelector('.tl-trace-table')?.closest('.tl-table-wrap')?.remove(); // describes the build-time figure only
}

function setupFigure(fig: HTMLElement, observer: IntersectionObserver) {
  const json = fig.querySelector('script.tl-figure-json');
  const plot = fig.querySelector<HTMLElement>('.tl-plot');
  if (!json || !plot) return;
  const payload = JSON.parse(json.textContent ?? '{}') as Payload;
  const status = fig.querySelector<HTMLElement>('.tl-status');
  const form = fig.querySelector<HTMLFormElement>('form.tl-controls');

  let current = payload.figure;
  // A figure with controls keeps its y axis from one setting to the next (it only grows), so a change
  // that halves a rate shows a bar half as tall instead of an axis rescaled to the same height.
  let pinned = form ? yDataMax(current) ?? undefined : undefined;
  const draw = async (started: number, runMs = 0) => {
    try {
      const max = form ? yDataMax(current) : null;
      pinned = max === null ? undefined : Math.max(pinned ?? 0, max);
      await drawFigure(plot, current, { pinY: pinned });
      plot.dataset.state = 'drawn';
      fig.dispatchEvent(new CustomEvent(DRAWN, { detail: { ms: performance.now() - started, runMs } }));
    } catch (e) {
      if (status) status.textContent = `The chart could not be drawn: ${(e as Error).message}`;
    }
  };
  (fig as HTMLElement & { tlDraw?: () => void }).tlDraw = () => { if (plot.dataset.state === 'drawn') void draw(performance.now()); };
  (fig as HTMLElement & { tlShow?: () => Promise<void> }).tlShow = async () => {
    if (plot.dataset.state !== 'static') return;
    plot.dataset.state = 'loading';
    if (form) void runInWorker(payload.experiment, payload.options); // warm up, so the first change is quick
    await draw(performance.now());
  };
  observer.observe(fig);

  if (!form) return;
  form.hidden = false;
  let run = 0;
  const rerun = async () => {
    const started = performance.now();
    const mine = ++run;
    const { options, problems } = readControls(form, payload.controls);
    showProblems(form, problems);
    if (problems.size) return; // the last good chart stays; the field says what to fix
    fig.setAttribute('aria-busy', 'true');
    const reply = await runInWorker(payload.experiment, { ...payload.options, ...options });
    if (mine !== run) return;
    fig.removeAttribute('aria-busy');
    if (!reply.result) {
      if (status) status.textContent = `The model refused these settings: ${reply.error}`;
      return;
    }
    if (status) status.textContent = '';
    updateCaption(fig, reply.result, formatValue);
    current = reply.result.figure;
    await draw(started, reply.runMs);
  };
  form.addEventListener('change', () => void rerun());
  // Number fields apply as you type (after a short pause), not only on Enter or leaving the field.
  let typing = 0;
  form.addEventListener('input', (e) => {
    if ((e.target as HTMLInputElement).type !== 'number') return;
    clearTimeout(typing);
    typing = window.setTimeout(() => void rerun(), 300);
  });
  form.addEventListener('submit', (e) => { e.preventDefault(); void rerun(); });
  form.addEventListener('reset', () => setTimeout(() => void rerun(), 0));
}

export function initFigures(): void {
  const figures = [...document.querySelectorAll<HTMLElement>('.tl-figure')];
  if (!figures.length) return;
  // Load plotly.js while the reader reads the first screen, so a chart draws as soon as it scrolls in.
  const idle = (window as unknown as { requestIdleCallback?: (f: () => void, o?: { timeout: number }) => void }).requestIdleCallback ?? ((f: () => void) => setTimeout(f, 200));
  const preload = () => idle(() => void loadPlotly().catch(() => { /* the figure reports it when it draws */ }), { timeout: 1500 });
  if (document.readyState === 'complete') preload(); else window.addEventListener('load', preload, { once: true });
  const observer = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      observer.unobserve(entry.target);
      void (entry.target as HTMLElement & { tlShow?: () => Promise<void> }).tlShow?.();
    }
  }, { rootMargin: '300px 0px' });
  figures.forEach((f) => setupFigure(f, observer));
  document.addEventListener('tl-theme', () => figures.forEach((f) => (f as HTMLElement & { tlDraw?: () => void }).tlDraw?.()));
}
