// Runnable cells. Each shows its code in an editor (CodeMirror with TypeScript highlighting, loaded after
// first paint), the output computed at build time (until the reader runs it), and Run, Stop, Reset and Copy.
// Shift+Enter or Ctrl/Cmd+Enter runs. Edited code is kept per page in localStorage.
//
// Every run gets a fresh Web Worker, terminated when the run ends, when the reader presses Stop, or after
// CELL_TIME_LIMIT_MS, so an endless loop never freezes the page and nothing a cell does outlives its run.
// Output arrives in batches and is drawn a frame's worth at a time; the worker stops sending past
// OUTPUT_LIMITS ("output truncated"), and the page stops a worker that sends more than it may anyway.
// Type errors are reported under the editor by the TypeScript compiler in its own worker (typeCheck.ts).
import { assetUrl, loadScript } from './assets';
import { CELL_TIME_LIMIT_MS, OUTPUT_LIMITS, type OutputItem, type RunMessage } from './cellProtocol';
import type { CellEditor, EditorOptions } from './editor';
import { drawFigure } from './plotTheme';
import { loadState, remember } from './storage';
import { type Diagnostic, typeCheck } from './typeCheck';

function button(label: string, cls: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = cls;
  b.textContent = label;
  return b;
}

/** A textarea stand-in when editor.js cannot load: Tab indents (Escape, then Tab, leaves), it grows with
 * its content, Shift/Ctrl/Cmd+Enter runs. */
function textareaEditor(parent: HTMLElement, o: EditorOptions): CellEditor {
  const ta = document.createElement('textarea');
  ta.className = 'tl-editor';
  ta.value = o.code;
  ta.spellcheck = false;
  ta.setAttribute('autocapitalize', 'off');
  ta.setAttribute('autocomplete', 'off');
  ta.setAttribute('aria-label', o.label);
  ta.setAttribute('aria-describedby', 'tl-editor-help');
  let escaped = false;
  const fit = () => { ta.rows = Math.max(3, ta.value.split('\n').length + 1); };
  ta.addEventListener('input', () => { fit(); o.onChange(ta.value); });
  ta.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') { escaped = true; return; }
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey || e.shiftKey)) { e.preventDefault(); o.onRun(); return; }
    if (e.key === 'Tab' && !escaped && !e.shiftKey) {
      e.preventDefault();
      ta.setRangeText('  ', ta.selectionStart, ta.selectionEnd, 'end');
      fit();
    }
    escaped = false;
  });
  fit();
  parent.append(ta);
  return { value: () => ta.value, set: (c) => { ta.value = c; fit(); }, focus: () => ta.focus(), dom: ta, diagnose: () => {} };
}

let editorModule: Promise<{ createEditor(parent: HTMLElement, o: EditorOptions): CellEditor } | null> | null = null;
/** After the page's load event, so the editor never delays it. */
const afterLoad = () => new Promise<void>((resolve) => {
  if (document.readyState === 'complete') resolve(); else window.addEventListener('load', () => resolve(), { once: true });
});
/** editor.js (CodeMirror), loaded once after the page loaded; null when it cannot load (the textarea is used then). */
function loadEditor() {
  editorModule ??= afterLoad().then(() => loadScript('editor.js'))
    .then(() => (window as unknown as { TeamingLabEditor: { createEditor(parent: HTMLElement, o: EditorOptions): CellEditor } }).TeamingLabEditor)
    .catch(() => null);
  return editorModule;
}

let spare: Worker | null = null;
/** A fresh worker for one run: the spare one (its library already loaded) when there is one. */
function freshWorker(): Worker {
  const w = spare ?? new Worker(assetUrl('cell-worker.js'));
  spare = null;
  return w;
}
/** Starts a spare worker that loads the library now, so the next Run starts at once. */
function prepareSpare(): void {
  if (spare) return;
  spare = new Worker(assetUrl('cell-worker.js'));
  spare.postMessage({ type: 'prepare', labUrl: assetUrl('teaming-lab.js') });
}

