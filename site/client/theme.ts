// Light and dark themes: a toggle that remembers the choice, otherwise the system preference.
const KEY = 'tl-theme';

function stored(): string | null {
  try { return localStorage.getItem(KEY); } catch { return null; }
}

function apply(theme: 'light' | 'dark', button: HTMLButtonElement | null) {
  document.documentElement.dataset.theme = theme;
  if (button) button.setAttribute('aria-pressed', String(theme === 'dark'));
  document.dispatchEvent(new CustomEvent('tl-theme', { detail: theme }));
}

export function initTheme(): void {
  const button = document.querySelector<HTMLButtonElement>('.tl-theme');
  const media = matchMedia('(prefers-color-scheme: dark)');
  const current = () => (document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light');
  if (button) {
    button.hidden = false;
    button.setAttribute('aria-pressed', String(current() === 'dark'));
    button.addEventListener('click', () => {
      const next = current() === 'dark' ? 'light' : 'dark';
      try { localStorage.setItem(KEY, next); } catch { /* private mode: the choice lasts for this page */ }
      apply(next, button);
    });
  }
  media.addEventListener('change', () => {
    const s = stored();
    if (s !== 'light' && s !== 'dark') apply(media.matches ? 'dark' : 'light', button);
  });
}
