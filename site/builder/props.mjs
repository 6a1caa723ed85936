// Reads and checks the props of the lesson components (<Figure>, <Finding>, <Value>). Props must be
// JSON-compatible literals (the notebook generator reads them too), so they are evaluated from the estree
// MDX attaches to each attribute, never executed.

/** Thrown for anything wrong in a lesson; the builder adds the file and line. */
export class LessonError extends Error {}

/**
 * Evaluates an estree expression made only of literals (strings, numbers, booleans, null, arrays, objects).
 * @param {any} node estree node
 * @returns {unknown}
 */
export function literalValue(node) {
  switch (node?.type) {
    case 'Literal':
      if (node.regex || typeof node.value === 'bigint') break;
      return node.value;
    case 'TemplateLiteral':
      if (node.expressions.length === 0) return node.quasis.map((q) => q.value.cooked).join('');
      break;
    case 'UnaryExpression':
      if ((node.operator === '-' || node.operator === '+') && node.argument.type === 'Literal' && typeof node.argument.value === 'number') {
        return node.operator === '-' ? -node.argument.value : node.argument.value;
      }
      break;
    case 'ArrayExpression':
      return node.elements.map((e) => {
        if (e === null || e.type === 'SpreadElement') throw new LessonError('arrays must list literal values (no holes, no spread)');
        return literalValue(e);
      });
    case 'ObjectExpression': {
      const out = {};
      for (const p of node.properties) {
        if (p.type !== 'Property' || p.computed || p.method || p.shorthand || p.kind !== 'init') {
          throw new LessonError('objects must be written as { key: literal } (no spread, computed keys, shorthand or methods)');
        }
        const key = p.key.type === 'Identifier' ? p.key.name : String(p.key.value);
        out[key] = literalValue(p.value);
      }
      return out;
    }
    default:
  }
  throw new LessonError(`props must be JSON-compatible literals, not a ${node?.type ?? 'missing'} expression`);
}

/**
 * Turns the mdast attributes of a JSX element into a plain props object.
 * @param {any[]} attributes mdxJsxAttribute nodes
 * @returns {Record<string, unknown>}
 */
export function readProps(attributes) {
  const props = {};
  for (const a of attributes) {
    if (a.type !== 'mdxJsxAttribute') throw new LessonError('spread props ({...x}) are not allowed');
    if (a.value === null || a.value === undefined) props[a.name] = true;
    else if (typeof a.value === 'string') props[a.name] = a.value;
    else {
      const program = a.value.data?.estree;
      const statement = program?.body?.[0];
      if (!statement || statement.type !== 'ExpressionStatement') throw new LessonError(`prop "${a.name}" must be a literal`);
      try {
        props[a.name] = literalValue(statement.expression);
      } catch (e) {
        throw new LessonError(`prop "${a.name}": ${e.message}`);
      }
    }
  }
  return props;
}

const isPlainObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Which props each component takes: name → checker returning an error message or null. */
const SCHEMAS = {
  Figure: {
    experiment: { required: true, check: (v) => (typeof v === 'string' ? null : 'must be a string') },
    options: { check: (v) => (isPlainObject(v) ? null : 'must be an object literal') },
    controls: { check: (v) => (Array.isArray(v) && v.every((c) => typeof c === 'string') ? null : 'must be an array of control names') },
  },
  Finding: {
    experiment: { required: true, check: (v) => (typeof v === 'string' ? null : 'must be a string') },
    options: { check: (v) => (isPlainObject(v) ? null : 'must be an object literal') },
  },
  Value: {
    experiment: { required: true, check: (v) => (typeof v === 'string' ? null : 'must be a string') },
    path: { required: true, check: (v) => (typeof v === 'string' && /^[\w$]+(\.[\w$]+)*$/.test(v) ? null : 'must be a dotted path such as "measured.peakSendGbps"') },
    options: { check: (v) => (isPlainObject(v) ? null : 'must be an object literal') },
    digits: { check: (v) => (Number.isInteger(v) && v >= 0 && v <= 10 ? null : 'must be an integer from 0 to 10') },
    unit: { check: (v) => (typeof v === 'string' ? null : 'must be a string') },
  },
  Exercise: {
    id: { required: true, check: (v) => (typeof v === 'string' && /^ex-\d\d-(\d+|[a-z][\w-]*)$/.test(v) ? null : 'must be an exercise id such as "ex-06-1" or "ex-10-capstone"') },
    title: { required: true, check: (v) => (typeof v === 'string' && v.trim() ? null : 'must be a non-empty string') },
  },
  Hint: {},
  Solution: {},
  // Guide pages: the glossary list from the library, and the course's counts (lessons, findings, exercises).
  Glossary: {},
  CourseCount: {
    of: { required: true, check: (v) => (['lessons', 'findings', 'exercises'].includes(v) ? null : 'must be "lessons", "findings" or "exercises"') },
  },
};

