// The lesson components are React elements written like HTML (site/builder/h.ts); react-dom/server must
// render them as the HTML the client relies on (docs/lesson-format.md's DOM contract).
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { fragment, h, rawHtml } from '../../../site/builder/h';

describe('h', () => {
  it('writes HTML attribute names, bare booleans and form defaults', () => {
    const html = renderToStaticMarkup(fragment(
      h('label', { for: 'x', class: 'a b' }, 'Label'),
      h('input', { id: 'x', type: 'number', value: 4, hidden: true, tabindex: '0', 'data-kind': 'number', missing: undefined, off: false }),
      h('select', { value: 'b' }, h('option', { value: 'a' }, 'A'), h('option', { value: 'b' }, 'B')),
      h('div', { 'data-prerendered': true }, 'x < y'),
    ));
    expect(html).toBe('<label for="x" class="a b">Label</label><input id="x" type="number" hidden="" tabindex="0" data-kind="number" value="4"/><select><option value="a">A</option><option value="b" selected="">B</option></select><div data-prerendered="">x &lt; y</div>');
  });

  it('puts raw markup (highlighted code, JSON) in its element unescaped, and only as the only child', () => {
    expect(renderToStaticMarkup(h('script', { type: 'application/json' }, rawHtml('{"a":"<b>"}')))).toBe('<script type="application/json">{"a":"<b>"}</script>');
    expect(() => h('p', null, 'text', rawHtml('<b>x</b>'))).toThrow(/<p>: raw HTML must be the element's only child/);
  });
});
