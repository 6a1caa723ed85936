// figureBundle(figure) is the MIME bundle show() displays. Each front end picks the richest type it can
// render, so the bundle must carry all three: Plotly JSON (JupyterLab's Plotly extension, VS Code's
// renderers), self-contained HTML (classic Notebook, JupyterLab without the extension), plain text.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Figure } from '../../../lib/Figure';
import { FIGURE_CONFIG, PLOTLY_MIME_TYPE, displayBundle, figureBundle, show } from '../../../lib/notebook';

const figure: Figure = { data: [{ type: 'scatter', y: [1, 2] }], layout: { title: { text: 'Rates' } } };

afterEach(() => vi.restoreAllMocks());

describe('figureBundle(figure)', () => {
  it('has Plotly JSON with the same data and layout, marked HTML, and a plain-text line naming the chart', () => {
    const bundle = figureBundle(figure);
    expect(Object.keys(bundle).sort()).toEqual([PLOTLY_MIME_TYPE, 'text/html', 'text/plain'].sort());
    expect(PLOTLY_MIME_TYPE).toBe('application/vnd.plotly.v1+json');
    expect(bundle[PLOTLY_MIME_TYPE]).toEqual({ data: figure.data, layout: figure.layout, config: FIGURE_CONFIG });
    expect(bundle['text/html']).toContain('data-teaming-lab-figure=');
    expect(bundle['text/plain']).toContain('Rates');
  });

  it('names an untitled chart "untitled" and accepts a plain-string title', () => {
    expect(figureBundle({ data: [], layout: {} })['text/plain']).toContain('untitled');
    expect(figureBundle({ data: [], layout: { title: 'Plain' } })['text/plain']).toContain('Plain');
  });
});

describe('show(figure) and displayBundle(bundle) outside a running tslab kernel', () => {
  it('print the plain-text part, because there is no kernel to send the bundle to', () => {
    // tslab is installed but no kernel is running in this process, so its writer hook is null.
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    displayBundle({ 'text/markdown': '**x**', 'text/plain': 'x' });
    show(figure);
    expect(log.mock.calls.map((c) => c[0])).toEqual(['x', expect.stringContaining('Figure: Rates')]);
  });
});
