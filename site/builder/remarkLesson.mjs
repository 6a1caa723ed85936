// A remark plugin run on every lesson: turns ```ts cell blocks into runnable cells and checks every JSX
// component (known name, literal props, known experiment and controls). Problems are collected, not thrown,
// so the builder can report all of them with file and line after mdx-bundler returns.
import { COMPONENTS, LessonError, checkProps, readProps } from './props.mjs';

/** Internal component name for a runnable cell (authors write ```ts cell, never this). */
export const CELL = 'TlCell';

/**
 * @param {{ experiments: Record<string, any>, problems: string[], file: string }} context
 *   `problems` receives one message per problem, `file` names the lesson in them.
 */
export function remarkLesson(context) {
  return () => (tree) => {
    const where = (node) => `${context.file}:${node.position?.start?.line ?? '?'}`;
    walk(tree, (node, parent, index) => {
      if (node.type === 'code' && node.lang === 'ts' && /(^|\s)cell(\s|$)/.test(node.meta ?? '')) {
        parent.children[index] = {
          type: 'mdxJsxFlowElement', name: CELL, children: [], position: node.position,
          attributes: [
            { type: 'mdxJsxAttribute', name: 'code', value: node.value },
            { type: 'mdxJsxAttribute', name: 'line', value: String(node.position?.start?.line ?? 0) },
          ],
        };
        return;
      }
      if (node.type === 'code' && node.lang === 'ts' && node.meta) {
        context.problems.push(`${where(node)}: code block "ts ${node.meta}": unknown info string (write "ts cell" for a runnable cell)`);
      }
      if (node.type === 'mdxjsEsm' && node.position) {
        context.problems.push(`${where(node)}: import/export statements are not allowed in lessons (components are provided)`);
      }
      if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
      const name = node.name;
      if (name === null) {
        context.problems.push(`${where(node)}: fragments (<>...</>) are not allowed`);
        return;
      }
      if (/^[a-z]/.test(name) && !name.includes('.')) return; // plain HTML element
      if (!COMPONENTS.includes(name)) {
        context.problems.push(`${where(node)}: <${name}>: unknown component (known: ${COMPONENTS.join(', ')})`);
        return;
      }
      try {
        const props = readProps(node.attributes);
        checkProps(name, props, context.experiments);
        if (node.children?.length) throw new LessonError('takes no children (write it self-closing)');
      } catch (e) {
        if (!(e instanceof LessonError)) throw e;
        context.problems.push(`${where(node)}: <${name}>: ${e.message}`);
      }
    });
  };
}

function walk(node, visit, parent = null, index = 0) {
  visit(node, parent, index);
  const current = parent ? parent.children[index] : node;
  if (current?.children) {
    for (let i = 0; i < current.children.length; i++) walk(current.children[i], visit, current, i);
  }
}
