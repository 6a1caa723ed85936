/**
 * A Plotly figure as plain data: the `{ data, layout }` pair that `Plotly.newPlot` takes. The library
 * builds these; notebooks and the site only render them, so a chart is the same everywhere.
 */
export interface Figure {
  /** Plotly traces (scatter, bar, heatmap ...), as plain JSON. */
  data: PlotlyTrace[];
  /** Plotly layout, as plain JSON. */
  layout: Record<string, unknown>;
}

/** One Plotly trace. Kept loose on purpose: the library only emits JSON that Plotly accepts. */
export interface PlotlyTrace {
  /** Trace type: `scatter`, `bar`, `heatmap` ... */
  type: string;
  [key: string]: unknown;
}
