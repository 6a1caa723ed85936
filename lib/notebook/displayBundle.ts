import { nodeRequire } from './nodeRequire';

/** One Jupyter output in several representations, keyed by MIME type. The front end picks the richest
 * one it can render (for example `application/vnd.plotly.v1+json`, else `text/html`, else `text/plain`). */
export type MimeBundle = Record<string, string | object>;

/** The part of tslab's internals `displayBundle` uses: the function that publishes a `display_data`
 * message for the cell being run. tslab's public `display` sends one MIME type per output only. */
interface TslabJupyter {
  lastWriteDisplayData: ((data: { data: MimeBundle; metadata: object; transient: object }, update: boolean) => void) | null;
}

/** tslab's public display API (`import { display } from 'tslab'`). */
interface TslabPublic {
  display: { raw(contentType: string, content: string): void };
}

/**
 * Displays a MIME bundle as one output of the running tslab cell.
 *
 * It publishes all representations in one `display_data` message through tslab's message writer
 * (`tslab/dist/jupyter`, loaded lazily so the library still loads outside tslab). If that internal
 * hook is missing (another tslab version), it falls back to tslab's public `display.raw` with the
 * richest text representation. Outside tslab (plain Node) it prints the `text/plain` part.
 */
export function displayBundle(bundle: MimeBundle): void {
  let jupyter: TslabJupyter | undefined;
  try {
    jupyter = nodeRequire<TslabJupyter>('tslab/dist/jupyter');
  } catch {
    jupyter = undefined;
  }
  if (jupyter && typeof jupyter.lastWriteDisplayData === 'function') {
    jupyter.lastWriteDisplayData({ data: bundle, metadata: {}, transient: {} }, false);
    return;
  }
  if (jupyter) {
    // tslab is there but not running a kernel (for example a script that imports the library).
    console.log(plainText(bundle));
    return;
  }
  let tslab: TslabPublic | undefined;
  try {
    tslab = nodeRequire<TslabPublic>('tslab');
  } catch {
    tslab = undefined;
  }
  const richest = ['text/html', 'text/markdown'].find((type) => typeof bundle[type] === 'string');
  if (tslab && richest) {
    try {
      tslab.display.raw(richest, bundle[richest] as string);
      return;
    } catch {
      // "Not ready": not inside a running kernel.
    }
  }
  console.log(plainText(bundle));
}

function plainText(bundle: MimeBundle): string {
  const text = bundle['text/plain'];
  return typeof text === 'string' ? text : JSON.stringify(text);
}
