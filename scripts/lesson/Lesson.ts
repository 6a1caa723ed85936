// The typed form of a lesson (`content/*.mdx`) that `parseLesson` returns: front matter and blocks.
// The site builder renders the blocks to HTML and the notebook generator writes them as cells, so both
// publish the one parse (d2l's "parse once, publish many"). docs/lesson-format.md describes the source.
import type { Heading, RootContent } from 'mdast';
import type { Experiment, ExperimentControl } from '../../lib/experiments/Experiment';
import type { Exercise } from '../../lib/exercises/Exercise';
import type { CourseAnchor, LessonRefForm } from './courseIndex';

/** A page's front matter. */
export interface FrontMatter {
  /** Page title (the notebook's first heading). */
  title: string;
  /** One sentence for the lesson list and search results. */
  summary: string;
  /** `lesson` (numbered, with a notebook) or `guide` (for instructors, no notebook, no skeleton). */
  kind: 'lesson' | 'guide';
  /** Order in the course (lessons only). */
  lesson?: number;
  /** Estimated study time, whole minutes (required for lessons). */
  minutes?: number;
}

/** The registries a lesson is checked against: the library's experiments and exercises. */
export interface LessonLibrary {
  /** Experiments by id (`experiments` in lib/experiments/registry.ts). */
  experiments: Record<string, Experiment>;
  /** Exercises by id (`exercises` in lib/exercises/registry.ts). */
  exercises: Record<string, Exercise>;
  /** The library's option check (lib/experiments/defineExperiment.ts): throws for a bad option. */
  resolveOptions(experimentId: string, controls: ExperimentControl[], options: Record<string, unknown>): unknown;
}

/** Options passed to an experiment's `run`, as written in a tag's `options={{ ... }}`. */
export type ExperimentOptions = Record<string, string | number | boolean>;

/** Props of `<Figure>`. */
export interface FigureProps {
  /** Experiment id, e.g. `finding-3`. */
  experiment: string;
  /** Options for its run (checked against the experiment's controls). */
  options: ExperimentOptions;
  /** Controls offered on the site, in order (default: every control of the experiment). */
  controls: string[];
}

/** Props of `<Finding>`. */
export interface FindingProps {
  /** Experiment id. */
  experiment: string;
  /** Options for its run. */
  options: ExperimentOptions;
}

/** Props of an inline `<Value>`. */
export interface ValueProps {
  /** Experiment id. */
  experiment: string;
  /** Dotted path into the result, e.g. `measured.peakSendGbps`. */
  path: string;
  /** Options for its run. */
  options: ExperimentOptions;
  /** Decimals shown (default: the library's rounding, at most 3). */
  digits?: number;
  /** Unit written after the number. */
  unit?: string;
}

/** An inline `<LessonRef to="06-hyper-v-port-cap" />`, resolved against the course index. */
export interface LessonRefProps {
  /** The target lesson's slug (its file name without `.mdx`). */
  to: string;
  /** The target's lesson number, from its front matter. */
  lesson: number;
  /** The target's title. */
  title: string;
  /** Which text it shows (`form` prop; default `lesson`). */
  form: LessonRefForm;
  /** The text shown: `lesson 6`, `Lesson 6`, `6` or the title. */
  text: string;
  /** The heading it points at (`anchor` prop, a heading id of the target), if any. */
  anchor?: CourseAnchor;
}

/** The exercise a `ts exercise` block belongs to. */
export interface ExerciseCode {
  /** Exercise id, e.g. `ex-06-1`. */
  id: string;
  /** The variable the cell passes to `check` (the registry's `answerName`). */
  answerName: string;
  /** The cell without its solution markers (shown in the site's Solution). */
  solution: string;
  /** The student copy of the cell: the solution replaced by the shared stub. */
  student: string;
}

interface At {
  /** 1-based line in the lesson file. */
  line: number;
}

/** A `##`, `###` ... heading. */
export interface HeadingBlock extends At {
  kind: 'heading';
  /** 2 to 6 (`#` is not allowed: the title comes from the front matter). */
  depth: number;
  /** Plain text of the heading. */
  text: string;
  /** The mdast node (for inline code and emphasis). */
  node: Heading;
  /** Its Markdown source. */
  markdown: string;
}

/** Markdown: paragraphs, lists, quotes, displayed (non-runnable) code; optionally with inline `<Value>`s. */
export interface ProseBlock extends At {
  kind: 'prose';
  /** The mdast nodes (mdxJsxTextElement for `<Value>`, `<sub>`, `<sup>`, `<kbd>`, `<br />`). */
  nodes: RootContent[];
  /** The Markdown source of the nodes, blank-line separated. */
  markdown: string;
  /** The `<Value>` tags, in order; empty for plain prose. */
  values: ValueProps[];
  /** The `<LessonRef>` tags, in order; empty when it references no lesson. */
  refs: LessonRefProps[];
}

/** A runnable ```ts cell (or the ```ts exercise block of an exercise, with `exercise` set). */
export interface CellBlock extends At {
  kind: 'cell';
  /** The code as written (an exercise cell keeps its solution and markers: the course version). */
  code: string;
  /** Set for a `ts exercise` block. */
  exercise?: ExerciseCode;
}

/** `<Figure>`. */
export interface FigureBlock extends At {
  kind: 'figure';
  props: FigureProps;
}

/** `<Finding>`. */
export interface FindingBlock extends At {
  kind: 'finding';
  props: FindingProps;
}

/** `<Hint>` or `<Solution>` inside an exercise: folded content. */
export interface FoldBlock extends At {
  kind: 'fold';
  /** Which fold. */
  fold: 'Hint' | 'Solution';
  /** Its content (prose only). */
  blocks: ProseBlock[];
}

/** `<Exercise id title>` ... `</Exercise>`. */
export interface ExerciseBlock extends At {
  kind: 'exercise';
  /** Exercise id, e.g. `ex-06-1` (registered in the library). */
  id: string;
  /** Its title. */
  title: string;
  /** The heading shown: `Exercise 1: Predict the cap` (`Exercise: ...` for a named id). */
  heading: string;
  /** Question, hints, the one exercise cell and the solution, in source order. */
  blocks: Array<ProseBlock | CellBlock | FoldBlock>;
}

/** One block of a lesson. */
/** `<Glossary />`: the library's GLOSSARY as a definition list (guide pages). */
export interface GlossaryBlock extends At {
  kind: 'glossary';
}

export type Block = HeadingBlock | ProseBlock | CellBlock | FigureBlock | FindingBlock | ExerciseBlock | GlossaryBlock;

/** A parsed, validated lesson or guide. */
export interface Lesson {
  /** The file, as given to the parser. */
  file: string;
  /** Base name without `.mdx`, e.g. `06-hyper-v-port-cap`. */
  slug: string;
  /** The MDX source as parsed (line endings normalised): the site compiles it with mdx-bundler. */
  source: string;
  frontMatter: FrontMatter;
  /** Top-level blocks in source order. */
  blocks: Block[];
}
