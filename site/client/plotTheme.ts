// Draws a library figure for reading on this page: colours from the page's theme (CSS custom properties),
// so charts follow the light/dark toggle, and a layout fitted to the chart's width so that no two pieces
// of text overlap at 375 px or at 1280 px:
// - the title is wrapped to the width and set at the top left; the legend sits horizontally under it,
//   above the plot area (never on the rotated tick labels or the axis titles below it);
// - after the first draw the title, legend and annotations above the plot are measured and the top margin
//   is set to what they take (a second, cheap relayout), and the figure grows by that much so the plot
//   area keeps its height;
// - reference lines (dashed lines and shapes) are drawn thicker, in the text colour, above the bars;
// - a figure redrawn by its controls can keep its y axis range (`pinY`), so a drop from 20 to 10 Gbps
//   looks like half the height.
// The figure JSON itself stays as the library made it.
import { type FigureJson, loadPlotly } from './assets';

/** No mode bar, no links to Plotly's cloud, nothing that reaches another origin. */
const CONFIG = { responsive: true, displayModeBar: false, displaylogo: false, showLink: false, showSendToCloud: false, showEditInChartStudio: false, plotlyServerURL: '', showTips: false };

/** Layout images load whatever URL they name: only inline data images are kept (a cell's figure could
 * otherwise beacon out through `layout.images`; the page's Content-Security-Policy blocks it too). */
export function withoutRemoteImages(layout: Record<string, unknown>): Record<string, unknown> {
  if (!Array.isArray(layout.images)) return layout;
  const images = layout.images.filter((i: { source?: unknown }) => typeof i?.source === 'string' && /^data:image\/(png|jpeg|gif|webp);/i.test(i.source));
  return { ...layout, images };
}

function themeColors() {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string) => css.getPropertyValue(name).trim();
  return { text: v('--text'), grid: v('--grid'), line: v('--muted') };
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (typeof v === 'object' && v !== null ? v as Obj : {});

/** Breaks `text` into lines of at most `width` characters at spaces (a longer word stays whole). */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) { lines.push(line); line = word; } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

function titleText(layout: Obj): string {
  const t = layout.title;
  return typeof t === 'string' ? t : String(obj(t).text ?? '');
}

/** Pixel sizes the fitted layout is built from; `measure` corrects the estimates after a draw. */
interface Fit { titleChars: number; top: number; titlePad: number }

/** The largest y value of the traces on the main y axis, or null when they cannot share a pinned range. */
export function yDataMax(figure: FigureJson): number | null {
  const layout = obj(figure.layout);
  if (layout.barmode === 'stack' || layout.barmode === 'relative' || Object.keys(layout).some((k) => /^yaxis\d+$/.test(k))) return null;
  if (obj(layout.yaxis).rangemode !== 'tozero' && obj(layout.yaxis).rangemode !== undefined) return null;
  let max = 0;
  for (const t of figure.data) {
    if (t.yaxis && t.yaxis !== 'y') return null;
    if (!Array.isArray(t.y)) continue;
    for (const v of t.y as unknown[]) {
      if (typeof v !== 'number' || !Number.isFinite(v)) continue;
      if (v < 0) return null;
      max = Math.max(max, v);
    }
  }
  return max > 0 ? max : null;
}

