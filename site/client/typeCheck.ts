// Page side of the type checker: one shared worker (assets/ts-worker.js, the TypeScript compiler) created on
// the first request, so pages whose cells are never edited or run never load it.
import { assetUrl } from './assets';
import type { CellDiagnostic, CheckReply } from './tsWorker';

export type Diagnostic = CellDiagnostic;

let worker: Worker | null = null;
let ids = 0;
const waiting = new Map<number, (r: CheckReply) => void>();

/** Type-checks one cell's code against the standard library and teaming-lab's declarations. */
export function typeCheck(code: string): Promise<{ diagnostics: Diagnostic[] } | { error: string }> {
  if (!worker) {
    worker = new Worker(assetUrl('ts-worker.js'));
    worker.onmessage = (e: MessageEvent<CheckReply>) => { waiting.get(e.data.id)?.(e.data); waiting.delete(e.data.id); };
    worker.onerror = (e) => {
      e.preventDefault();
      for (const [id, done] of waiting) done({ id, error: e.message || 'the type checker could not start' });
      waiting.clear();
      worker = null;
    };
  }
  const id = ++ids;
  return new Promise((resolve) => {
    waiting.set(id, (r) => resolve('error' in r ? { error: r.error } : { diagnostics: r.diagnostics }));
    worker!.postMessage({ id, code, libsUrl: assetUrl('ts-libs.json') });
  });
}
