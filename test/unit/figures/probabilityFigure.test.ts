import { describe, expect, it } from 'vitest';
import { histogramFigure, probabilityFigure } from '../../../lib/figures';

// The distribution figures: bars whose error bars are the Wilson interval around each estimate, and a
// histogram of a figure's values over the draws.

describe('probabilityFigure', () => {
  it('draws each probability with asymmetric error bars to its interval, and the uniform-hash marker where given', () => {
    const figure = probabilityFigure({
      title: 't',
      bars: [
        { label: 'finding-4', probability: 0.5, low: 0.45, high: 0.56, runs: 385 },
        { label: 'finding-5', probability: 0.8, low: 0.7, high: 0.9, runs: 200, expected: 0.875 },
      ],
    });
    const bars = figure.data[0] as Record<string, any>;
    expect(bars.type).toBe('bar');
    expect(bars.y).toEqual([0.5, 0.8]);
    expect(bars.error_y.array).toEqual([0.06, 0.1]);
    expect(bars.error_y.arrayminus).toEqual([0.05, 0.1]);
    expect(figure.data[1]).toMatchObject({ type: 'scatter', x: ['finding-5'], y: [0.875] });
  });

  it('omits the marker trace when no bar has a prediction', () => {
    expect(probabilityFigure({ title: 't', bars: [{ label: 'a', probability: 1, low: 0.9, high: 1, runs: 40 }] }).data).toHaveLength(1);
  });
});

describe('histogramFigure', () => {
  it('normalises to the share of draws and marks reference values', () => {
    const figure = histogramFigure({ title: 't', values: [1, 2, 2], xTitle: 's', marks: [{ value: 2, label: 'lesson run' }] });
    expect(figure.data[0]).toMatchObject({ type: 'histogram', histnorm: 'probability', x: [1, 2, 2] });
    expect((figure.layout.shapes as unknown[]).length).toBe(1);
  });
});