/** Draws queued output a frame's worth at a time, so a flood of lines never blocks the page. */
type Queued = OutputItem | { kind: 'note'; cls: string; text: string } | { kind: 'end'; then(): void };

class OutputView {
  private queue: Queued[] = [];
  private scheduled = 0;
  private fallback = 0;
  private last: { level: string; pre: HTMLPreElement } | null = null;
  constructor(private el: HTMLElement, private onFigureError: (m: string) => void) {}

  push(items: Queued[]): void {
    this.queue.push(...items);
    this.schedule();
  }

  /** Next frame, or in 100 ms when frames do not come (a hidden tab). */
  private schedule(): void {
    if (this.scheduled) return;
    const go = () => { cancelAnimationFrame(this.scheduled); clearTimeout(this.fallback); this.scheduled = 0; this.drain(); };
    this.scheduled = requestAnimationFrame(go);
    this.fallback = window.setTimeout(go, 100);
  }

  private unschedule(): void {
    cancelAnimationFrame(this.scheduled);
    clearTimeout(this.fallback);
    this.scheduled = 0;
  }

  /** Drops what is queued and what is shown. */
  clear(): void {
    this.queue = [];
    this.unschedule();
    this.last = null;
    this.el.replaceChildren();
  }

  /** Drops what is queued, keeps what is shown. */
  discardQueued(): void {
    this.queue = [];
    this.unschedule();
  }

  /** Calls `then` once everything queued before it is drawn. */
  end(then: () => void): void {
    this.push([{ kind: 'end', then }]);
  }

  /** Appends a note (status, error) after the output, once the queue is drawn. */
  note(text: string, cls: string): void {
    this.push([{ kind: 'note', cls, text }]);
  }

  private drain(): void {
    const t0 = performance.now();
    let lines = 0;
    const texts = new Map<HTMLPreElement, string[]>();
    while (this.queue.length && lines < 500 && performance.now() - t0 < 8) {
      const item = this.queue.shift()!;
      if (item.kind === 'end') {
        item.then();
      } else if (item.kind === 'note') {
        const p = document.createElement('p');
        p.className = item.cls;
        p.textContent = item.text;
        this.el.append(p);
        this.last = null;
      } else if (item.kind === 'text') {
        if (this.last?.level !== item.level) {
          const pre = document.createElement('pre');
          pre.className = `tl-out tl-out-${item.level}`;
          this.el.append(pre);
          this.last = { level: item.level, pre };
        }
        const list = texts.get(this.last.pre) ?? [];
        list.push(item.text);
        texts.set(this.last.pre, list);
        lines += 1;
      } else if (item.kind === 'table') {
        this.el.append(renderTable(item));
        this.last = null;
        lines += item.rows.length;
      } else {
        const div = document.createElement('div');
        div.className = 'tl-plot tl-cell-plot';
        this.el.append(div);
        this.last = null;
        drawFigure(div, item.figure as never).then(() => { div.dataset.state = 'drawn'; })
          .catch((err: Error) => this.onFigureError(`The chart could not be drawn: ${err.message}`));
      }
    }
    for (const [pre, list] of texts) pre.append(`${pre.textContent ? '\n' : ''}${list.join('\n')}`);
    if (this.queue.length) this.schedule();
  }

  get pending(): number { return this.queue.length; }
}

function renderTable(t: Extract<OutputItem, { kind: 'table' }>): HTMLElement {
  const wrap = document.createElement('div');
  // Same markup as the build-time output (site/builder/components.ts): a focusable, labelled scroll region.
  wrap.className = 'tl-table-wrap tl-out-table-wrap';
  wrap.tabIndex = 0;
  wrap.setAttribute('role', 'region');
  wrap.setAttribute('aria-label', 'Table the cell printed');
  const table = document.createElement('table');
  table.className = 'tl-out-table';
  const head = table.createTHead().insertRow();
  for (const c of ['(index)', ...t.columns]) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = c;
    head.append(th);
  }
  const body = table.createTBody();
  for (const r of t.rows) {
    const tr = body.insertRow();
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = r.index;
    tr.append(th);
    for (const c of r.cells) tr.insertCell().textContent = c;
  }
  wrap.append(table);
  return wrap;
}

