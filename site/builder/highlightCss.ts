// The CSS for code highlighted at build time (./highlight.ts), apart from shiki so a cached build never loads it.

/** CSS for highlighted code: colours from the light or dark theme, long lines scroll. */
export function highlightCss(): string {
  return [
    '.tl-hl span{color:var(--shiki-light)}',
    'html[data-theme="dark"] .tl-hl span{color:var(--shiki-dark)}',
    '@media (prefers-color-scheme: dark){html:not([data-theme="light"]) .tl-hl span{color:var(--shiki-dark)}}',
    'pre.tl-hl{overflow-x:auto;white-space:pre;max-width:100%}',
    '.tl-hl .line{display:inline}',
  ].join('\n');
}
