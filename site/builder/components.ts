// The HTML of a lesson's components (figure, finding, value, runnable cell, exercise parts), rendered at
// build time from the parsed blocks. Everything a reader needs is in the HTML: figures carry their data
// and a text fallback, cells their source and their build-time output. The client islands (site/client)
// add behaviour on top of this markup; docs/lesson-format.md lists the classes they rely on.
import type { ExperimentControl, ExperimentResult } from '../../lib/experiments/Experiment';
import type { Exercise } from '../../lib/exercises/Exercise';
import type { Figure } from '../../lib/Figure';
import type { Library } from '../../scripts/loadLibrary';
import type { FigureProps, FindingProps } from '../../scripts/lesson/Lesson';
import type { Child, Raw } from './html';
import { el, raw, scriptJson } from './html';
import type { CellRun } from './runCell';

type Measured = ExperimentResult['measured'];

/** A table's scrolling wrapper: focusable and named, so a keyboard user can scroll a wide table
 * (WCAG 2.1.1; axe's scrollable-region-focusable). */
function scrollRegion(label: string): Record<string, string> {
  return { tabindex: '0', role: 'region', 'aria-label': label };
}

function measuredTable(measured: Measured, caption: string, format: (v: Measured[string]) => string): Raw {
  return el('div', { class: 'tl-table-wrap', ...scrollRegion(caption) },
    el('table', { class: 'tl-measured' },
      el('caption', null, caption),
      el('thead', null, el('tr', null, el('th', { scope: 'col' }, 'Measured'), el('th', { scope: 'col' }, 'Value'))),
      el('tbody', null, Object.entries(measured).map(([k, v]) => el('tr', { 'data-key': k }, el('th', { scope: 'row' }, el('code', null, k)), el('td', null, format(v)))))));
}

function axisTitle(axis: unknown): string {
  const t = (axis as { title?: unknown } | undefined)?.title;
  return typeof t === 'string' ? t : ((t as { text?: string } | undefined)?.text ?? '');
}

