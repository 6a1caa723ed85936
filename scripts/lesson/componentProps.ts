// The components a lesson may use, their props, and the checks of those props against the library's
// registries (experiments, their controls through the library's own resolveOptions, exercises).
import type { ExperimentOptions, FigureProps, FindingProps, LessonLibrary, LessonRefProps, ValueProps } from './Lesson';
import type { CourseIndex, LessonRefForm } from './courseIndex';
import { LESSON_REF_FORMS } from './courseIndex';
import type { Literal } from './literalValue';

/** Thrown for a bad prop; the parser adds file, line and component. */
export class PropError extends Error {}

/** Block components, the inline one, and the containers an exercise is made of. */
export const COMPONENTS = ['Figure', 'Finding', 'Value', 'Exercise', 'Hint', 'Solution', 'Glossary', 'CourseCount', 'LessonRef'] as const;
/** A component name. */
export type ComponentName = (typeof COMPONENTS)[number];
/** Inline HTML that means the same in MDX, on the site and in Jupyter's Markdown. */
export const INLINE_HTML = ['sub', 'sup', 'kbd', 'br'];

type Check = (value: Literal) => string | null;
interface PropSpec {
  required?: boolean;
  check: Check;
}

const isObject = (v: Literal): v is { [key: string]: Literal } => typeof v === 'object' && v !== null && !Array.isArray(v);
const text: Check = (v) => (typeof v === 'string' && v.trim() !== '' ? null : 'must be a non-empty string');
const object: Check = (v) => (isObject(v) ? null : 'must be an object literal, like options={{ vms: 4 }}');

/** Which props each component takes. */
const SCHEMAS: Record<ComponentName, Record<string, PropSpec>> = {
  Figure: {
    experiment: { required: true, check: text },
    options: { check: object },
    controls: { check: (v) => (Array.isArray(v) && v.every((c) => typeof c === 'string') ? null : 'must be an array of control names, like controls={["vms"]}') },
  },
  Finding: { experiment: { required: true, check: text }, options: { check: object } },
  Value: {
    experiment: { required: true, check: text },
    path: { required: true, check: (v) => (typeof v === 'string' && /^[\w$]+(\.[\w$]+)*$/.test(v) ? null : 'must be a dotted path such as "measured.peakSendGbps"') },
    options: { check: object },
    digits: { check: (v) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 10 ? null : 'must be an integer from 0 to 10') },
    unit: { check: text },
  },
  Exercise: {
    id: { required: true, check: (v) => (typeof v === 'string' && /^ex-\d\d-(\d+|[a-z][\w-]*)$/.test(v) ? null : 'must be an exercise id such as "ex-06-1" or "ex-10-capstone"') },
    title: { required: true, check: text },
  },
  Hint: {},
  Solution: {},
  // Guide pages: the library's glossary, and the course's counts (lessons, findings, exercises).
  Glossary: {},
  LessonRef: {
    to: { required: true, check: (v) => (typeof v === 'string' && /^[\w-]+$/.test(v) ? null : 'must be a lesson\'s file name without .mdx, such as "06-hyper-v-port-cap"') },
    anchor: { check: (v) => (typeof v === 'string' && /^[\w-]+$/.test(v) ? null : 'must be a heading id of the target, such as "predict-first"') },
    form: { check: (v) => (typeof v === 'string' && (LESSON_REF_FORMS as readonly string[]).includes(v) ? null : `must be ${LESSON_REF_FORMS.map((f) => `"${f}"`).join(', ')}`) },
  },
  CourseCount: {
    of: { required: true, check: (v) => (typeof v === 'string' && (COURSE_COUNTS as readonly string[]).includes(v) ? null : `must be ${COURSE_COUNTS.map((c) => `"${c}"`).join(', ')}`) },
  },
};

/** What `<CourseCount of="...">` counts. */
export const COURSE_COUNTS = ['lessons', 'findings', 'exercises'] as const;

