import type { Figure } from '../Figure';
import { baseLayout, SERIES_COLORS } from './baseLayout';
import { round3 } from './barFigure';

/** Options of `histogramFigure`. */
export interface HistogramFigureOptions {
  title: string;
  /** One value per draw. */
  values: number[];
  /** X axis title, e.g. `drain time (s)`. */
  xTitle: string;
  /** Vertical reference lines, e.g. the single run a lesson shows. */
  marks?: Array<{ value: number; label: string }>;
  /** Height in pixels. Default 360. */
  height?: number;
}

/**
 * How a measured figure spread over the draws of an ensemble: a histogram of its values (share of draws
 * per bin), with optional reference lines.
 */
export function histogramFigure(options: HistogramFigureOptions): Figure {
  const { title, values, xTitle, marks = [], height } = options;
  const data: Figure['data'] = [
    {
      type: 'histogram',
      name: 'draws',
      x: values.map(round3),
      histnorm: 'probability',
      marker: { color: SERIES_COLORS[0] },
    },
  ];
  const layout = baseLayout({ title, xTitle, yTitle: 'share of draws', height });
  layout.shapes = marks.map((m) => ({ type: 'line', xref: 'x', yref: 'paper', x0: m.value, x1: m.value, y0: 0, y1: 1, line: { dash: 'dot', color: '#888888' } }));
  layout.annotations = marks.map((m) => ({ x: m.value, y: 1, xref: 'x', yref: 'paper', text: m.label, showarrow: false, yanchor: 'bottom' }));
  return { data, layout };
}
