// Page-wide helpers: the file:// notice, copy buttons on code blocks, the "On this page" menu for narrow
// screens (the side column is hidden there) and the reset of what this page stored in the browser.
import { copyButton } from './cells';
import { forgetPage, hasState } from './storage';

/** The notice shown when the site is opened from files: workers and the search index need a server. */
export const FILE_NOTICE = 'This page was opened as a file, so its charts, controls, code cells and search cannot run: browsers do not let pages opened from files start workers or load data. In the course folder, run `npm start` and open http://localhost:4321/ instead.';

function fileNotice(): void {
  const p = document.createElement('p');
  p.className = 'tl-file-notice';
  p.setAttribute('role', 'alert');
  const [before, command, after] = FILE_NOTICE.split('`');
  const code = document.createElement('code');
  code.textContent = command;
  p.append(before, code, after);
  document.querySelector('main')?.prepend(p);
}

function codeCopyButtons(): void {
  document.querySelectorAll<HTMLElement>('.tl-code').forEach((block) => {
    const pre = block.querySelector('pre');
    if (!pre || block.querySelector('.tl-copy')) return;
    block.append(copyButton(() => pre.textContent ?? '', 'Copy this code'));
  });
}

function phoneToc(): void {
  const toc = document.querySelector('.tl-toc ol');
  const head = document.querySelector('.tl-article-head');
  if (!toc || !head) return;
  const details = document.createElement('details');
  details.className = 'tl-toc-mobile';
  const summary = document.createElement('summary');
  summary.textContent = 'On this page';
  const nav = document.createElement('nav');
  nav.setAttribute('aria-label', 'On this page');
  nav.append(toc.cloneNode(true));
  details.append(summary, nav);
  nav.addEventListener('click', (e) => { if ((e.target as HTMLElement).closest('a')) details.open = false; });
  head.after(details);
}

function resetBar(): void {
  const head = document.querySelector('.tl-article-head');
  if (!head || !document.querySelector('.tl-cell, form.tl-answer')) return;
  const bar = document.createElement('p');
  bar.className = 'tl-saved-bar';
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'tl-button tl-secondary tl-reset-page';
  b.textContent = 'Reset this page';
  b.addEventListener('click', () => { forgetPage(); location.reload(); });
  bar.append('Your edits and answers on this page are kept in this browser. ', b);
  const sync = () => { bar.hidden = !hasState(); };
  sync();
  document.addEventListener('tl-saved', sync);
  head.after(bar);
}

/** Sets up the page; returns false when the islands cannot run (opened from a file). */
export function initPage(): boolean {
  codeCopyButtons();
  phoneToc();
  if (location.protocol === 'file:') {
    fileNotice();
    return false;
  }
  resetBar();
  return true;
}
