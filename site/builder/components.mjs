// React components that render a lesson on the server (react-dom/server). Everything a reader needs is in
// the HTML: figures carry their data and a text fallback, cells their source. The client islands
// (site/client) only add behaviour on top of this markup.
import * as React from 'react';
import { LessonError } from './props.mjs';
import { CELL } from './remarkLesson.mjs';

const h = React.createElement;

/** Text of React children (for heading ids and labels). */
export function textOf(node) {
  if (node === null || node === undefined || typeof node === 'boolean') return '';
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(textOf).join('');
  return textOf(node.props?.children);
}

/** A URL-safe id from heading text: lower case, words joined by hyphens. */
export function slugify(text) {
  return text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9\s-]/g, '').trim().replace(/[\s-]+/g, '-') || 'section';
}

/** Formats a measured value for prose and tables. */
export function formatValue(value, digits) {
  if (typeof value === 'number') {
    const d = digits ?? (Number.isInteger(value) ? 0 : 2);
    return value.toLocaleString('en-US', { minimumFractionDigits: digits === undefined ? 0 : d, maximumFractionDigits: d });
  }
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

/** JSON safe inside <script type="application/json">. */
export function scriptJson(value) {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function MeasuredTable({ measured, caption, format }) {
  return h('div', { className: 'tl-table-wrap' },
    h('table', { className: 'tl-measured' },
      h('caption', null, caption),
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Measured'), h('th', { scope: 'col' }, 'Value'))),
      h('tbody', null, Object.entries(measured).map(([k, v]) =>
        h('tr', { key: k, 'data-key': k }, h('th', { scope: 'row' }, h('code', null, k)), h('td', null, format(v)))))));
}

/** A small table of the figure's traces when they share a short x axis; null otherwise. */
function TraceTable({ figure }) {
  const traces = (figure.data ?? []).filter((t) => Array.isArray(t.x) && Array.isArray(t.y));
  if (traces.length === 0 || traces.length > 8) return null;
  const x = traces[0].x;
  if (x.length > 24 || !traces.every((t) => t.x.length === x.length && t.x.every((v, i) => v === x[i]))) return null;
  const xTitle = axisTitle(figure.layout?.xaxis) || 'x';
  return h('div', { className: 'tl-table-wrap' },
    h('table', { className: 'tl-trace-table' },
      h('caption', null, 'Data plotted'),
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, xTitle),
        traces.map((t, i) => h('th', { scope: 'col', key: i }, t.name ?? `Series ${i + 1}`)))),
      h('tbody', null, x.map((xv, r) => h('tr', { key: r }, h('th', { scope: 'row' }, formatValue(xv)),
        traces.map((t, i) => h('td', { key: i }, formatValue(t.y[r]))))))));
}

function axisTitle(axis) {
  const t = axis?.title;
  return typeof t === 'string' ? t : t?.text ?? '';
}

function Verdict({ holds }) {
  return h('span', { className: `tl-verdict ${holds ? 'tl-holds' : 'tl-fails'}` }, holds ? 'holds' : 'does not hold');
}

function Control({ spec, id, value }) {
  const common = { id, name: spec.name, 'data-kind': spec.kind };
  if (spec.kind === 'toggle') {
    return h('div', { className: 'tl-control tl-toggle' },
      h('input', { ...common, type: 'checkbox', defaultChecked: Boolean(value) }),
      h('label', { htmlFor: id }, spec.label));
  }
  const field = spec.kind === 'select'
    ? h('select', { ...common, defaultValue: String(value) }, (spec.options ?? []).map((o) => h('option', { key: String(o), value: String(o) }, String(o))))
    : h('input', { ...common, type: 'number', inputMode: 'decimal', min: spec.min, max: spec.max, step: spec.step ?? 'any', defaultValue: value });
  return h('div', { className: 'tl-control' }, h('label', { htmlFor: id }, spec.label), field);
}

/**
 * Builds the component map for one page.
 * @param {{ lab: Record<string, any>, experiments: Record<string, any>, run: (id: string, options: object) => any,
 *   toc: Array<{depth: number, id: string, text: string}>, lessonHref: (href: string) => string, lessonCount?: number }} page
 */