/** Checks props against a component's schema: no unknown prop, every required one, each value's type. */
export function checkSchema(name: ComponentName, props: Record<string, Literal>): void {
  const schema = SCHEMAS[name];
  for (const key of Object.keys(props)) {
    const spec = schema[key];
    if (!spec) {
      const allowed = Object.keys(schema);
      throw new PropError(`unknown prop "${key}" (${allowed.length ? `allowed: ${allowed.join(', ')}` : 'it takes no props'})`);
    }
    const problem = spec.check(props[key]);
    if (problem) throw new PropError(`prop "${key}" ${problem}, got ${JSON.stringify(props[key])}`);
  }
  for (const [key, spec] of Object.entries(schema)) if (spec.required && !(key in props)) throw new PropError(`missing prop "${key}"`);
}

/** The experiment's options, checked by the library (`resolveOptions`: known names, allowed values). */
function experimentOptions(library: LessonLibrary, experiment: string, options: Literal | undefined): ExperimentOptions {
  const found = Object.prototype.hasOwnProperty.call(library.experiments, experiment) ? library.experiments[experiment] : undefined;
  if (!found) throw new PropError(`unknown experiment "${experiment}" (known: ${Object.keys(library.experiments).join(', ') || 'none'})`);
  const given = (options ?? {}) as ExperimentOptions;
  try {
    library.resolveOptions(experiment, found.controls, given);
  } catch (e) {
    throw new PropError(`options: ${(e as Error).message}`);
  }
  return given;
}

/** `<Figure>` props, checked. */
export function figureProps(library: LessonLibrary, props: Record<string, Literal>): FigureProps {
  checkSchema('Figure', props);
  const experiment = props.experiment as string;
  const options = experimentOptions(library, experiment, props.options);
  const names = library.experiments[experiment].controls.map((c) => c.name);
  const controls = (props.controls as string[] | undefined) ?? names;
  for (const c of controls) {
    if (!names.includes(c)) throw new PropError(`controls: "${c}" is not a control of ${experiment} (its controls: ${names.join(', ') || 'none'})`);
  }
  return { experiment, options, controls };
}

/** `<Finding>` props, checked. */
export function findingProps(library: LessonLibrary, props: Record<string, Literal>): FindingProps {
  checkSchema('Finding', props);
  const experiment = props.experiment as string;
  return { experiment, options: experimentOptions(library, experiment, props.options) };
}

/** `<Value>` props, checked. */
export function valueProps(library: LessonLibrary, props: Record<string, Literal>): ValueProps {
  checkSchema('Value', props);
  const experiment = props.experiment as string;
  return {
    experiment,
    path: props.path as string,
    options: experimentOptions(library, experiment, props.options),
    ...(props.digits !== undefined ? { digits: props.digits as number } : {}),
    ...(props.unit !== undefined ? { unit: props.unit as string } : {}),
  };
}

/** `<LessonRef>` props, checked and resolved against the course: the target exists and is a lesson,
 * the anchor is one of its headings; the text is computed from the target's lesson number. */
export function lessonRefProps(course: CourseIndex, props: Record<string, Literal>): LessonRefProps {
  checkSchema('LessonRef', props);
  const to = props.to as string;
  const lessons = Object.values(course).filter((p) => p.frontMatter.kind === 'lesson').map((p) => p.slug).sort();
  const target = Object.prototype.hasOwnProperty.call(course, to) ? course[to] : undefined;
  if (!target) throw new PropError(`to="${to}": no such lesson (known: ${lessons.join(', ') || 'none'})`);
  const { lesson, title } = target.frontMatter;
  if (target.frontMatter.kind !== 'lesson' || lesson === undefined) {
    throw new PropError(`to="${to}" is a guide, not a lesson: link it with [text](${to}.mdx) (lessons: ${lessons.join(', ')})`);
  }
  let anchor;
  if (props.anchor !== undefined) {
    anchor = target.anchors.find((a) => a.id === props.anchor);
    if (!anchor) throw new PropError(`anchor="${String(props.anchor)}" is not a heading of ${to} (its headings: ${target.anchors.map((a) => a.id).join(', ') || 'none'})`);
  }
  const form = (props.form as LessonRefForm | undefined) ?? 'lesson';
  const text = form === 'lesson' ? `lesson ${lesson}` : form === 'Lesson' ? `Lesson ${lesson}` : form === 'number' ? String(lesson) : title;
  return { to, lesson, title, form, text, ...(anchor ? { anchor } : {}) };
}
