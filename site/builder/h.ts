// React elements written like HTML: `h('div', { class: 'x', for: 'id' }, ...children)`. The lesson
// components (./components.ts) render through it so their markup reads as the HTML the client relies on
// (class, for, tabindex ... as written in docs/lesson-format.md's DOM contract), while mdx-bundler's
// React tree renders them (./renderLesson.ts, react-dom/server).
import { createElement, Fragment } from 'react';
import type { ReactElement, ReactNode } from 'react';

/** Markup that is already HTML (highlighted code, JSON in a script); it must be an element's only child. */
export interface RawHtml {
  rawHtml: string;
}

/** Wraps trusted markup. */
export function rawHtml(html: string): RawHtml {
  return { rawHtml: html };
}

/** A child: a React node (text is escaped by React) or raw markup as the only child. */
export type HChild = ReactNode | RawHtml | HChild[];

/** Attribute values: `true` writes a bare attribute (`hidden`, `data-prerendered`), `false`/`undefined`/`null` none. */
export type HAttrs = Record<string, string | number | boolean | undefined | null>;

/** HTML attribute names React spells differently. */
const REACT_NAMES: Record<string, string> = { class: 'className', for: 'htmlFor', tabindex: 'tabIndex', inputmode: 'inputMode', readonly: 'readOnly', checked: 'defaultChecked' };
/** Attributes React renders as bare attributes from `true` (any other `true`, e.g. `data-prerendered`, renders as ""). */
const BOOLEAN = new Set(['hidden', 'checked', 'disabled', 'open', 'readonly']);

function isRaw(c: unknown): c is RawHtml {
  return typeof c === 'object' && c !== null && 'rawHtml' in c;
}

/** An element; keys are given to list children so React renders them without warnings. */
export function h(tag: string, attrs: HAttrs | null, ...children: HChild[]): ReactElement {
  const props: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === undefined || v === null || v === false) continue;
    // A form field's server-rendered state is its default (React's `value` would make it controlled).
    const name = k === 'value' && (tag === 'input' || tag === 'select') ? 'defaultValue' : (REACT_NAMES[k] ?? k);
    props[name] = v === true ? (BOOLEAN.has(k) ? true : '') : v;
  }
  const flat = children.flat(Infinity as 1) as Array<ReactNode | RawHtml>;
  const raws = flat.filter(isRaw);
  if (raws.length > 0) {
    if (flat.some((c) => !isRaw(c) && c !== null && c !== undefined && c !== false && c !== '')) throw new Error(`<${tag}>: raw HTML must be the element's only child`);
    props.dangerouslySetInnerHTML = { __html: raws.map((r) => r.rawHtml).join('') };
    return createElement(tag, props);
  }
  const kids = flat.filter((c) => c !== null && c !== undefined && c !== false) as ReactNode[];
  return createElement(tag, props, ...kids);
}

/** Siblings without a wrapper element. */
export function fragment(...children: ReactNode[]): ReactElement {
  return createElement(Fragment, null, ...children);
}