/** A copy of `layout` themed and fitted to `width` px. */
export function themedLayout(layout: Obj, width = 640, fit?: Fit, pinY?: number): Obj {
  const c = themeColors();
  const narrow = width < 560;
  const { width: _fixedWidth, ...rest } = layout; // the chart takes its container's width (phones)
  const out: Obj = { ...rest, paper_bgcolor: 'rgba(0,0,0,0)', plot_bgcolor: 'rgba(0,0,0,0)', autosize: true };
  const size = narrow ? 12 : 13;
  out.font = { ...obj(layout.font), color: c.text, size };

  const titleSize = narrow ? 15 : 16;
  const text = titleText(layout);
  const titleChars = fit?.titleChars ?? Math.max(16, Math.floor((width - 24) / (titleSize * 0.55)));
  const titleLines = text ? wrapText(text, titleChars) : [];
  const titleH = titleLines.length ? titleLines.length * titleSize * 1.3 + 14 : 8;
  if (text) {
    out.title = {
      ...obj(layout.title), text: titleLines.join('<br>'), font: { size: titleSize, color: c.text },
      x: 0, xref: 'container', xanchor: 'left', y: 1, yref: 'container', yanchor: 'top', pad: { l: 8, t: fit?.titlePad ?? 8 }, automargin: false,
    };
  }
  const height = Number(layout.height ?? 360);
  // First estimate of the top margin: the title, then a legend row; measure() corrects it.
  const top = fit?.top ?? titleH + 30;
  const baseTop = Number(obj(layout.margin).t ?? 56);
  const totalHeight = height + Math.max(0, top - baseTop);
  out.height = totalHeight;
  out.margin = { l: narrow ? 52 : 64, r: narrow ? 10 : 20, b: 40, ...obj(layout.margin), t: top, pad: 0 };
  out.legend = {
    ...obj(layout.legend), orientation: 'h', x: 0, xref: 'container', xanchor: 'left', y: 1 - titleH / totalHeight, yref: 'container', yanchor: 'top',
    font: { ...obj(obj(layout.legend).font), color: c.text, size }, bgcolor: 'rgba(0,0,0,0)', itemwidth: 30,
  };
  const axes = Object.keys(layout).filter((k) => /^[xy]axis\d*$/.test(k));
  for (const k of axes.length ? axes : ['xaxis', 'yaxis']) {
    const axis = obj(layout[k]);
    out[k] = {
      ...axis, gridcolor: c.grid, zerolinecolor: c.line, linecolor: c.line, automargin: true,
      title: { ...obj(typeof axis.title === 'string' ? { text: axis.title } : axis.title), font: { size, color: c.text }, standoff: 8 },
      tickfont: { size: narrow ? 11 : 12, color: c.text },
    };
  }
  if (pinY && out.yaxis) out.yaxis = { ...obj(out.yaxis), range: [0, pinY * 1.08], autorange: false };
  if (Array.isArray(layout.shapes)) {
    out.shapes = layout.shapes.map((s: Obj) => (obj(s.line).dash ? { ...s, line: { ...obj(s.line), color: c.text, width: 2 }, layer: 'above' } : s));
  }
  if (Array.isArray(layout.annotations)) {
    out.annotations = layout.annotations.map((a: Obj) => ({ ...a, font: { ...obj(a.font), color: c.text, size: narrow ? 11 : 12 } }));
  }
  return out;
}

/** Whether two line traces lie on top of each other for at least half of their points (same x, same y). */
export function coincide(a: Obj, b: Obj): boolean {
  const ya = Array.isArray(a.y) ? (a.y as unknown[]) : [];
  const yb = Array.isArray(b.y) ? (b.y as unknown[]) : [];
  const xa = Array.isArray(a.x) ? (a.x as unknown[]) : [];
  const xb = Array.isArray(b.x) ? (b.x as unknown[]) : [];
  if (ya.length === 0 || ya.length !== yb.length || xa.length !== xb.length) return false;
  let same = 0;
  for (let i = 0; i < ya.length; i++) {
    if (xa[i] === xb[i] && typeof ya[i] === 'number' && typeof yb[i] === 'number' && Math.abs((ya[i] as number) - (yb[i] as number)) <= 1e-9 * Math.max(1, Math.abs(ya[i] as number))) same++;
  }
  return same * 2 >= ya.length;
}

const isSolidLine = (t: Obj) => t.type === 'scatter' && t.mode === 'lines' && !obj(t.line).dash;
/** Dash patterns for a line drawn over an earlier one (the earlier line shows through the gaps). */
const OVERLAY_DASHES = ['dash', 'dot', 'dashdot', 'longdash'];

/**
 * A solid line that lies on an earlier solid line for half its points or more, drawn dashed (one pattern per
 * line it covers), so both stay visible (lesson 2: both of HV1's members send 5 Gbps). Other traces unchanged.
 */
