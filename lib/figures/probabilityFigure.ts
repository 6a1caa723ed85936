import type { Figure } from '../Figure';
import { baseLayout, SERIES_COLORS } from './baseLayout';
import { round3 } from './barFigure';

/** One bar of `probabilityFigure`: a probability estimated from draws, with its interval. */
export interface ProbabilityBar {
  /** Category label, e.g. `finding-4`. */
  label: string;
  /** The estimate, 0 to 1. */
  probability: number;
  /** Lower end of its interval. */
  low: number;
  /** Upper end of its interval. */
  high: number;
  /** Draws behind it, shown on hover. */
  runs: number;
  /** What a uniform hash predicts, drawn as a marker when given. */
  expected?: number;
}

/** Options of `probabilityFigure`. */
export interface ProbabilityFigureOptions {
  title: string;
  /** One bar per probability. */
  bars: ProbabilityBar[];
  /** Y axis title. Default `probability`. */
  yTitle?: string;
  /** Height in pixels. Default 360. */
  height?: number;
}

/**
 * Probabilities as bars with their confidence intervals as error bars (and a uniform-hash prediction as a
 * marker where one is known): how often each finding's observation appears over the draws of an ensemble.
 */
export function probabilityFigure(options: ProbabilityFigureOptions): Figure {
  const { title, bars, yTitle = 'probability', height } = options;
  const data: Figure['data'] = [
    {
      type: 'bar',
      name: 'share of draws (95 % interval)',
      x: bars.map((b) => b.label),
      y: bars.map((b) => round3(b.probability)),
      marker: { color: SERIES_COLORS[0] },
      error_y: {
        type: 'data',
        symmetric: false,
        array: bars.map((b) => round3(b.high - b.probability)),
        arrayminus: bars.map((b) => round3(b.probability - b.low)),
      },
      customdata: bars.map((b) => b.runs),
      hovertemplate: '%{x}: %{y} over %{customdata} draws<extra></extra>',
    },
  ];
  const expected = bars.filter((b) => b.expected !== undefined);
  if (expected.length > 0) {
    data.push({
      type: 'scatter',
      mode: 'markers',
      name: 'uniform hash predicts',
      x: expected.map((b) => b.label),
      y: expected.map((b) => round3(b.expected as number)),
      marker: { symbol: 'diamond', size: 10, color: SERIES_COLORS[1] },
    });
  }
  const layout = baseLayout({ title, yTitle, height });
  layout.yaxis = { title: { text: yTitle }, range: [0, 1.05], automargin: true };
  return { data, layout };
}
