// The lesson's components (figure, finding, value, runnable cell, exercise parts) as React elements,
// rendered at build time from the parsed blocks (mdx-bundler's tree renders them: ./renderLesson.ts). Everything a reader needs is in the HTML: figures carry their data
// and a text fallback, cells their source and their build-time output. The client islands (site/client)
// add behaviour on top of this markup; docs/lesson-format.md lists the classes they rely on.
import type { ExperimentControl, ExperimentResult } from '../../lib/experiments/Experiment';
import type { Exercise } from '../../lib/exercises/Exercise';
import type { Figure } from '../../lib/Figure';
import type { Library } from '../../scripts/loadLibrary';
import type { FigureProps, FindingProps } from '../../scripts/lesson/Lesson';
import type { ReactElement } from 'react';
import type { HChild } from './h';
import { fragment, h, rawHtml } from './h';
import { scriptJson } from './html';
import type { PlotJson } from '../client/plotDescription';
import { plotDescription } from '../client/plotDescription';
import type { CellRun } from './runCell';

type Measured = ExperimentResult['measured'];

/** A table's scrolling wrapper: focusable and named, so a keyboard user can scroll a wide table
 * (WCAG 2.1.1; axe's scrollable-region-focusable). */
function scrollRegion(label: string): Record<string, string> {
  return { tabindex: '0', role: 'region', 'aria-label': label };
}

function measuredTable(measured: Measured, caption: string, format: (v: Measured[string]) => string): ReactElement {
  return h('div', { class: 'tl-table-wrap', ...scrollRegion(caption) },
    h('table', { class: 'tl-measured' },
      h('caption', null, caption),
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Measured'), h('th', { scope: 'col' }, 'Value'))),
      h('tbody', null, Object.entries(measured).map(([k, v]) => h('tr', { 'data-key': k }, h('th', { scope: 'row' }, h('code', null, k)), h('td', null, format(v)))))));
}

function axisTitle(axis: unknown): string {
  const t = (axis as { title?: unknown } | undefined)?.title;
  return typeof t === 'string' ? t : ((t as { text?: string } | undefined)?.text ?? '');
}

/** A small table of the figure's traces when they share a short x axis; null otherwise. */
function traceTable(figure: Figure, format: (v: number | string | boolean) => string): ReactElement | null {
  const traces = (figure.data ?? []).filter((t) => Array.isArray(t.x) && Array.isArray(t.y)) as unknown as Array<{ x: unknown[]; y: unknown[]; name?: string }>;
  if (traces.length === 0 || traces.length > 8) return null;
  const x = traces[0].x;
  if (x.length > 24 || !traces.every((t) => t.x.length === x.length && t.x.every((v, i) => v === x[i]))) return null;
  const cell = (v: unknown) => (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' ? format(v) : '');
  return h('div', { class: 'tl-table-wrap', ...scrollRegion('Data plotted') },
    h('table', { class: 'tl-trace-table' },
      h('caption', null, 'Data plotted'),
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, axisTitle(figure.layout?.xaxis) || 'x'), traces.map((t, i) => h('th', { scope: 'col' }, t.name ?? `Series ${i + 1}`)))),
      h('tbody', null, x.map((xv, r) => h('tr', null, h('th', { scope: 'row' }, cell(xv)), traces.map((t) => h('td', null, cell(t.y[r]))))))));
}

function verdict(holds: boolean): ReactElement {
  return h('span', { class: `tl-verdict ${holds ? 'tl-holds' : 'tl-fails'}` }, holds ? 'holds' : 'does not hold');
}

function control(spec: ExperimentControl, id: string, value: unknown): ReactElement {
  const common = { id, name: spec.name, 'data-kind': spec.kind };
  if (spec.kind === 'toggle') {
    return h('div', { class: 'tl-control tl-toggle' }, h('input', { ...common, type: 'checkbox', checked: Boolean(value) }), h('label', { for: id }, spec.label));
  }
  const field = spec.kind === 'select'
    ? h('select', { ...common, value: String(value) }, (spec.options ?? []).map((o) => h('option', { value: String(o) }, String(o))))
    : h('input', { ...common, type: 'number', inputmode: 'decimal', min: spec.min, max: spec.max, step: spec.step ?? 'any', value: value as number });
  return h('div', { class: 'tl-control' }, h('label', { for: id }, spec.label), field);
}

