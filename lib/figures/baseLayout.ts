/** Options shared by the figure builders. */
export interface BaseLayoutOptions {
  /** Figure title. */
  title: string;
  /** X axis title. */
  xTitle?: string;
  /** Y axis title. */
  yTitle?: string;
  /** Height in pixels. Default 360. */
  height?: number;
}

/** Colours for members and series, chosen to stay distinct in light and dark themes and for common
 * colour-vision deficiencies (Okabe-Ito palette). */
export const SERIES_COLORS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];

/** The layout every library figure starts from: titled axes, a legend below the plot, transparent
 * background so the page's theme shows through, and a fixed height. */
export function baseLayout(options: BaseLayoutOptions): Record<string, unknown> {
  const { title, xTitle, yTitle, height = 360 } = options;
  return {
    title: { text: title },
    height,
    margin: { l: 64, r: 24, t: 56, b: 64 },
    paper_bgcolor: 'rgba(0,0,0,0)',
    plot_bgcolor: 'rgba(0,0,0,0)',
    legend: { orientation: 'h', y: -0.25 },
    xaxis: { title: { text: xTitle ?? '' }, automargin: true },
    yaxis: { title: { text: yTitle ?? '' }, rangemode: 'tozero', automargin: true },
  };
}
