import type { Figure } from '../Figure';
import { displayBundle } from './displayBundle';
import type { MimeBundle } from './displayBundle';
import { FIGURE_CONFIG, figureHtml } from './figureHtml';

/** MIME type of Plotly's JSON output, rendered by JupyterLab's Plotly extension and VS Code's
 * Jupyter renderers without any script in the output. */
export const PLOTLY_MIME_TYPE = 'application/vnd.plotly.v1+json';

/**
 * The MIME bundle `show` displays for a figure: Plotly JSON (JupyterLab with the Plotly extension,
 * VS Code), self-contained HTML with plotly.js inlined (classic Notebook, JupyterLab without the
 * extension, nbconvert HTML), and a plain-text line for everything else.
 */
export function figureBundle(figure: Figure, options: { includePlotly?: boolean } = {}): MimeBundle {
  return {
    [PLOTLY_MIME_TYPE]: { data: figure.data, layout: figure.layout, config: FIGURE_CONFIG },
    'text/html': figureHtml(figure, { includePlotly: options.includePlotly ?? true }),
    'text/plain': `Figure: ${figureTitle(figure)} (a Plotly chart; open the notebook in Jupyter to see it)`,
  };
}

/** Whether this kernel already showed a figure carrying plotly.js. */
let plotlyShown = false;

/**
 * Shows a library figure as the output of the running notebook cell. plotly.js travels once per kernel
 * session, in the first figure shown; later figures use it from the page (and wait for it while a saved
 * notebook is loading), so an executed notebook carries one copy, not one per chart.
 */
export function show(figure: Figure): void {
  displayBundle(figureBundle(figure, { includePlotly: !plotlyShown }));
  plotlyShown = true;
}

function figureTitle(figure: Figure): string {
  const title = figure.layout.title;
  if (typeof title === 'string') return title;
  if (typeof title === 'object' && title !== null && typeof (title as { text?: unknown }).text === 'string') {
    return (title as { text: string }).text;
  }
  return 'untitled';
}