/** Per-page state: unique ids, counters, the library and the experiment runs (cached per options). */
export interface PageContext {
  lab: Library;
  /** Runs an experiment (cached per id and options). */
  run(experiment: string, options: Record<string, unknown>): ExperimentResult;
  /** A page-unique id starting from `base`. */
  uniqueId(base: string): string;
  counters: { figures: number; findings: number; cells: number };
  /** The line of the page's first `<Finding>` of each experiment: a figure of that experiment leaves
   * the claim to the finding box and says only whether it holds with the figure's settings. */
  findings?: Map<string, number>;
}

/**
 * A figure: its controls, the chart (drawn by the client from the JSON), and a caption that says what is
 * plotted, states the claim (or, when the page's finding box states it, whether it holds with these
 * settings), the summary and the numbers behind it. `line` is the figure's line in the lesson.
 */
export function figureHtml(page: PageContext, props: FigureProps, line = 0): ReactElement {
  const experiment = page.lab.experimentById(props.experiment)!;
  const result = page.run(props.experiment, props.options);
  const n = ++page.counters.figures;
  const findingLine = page.findings?.get(props.experiment);
  const id = page.uniqueId(`figure-${n}`);
  const specs = props.controls.map((name) => experiment.controls.find((c) => c.name === name)!);
  const payload = { experiment: props.experiment, options: props.options, controls: specs, figure: result.figure };
  const format = page.lab.formatMeasured;
  return h('figure', { class: 'tl-figure', id, 'aria-labelledby': `${id}-title`, 'data-experiment': props.experiment },
    h('p', { class: 'tl-figure-title', id: `${id}-title` }, `Figure ${n}. ${experiment.title}`),
    specs.length
      ? h('form', { class: 'tl-controls', hidden: true, 'aria-label': `Change the model of figure ${n}` },
        specs.map((s) => control(s, `${id}-${s.name}`, props.options[s.name] ?? s.default)),
        h('button', { type: 'reset', class: 'tl-button tl-secondary' }, 'Reset'))
      : null,
    h('div', { class: 'tl-plot', 'data-state': 'static' }),
    h('figcaption', null,
      h('p', { class: 'tl-plotted' }, plotDescription(result.figure as unknown as PlotJson)),
      findingLine === undefined
        ? h('p', { class: 'tl-claim' }, h('strong', null, 'Claim: '), result.claim, ' ', h('span', { class: 'tl-verdict-wrap' }, 'The model says it ', verdict(result.holds), '.'))
        : h('p', { class: 'tl-claim-check' }, `With these settings, ${experiment.finding ? `the claim of finding ${experiment.finding} (in the box ${findingLine > line ? 'below' : 'above'})` : `the claim in the box ${findingLine > line ? 'below' : 'above'}`} `, h('span', { class: 'tl-verdict-wrap' }, verdict(result.holds)), '.'),
      h('p', { class: 'tl-summary', 'aria-live': 'polite' }, result.summary),
      h('details', { class: 'tl-data' }, h('summary', null, 'Numbers behind the figure'),
        measuredTable(result.measured, 'Measured', format),
        traceTable(result.figure, format)),
      h('p', { class: 'tl-status', role: 'status' })),
    h('script', { type: 'application/json', class: 'tl-figure-json' }, rawHtml(scriptJson(payload))));
}

export function findingHtml(page: PageContext, props: FindingProps): ReactElement {
  const experiment = page.lab.experimentById(props.experiment)!;
  const result = page.run(props.experiment, props.options);
  const id = page.uniqueId(`finding-${++page.counters.findings}`);
  return h('div', { class: `tl-finding ${result.holds ? 'tl-finding-holds' : 'tl-finding-fails'}`, role: 'note', 'aria-labelledby': `${id}-title`, id },
    h('p', { class: 'tl-finding-title', id: `${id}-title` }, h('strong', null, experiment.finding ? `Finding ${experiment.finding}: ` : 'Finding: '), experiment.title),
    h('p', null, h('strong', null, 'Claim: '), result.claim, ' ', 'The model says it ', verdict(result.holds), '.'),
    h('p', null, result.summary),
    measuredTable(result.measured, `Measured (${props.experiment})`, page.lab.formatMeasured));
}

