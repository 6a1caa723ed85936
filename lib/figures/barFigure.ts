import type { Figure } from '../Figure';
import { baseLayout, SERIES_COLORS } from './baseLayout';

/** One group of bars: a name for the legend and a value per category. */
export interface BarSeries {
  /** Legend entry. */
  name: string;
  /** One value per category, in the order of `categories`. */
  values: number[];
}

/** Options for `barFigure`. */
export interface BarFigureOptions {
  /** Figure title. */
  title: string;
  /** Category labels along the x axis. */
  categories: string[];
  /** One or more series drawn as grouped bars. */
  series: BarSeries[];
  /** Y axis title, e.g. `Gbps`. */
  yTitle?: string;
  /** X axis title. */
  xTitle?: string;
  /** Draws a dashed horizontal reference line at this value (e.g. one member's speed). */
  reference?: { value: number; label: string };
  /** Height in pixels. Default 360. */
  height?: number;
}

/** Grouped bars with an optional reference line: the shape most findings are told in. */
export function barFigure(options: BarFigureOptions): Figure {
  const { title, categories, series, yTitle, xTitle, reference, height } = options;
  const data: Figure['data'] = series.map((s, i) => ({
    type: 'bar',
    name: s.name,
    x: categories,
    y: s.values.map(round3),
    marker: { color: SERIES_COLORS[i % SERIES_COLORS.length] },
  }));
  const layout = baseLayout({ title, xTitle, yTitle, height });
  layout.barmode = 'group';
  if (reference) {
    data.push({
      type: 'scatter',
      mode: 'lines',
      name: reference.label,
      x: categories,
      y: categories.map(() => reference.value),
      line: { dash: 'dash', color: '#888888' },
    });
  }
  return { data, layout };
}

/** Rounds to 3 decimals so figures stay small and stable across platforms. */
export function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
