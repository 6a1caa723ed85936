// figureHtml(figure, options) is what makes a chart render offline in classic Notebook, JupyterLab and
// VS Code: one marked <div>, the figure as inert JSON, plotly.js as inert text, and a loader script.
// These tests read the HTML's shape, and run the loader against a tiny fake page (node:vm) to check the
// two things that break in real front ends: AMD (require.js in Notebook 6) and loading plotly.js twice.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, dirname } from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../lib/InputError';
import type { Figure } from '../../../lib/Figure';
import { FIGURE_CONFIG, PLOTLY_WINDOW_FLAG, figureHtml } from '../../../lib/notebook';

const figure: Figure = {
  data: [{ type: 'bar', name: 'send', x: ['NIC1', 'NIC2'], y: [10, 0] }],
  layout: { title: { text: 'One migration' } },
};

interface Script {
  attrs: string;
  id: string | undefined;
  type: string | undefined;
  text: string;
}

/** The <script> elements of an HTML fragment, in order. */
function scripts(html: string): Script[] {
  return [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)].map((m) => ({
    attrs: m[1],
    id: /\bid="([^"]+)"/.exec(m[1])?.[1],
    type: /\btype="([^"]+)"/.exec(m[1])?.[1],
    text: m[2],
  }));
}

const installedPlotlyVersion: string = JSON.parse(
  readFileSync(join(dirname(createRequire(import.meta.url).resolve('plotly.js-dist')), 'package.json'), 'utf8'),
).version;

/** A stand-in for plotly.js with a UMD header of the old kind: it registers with AMD when `define.amd`
 * is there, and only otherwise sets `window.Plotly`. */
const FAKE_UMD_PLOTLY = `(function (root, factory) {
  if (typeof define === 'function' && define.amd) define([], factory);
  else root.Plotly = factory();
})(this, function () {
  return { newPlot: function (el, data, layout, config) { window.drawn.push({ el: el, data: data, layout: layout, config: config }); } };
});`;

/** A page (a vm context) with `getElementById`, `<script>` insertion that runs the script, and
 * optionally require.js's `define`. */
function fakePage({ amd }: { amd: boolean }) {
  const elements = new Map<string, { textContent: string }>();
  const amdCalls: unknown[] = [];
  const page: Record<string, any> = { drawn: [], loads: 0 };
  page.window = page;
  // Timers run when the test says so (tick), so a retrying loader can be stepped through.
  const timers: Array<() => void> = [];
  page.setTimeout = (fn: () => void) => timers.push(fn);
  page.tick = (max = 1000) => {
    for (let i = 0; i < max && timers.length > 0; i++) timers.shift()!();
  };
  const context = vm.createContext(page);
  page.document = {
    getElementById: (id: string) => elements.get(id) ?? null,
    querySelector: () => null,
    createElement: () => ({ text: '' }),
    head: {
      appendChild(script: { text: string }) {
        page.loads++;
        vm.runInContext(script.text, context);
      },
    },
  };
  if (amd) page.define = Object.assign((...args: unknown[]) => amdCalls.push(args), { amd: {} });
  /** Puts an output's HTML on the page and runs its inline scripts, as a front end does. */
  const add = (html: string, { fakePlotly = true } = {}) => {
    const divId = /data-teaming-lab-figure="([^"]+)"/.exec(html)![1];
    elements.set(divId, { textContent: '' });
    for (const s of scripts(html)) {
      if (s.id) elements.set(s.id, { textContent: s.type === 'text/x-teaming-lab-plotly' && fakePlotly ? FAKE_UMD_PLOTLY : s.text });
    }
    for (const s of scripts(html)) if (s.type === undefined) vm.runInContext(s.text, context);
    return elements.get(divId)!;
  };
  return { page, add, amdCalls };
}