/** A small table of the figure's traces when they share a short x axis; null otherwise. */
function traceTable(figure: Figure, format: (v: number | string | boolean) => string): Raw | null {
  const traces = (figure.data ?? []).filter((t) => Array.isArray(t.x) && Array.isArray(t.y)) as unknown as Array<{ x: unknown[]; y: unknown[]; name?: string }>;
  if (traces.length === 0 || traces.length > 8) return null;
  const x = traces[0].x;
  if (x.length > 24 || !traces.every((t) => t.x.length === x.length && t.x.every((v, i) => v === x[i]))) return null;
  const cell = (v: unknown) => (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' ? format(v) : '');
  return el('div', { class: 'tl-table-wrap', ...scrollRegion('Data plotted') },
    el('table', { class: 'tl-trace-table' },
      el('caption', null, 'Data plotted'),
      el('thead', null, el('tr', null, el('th', { scope: 'col' }, axisTitle(figure.layout?.xaxis) || 'x'), traces.map((t, i) => el('th', { scope: 'col' }, t.name ?? `Series ${i + 1}`)))),
      el('tbody', null, x.map((xv, r) => el('tr', null, el('th', { scope: 'row' }, cell(xv)), traces.map((t) => el('td', null, cell(t.y[r]))))))));
}

function verdict(holds: boolean): Raw {
  return el('span', { class: `tl-verdict ${holds ? 'tl-holds' : 'tl-fails'}` }, holds ? 'holds' : 'does not hold');
}

function control(spec: ExperimentControl, id: string, value: unknown): Raw {
  const common = { id, name: spec.name, 'data-kind': spec.kind };
  if (spec.kind === 'toggle') {
    return el('div', { class: 'tl-control tl-toggle' }, el('input', { ...common, type: 'checkbox', checked: Boolean(value) }), el('label', { for: id }, spec.label));
  }
  const field = spec.kind === 'select'
    ? el('select', common, (spec.options ?? []).map((o) => el('option', { value: String(o), selected: String(o) === String(value) }, String(o))))
    : el('input', { ...common, type: 'number', inputmode: 'decimal', min: spec.min, max: spec.max, step: spec.step ?? 'any', value: value as number });
  return el('div', { class: 'tl-control' }, el('label', { for: id }, spec.label), field);
}

/** Per-page state: unique ids, counters, the library and the experiment runs (cached per options). */
export interface PageContext {
  lab: Library;
  /** Runs an experiment (cached per id and options). */
  run(experiment: string, options: Record<string, unknown>): ExperimentResult;
  /** A page-unique id starting from `base`. */
  uniqueId(base: string): string;
  counters: { figures: number; findings: number; cells: number };
}

export function figureHtml(page: PageContext, props: FigureProps): Raw {
  const experiment = page.lab.experimentById(props.experiment)!;
  const result = page.run(props.experiment, props.options);
  const n = ++page.counters.figures;
  const id = page.uniqueId(`figure-${n}`);
  const specs = props.controls.map((name) => experiment.controls.find((c) => c.name === name)!);
  const payload = { experiment: props.experiment, options: props.options, controls: specs, figure: result.figure };
  const format = page.lab.formatMeasured;
  return el('figure', { class: 'tl-figure', id, 'aria-labelledby': `${id}-title`, 'data-experiment': props.experiment },
    el('p', { class: 'tl-figure-title', id: `${id}-title` }, `Figure ${n}. ${experiment.title}`),
    specs.length
      ? el('form', { class: 'tl-controls', hidden: true, 'aria-label': `Change the model of figure ${n}` },
        specs.map((s) => control(s, `${id}-${s.name}`, props.options[s.name] ?? s.default)),
        el('button', { type: 'reset', class: 'tl-button tl-secondary' }, 'Reset'))
      : null,
    el('div', { class: 'tl-plot', 'data-state': 'static' }),
    el('figcaption', null,
      el('p', { class: 'tl-claim' }, el('strong', null, 'Claim: '), result.claim, ' ', el('span', { class: 'tl-verdict-wrap' }, 'The model says it ', verdict(result.holds), '.')),
      el('p', { class: 'tl-summary', 'aria-live': 'polite' }, result.summary),
      el('details', { class: 'tl-data' }, el('summary', null, 'Numbers behind the figure'),
        measuredTable(result.measured, 'Measured', format),
        traceTable(result.figure, format)),
      el('p', { class: 'tl-status', role: 'status' })),
    raw(`<script type="application/json" class="tl-figure-json">${scriptJson(payload)}</script>`));
}

export function findingHtml(page: PageContext, props: FindingProps): Raw {
  const experiment = page.lab.experimentById(props.experiment)!;
  const result = page.run(props.experiment, props.options);
  const id = page.uniqueId(`finding-${++page.counters.findings}`);
  return el('div', { class: `tl-finding ${result.holds ? 'tl-finding-holds' : 'tl-finding-fails'}`, role: 'note', 'aria-labelledby': `${id}-title`, id },
    el('p', { class: 'tl-finding-title', id: `${id}-title` }, el('strong', null, experiment.finding ? `Finding ${experiment.finding}: ` : 'Finding: '), experiment.title),
    el('p', null, el('strong', null, 'Claim: '), result.claim, ' ', 'The model says it ', verdict(result.holds), '.'),
    el('p', null, result.summary),
    measuredTable(result.measured, `Measured (${props.experiment})`, page.lab.formatMeasured));
}

/** The text of a `<Value>`: the library's `lessonValue`, its unit joined by a no-break space. */
export function valueHtml(page: PageContext, props: { experiment: string; path: string; options: Record<string, unknown>; digits?: number; unit?: string }): Raw {
  const result = page.run(props.experiment, props.options);
  let text = page.lab.lessonValue(result, props.path, { digits: props.digits, unit: props.unit });
  if (props.unit && text.endsWith(` ${props.unit}`)) text = `${text.slice(0, -props.unit.length - 1)}\u00a0${props.unit}`;
  // A number (its unit joined by a no-break space) stays on one line; a text value may wrap.
  const className = /\s/.test(text.replace(/\u00a0/g, '')) ? 'tl-value tl-value-text' : 'tl-value';
  return el('span', { class: className, title: `Computed by ${props.experiment} (${props.path})` }, text);
}

/**
 * The output a cell printed when the site was built, under the DOM contract of docs/lesson-format.md:
 * `<div class="tl-cell-output" data-prerendered>` holding `pre.tl-out` lines, `table.tl-out-table`
 * tables and `div.tl-cell-plot` figures (their data in `script.tl-cell-figure-json`). The client
 * replaces all of it when the reader runs the cell.
 */
export function prerenderedOutput(run: CellRun | null): Raw {
  if (!run) return el('div', { class: 'tl-cell-output', 'aria-live': 'polite' });
  const parts: Child[] = run.outputs.map((o) => {
    if (o.kind === 'text') return el('pre', { class: `tl-out tl-out-${o.level}` }, o.text);
    if (o.kind === 'table') {
      return el('div', { class: 'tl-table-wrap tl-out-table-wrap', ...scrollRegion('Table the cell printed') },
        el('table', { class: 'tl-out-table' },
          el('thead', null, el('tr', null, el('th', { scope: 'col' }, '(index)'), o.columns.map((c) => el('th', { scope: 'col' }, c)))),
          el('tbody', null, o.rows.map((r) => el('tr', null, el('th', { scope: 'row' }, r.index), r.cells.map((c) => el('td', null, c)))))));
    }
    return el('div', { class: 'tl-plot tl-cell-plot', 'data-state': 'static' }, raw(`<script type="application/json" class="tl-cell-figure-json">${scriptJson(o.figure)}</script>`));
  });
  if (run.error) parts.push(el('pre', { class: 'tl-out tl-out-error' }, run.error));
  return el('div', { class: 'tl-cell-output', 'data-prerendered': true, 'aria-live': 'polite' }, parts);
}

/** A runnable cell: highlighted source (`codeHtml`), its build-time output, and for number and choice
 * exercises an answer box. */
export function cellHtml(page: PageContext, codeHtml: string, run: CellRun | null, exercise?: Exercise): Raw {
  const n = ++page.counters.cells;
  const id = page.uniqueId(`cell-${n}`);
  const cell = el('div', { class: `tl-cell${exercise ? ' tl-exercise-cell' : ''}`, id, 'data-cell': String(n) },
    el('div', { class: 'tl-cell-bar' }, el('span', { class: 'tl-cell-label', id: `${id}-label` }, exercise ? `Cell ${n} (exercise)` : `Cell ${n}`)),
    raw(`<pre class="tl-cell-source tl-hl" tabindex="0"><code class="language-ts">${codeHtml}</code></pre>`),
    prerenderedOutput(run));
  if (!exercise || (exercise.kind !== 'number' && exercise.kind !== 'choice')) return cell;
  const field = `${exercise.id}-answer`;
  return raw(cell.html + el('form', { class: 'tl-answer', 'data-exercise': exercise.id, 'data-kind': exercise.kind, hidden: true },
    el('label', { for: field }, 'Or type your answer'),
    exercise.kind === 'number'
      ? el('input', { id: field, name: 'answer', type: 'number', step: 'any', inputmode: 'decimal' })
      : el('select', { id: field, name: 'answer' }, el('option', { value: '', selected: true }, 'Choose…'), (exercise.options ?? []).map((o) => el('option', { value: o }, o))),
    exercise.unit ? el('span', { class: 'tl-unit' }, exercise.unit) : null,
    el('button', { type: 'submit', class: 'tl-button' }, 'Check'),
    el('p', { class: 'tl-answer-result', role: 'status' })).html);
}
