// Web Worker that type-checks a cell with the TypeScript compiler (the `typescript` package, bundled into
// assets/ts-worker.js and loaded only when a reader first edits or runs a cell). The standard library and
// teaming-lab's declarations come from assets/ts-libs.json, written at build time. Only the cell's own
// diagnostics are reported, with 1-based lines and columns.
import ts from 'typescript';

/** Page → worker. */
export interface CheckRequest { id: number; code: string; libsUrl: string }
/** One diagnostic of the cell. */
export interface CellDiagnostic { line: number; column: number; length: number; message: string; severity: 'error' | 'warning'; code: number }
/** Worker → page. */
export type CheckReply = { id: number; diagnostics: CellDiagnostic[]; ms: number } | { id: number; error: string };

/** The files of ts-libs.json: `lib` (standard library, by file name) and `teaming-lab` (by path). */
interface Libs { lib: Record<string, string>; libNames: string[]; library: Record<string, string> }

const CELL = '/cell.ts';
const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10,
  strict: true, noEmit: true, esModuleInterop: true, skipLibCheck: true, isolatedModules: false, types: [],
  baseUrl: '/', paths: { 'teaming-lab': ['/node_modules/teaming-lab/index.d.ts'] },
};

let service: ts.LanguageService | null = null;
let cellText = '';
let version = 0;

async function ready(libsUrl: string): Promise<ts.LanguageService> {
  if (service) return service;
  const res = await fetch(libsUrl);
  if (!res.ok) throw new Error(`could not load the type definitions (${res.status})`);
  const libs = (await res.json()) as Libs;
  const files = new Map<string, string>();
  for (const [name, text] of Object.entries(libs.lib)) files.set(`/lib/${name}`, text);
  for (const [rel, text] of Object.entries(libs.library)) files.set(`/node_modules/teaming-lab/${rel}`, text);
  const snapshots = new Map<string, ts.IScriptSnapshot>();
  const host: ts.LanguageServiceHost = {
    getCompilationSettings: () => ({ ...OPTIONS, lib: libs.libNames }),
    getScriptFileNames: () => [CELL],
    getScriptVersion: (f) => (f === CELL ? String(version) : '1'),
    getScriptSnapshot: (f) => {
      if (f === CELL) return ts.ScriptSnapshot.fromString(cellText);
      const text = files.get(f);
      if (text === undefined) return undefined;
      let s = snapshots.get(f);
      if (!s) snapshots.set(f, (s = ts.ScriptSnapshot.fromString(text)));
      return s;
    },
    getCurrentDirectory: () => '/',
    getDefaultLibFileName: () => '/lib/lib.d.ts',
    fileExists: (f) => f === CELL || files.has(f),
    readFile: (f) => (f === CELL ? cellText : files.get(f)),
    directoryExists: (d) => d === '/' || [...files.keys()].some((k) => k.startsWith(d.endsWith('/') ? d : `${d}/`)),
    getDirectories: () => [],
  };
  service = ts.createLanguageService(host, ts.createDocumentRegistry());
  return service;
}

function check(code: string, ls: ts.LanguageService): CellDiagnostic[] {
  cellText = code;
  version += 1;
  const all = [...ls.getSyntacticDiagnostics(CELL), ...ls.getSemanticDiagnostics(CELL)];
  const file = ls.getProgram()?.getSourceFile(CELL);
  return all.filter((d) => d.file?.fileName === CELL && d.start !== undefined).map((d) => {
    const pos = file ? file.getLineAndCharacterOfPosition(d.start!) : { line: 0, character: 0 };
    return {
      line: pos.line + 1, column: pos.character + 1, length: d.length ?? 1, code: d.code,
      message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
      severity: d.category === ts.DiagnosticCategory.Error ? 'error' : 'warning',
    };
  });
}

self.onmessage = async (event: MessageEvent<CheckRequest>) => {
  const { id, code, libsUrl } = event.data;
  const post = (m: CheckReply) => (self as unknown as { postMessage(m: unknown): void }).postMessage(m);
  try {
    const t0 = performance.now();
    const ls = await ready(libsUrl);
    post({ id, diagnostics: check(code, ls), ms: performance.now() - t0 });
  } catch (e) {
    post({ id, error: (e as Error).message ?? String(e) });
  }
};