/** Components that wrap lesson content; the others are self-closing. */
export const CONTAINERS = ['Exercise', 'Hint', 'Solution'];

/** Names of the components a lesson may use. */
export const COMPONENTS = Object.keys(SCHEMAS);

/**
 * Checks a component's props against its schema and the library's registries.
 * @param {string} name component name
 * @param {Record<string, unknown>} props literal props
 * @param {{ experiments: Record<string, any>, exercises?: Record<string, any> }} lab the library
 * @throws {LessonError} naming the problem
 */
export function checkProps(name, props, lab) {
  const { experiments } = lab;
  const schema = SCHEMAS[name];
  for (const key of Object.keys(props)) {
    if (!schema[key]) throw new LessonError(`unknown prop "${key}" (allowed: ${Object.keys(schema).join(', ')})`);
    const problem = schema[key].check(props[key]);
    if (problem) throw new LessonError(`prop "${key}" ${problem}, got ${JSON.stringify(props[key])}`);
  }
  for (const [key, spec] of Object.entries(schema)) {
    if (spec.required && !(key in props)) throw new LessonError(`missing prop "${key}"`);
  }
  if (name === 'Exercise') {
    if (!lab.exercises) throw new LessonError('the library exports no `exercises` registry');
    if (!lab.exercises[props.id]) throw new LessonError(`unknown exercise "${props.id}": add it to lib/exercises (registered: ${Object.keys(lab.exercises).join(', ') || 'none'})`);
    return;
  }
  if (!('experiment' in schema)) return;
  const experiment = experiments[props.experiment];
  if (!experiment) {
    throw new LessonError(`unknown experiment "${props.experiment}" (known: ${Object.keys(experiments).join(', ') || 'none'})`);
  }
  const controls = new Map(experiment.controls.map((c) => [c.name, c]));
  for (const [key, value] of Object.entries(props.options ?? {})) {
    const control = controls.get(key);
    if (!control) throw new LessonError(`options.${key} is not an option of ${experiment.id} (its options: ${[...controls.keys()].join(', ') || 'none'})`);
    const problem = controlValueProblem(control, value);
    if (problem) throw new LessonError(`options.${key} ${problem}, got ${JSON.stringify(value)}`);
  }
  for (const c of props.controls ?? []) {
    if (!controls.has(c)) throw new LessonError(`controls: "${c}" is not a control of ${experiment.id} (its controls: ${[...controls.keys()].join(', ') || 'none'})`);
  }
}

/**
 * Whether a value is allowed by a control spec.
 * @param {{kind: string, options?: Array<string|number>, min?: number, max?: number}} control
 * @param {unknown} value
 * @returns {string | null} the problem, or null when the value is fine
 */
export function controlValueProblem(control, value) {
  if (control.kind === 'toggle') return typeof value === 'boolean' ? null : 'must be true or false';
  if (control.kind === 'select') return control.options?.includes(value) ? null : `must be one of ${JSON.stringify(control.options)}`;
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be a number';
  if (control.min !== undefined && value < control.min) return `must be at least ${control.min}`;
  if (control.max !== undefined && value > control.max) return `must be at most ${control.max}`;
  return null;
}
