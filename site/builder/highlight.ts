// Syntax highlighting at build time with shiki (its grammars and themes ship in the npm package: nothing is
// fetched). Code gets spans with a light and a dark colour as CSS variables; highlightCss() switches them
// with the page theme. Long lines scroll inside their block instead of being cut.
import { createHighlighter } from 'shiki';
import type { Highlighter } from 'shiki';

/** Languages highlighted; any other info string is shown as plain text. */
export const HIGHLIGHTED = ['ts', 'typescript', 'js', 'javascript', 'json', 'sh', 'bash', 'shell', 'powershell', 'yaml'] as const;
// The high-contrast GitHub themes: the plain ones' comment grey (#6a737d) is under WCAG's 4.5:1 on the code background.
const THEMES = { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' } as const;

let highlighter: Promise<Highlighter> | undefined;

/** The shared highlighter (created once per process, about a second). */
export function getHighlighter(): Promise<Highlighter> {
  highlighter ??= createHighlighter({ themes: Object.values(THEMES), langs: [...HIGHLIGHTED] });
  return highlighter;
}

/** The inner HTML of a `<code>` element: highlighted spans, or escaped text for an unknown language. */
export function highlightCode(h: Highlighter, code: string, lang: string | null | undefined): string {
  const known = lang && (HIGHLIGHTED as readonly string[]).includes(lang);
  const html = h.codeToHtml(code, { lang: known ? lang : 'text', themes: THEMES, defaultColor: false });
  const inner = /<code>([\s\S]*)<\/code><\/pre>\s*$/.exec(html)?.[1];
  if (inner === undefined) throw new Error('shiki returned unexpected markup');
  return inner;
}
