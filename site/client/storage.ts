// What a reader typed, kept per page in localStorage: the code of each edited cell and each answer box.
// One key per page (`teaming-lab:v1:/03-stream-hashing/`), so "Reset this page" forgets exactly that page.
// Storage that is full, disabled or blocked simply keeps nothing: the page works the same without it.

export interface PageState { cells: Record<string, string>; answers: Record<string, string> }

const key = () => `teaming-lab:v1:${location.pathname}`;

export function loadState(): PageState {
  try {
    const raw = JSON.parse(localStorage.getItem(key()) ?? '{}') as Partial<PageState>;
    const strings = (o: unknown) => Object.fromEntries(Object.entries(typeof o === 'object' && o ? o : {}).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
    return { cells: strings(raw.cells), answers: strings(raw.answers) };
  } catch {
    return { cells: {}, answers: {} };
  }
}

function save(state: PageState): void {
  try {
    if (!Object.keys(state.cells).length && !Object.keys(state.answers).length) localStorage.removeItem(key());
    else localStorage.setItem(key(), JSON.stringify(state));
  } catch { /* keep nothing */ }
  document.dispatchEvent(new CustomEvent('tl-saved'));
}

/** Stores (or, with `null`, forgets) one value: `kind` 'cells' by cell number, 'answers' by exercise id. */
export function remember(kind: keyof PageState, id: string, value: string | null): void {
  const state = loadState();
  if (value === null) delete state[kind][id];
  else state[kind][id] = value;
  save(state);
}

/** Forgets everything stored for this page. */
export function forgetPage(): void {
  try { localStorage.removeItem(key()); } catch { /* nothing stored */ }
  document.dispatchEvent(new CustomEvent('tl-saved'));
}

/** True when this page has stored edits or answers. */
export function hasState(): boolean {
  const s = loadState();
  return Object.keys(s.cells).length + Object.keys(s.answers).length > 0;
}
