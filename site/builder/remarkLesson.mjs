// A remark plugin run on every lesson: turns ```ts cell and ```ts exercise blocks into runnable cells,
// pairs each exercise's solution code with its <Solution>, and checks every JSX component (known name,
// literal props, known experiment, controls and exercise). Problems are collected, not thrown, so the
// builder can report all of them with file and line after mdx-bundler returns.
import { COMPONENTS, CONTAINERS, LessonError, checkProps, readProps } from './props.mjs';

/** Internal component name for a runnable cell (authors write ```ts cell, never this). */
export const CELL = 'TlCell';

const BEGIN = /^[ \t]*\/\/ BEGIN SOLUTION[ \t]*$/m;
const END = /^[ \t]*\/\/ END SOLUTION[ \t]*$/m;

/**
 * The student version of an exercise cell: the lines between `// BEGIN SOLUTION` and `// END SOLUTION`
 * become a stub that declares the answer variable as undefined.
 * @param {string} code the cell with its solution
 * @param {string} answerName the variable the check reads
 * @returns {string}
 */
export function studentCode(code, answerName) {
  const lines = code.split('\n');
  const begin = lines.findIndex((l) => BEGIN.test(l));
  const end = lines.findIndex((l) => END.test(l));
  if (begin < 0 || end < begin) throw new LessonError('an exercise cell needs "// BEGIN SOLUTION" and "// END SOLUTION" lines, in that order');
  const indent = /^[ \t]*/.exec(lines[begin])[0];
  return [...lines.slice(0, begin), `${indent}// Your turn: compute the answer and assign it to ${answerName}.`,
    `${indent}const ${answerName}: any = undefined;`, ...lines.slice(end + 1)].join('\n');
}

/** The solution cell without its markers (shown inside <Solution>). */
export function solutionCode(code) {
  return code.split('\n').filter((l) => !BEGIN.test(l) && !END.test(l)).join('\n');
}

const attr = (name, value) => ({ type: 'mdxJsxAttribute', name, value });
const cellNode = (position, attributes) => ({ type: 'mdxJsxFlowElement', name: CELL, children: [], position, attributes, data: { tlInternal: true } });

/**
 * @param {{ lab: Record<string, any>, problems: string[], file: string }} context
 *   `lab` is the library (its `experiments` and `exercises` registries), `problems` receives one message
 *   per problem, `file` names the lesson in them.
 */
export function remarkLesson(context) {
  return () => (tree) => {
    const where = (node) => `${context.file}:${node.position?.start?.line ?? '?'}`;
    const problem = (node, message) => context.problems.push(`${where(node)}: ${message}`);

    walk(tree, [], (node, parent, index, ancestors) => {
      if (node.type === 'code' && node.lang === 'ts' && node.meta) {
        const meta = node.meta.trim();
        if (meta === 'cell') {
          parent.children[index] = cellNode(node.position, [attr('code', node.value)]);
        } else if (meta !== 'exercise') {
          problem(node, `code block "ts ${meta}": unknown info string (write "ts cell" for a runnable cell, "ts exercise" inside an <Exercise>)`);
        } else if (!ancestors.some((a) => a.name === 'Exercise')) {
          problem(node, 'a "ts exercise" block must sit inside an <Exercise>');
        }
        return;
      }
      if (node.type === 'mdxjsEsm' && node.position) problem(node, 'import/export statements are not allowed in lessons (components are provided)');
      if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
      if (node.data?.tlInternal) return;
      const name = node.name;
      if (name === null) return problem(node, 'fragments (<>...</>) are not allowed');
      if (/^[a-z]/.test(name) && !name.includes('.')) return; // plain HTML element
      if (!COMPONENTS.includes(name)) return problem(node, `<${name}>: unknown component (known: ${COMPONENTS.join(', ')})`);
      try {
        const props = readProps(node.attributes);
        checkProps(name, props, context.lab);
        if (!CONTAINERS.includes(name) && node.children?.length) throw new LessonError('takes no children (write it self-closing)');
        if ((name === 'Hint' || name === 'Solution') && !ancestors.some((a) => a.name === 'Exercise')) throw new LessonError('must sit inside an <Exercise>');
        if (name === 'Exercise') prepareExercise(node, props, context.lab.exercises[props.id]);
      } catch (e) {
        if (!(e instanceof LessonError)) throw e;
        problem(node, `<${name}>: ${e.message}`);
      }
    });
  };
}

/** Replaces the exercise's ```ts exercise block with a runnable cell holding the student version, and
 * appends the full solution code to its <Solution>. */
function prepareExercise(node, props, exercise) {
  const codes = node.children.filter((c) => c.type === 'code' && c.lang === 'ts' && c.meta?.trim() === 'exercise');
  if (codes.length !== 1) throw new LessonError(`needs exactly one "ts exercise" code block, found ${codes.length}`);
  const code = codes[0];
  if (!new RegExp(`\\b${exercise.answerName}\\b`).test(code.value)) throw new LessonError(`the exercise cell never mentions its answer variable ${exercise.answerName}`);
  const student = studentCode(code.value, exercise.answerName);
  const index = node.children.indexOf(code);
  node.children[index] = cellNode(code.position, [attr('code', student), attr('exercise', props.id)]);
  const solution = node.children.find((c) => c.type === 'mdxJsxFlowElement' && c.name === 'Solution');
  if (solution) {
    solution.children.push(
      { type: 'paragraph', children: [{ type: 'text', value: 'The solution code:' }] },
      { type: 'code', lang: 'ts', meta: null, value: solutionCode(code.value) },
    );
  }
}

function walk(node, ancestors, visit, parent = null, index = 0) {
  visit(node, parent, index, ancestors);
  const current = parent ? parent.children[index] : node;
  if (current?.children) {
    const next = [...ancestors, current];
    for (let i = 0; i < current.children.length; i++) walk(current.children[i], next, visit, current, i);
  }
}