export function makeComponents(page) {
  const ids = new Set();
  // The library's own formatting, so a number reads the same on the site and in the notebooks.
  const formatMeasured = typeof page.lab.formatMeasured === 'function' ? page.lab.formatMeasured : (v) => formatValue(v);
  let figures = 0, findings = 0, cells = 0;
  const uniqueId = (base) => {
    let id = base, n = 2;
    while (ids.has(id)) id = `${base}-${n++}`;
    ids.add(id);
    return id;
  };
  const heading = (tag, depth) => ({ children, id: _ignored, ...rest }) => {
    const text = textOf(children);
    const id = uniqueId(slugify(text));
    if (depth <= 3) page.toc.push({ depth, id, text });
    return h(tag, { ...rest, id }, children, ' ', h('a', { className: 'tl-anchor', href: `#${id}`, 'aria-label': `Link to section ${text}` }, '#'));
  };

  return {
    h2: heading('h2', 2),
    h3: heading('h3', 3),
    h4: heading('h4', 4),
    a: ({ href = '', children, ...rest }) => {
      const external = /^[a-z]+:/i.test(href);
      return h('a', { ...rest, href: external ? href : page.lessonHref(href), ...(external ? { rel: 'noopener' } : {}) }, children);
    },
    pre: ({ children, ...rest }) => {
      const lang = /language-([\w-]+)/.exec(children?.props?.className ?? '')?.[1];
      return h('div', { className: 'tl-code' }, lang ? h('span', { className: 'tl-code-lang' }, lang) : null,
        h('pre', { ...rest, tabIndex: 0 }, children));
    },
    table: (props) => h('div', { className: 'tl-table-wrap' }, h('table', props)),

    Figure: ({ experiment, options = {}, controls }) => {
      const exp = page.experiments[experiment];
      const result = page.run(experiment, options, 'Figure');
      const n = ++figures;
      const id = uniqueId(`figure-${n}`);
      const names = controls ?? exp.controls.map((c) => c.name);
      const specs = names.map((name) => exp.controls.find((c) => c.name === name));
      const payload = { experiment, options, controls: specs, figure: result.figure };
      return h('figure', { className: 'tl-figure', id, 'aria-labelledby': `${id}-title`, 'data-experiment': experiment },
        h('p', { className: 'tl-figure-title', id: `${id}-title` }, `Figure ${n}. ${exp.title}`),
        specs.length ? h('form', { className: 'tl-controls', hidden: true, 'aria-label': `Change the model of figure ${n}` },
          specs.map((s) => h(Control, { key: s.name, spec: s, id: `${id}-${s.name}`, value: options[s.name] ?? s.default })),
          h('button', { type: 'reset', className: 'tl-button tl-secondary' }, 'Reset')) : null,
        h('div', { className: 'tl-plot', 'data-state': 'static' }),
        h('figcaption', null,
          h('p', { className: 'tl-claim' }, h('strong', null, 'Claim: '), result.claim, ' ', h('span', { className: 'tl-verdict-wrap' }, 'The model says it ', h(Verdict, { holds: result.holds }), '.')),
          h('p', { className: 'tl-summary', 'aria-live': 'polite' }, result.summary),
          h('details', { className: 'tl-data' }, h('summary', null, 'Numbers behind the figure'),
            h(MeasuredTable, { measured: result.measured, caption: 'Measured', format: formatMeasured }),
            h(TraceTable, { figure: result.figure })),
          h('p', { className: 'tl-status', role: 'status' })),
        h('script', { type: 'application/json', className: 'tl-figure-json', dangerouslySetInnerHTML: { __html: scriptJson(payload) } }));
    },

    Finding: ({ experiment, options = {} }) => {
      const exp = page.experiments[experiment];
      const result = page.run(experiment, options, 'Finding');
      const id = uniqueId(`finding-${++findings}`);
      return h('div', { className: `tl-finding ${result.holds ? 'tl-finding-holds' : 'tl-finding-fails'}`, role: 'note', 'aria-labelledby': `${id}-title`, id },
        h('p', { className: 'tl-finding-title', id: `${id}-title` }, h('strong', null, exp.finding ? `Finding ${exp.finding}: ` : 'Finding: '), exp.title),
        h('p', null, h('strong', null, 'Claim: '), result.claim, ' ', 'The model says it ', h(Verdict, { holds: result.holds }), '.'),
        h('p', null, result.summary),
        h(MeasuredTable, { measured: result.measured, caption: `Measured (${experiment})`, format: formatMeasured }));
    },

    Value: ({ experiment, path, options = {}, digits, unit }) => {
      const result = page.run(experiment, options, 'Value');
      let text;
      if (typeof page.lab.lessonValue === 'function') {
        try {
          text = page.lab.lessonValue(result, path, { digits, unit });
        } catch (e) {
          throw new LessonError(`<Value experiment="${experiment}" path="${path}">: ${e.message}`);
        }
      } else {
        let value = result;
        for (const part of path.split('.')) {
          if (value === null || typeof value !== 'object' || !(part in value)) {
            throw new LessonError(`<Value experiment="${experiment}" path="${path}">: the result has no "${part}"`);
          }
          value = value[part];
        }
        if (typeof value === 'object' && value !== null) throw new LessonError(`<Value path="${path}">: points at an object, not a number or text`);
        text = formatValue(value, digits) + (unit ? ` ${unit}` : '');
      }
      if (unit && text.endsWith(` ${unit}`)) text = `${text.slice(0, -unit.length - 1)}\u00a0${unit}`;
      // A number (its unit joined by a no-break space) stays on one line; a text value such as a list of
      // modes may wrap, or it would widen the page on a phone.
      const className = /\s/.test(text.replace(/\u00a0/g, '')) ? 'tl-value tl-value-text' : 'tl-value';
      return h('span', { className, title: `Computed by ${experiment} (${path})` }, text);
    },

    [CELL]: ({ code, exercise }) => {
      const n = ++cells;
      const id = uniqueId(`cell-${n}`);
      const cell = h('div', { className: `tl-cell${exercise ? ' tl-exercise-cell' : ''}`, id, 'data-cell': String(n) },
        h('div', { className: 'tl-cell-bar' }, h('span', { className: 'tl-cell-label', id: `${id}-label` }, exercise ? `Cell ${n} (exercise)` : `Cell ${n}`)),
        h('pre', { className: 'tl-cell-source', tabIndex: 0 }, h('code', { className: 'language-ts' }, code)),
        h('div', { className: 'tl-cell-output', 'aria-live': 'polite' }));
      const ex = exercise ? page.lab.exercises[exercise] : null;
      if (!ex || (ex.kind !== 'number' && ex.kind !== 'choice')) return cell;
      const field = `${exercise}-answer`;
      return h(React.Fragment, null, cell,
        h('form', { className: 'tl-answer', 'data-exercise': exercise, 'data-kind': ex.kind, hidden: true },
          h('label', { htmlFor: field }, 'Or type your answer'),
          ex.kind === 'number'
            ? h('input', { id: field, name: 'answer', type: 'number', step: 'any', inputMode: 'decimal' })
            : h('select', { id: field, name: 'answer', defaultValue: '' }, h('option', { value: '' }, 'Choose…'),
              (ex.options ?? []).map((o) => h('option', { key: o, value: o }, o))),
          ex.unit ? h('span', { className: 'tl-unit' }, ex.unit) : null,
          h('button', { type: 'submit', className: 'tl-button' }, 'Check'),
          h('p', { className: 'tl-answer-result', role: 'status' })));
    },

    Exercise: ({ id, title, children }) => {
      const number = /-(\d+)$/.exec(id)?.[1] ?? '';
      const sectionId = uniqueId(id);
      const text = `Exercise ${number}: ${title}`;
      page.toc.push({ depth: 3, id: sectionId, text });
      return h('section', { className: 'tl-exercise', id: sectionId, 'aria-labelledby': `${sectionId}-title` },
        h('h3', { id: `${sectionId}-title` }, text, ' ', h('a', { className: 'tl-anchor', href: `#${sectionId}`, 'aria-label': `Link to ${text}` }, '#')),
        children);
    },
    // The library's GLOSSARY (lib/glossary) as a definition list, one anchor per term.
    Glossary: () => h('dl', { className: 'tl-glossary' }, (page.lab.GLOSSARY ?? []).map((e) => h(React.Fragment, { key: e.term },
      h('dt', { id: uniqueId(`term-${slugify(e.term)}`) }, e.term),
      h('dd', null, e.definition, ' ', h('span', { className: 'tl-glossary-lesson' }, `(Lesson ${e.lesson})`))))),
    // A count computed at build time: lessons built, the article's findings in the experiments registry,
    // and the lessons' numbered exercises in the exercises registry.
    CourseCount: ({ of }) => {
      const count = of === 'lessons' ? page.lessonCount
        : of === 'findings' ? Object.values(page.experiments).filter((e) => e.finding).length
          : Object.keys(page.lab.exercises ?? {}).filter((id) => /^ex-\d\d-\d+$/.test(id)).length;
      return h('span', { className: 'tl-value', title: `Computed when the site is built (${of})` }, String(count));
    },
    Hint: ({ children }) => h('details', { className: 'tl-hint' }, h('summary', null, 'Hint'), h('div', { className: 'tl-fold' }, children)),
    Solution: ({ children }) => h('details', { className: 'tl-solution' }, h('summary', null, 'Solution'), h('div', { className: 'tl-fold' }, children)),
  };
}
