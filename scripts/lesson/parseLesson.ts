// The one lesson parser: MDX source → validated, typed blocks (scripts/lesson/Lesson.ts). It parses with
// the same remark pipeline MDX itself uses (remark-parse + remark-mdx + remark-frontmatter), checks the
// front matter, the skeleton, every component's props against the library's registries and every
// exercise, and throws a LessonError naming file and line for the first problem.
import type { Code, Heading, Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type {} from 'mdast-util-mdx';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { solutionRegion, studentCode, solutionCode } from '../../lib/notebook/solutionMarkers';
import { COMPONENTS, INLINE_HTML, PropError, checkSchema, figureProps, findingProps, lessonRefProps, valueProps } from './componentProps';
import type { ComponentName } from './componentProps';
import type { CourseIndex } from './courseIndex';
import { courseIndexFor } from './courseIndex';
import { parseFrontMatter } from './frontMatter';
import type { Block, CellBlock, ExerciseBlock, ExerciseCode, FoldBlock, Lesson, LessonLibrary, LessonRefProps, ProseBlock, ValueProps } from './Lesson';
import { LessonError } from './LessonError';
import { LiteralError, readProps } from './literalValue';

/** The `##` headings every lesson has, in order; teaching sections go between the second and the third. */
export const SKELETON_HEAD = ['What you will learn', 'Predict first'];
export const SKELETON_TAIL = ['Explore', 'What we found', 'Exercises', 'Summary'];

const processor = unified().use(remarkParse).use(remarkMdx).use(remarkFrontmatter, ['yaml']);

type Node = RootContent;
type Jsx = MdxJsxFlowElement | MdxJsxTextElement;

/** The mdast tree of an MDX source (no checks). */
export function mdxTree(source: string, file: string): Root {
  try {
    return processor.parse(source);
  } catch (e) {
    const error = e as { line?: number; reason?: string; message: string };
    throw new LessonError(file, error.line ?? 1, `MDX syntax: ${error.reason ?? error.message}`);
  }
}

/**
 * Parses and checks a lesson or guide.
 * @param text the .mdx source
 * @param file the file's name in messages, e.g. `content/06-hyper-v-port-cap.mdx`
 * @param library the registries to check against (the library itself: `import * as lab`)
 * @param course the other pages, for `<LessonRef>` (default: the pages in the folder of `file`, read
 *   relative to the repository: `courseIndexFor(file)`)
 * @throws LessonError for the first problem, with file and line
 */
export function parseLesson(text: string, file: string, library: LessonLibrary, course?: CourseIndex): Lesson {
  const source = text.replace(/\r\n?/g, '\n');
  const tree = mdxTree(source, file);
  const [first, ...body] = tree.children;
  if (first?.type !== 'yaml' || first.position?.start.line !== 1) {
    throw new LessonError(file, 1, 'a lesson starts with `---` front matter (title, lesson, summary, minutes)');
  }
  const frontMatter = parseFrontMatter(first.value, file, 2);
  const parser = new Parser(source, file, library, () => (course ??= courseIndexFor(file)));
  const blocks = parser.blocks(body);
  const slug = (file.split('/').pop() ?? file).replace(/\.mdx$/, '');
  if (frontMatter.kind === 'lesson') {
    checkSkeleton(blocks, file);
    if (!blocks.some((b) => b.kind === 'cell' || b.kind === 'figure' || b.kind === 'finding' || b.kind === 'exercise')) {
      throw new LessonError(file, first.position.end.line + 1, 'a lesson needs at least one runnable cell, <Figure> or <Finding>');
    }
  }
  return { file, slug, source, frontMatter, blocks };
}

function lineOf(node: { position?: { start: { line: number } } }): number {
  return node.position?.start.line ?? 1;
}

class Parser {
  constructor(
    private readonly source: string,
    private readonly file: string,
    private readonly library: LessonLibrary,
    /** The course index, read only when a page has a `<LessonRef>`. */
    private readonly course: () => CourseIndex,
  ) {}

  fail(node: { position?: { start: { line: number } } }, message: string): never {
    throw new LessonError(this.file, lineOf(node), message);
  }

  /** The Markdown source of a node, as written. */
  markdown(node: Node): string {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return toString(node);
    return this.source.slice(start, end);
  }

  /** Top-level (or exercise-level) nodes → blocks; consecutive prose without <Value> joins one block. */
  blocks(nodes: Node[], inExercise?: { id: string; codes: CellBlock[] }): Block[] {
    const out: Block[] = [];
    let prose: ProseBlock | undefined;
    const addProse = (node: Node, { values, refs }: { values: ValueProps[]; refs: LessonRefProps[] }) => {
      if (values.length > 0 || !prose) {
        prose = { kind: 'prose', line: lineOf(node), nodes: [node], markdown: this.markdown(node), values, refs };
        out.push(prose);
        if (values.length > 0) prose = undefined;
        return;
      }
      prose.nodes.push(node);
      prose.markdown += `\n\n${this.markdown(node)}`;
      prose.refs.push(...refs);
    };
    for (const node of nodes) {
      const block = this.block(node, inExercise);
      if (block === 'prose') addProse(node, this.inline(node));
      else {
        prose = undefined;
        if (block) out.push(block);
      }
    }
    return out;
  }

  block(node: Node, inExercise?: { id: string; codes: CellBlock[] }): Block | 'prose' | undefined {
    switch (node.type) {
      case 'yaml':
        return this.fail(node, 'front matter (`---`) only at the very top of the file');
      case 'mdxjsEsm':
        return this.fail(node, 'MDX import/export is not allowed in a lesson: lessons call the library from `ts cell` blocks and tags');
      case 'mdxFlowExpression':
        return this.fail(node, '`{` ... `}` is an MDX expression: put braces in `inline code` or rephrase');
      case 'heading':
        return this.heading(node);
      case 'code':
        return this.code(node, inExercise);
      case 'mdxJsxFlowElement':
        return this.component(node, inExercise);
      case 'html':
        return this.fail(node, 'raw HTML is not supported in a lesson: write Markdown');
      case 'paragraph': {
        // `<Hint>one line</Hint>` or `<Figure ... />` alone in a paragraph is a block component written inline.
        const parts = node.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
        const only = parts.length === 1 ? parts[0] : undefined;
        if (only?.type === 'mdxJsxTextElement' && only.name !== 'Value' && only.name !== 'CourseCount' && only.name !== 'LessonRef' && (COMPONENTS as readonly string[]).includes(only.name ?? '')) {
          const inner = only.children;
          const position = inner.length > 0 && inner[0].position && inner[inner.length - 1].position
            ? { start: inner[0].position.start, end: inner[inner.length - 1].position!.end }
            : only.position;
          const children = inner.length > 0 ? [{ type: 'paragraph', children: inner, position } as Node] : [];
          return this.component({ ...only, type: 'mdxJsxFlowElement', children } as MdxJsxFlowElement, inExercise);
        }
        return 'prose';
      }
      default:
        return 'prose';
    }
  }

  heading(node: Heading): Block {
    if (node.depth === 1) this.fail(node, 'a lesson has no `#` heading: the title comes from the front matter');
    if (this.inline(node).refs.length > 0) this.fail(node, '<LessonRef> cannot sit in a heading: reference the lesson in the text below it');
    return { kind: 'heading', line: lineOf(node), depth: node.depth, text: toString(node), node, markdown: this.markdown(node) };
  }

  code(node: Code, inExercise?: { id: string; codes: CellBlock[] }): Block | 'prose' {
    const meta = (node.meta ?? '').trim();
    const words = [node.lang ?? '', ...meta.split(/\s+/)].filter(Boolean);
    const runnable = words.includes('cell') || words.includes('exercise') || (node.lang === 'ts' && meta !== '');
    if (!runnable) return 'prose';
    if (node.lang !== 'ts' || (meta !== 'cell' && meta !== 'exercise')) {
      this.fail(node, `code block "${words.join(' ')}": unknown info string (write "ts cell" for a runnable cell, "ts exercise" inside an <Exercise>)`);
    }
    const code = node.value.replace(/^\s*\n/, '').replace(/\s+$/, '');
    if (code.trim() === '') this.fail(node, 'a runnable cell is empty');
    if (meta === 'cell') return { kind: 'cell', line: lineOf(node), code };
    if (!inExercise) this.fail(node, 'a "ts exercise" block must sit inside an <Exercise>');
    if (inExercise.codes.length > 0) this.fail(node, `<Exercise id="${inExercise.id}"> has more than one "ts exercise" block`);
    const cell: CellBlock = { kind: 'cell', line: lineOf(node), code, exercise: this.exerciseCode(node, code, inExercise.id) };
    inExercise.codes.push(cell);
    return cell;
  }

  exerciseCode(node: Code, code: string, id: string): ExerciseCode {
    const region = solutionRegion(code);
    if (!region) this.fail(node, 'an exercise cell needs "// BEGIN SOLUTION" and "// END SOLUTION" lines, in that order');
    const after = code.split('\n').slice(region.end + 1).join('\n');
    const call = /\bcheck\(\s*(['"])([^'"]+)\1\s*,\s*([A-Za-z_$][\w$]*)\s*\)/.exec(after);
    if (!call) this.fail(node, `an exercise cell ends with check('${id}', answerVariable) after // END SOLUTION`);
    if (call[2] !== id) this.fail(node, `the exercise cell checks '${call[2]}' inside <Exercise id="${id}">`);
    const registered = this.library.exercises[id];
    if (registered && registered.answerName !== call[3]) {
      this.fail(node, `the exercise cell checks ${call[3]}, but exercise ${id} reads its answer from ${registered.answerName} (lib/exercises)`);
    }
    return { id, answerName: call[3], solution: solutionCode(code), student: studentCode(code, call[3])! };
  }

  /** Checks a component tag and turns it into a block. */
  component(node: MdxJsxFlowElement, inExercise?: { id: string; codes: CellBlock[] }): Block {
    const name = node.name;
    if (name === null) this.fail(node, 'fragments (<>...</>) are not allowed');
    if (/^[a-z]/.test(name)) this.fail(node, `HTML/JSX element <${name}> is not supported here: write Markdown (inline ${INLINE_HTML.map((t) => `<${t}>`).join(', ')} are fine)`);
    if (!(COMPONENTS as readonly string[]).includes(name)) {
      this.fail(node, `<${name}>: unknown component (a lesson may use ${COMPONENTS.map((c) => `<${c}>`).join(', ')})`);
    }
    const component = name as ComponentName;
    const props = this.props(node, component);
    const where = `<${component}>`;
    try {
      switch (component) {
        case 'Figure':
        case 'Finding': {
          if (node.children.length > 0) throw new PropError('takes no children (write it self-closing)');
          return component === 'Figure'
            ? { kind: 'figure', line: lineOf(node), props: figureProps(this.library, props) }
            : { kind: 'finding', line: lineOf(node), props: findingProps(this.library, props) };
        }
        case 'Value':
        case 'CourseCount':
        case 'LessonRef':
          throw new PropError('is inline: put it inside a sentence');
        case 'Glossary':
          checkSchema('Glossary', props);
          if (node.children.length > 0) throw new PropError('takes no children (write it self-closing)');
          return { kind: 'glossary', line: lineOf(node) };
        case 'Hint':
        case 'Solution':
          if (!inExercise) throw new PropError('must sit inside an <Exercise>');
          return this.fold(node, component) as unknown as Block;
        case 'Exercise':
          if (inExercise) throw new PropError(`cannot sit inside <Exercise id="${inExercise.id}">`);
          return this.exercise(node, props.id as string, props.title as string);
      }
    } catch (e) {
      if (e instanceof PropError) this.fail(node, `${where}: ${e.message}`);
      throw e;
    }
  }

  props(node: Jsx, component: ComponentName) {
    try {
      const props = readProps(node.attributes);
      if (component === 'Exercise' || component === 'Hint' || component === 'Solution') checkSchema(component, props);
      return props;
    } catch (e) {
      if (e instanceof LiteralError || e instanceof PropError) this.fail(node, `<${component}>: ${e.message}`);
      throw e;
    }
  }

  fold(node: MdxJsxFlowElement, fold: 'Hint' | 'Solution'): FoldBlock {
    const blocks = this.blocks(node.children as Node[]);
    for (const b of blocks) {
      if (b.kind !== 'prose') this.fail({ position: { start: { line: b.line } } }, `<${fold}> holds prose only (no runnable cells or components)`);
    }
    return { kind: 'fold', line: lineOf(node), fold, blocks: blocks as ProseBlock[] };
  }

  exercise(node: MdxJsxFlowElement, id: string, title: string): ExerciseBlock {
    if (!Object.prototype.hasOwnProperty.call(this.library.exercises, id)) {
      this.fail(node, `<Exercise>: unknown exercise "${id}": add it to lib/exercises (registered: ${Object.keys(this.library.exercises).join(', ') || 'none'})`);
    }
    const context = { id, codes: [] as CellBlock[] };
    const blocks = this.blocks(node.children as Node[], context) as Array<Block | FoldBlock>;
    if (context.codes.length !== 1) this.fail(node, `<Exercise id="${id}"> needs one "ts exercise" block`);
    for (const b of blocks) {
      if (b.kind !== 'prose' && b.kind !== 'cell' && b.kind !== 'fold') {
        this.fail({ position: { start: { line: b.line } } }, `<Exercise id="${id}"> holds prose, <Hint>, one "ts exercise" block and <Solution> only`);
      }
    }
    const number = /^ex-\d\d-(\d+)$/.exec(id)?.[1];
    return {
      kind: 'exercise',
      line: lineOf(node),
      id,
      title,
      heading: number ? `Exercise ${number}: ${title}` : `Exercise: ${title}`,
      blocks: blocks as ExerciseBlock['blocks'],
    };
  }

  /** Checks the inline content of a prose node and returns its <Value> and <LessonRef> tags' props, in order. */
  inline(node: Node): { values: ValueProps[]; refs: LessonRefProps[] } {
    const values: ValueProps[] = [];
    const refs: LessonRefProps[] = [];
    const visit = (n: Node) => {
      if (n.type === 'mdxTextExpression') this.fail(n, '`{` or `}` in prose is an MDX expression: put it in `inline code` or rephrase');
      if (n.type === 'mdxJsxFlowElement') {
        this.fail(n, `<${n.name ?? ''}> cannot sit inside a list or quote: put components on lines of their own`);
      }
      if (n.type === 'mdxJsxTextElement') {
        const name = n.name ?? '';
        if (name === 'Value') {
          if (n.children.length > 0) this.fail(n, '<Value ... /> must be self-closing');
          try {
            values.push(valueProps(this.library, readProps(n.attributes)));
          } catch (e) {
            if (e instanceof LiteralError || e instanceof PropError) this.fail(n, `<Value>: ${e.message}`);
            throw e;
          }
          return;
        }
        if (name === 'LessonRef') {
          if (n.children.length > 0) this.fail(n, '<LessonRef ... /> must be self-closing: its text is computed ("lesson 6"); choose it with form="lesson" | "Lesson" | "number" | "title"');
          try {
            refs.push(lessonRefProps(this.course(), readProps(n.attributes)));
          } catch (e) {
            if (e instanceof LiteralError || e instanceof PropError) this.fail(n, `<LessonRef>: ${e.message}`);
            throw e;
          }
          return;
        }
        if (name === 'CourseCount') {
          if (n.children.length > 0) this.fail(n, '<CourseCount ... /> must be self-closing');
          try {
            checkSchema('CourseCount', readProps(n.attributes));
          } catch (e) {
            if (e instanceof LiteralError || e instanceof PropError) this.fail(n, `<CourseCount>: ${e.message}`);
            throw e;
          }
          return;
        }
        if (!INLINE_HTML.includes(name)) {
          this.fail(n, `inline <${name}> is not supported in a lesson: only <Value ... />, <LessonRef ... />, ${INLINE_HTML.map((t) => `<${t}>`).join(', ')}`);
        }
      }
      if ('children' in n) for (const c of n.children as Node[]) visit(c);
    };
    visit(node);
    return { values, refs };
  }
}

function checkSkeleton(blocks: Block[], file: string): void {
  const headings = blocks.filter((b) => b.kind === 'heading' && b.depth === 2) as Array<Extract<Block, { kind: 'heading' }>>;
  const names = headings.map((h) => h.text);
  const head = names.slice(0, SKELETON_HEAD.length);
  const tail = names.slice(-SKELETON_TAIL.length);
  const middle = names.slice(SKELETON_HEAD.length, names.length - SKELETON_TAIL.length);
  const ok =
    head.join('\n') === SKELETON_HEAD.join('\n') &&
    tail.join('\n') === SKELETON_TAIL.join('\n') &&
    middle.length >= 1 &&
    middle.every((m) => !SKELETON_HEAD.includes(m) && !SKELETON_TAIL.includes(m));
  if (!ok) {
    throw new LessonError(
      file,
      headings[0]?.line ?? 1,
      `the \`##\` headings must be: ${[...SKELETON_HEAD, '<one or more teaching sections>', ...SKELETON_TAIL].join(' · ')}; found: ${names.join(' · ') || 'none'}`,
    );
  }
}
