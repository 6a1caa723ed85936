// Tiny helpers for the HTML the builder writes as strings (the page shell): escaping, JSON for a script
// element, heading ids. Lesson bodies are React elements (./h.ts) rendered by react-dom/server.

/** Escapes text for HTML content and attribute values. */
export function esc(text: unknown): string {
  return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** JSON safe inside `<script type="application/json">`. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** A URL-safe id from heading text (defined with the lesson parser, which checks anchors against it). */
export { slugify } from '../../scripts/lesson/slugify';
