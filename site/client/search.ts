// Search box in every page header, plus the search page. The index is fetched on first use.
import { type SearchHit, type SearchLesson, search } from './searchEngine';

let index: Promise<SearchLesson[]> | null = null;

function loadIndex(): Promise<SearchLesson[]> {
  if (!index) {
    const base = document.documentElement.dataset.base ?? '';
    index = fetch(new URL(`${base}search-index.json`, location.href)).then((r) => {
      if (!r.ok) throw new Error(`search index: HTTP ${r.status}`);
      return r.json() as Promise<{ lessons: SearchLesson[] }>;
    }).then((j) => j.lessons).catch((e) => { index = null; throw e; });
  }
  return index;
}

function hitHref(hit: SearchHit): string {
  const base = document.documentElement.dataset.base ?? '';
  return `${base}${hit.slug}/${hit.anchor ? `#${hit.anchor}` : ''}`;
}

function renderHits(list: HTMLElement, hits: SearchHit[], query: string) {
  if (!hits.length) {
    const p = document.createElement('p');
    p.className = 'tl-search-empty';
    p.textContent = `No lesson mentions “${query}”.`;
    list.replaceChildren(p);
    return;
  }
  const ul = document.createElement('ul');
  for (const hit of hits) {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = hitHref(hit);
    a.className = 'tl-hit';
    const t = document.createElement('span');
    t.className = 'tl-hit-title';
    t.textContent = hit.heading ? `${hit.title} › ${hit.heading}` : hit.title;
    const s = document.createElement('span');
    s.className = 'tl-hit-snippet';
    s.textContent = hit.snippet;
    a.append(t, s);
    li.append(a);
    ul.append(li);
  }
  list.replaceChildren(ul);
}

export function initSearch(): void {
  const input = document.querySelector<HTMLInputElement>('#tl-q');
  const results = document.querySelector<HTMLElement>('#tl-search-results');
  const page = document.querySelector<HTMLElement>('.tl-search-page-results');
  if (!input || !results) return;
  const close = () => { results.hidden = true; };
  const update = async () => {
    const q = input.value.trim();
    if (page) {
      const url = new URL(location.href);
      url.searchParams.set('q', q);
      history.replaceState(null, '', url);
    }
    if (!q) { close(); if (page) page.replaceChildren(); return; }
    try {
      const hits = search(await loadIndex(), q, page ? 30 : 8);
      if (q !== input.value.trim()) return;
      renderHits(page ?? results, hits, q);
      if (!page) results.hidden = false;
    } catch (e) {
      (page ?? results).textContent = `Search is unavailable: ${(e as Error).message}`;
    }
  };
  input.addEventListener('focus', () => { void loadIndex().catch(() => {}); });
  input.addEventListener('input', () => void update());
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') close();
    if (e.key === 'ArrowDown' && !results.hidden) { e.preventDefault(); results.querySelector<HTMLElement>('a')?.focus(); }
  });
  results.addEventListener('keydown', (e) => {
    const links = [...results.querySelectorAll<HTMLElement>('a')];
    const i = links.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'ArrowDown') { e.preventDefault(); links[Math.min(i + 1, links.length - 1)]?.focus(); }
    if (e.key === 'ArrowUp') { e.preventDefault(); (i <= 0 ? input : links[i - 1]).focus(); }
    if (e.key === 'Escape') { close(); input.focus(); }
  });
  document.addEventListener('click', (e) => { if (!(e.target as Element).closest('.tl-search')) close(); });
  if (page) {
    const q = new URLSearchParams(location.search).get('q') ?? '';
    input.value = q;
    if (q) void update();
    input.closest('form')?.addEventListener('submit', (e) => { e.preventDefault(); void update(); });
  }
}
