import type { Figure } from '../Figure';
import { InputError } from '../InputError';
import { plotlyBundle } from './plotlyBundle';

/** Options for `figureHtml`. */
export interface FigureHtmlOptions {
  /** The `id` of the chart's `<div>`; letters, digits, `-` and `_`. Default: a fresh id per call
   * (`teaming-lab-figure-1`, `-2` ... plus a per-process suffix, so outputs of two kernels never clash). */
  id?: string;
  /** Carry plotly.js inside the HTML (default true). Without it the chart only draws on a page where
   * an earlier figure already loaded plotly.js. */
  includePlotly?: boolean;
}

/** Plotly `config` every figure uses: fills its cell's width, no Plotly logo. */
export const FIGURE_CONFIG = { responsive: true, displaylogo: false } as const;

/** Name of the `window` property the loader sets once plotly.js is loaded on a page. */
export const PLOTLY_WINDOW_FLAG = '__teamingLabPlotly';

const ID_PATTERN = /^[A-Za-z][A-Za-z0-9_-]*$/;
const processSuffix = Math.floor(Date.now() % 1e8).toString(36);
let counter = 0;

/**
 * A self-contained HTML fragment that draws a library `Figure` with plotly.js, offline.
 *
 * The fragment holds: the chart `<div data-teaming-lab-figure>`, the figure as inert JSON, plotly.js as
 * inert text, and a small script. The script loads plotly.js once per page (the window flag
 * `__teamingLabPlotly`), with `define` hidden while it loads, because classic Notebook 6 runs
 * require.js and a UMD bundle that sees `define.amd` registers as an AMD module instead of setting
 * `window.Plotly`. Front ends that run scripts in HTML output (classic Notebook and JupyterLab for
 * trusted output, VS Code) draw the chart; others show nothing but the empty `<div>`.
 */
export function figureHtml(figure: Figure, options: FigureHtmlOptions = {}): string {
  checkFigure(figure);
  const id = options.id ?? `teaming-lab-figure-${processSuffix}-${++counter}`;
  if (!ID_PATTERN.test(id)) throw new InputError('options.id', id, 'letters, digits, - and _, starting with a letter');
  const includePlotly = options.includePlotly ?? true;
  if (typeof includePlotly !== 'boolean') throw new InputError('options.includePlotly', includePlotly, 'true or false');
  const spec = { data: figure.data, layout: figure.layout, config: FIGURE_CONFIG };
  const parts = [
    `<div class="teaming-lab-figure" id="${id}" data-teaming-lab-figure="${id}" style="width:100%;min-height:360px"></div>`,
    `<script type="application/json" id="${id}-spec">${scriptSafeJson(spec)}</script>`,
  ];
  if (includePlotly) {
    const bundle = plotlyBundle();
    parts.push(
      `<script type="text/x-teaming-lab-plotly" id="${id}-plotly" data-version="${bundle.version}">${scriptSafeText(bundle.code)}</script>`,
    );
  }
  parts.push(`<script>${loader(id)}</script>`);
  return parts.join('\n');
}

/** Throws an InputError unless `figure` looks like `{ data: [...], layout: {...} }`. */
function checkFigure(figure: Figure): void {
  if (typeof figure !== 'object' || figure === null) throw new InputError('figure', figure, 'an object { data, layout }');
  if (!Array.isArray(figure.data)) throw new InputError('figure.data', figure.data, 'an array of Plotly traces');
  if (typeof figure.layout !== 'object' || figure.layout === null || Array.isArray(figure.layout)) {
    throw new InputError('figure.layout', figure.layout, 'a Plotly layout object');
  }
}

/** JSON that cannot close its `<script>` element: every `<` becomes `\u003c` (still valid JSON). */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** Script text that cannot close its `<script>` element early. `<\/` means the same as `</` in JS. */
function scriptSafeText(code: string): string {
  return code.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

/** The inline script: load plotly.js once per page (hiding AMD), then draw. When the page has no copy of
 * plotly.js yet (a figure that relies on an earlier one while a saved notebook is still loading its
 * outputs), it retries for a while before saying what to do. ES5 on purpose. */
function loader(id: string): string {
  return [
    '(function () {',
    `  var id = ${JSON.stringify(id)};`,
    `  var flag = ${JSON.stringify(PLOTLY_WINDOW_FLAG)};`,
    '  var tries = 0;',
    '  function load() {',
    '    if (window[flag]) return window[flag];',
    "    var source = document.getElementById(id + '-plotly') || document.querySelector('script[type=\"text/x-teaming-lab-plotly\"]');",
    '    if (!source) return null;',
    '    var savedDefine = window.define;',
    '    try {',
    '      window.define = undefined;',
    "      var script = document.createElement('script');",
    '      script.text = source.textContent;',
    '      document.head.appendChild(script);',
    '    } finally {',
    '      window.define = savedDefine;',
    '    }',
    '    if (window.Plotly) window[flag] = window.Plotly;',
    '    return window[flag] || null;',
    '  }',
    '  function draw() {',
    '    var el = document.getElementById(id);',
    '    if (!el) return;',
    '    var Plotly = load();',
    '    if (!Plotly) {',
    '      if (++tries < 100) { setTimeout(draw, 100); return; }',
    "      el.textContent = 'plotly.js is not loaded on this page: run the first chart cell of the notebook (or this cell) again.';",
    '      return;',
    '    }',
    "    var spec = JSON.parse(document.getElementById(id + '-spec').textContent);",
    '    Plotly.newPlot(el, spec.data, spec.layout, spec.config);',
    '  }',
    '  draw();',
    '})();',
  ].join('\n');
}