/** Copies text to the clipboard; resolves false when the browser refuses. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const ta = document.createElement('textarea');
    ta.value = text;
    ta.style.position = 'fixed';
    ta.style.opacity = '0';
    document.body.append(ta);
    ta.select();
    const ok = document.execCommand('copy');
    ta.remove();
    return ok;
  }
}

/** A Copy button that says "Copied" for a moment. */
export function copyButton(text: () => string, label: string): HTMLButtonElement {
  const b = button('Copy', 'tl-button tl-secondary tl-copy');
  b.setAttribute('aria-label', label);
  b.addEventListener('click', async () => {
    const ok = await copyText(text());
    b.textContent = ok ? 'Copied' : 'Copy failed';
    setTimeout(() => { b.textContent = 'Copy'; }, 1500);
  });
  return b;
}

function describeDiagnostics(list: Diagnostic[]): string {
  return list.map((d) => `Line ${d.line}, column ${d.column}: ${d.message}`).join('\n');
}

let figureObserver: IntersectionObserver | null = null;
/** Build-time figures of a cell (`div.tl-cell-plot` holding `script.tl-cell-figure-json`), drawn when they
 * come near the viewport, like the lesson figures. */
function drawPrerenderedFigures(container: HTMLElement): void {
  const plots = container.querySelectorAll<HTMLElement>('.tl-cell-plot');
  if (!plots.length) return;
  figureObserver ??= new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      const plot = entry.target as HTMLElement;
      figureObserver?.unobserve(plot);
      const json = plot.querySelector('script.tl-cell-figure-json');
      if (!json) continue;
      plot.dataset.state = 'loading';
      drawFigure(plot, JSON.parse(json.textContent ?? '{}')).then(() => { plot.dataset.state = 'drawn'; })
        .catch(() => { plot.dataset.state = 'static'; });
    }
  }, { rootMargin: '300px 0px' });
  plots.forEach((p) => figureObserver!.observe(p));
}