/** The text of a `<Value>`: the library's `lessonValue`, its unit joined by a no-break space. */
export function valueHtml(page: PageContext, props: { experiment: string; path: string; options: Record<string, unknown>; digits?: number; unit?: string }): ReactElement {
  const result = page.run(props.experiment, props.options);
  let text = page.lab.lessonValue(result, props.path, { digits: props.digits, unit: props.unit });
  if (props.unit && text.endsWith(` ${props.unit}`)) text = `${text.slice(0, -props.unit.length - 1)}\u00a0${props.unit}`;
  // A number (its unit joined by a no-break space) stays on one line; a text value may wrap.
  const className = /\s/.test(text.replace(/\u00a0/g, '')) ? 'tl-value tl-value-text' : 'tl-value';
  return h('span', { class: className, title: `Computed by ${props.experiment} (${props.path})` }, text);
}

/**
 * The output a cell printed when the site was built, under the DOM contract of docs/lesson-format.md:
 * `<div class="tl-cell-output" data-prerendered>` holding `pre.tl-out` lines, `table.tl-out-table`
 * tables and `div.tl-cell-plot` figures (their data in `script.tl-cell-figure-json`). The client
 * replaces all of it when the reader runs the cell.
 */
export function prerenderedOutput(run: CellRun | null): ReactElement {
  if (!run) return h('div', { class: 'tl-cell-output', 'aria-live': 'polite' });
  const parts: HChild[] = run.outputs.map((o) => {
    if (o.kind === 'text') return h('pre', { class: `tl-out tl-out-${o.level}` }, o.text);
    if (o.kind === 'table') {
      return h('div', { class: 'tl-table-wrap tl-out-table-wrap', ...scrollRegion('Table the cell printed') },
        h('table', { class: 'tl-out-table' },
          h('thead', null, h('tr', null, h('th', { scope: 'col' }, '(index)'), o.columns.map((c) => h('th', { scope: 'col' }, c)))),
          h('tbody', null, o.rows.map((r) => h('tr', null, h('th', { scope: 'row' }, r.index), r.cells.map((c) => h('td', null, c)))))));
    }
    return h('div', { class: 'tl-plot tl-cell-plot', 'data-state': 'static' }, h('script', { type: 'application/json', class: 'tl-cell-figure-json' }, rawHtml(scriptJson(o.figure))));
  });
  if (run.error) parts.push(h('pre', { class: 'tl-out tl-out-error' }, run.error));
  return h('div', { class: 'tl-cell-output', 'data-prerendered': true, 'aria-live': 'polite' }, parts);
}

/** A runnable cell: highlighted source (`codeHtml`), its build-time output, and for number and choice
 * exercises an answer box. */
export function cellHtml(page: PageContext, codeHtml: string, run: CellRun | null, exercise?: Exercise): ReactElement {
  const n = ++page.counters.cells;
  const id = page.uniqueId(`cell-${n}`);
  const cell = h('div', { class: `tl-cell${exercise ? ' tl-exercise-cell' : ''}`, id, 'data-cell': String(n) },
    h('div', { class: 'tl-cell-bar' }, h('span', { class: 'tl-cell-label', id: `${id}-label` }, exercise ? `Cell ${n} (exercise)` : `Cell ${n}`)),
    h('pre', { class: 'tl-cell-source tl-hl', tabindex: '0' }, h('code', { class: 'language-ts' }, rawHtml(codeHtml))),
    prerenderedOutput(run));
  if (!exercise || (exercise.kind !== 'number' && exercise.kind !== 'choice')) return cell;
  const field = `${exercise.id}-answer`;
  return fragment(cell, h('form', { class: 'tl-answer', 'data-exercise': exercise.id, 'data-kind': exercise.kind, hidden: true },
    h('label', { for: field }, 'Or type your answer'),
    exercise.kind === 'number'
      ? h('input', { id: field, name: 'answer', type: 'number', step: 'any', inputmode: 'decimal' })
      : h('select', { id: field, name: 'answer', value: '' }, h('option', { value: '' }, 'Choose…'), (exercise.options ?? []).map((o) => h('option', { value: o }, o))),
    exercise.unit ? h('span', { class: 'tl-unit' }, exercise.unit) : null,
    h('button', { type: 'submit', class: 'tl-button' }, 'Check'),
    h('p', { class: 'tl-answer-result', role: 'status' })));
}
