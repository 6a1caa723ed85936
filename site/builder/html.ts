// Tiny helpers for writing HTML as strings: escaping and one element function. Every builder module
// renders through these, so escaping is never forgotten.

/** Escapes text for HTML content and attribute values. */
export function esc(text: unknown): string {
  return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Attribute values: `true` writes a bare attribute, `false`/`undefined`/`null` none. */
export type Attrs = Record<string, string | number | boolean | undefined | null>;

/** Markup that is already HTML (not escaped again). */
export interface Raw {
  html: string;
}

/** Wraps trusted markup. */
export function raw(html: string): Raw {
  return { html };
}

/** A child: text (escaped), raw markup, or nothing. */
export type Child = string | number | Raw | null | undefined | false | Child[];

function children(list: Child[]): string {
  return list
    .map((c) => (c === null || c === undefined || c === false ? '' : Array.isArray(c) ? children(c) : typeof c === 'object' ? c.html : esc(c)))
    .join('');
}

const VOID = new Set(['br', 'hr', 'img', 'input', 'link', 'meta']);

/** `<tag attrs>children</tag>` as raw markup. */
export function el(tag: string, attrs: Attrs | null, ...content: Child[]): Raw {
  const a = Object.entries(attrs ?? {})
    .filter(([, v]) => v !== undefined && v !== null && v !== false)
    .map(([k, v]) => (v === true ? ` ${k}` : ` ${k}="${esc(v)}"`))
    .join('');
  return raw(VOID.has(tag) ? `<${tag}${a}>` : `<${tag}${a}>${children(content)}</${tag}>`);
}

/** JSON safe inside `<script type="application/json">`. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** A URL-safe id from heading text (defined with the lesson parser, which checks anchors against it). */
export { slugify } from '../../scripts/lesson/slugify';
