// Draws a library figure with colours taken from the page's theme (CSS custom properties), so charts follow
// the light/dark toggle. The figure JSON itself stays as the library made it.
import { type FigureJson, loadPlotly } from './assets';

const CONFIG = { responsive: true, displayModeBar: false, displaylogo: false };

function themeColors() {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string) => css.getPropertyValue(name).trim();
  return { text: v('--text'), grid: v('--grid'), line: v('--muted') };
}

/** A copy of `layout` with theme colours for the background, text, axes and legend. */
export function themedLayout(layout: Record<string, unknown>): Record<string, unknown> {
  const c = themeColors();
  const { width: _fixedWidth, ...rest } = layout; // the chart takes its container's width (phones)
  const out: Record<string, unknown> = { ...rest, paper_bgcolor: 'rgba(0,0,0,0)', plot_bgcolor: 'rgba(0,0,0,0)', autosize: true };
  out.font = { ...(layout.font as object), color: c.text };
  out.legend = { ...(layout.legend as object), font: { ...((layout.legend as { font?: object })?.font), color: c.text } };
  const axes = Object.keys(layout).filter((k) => /^[xy]axis\d*$/.test(k));
  for (const k of axes.length ? axes : ['xaxis', 'yaxis']) {
    out[k] = { ...(layout[k] as object), gridcolor: c.grid, zerolinecolor: c.line, linecolor: c.line };
  }
  if (!layout.margin) out.margin = { t: layout.title ? 48 : 16, r: 16, b: 48, l: 56 };
  return out;
}

/** Draws (or redraws in place) a figure into `el`. */
export async function drawFigure(el: HTMLElement, figure: FigureJson): Promise<void> {
  const Plotly = await loadPlotly();
  await Plotly.react(el, figure.data, themedLayout(figure.layout), CONFIG);
}