export function dashCoincidingLines(data: Array<Record<string, unknown>>): Array<Record<string, unknown>> {
  return data.map((t, i) => {
    if (!isSolidLine(t)) return t;
    const covered = data.slice(0, i).filter((u) => isSolidLine(u) && coincide(u, t)).length;
    return covered > 0 ? { ...t, line: { ...obj(t.line), dash: OVERLAY_DASHES[(covered - 1) % OVERLAY_DASHES.length] } } : t;
  });
}

/** Reference lines (dashed line traces) drawn thick enough to see on top of bars of the same height; coinciding lines dashed. */
function themedData(data: Array<Record<string, unknown>>): Array<Record<string, unknown>> {
  const c = themeColors();
  const referenced = data.map((t) => {
    const line = obj(t.line);
    return t.type === 'scatter' && line.dash && t.mode === 'lines' ? { ...t, line: { ...line, color: c.text, width: 3 } } : t;
  });
  return dashCoincidingLines(referenced);
}

/** Measures what the first draw put above the plot area and returns the fit that leaves room for it. */
function measure(el: HTMLElement, fit: Fit, titleChars: number): Fit | null {
  const svg = el.querySelector<SVGSVGElement>('svg.main-svg');
  const plotArea = el.querySelector<SVGGraphicsElement>('.cartesianlayer .bg, .draglayer .nsewdrag');
  if (!svg || !plotArea) return null;
  const top = svg.getBoundingClientRect().top;
  const width = svg.getBoundingClientRect().width;
  const box = (sel: string) => Array.from(el.querySelectorAll<SVGGraphicsElement>(sel)).map((e) => e.getBoundingClientRect()).filter((r) => r.width > 0 && r.height > 0);
  const title = box('.g-gtitle .gtitle');
  const legend = box('.legend .bg, .legend .scrollbox');
  const plotTop = Math.min(...box('.cartesianlayer .bg, .draglayer .nsewdrag').map((r) => r.top)) - top;
  const annotationsAbove = box('.annotation').filter((r) => r.bottom - top <= plotTop + 2).map((r) => r.bottom - r.top);
  const titleBottom = title.length ? Math.max(...title.map((r) => r.bottom)) - top : 0;
  // Plotly anchors a wrapped title by its first line: push it down by what sticks out above the chart.
  const titleTop = title.length ? Math.min(...title.map((r) => r.top)) - top : 8;
  const titlePad = titleTop < 6 ? fit.titlePad + (6 - titleTop) : fit.titlePad;
  const titleRight = title.length ? Math.max(...title.map((r) => r.right)) - svg.getBoundingClientRect().left : 0;
  const legendH = legend.length ? Math.max(...legend.map((r) => r.bottom)) - Math.min(...legend.map((r) => r.top)) : 0;
  const needed = Math.ceil(titleBottom + (titlePad - fit.titlePad) + 6 + legendH + (annotationsAbove.length ? Math.max(...annotationsAbove) + 4 : 0) + 10);
  const chars = titleRight > width - 4 ? Math.max(12, Math.floor(titleChars * (width - 16) / titleRight)) : titleChars;
  if (Math.abs(needed - fit.top) <= 2 && chars === titleChars && titlePad === fit.titlePad) return null;
  return { titleChars: chars, top: needed, titlePad };
}

/** Draws (or redraws in place) a figure into `el`; `pinY` fixes the y axis to [0, pinY] (plus headroom). */
export async function drawFigure(el: HTMLElement, figure: FigureJson, options: { pinY?: number } = {}): Promise<void> {
  const Plotly = await loadPlotly();
  const width = el.clientWidth || 640;
  const layout = withoutRemoteImages(figure.layout);
  const data = themedData(figure.data);
  let first = themedLayout(layout, width, undefined, options.pinY);
  await Plotly.react(el, data, first, CONFIG);
  // Second pass with measured sizes (title lines as drawn, legend rows, annotations above the plot).
  let fit: Fit = { titleChars: Math.max(16, Math.floor((width - 24) / ((width < 560 ? 15 : 16) * 0.55))), top: Number(obj(first.margin).t), titlePad: 8 };
  for (let i = 0; i < 3; i++) {
    const next = measure(el, fit, fit.titleChars);
    if (!next) break;
    fit = next;
    first = themedLayout(layout, width, fit, options.pinY);
    await Plotly.react(el, data, first, CONFIG);
  }
}