describe('figureHtml(figure, options)', () => {
  it('marks exactly one chart <div> with data-teaming-lab-figure and the given id', () => {
    // The notebook tests count figures by this attribute, so one figure must give exactly one mark.
    const html = figureHtml(figure, { id: 'fig-a' });
    expect(html.match(/data-teaming-lab-figure=/g)).toHaveLength(1);
    expect(html).toContain('<div class="teaming-lab-figure" id="fig-a" data-teaming-lab-figure="fig-a"');
  });

  it('embeds the figure as JSON that parses back to the same data and layout, with the shared config', () => {
    const spec = scripts(figureHtml(figure, { id: 'fig-b' })).find((s) => s.id === 'fig-b-spec')!;
    expect(spec.type).toBe('application/json');
    expect(JSON.parse(spec.text)).toEqual({ data: figure.data, layout: figure.layout, config: FIGURE_CONFIG });
  });

  it('keeps a "</script>" inside the data from closing the JSON script early', () => {
    // Because the JSON escapes every "<" as \\u003c, the only "</script>" closings are the 3 elements'.
    const hostile: Figure = { data: [{ type: 'bar', name: '</script><b>x</b>', y: [1] }], layout: {} };
    const html = figureHtml(hostile, { id: 'fig-c' });
    expect(html.match(/<\/script>/g)).toHaveLength(3);
    const spec = scripts(html).find((s) => s.id === 'fig-c-spec')!;
    expect(JSON.parse(spec.text).data[0].name).toBe('</script><b>x</b>');
  });

  it('inlines the installed plotly.js as inert text, never a <script src> from a CDN', () => {
    // Notebooks must render offline: the bundle travels inside the output, typed so the browser does
    // not run it until the loader decides to (once per page).
    const html = figureHtml(figure, { id: 'fig-d' });
    const bundle = scripts(html).find((s) => s.id === 'fig-d-plotly')!;
    expect(bundle.type).toBe('text/x-teaming-lab-plotly');
    expect(bundle.attrs).toContain(`data-version="${installedPlotlyVersion}"`);
    expect(bundle.text.length).toBeGreaterThan(1_000_000); // the whole library, not a stub
    expect(html).not.toMatch(/<script[^>]*\ssrc=/);
  });

  it('leaves plotly.js out when includePlotly is false', () => {
    const html = figureHtml(figure, { id: 'fig-e', includePlotly: false });
    expect(scripts(html).map((s) => s.id ?? 'loader')).toEqual(['fig-e-spec', 'loader']);
  });

  it('gives each call a fresh id when none is given', () => {
    const ids = [figureHtml(figure), figureHtml(figure)].map((h) => /data-teaming-lab-figure="([^"]+)"/.exec(h)![1]);
    expect(ids[0]).not.toBe(ids[1]);
  });

  it('rejects a bad id and a figure that is not { data, layout } with an InputError', () => {
    expect(() => figureHtml(figure, { id: 'x" onload="alert(1)' })).toThrow(InputError);
    expect(() => figureHtml({ data: 'bar', layout: {} } as unknown as Figure)).toThrow(InputError);
    expect(() => figureHtml({ data: [], layout: null } as unknown as Figure)).toThrow(InputError);
  });
});

describe('figureHtml loader on a page', () => {
  it('loads plotly.js with require.js present, hiding define so the bundle sets window.Plotly, then draws', () => {
    // Classic Notebook 6 runs require.js: a UMD bundle that sees define.amd would register an AMD module
    // (no window.Plotly, and a "mismatched anonymous define" error). The loader must hide define while the
    // bundle runs and put the original back afterwards.
    const { page, add, amdCalls } = fakePage({ amd: true });
    const originalDefine = page.define;
    add(figureHtml(figure, { id: 'fig-amd' }));
    expect(amdCalls).toHaveLength(0);
    expect(page.define).toBe(originalDefine);
    expect(page[PLOTLY_WINDOW_FLAG]).toBeDefined();
    expect(page.drawn).toHaveLength(1);
    expect(JSON.parse(JSON.stringify(page.drawn[0].data))).toEqual(figure.data);
  });

  it('loads plotly.js once per page even when every figure carries it', () => {
    // Two outputs, both with the bundle: the window flag makes the second reuse the first load.
    const { page, add } = fakePage({ amd: false });
    add(figureHtml(figure, { id: 'fig-1' }));
    add(figureHtml(figure, { id: 'fig-2' }));
    expect(page.loads).toBe(1);
    expect(page.drawn).toHaveLength(2);
  });

  it('draws a figure without its own bundle after an earlier one loaded plotly.js', () => {
    const { page, add } = fakePage({ amd: false });
    add(figureHtml(figure, { id: 'fig-first' }));
    add(figureHtml(figure, { id: 'fig-second', includePlotly: false }));
    expect(page.drawn.map((d: { el: unknown }) => d.el)).toHaveLength(2);
  });

  it('says so in the chart <div> when no plotly.js is on the page', () => {
    const { page, add } = fakePage({ amd: false });
    const div = add(figureHtml(figure, { id: 'fig-alone', includePlotly: false }));
    expect(div.textContent).toBe(''); // still waiting: a saved notebook may be loading the copy
    page.tick();
    expect(page.drawn).toHaveLength(0);
    expect(div.textContent).toMatch(/plotly\.js is not loaded on this page: run the first chart cell/);
  });

  it('draws a figure without plotly.js once a later output brings it (a saved notebook loading)', () => {
    // show() puts plotly.js in the first figure of a kernel session only: when outputs appear out of
    // order, the figure without it waits for the copy instead of failing.
    const { page, add } = fakePage({ amd: false });
    add(figureHtml(figure, { id: 'fig-early', includePlotly: false }));
    expect(page.drawn).toHaveLength(0);
    page.document.querySelector = () => ({ textContent: FAKE_UMD_PLOTLY });
    page.tick();
    expect(page.drawn).toHaveLength(1);
  });
});