function setupCell(cell: HTMLElement) {
  const pre = cell.querySelector<HTMLElement>('.tl-cell-source');
  const bar = cell.querySelector<HTMLElement>('.tl-cell-bar');
  if (!pre || !bar) return;
  const n = cell.dataset.cell ?? cell.id;
  const source = pre.textContent ?? '';
  const label = `Code of ${cell.querySelector('.tl-cell-label')?.textContent ?? 'cell'}`;
  // The build-time output (shown until the reader runs the cell) and the live output.
  const prerendered = cell.querySelector<HTMLElement>('[data-prerendered]');
  if (prerendered) drawPrerenderedFigures(prerendered);
  let output = cell.querySelector<HTMLElement>('.tl-cell-output:not([data-prerendered])');
  if (!output) {
    output = document.createElement('div');
    output.className = 'tl-cell-output';
    (prerendered ?? pre).after(output);
  }
  output.removeAttribute('aria-live'); // the status line below speaks; a flood of lines must not
  const status = document.createElement('p');
  status.className = 'tl-cell-status tl-visually-hidden';
  status.setAttribute('role', 'status');
  output.after(status);
  const diagnostics = document.createElement('pre');
  diagnostics.className = 'tl-cell-diagnostics';
  diagnostics.hidden = true;
  const holder = document.createElement('div');
  holder.className = 'tl-editor-holder';
  pre.after(holder);
  holder.after(diagnostics);

  const runButton = button('Run', 'tl-button tl-run');
  runButton.title = 'Run (Shift+Enter)';
  const stopButton = button('Stop', 'tl-button tl-secondary tl-stop');
  stopButton.hidden = true;
  const resetButton = button('Reset', 'tl-button tl-secondary tl-reset');
  resetButton.title = 'Put back the original code and its output';
  let editor: CellEditor | null = null;
  const code = () => editor?.value() ?? source;
  bar.append(runButton, stopButton, resetButton, copyButton(code, `Copy the code of ${cell.querySelector('.tl-cell-label')?.textContent ?? 'the cell'}`));

  let worker: Worker | null = null;
  let run = 0;
  let timer = 0;
  let received = { lines: 0, bytes: 0 };
  let truncation: 'none' | 'started' | 'told' = 'none';
  const view: OutputView = new OutputView(output, (m) => view.note(m, 'tl-out tl-out-error'));

  let active = false; // a run is in progress (its worker alive)
  const finish = (state: string, note?: string, cls = 'tl-out-done') => {
    if (!active) return;
    active = false;
    clearTimeout(timer);
    if (truncation === 'started') {
      view.note(`Output truncated: the cell printed more than a cell shows (${OUTPUT_LIMITS.lines.toLocaleString('en-US')} lines or ${(OUTPUT_LIMITS.bytes / 1000).toLocaleString('en-US')} kB of text); the rest was not shown.`, 'tl-out tl-out-truncated');
    }
    if (note) view.note(note, cls);
    worker?.terminate();
    worker = null;
    stopButton.hidden = true;
    runButton.textContent = 'Finishing…';
    // The state changes once the output before it is drawn, so "done" means "all of it is on the page".
    window.setTimeout(prepareSpare, 300);
    view.end(() => {
      status.textContent = note ?? '';
      cell.dataset.state = state;
      runButton.disabled = false;
      runButton.textContent = 'Run';
    });
  };

  // Type check as the reader edits (debounced); the checker loads on the first edit or run.
  let checkTimer = 0;
  const check = async () => {
    const text = code();
    const result = await typeCheck(text);
    if (text !== code()) return; // edited meanwhile
    if ('error' in result) { diagnostics.hidden = false; diagnostics.className = 'tl-cell-diagnostics tl-diag-unavailable'; diagnostics.textContent = `Type check unavailable: ${result.error}`; return; }
    editor?.diagnose(result.diagnostics);
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    diagnostics.hidden = errors.length === 0;
    diagnostics.className = 'tl-cell-diagnostics';
    diagnostics.textContent = errors.length ? `Type ${errors.length === 1 ? 'error' : 'errors'}:\n${describeDiagnostics(errors)}` : '';
    cell.dataset.typecheck = errors.length ? 'errors' : 'clean';
  };
  const scheduleCheck = () => { clearTimeout(checkTimer); checkTimer = window.setTimeout(() => void check(), 500); };

  const onMessage = (e: MessageEvent<RunMessage>) => {
    const m = e.data;
    if (!active || !m || m.run !== run) return;
    if (m.type === 'started') {
      clearTimeout(timer);
      timer = window.setTimeout(() => {
        view.discardQueued();
        finish('stopped', `Stopped: the cell was still running after ${CELL_TIME_LIMIT_MS / 1000} s (an endless loop?), so it was terminated. Edit the code and run it again.`, 'tl-out tl-out-error tl-out-timeout');
      }, CELL_TIME_LIMIT_MS);
    } else if (m.type === 'output') {
      if (!Array.isArray(m.items)) return;
      for (const item of m.items) {
        received.lines += item.kind === 'text' ? 1 : item.kind === 'table' ? item.rows.length : 1;
        received.bytes += item.kind === 'text' ? String(item.text).length : 0;
      }
      if (received.lines > 2 * OUTPUT_LIMITS.lines || received.bytes > 2 * OUTPUT_LIMITS.bytes) {
        view.discardQueued();
        finish('stopped', 'Stopped: the cell sent more output than a cell may show.', 'tl-out tl-out-error tl-out-truncated');
        return;
      }
      view.push(m.items.filter((i) => i && (i.kind === 'text' ? typeof i.text === 'string' : i.kind === 'table' || i.kind === 'figure')));
    } else if (m.type === 'truncated') {
      if (!m.final) { truncation = 'started'; return; }
      truncation = 'told';
      view.note(`Output truncated: ${Number(m.lines).toLocaleString('en-US')} more line(s) and ${Number(m.bytes).toLocaleString('en-US')} more character(s) were not shown (a cell shows at most ${OUTPUT_LIMITS.lines.toLocaleString('en-US')} lines and ${(OUTPUT_LIMITS.bytes / 1000).toLocaleString('en-US')} kB of text).`, 'tl-out tl-out-truncated');
    } else if (m.type === 'error') {
      finish('error', String(m.message), 'tl-out tl-out-error');
    } else if (m.type === 'done') {
      finish('done', `Finished in ${m.ms < 1000 ? `${Math.round(m.ms)} ms` : `${(m.ms / 1000).toFixed(1)} s`}.`);
    }
  };

  const start = () => {
    if (active || cell.dataset.state === 'running') return;
    active = true;
    if (prerendered) prerendered.hidden = true;
    view.clear();
    received = { lines: 0, bytes: 0 };
    truncation = 'none';
    cell.dataset.state = 'running';
    status.textContent = 'Running…';
    runButton.disabled = true;
    runButton.textContent = 'Running…';
    stopButton.hidden = false;
    run += 1;
    worker = freshWorker();
    worker.onmessage = onMessage;
    worker.onerror = (e) => { e.preventDefault(); finish('error', `The cell could not start: ${e.message}`, 'tl-out tl-out-error'); };
    worker.postMessage({ type: 'run', run, code: code(), labUrl: assetUrl('teaming-lab.js') });
    // Until the code starts (the library loading), a generous limit; CELL_TIME_LIMIT_MS runs from 'started'.
    timer = window.setTimeout(() => finish('error', 'The cell could not start within 30 s: reload the page and try again.', 'tl-out tl-out-error'), 30_000);
    void check();
  };

  stopButton.addEventListener('click', () => {
    if (!active) return;
    view.discardQueued();
    finish('stopped', 'Stopped by you.', 'tl-out tl-out-error tl-out-stopped');
  });
  runButton.addEventListener('click', start);
  // A reader about to run a cell: have a worker with the library loaded ready.
  runButton.addEventListener('pointerenter', prepareSpare);
  cell.addEventListener('focusin', prepareSpare, { once: true });
  resetButton.addEventListener('click', () => {
    finish('reset');
    runButton.disabled = false;
    runButton.textContent = 'Run';
    editor?.set(source);
    remember('cells', n, null);
    view.clear();
    status.textContent = '';
    delete cell.dataset.state;
    diagnostics.hidden = true;
    editor?.diagnose([]);
    if (prerendered) prerendered.hidden = false;
  });

  const stored = loadState().cells[n];
  const options: EditorOptions = {
    code: stored ?? source, label, onRun: start,
    onChange: (text) => { remember('cells', n, text === source ? null : text); scheduleCheck(); },
  };
  void loadEditor().then((module) => {
    editor = module ? module.createEditor(holder, options) : textareaEditor(holder, options);
    pre.hidden = true;
    pre.classList.add('tl-print-only');
    cell.dataset.editor = module ? 'codemirror' : 'textarea';
    if (stored !== undefined && stored !== source) cell.dataset.edited = 'true';
  });
}

export function initCells(): void {
  const cells = document.querySelectorAll<HTMLElement>('.tl-cell');
  if (!cells.length) return;
  const help = document.createElement('p');
  help.id = 'tl-editor-help';
  help.hidden = true;
  help.textContent = 'Shift+Enter or Ctrl+Enter runs the cell. Tab indents; press Escape, then Tab, to leave the editor.';
  document.body.append(help);
  cells.forEach(setupCell);
}
