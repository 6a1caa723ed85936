// Runnable cells: an editable code area with Run and Reset. Each cell runs in its own Web Worker; a cell
// still running after CELL_TIME_LIMIT_MS is stopped with worker.terminate(), so the page never freezes.
import { assetUrl } from './assets';
import { CELL_TIME_LIMIT_MS, type RunMessage } from './cellProtocol';
import { drawFigure } from './plotTheme';

function button(label: string, cls: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = cls;
  b.textContent = label;
  return b;
}

/** A textarea that behaves a little like a code editor: Tab indents (Escape, then Tab, leaves), it grows
 * with its content, Ctrl/Cmd+Enter runs. */
function makeEditor(source: string, label: string, onRun: () => void): HTMLTextAreaElement {
  const ta = document.createElement('textarea');
  ta.className = 'tl-editor';
  ta.value = source;
  ta.spellcheck = false;
  ta.setAttribute('autocapitalize', 'off');
  ta.setAttribute('autocomplete', 'off');
  ta.setAttribute('aria-label', label);
  ta.setAttribute('aria-describedby', 'tl-editor-help');
  let escaped = false;
  const fit = () => { ta.rows = Math.max(3, ta.value.split('\n').length + 1); };
  ta.addEventListener('input', fit);
  ta.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') { escaped = true; return; }
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); onRun(); return; }
    if (e.key === 'Tab' && !escaped && !e.shiftKey) {
      e.preventDefault();
      ta.setRangeText('  ', ta.selectionStart, ta.selectionEnd, 'end');
      fit();
    }
    escaped = false;
  });
  fit();
  return ta;
}

function setupCell(cell: HTMLElement) {
  const pre = cell.querySelector<HTMLElement>('.tl-cell-source');
  const output = cell.querySelector<HTMLElement>('.tl-cell-output');
  const bar = cell.querySelector<HTMLElement>('.tl-cell-bar');
  if (!pre || !output || !bar) return;
  const source = pre.textContent ?? '';
  const label = `Code of ${cell.querySelector('.tl-cell-label')?.textContent ?? 'cell'}`;
  let worker: Worker | null = null;
  let run = 0;
  let timer = 0;

  const runButton = button('Run', 'tl-button tl-run');
  const resetButton = button('Reset', 'tl-button tl-secondary tl-reset');
  const editor = makeEditor(source, label, () => start());
  pre.hidden = true;
  pre.classList.add('tl-print-only');
  pre.after(editor);
  bar.append(runButton, resetButton);

  const line = (text: string, cls: string) => {
    const p = document.createElement('pre');
    p.className = cls;
    p.textContent = text;
    output.append(p);
  };
  const finish = (state: string) => {
    clearTimeout(timer);
    cell.dataset.state = state;
    runButton.disabled = false;
    runButton.textContent = 'Run';
  };

  const onMessage = (e: MessageEvent<RunMessage>) => {
    const m = e.data;
    if (m.run !== run) return;
    if (m.type === 'log') line(m.text, `tl-out tl-out-${m.level}`);
    else if (m.type === 'figure') {
      const div = document.createElement('div');
      div.className = 'tl-plot tl-cell-plot';
      output.append(div);
      drawFigure(div, m.figure as never).then(() => { div.dataset.state = 'drawn'; })
        .catch((err: Error) => line(`The chart could not be drawn: ${err.message}`, 'tl-out tl-out-error'));
    } else if (m.type === 'error') {
      line(m.message, 'tl-out tl-out-error');
      finish('error');
    } else {
      const done = document.createElement('p');
      done.className = 'tl-out-done';
      done.textContent = `Finished in ${m.ms < 1000 ? `${Math.round(m.ms)} ms` : `${(m.ms / 1000).toFixed(1)} s`}.`;
      output.append(done);
      finish('done');
    }
  };

  const start = () => {
    if (cell.dataset.state === 'running') return;
    output.replaceChildren();
    cell.dataset.state = 'running';
    runButton.disabled = true;
    runButton.textContent = 'Running…';
    if (!worker) {
      worker = new Worker(assetUrl('cell-worker.js'));
      worker.onmessage = onMessage;
      worker.onerror = (e) => { e.preventDefault(); line(`The cell could not start: ${e.message}`, 'tl-out tl-out-error'); finish('error'); };
    }
    run += 1;
    worker.postMessage({ run, code: editor.value, labUrl: assetUrl('teaming-lab.js') });
    timer = window.setTimeout(() => {
      worker?.terminate();
      worker = null;
      line(`Stopped: the cell was still running after ${CELL_TIME_LIMIT_MS / 1000} s (an endless loop?), so it was terminated. Edit the code and run it again.`, 'tl-out tl-out-error tl-out-timeout');
      finish('stopped');
    }, CELL_TIME_LIMIT_MS);
  };

  runButton.addEventListener('click', start);
  resetButton.addEventListener('click', () => {
    if (cell.dataset.state === 'running') { worker?.terminate(); worker = null; finish('reset'); }
    editor.value = source;
    editor.dispatchEvent(new Event('input'));
    output.replaceChildren();
  });
}

export function initCells(): void {
  const cells = document.querySelectorAll<HTMLElement>('.tl-cell');
  if (!cells.length) return;
  const help = document.createElement('p');
  help.id = 'tl-editor-help';
  help.hidden = true;
  help.textContent = 'Tab indents. Press Escape, then Tab, to leave the editor. Ctrl+Enter runs the cell.';
  document.body.append(help);
  cells.forEach(setupCell);
}
