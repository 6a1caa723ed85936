// Renders a parsed lesson (scripts/lesson/parseLesson.ts) to the HTML of its page body. The lesson's MDX
// is compiled by mdx-bundler (`bundleMDX`: MDX's own remark/rehype pipeline and esbuild, offline) and the
// resulting component is rendered to static HTML by react-dom/server. Markdown (paragraphs, lists,
// emphasis, links) is MDX's; every lesson component is mapped to a React component that renders the block
// the parser already validated (figures and findings with their experiment runs, cells with the output
// they printed when the site was built, values, lesson references, exercises and their folds), so the
// parser stays the one place that checks a lesson. Code is highlighted by shiki.
import type { Code, Heading, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { ComponentType, ReactElement, ReactNode } from 'react';
import type { Highlighter } from 'shiki';
import type { ExperimentResult } from '../../lib/experiments/Experiment';
import { allBlocks } from '../../scripts/lesson/allBlocks';
import type { Block, CellBlock, ExerciseBlock, FoldBlock, HeadingBlock, Lesson, LessonRefProps, ProseBlock } from '../../scripts/lesson/Lesson';
import { LessonError } from '../../scripts/lesson/LessonError';
import type { Library } from '../../scripts/loadLibrary';
import type { PageContext } from './components';
import { cellHtml, figureHtml, findingHtml, valueHtml } from './components';
import { h, rawHtml } from './h';
import { slugify } from './html';
import { highlightCode } from './highlight';
import { runCell } from './runCell';

/** One entry of the page's table of contents. */
export interface TocEntry {
  depth: number;
  id: string;
  text: string;
}

/** What `renderLesson` returns. */
export interface RenderedLesson {
  /** The article body (without the page shell). */
  html: string;
  toc: TocEntry[];
  figures: number;
  cells: number;
}

/** Options of `renderLesson`. */
export interface RenderLessonOptions {
  lab: Library;
  highlighter: Highlighter;
  /** Rewrites a link written in a lesson (`03-x.mdx#a` → `../03-x/#a`); throws for a lesson that does not exist. */
  lessonHref(href: string): string;
  /** How many lessons the course has (for `<CourseCount of="lessons" />`). */
  lessonCount?: number;
  /** Experiment runs shared by every page of a build (key: id and options). */
  runs?: Map<string, ExperimentResult>;
}

/** The components the MDX of a lesson may name; ./components.ts and the functions below render them. */
type Props = { children?: ReactNode; line?: string; index?: string; [key: string]: unknown };

/** Attribute names the MDX step adds to tie a tag to its parsed block (never rendered). */
const LINE = 'line';
const INDEX = 'index';

const attribute = (name: string, value: string): MdxJsxAttribute => ({ type: 'mdxJsxAttribute', name, value });

/**
 * A remark plugin for the MDX compile: ties every node the site renders from a parsed block to that block.
 * Components get `line` (the tag's first line, which the parser recorded on its block); `<Value>` and
 * `<LessonRef>` also get `index` (their position in the page, the parser's order); code fences and headings
 * become `<Code>`, `<Cell>` and `<Heading>` elements so shiki, the build-time cell run and the heading ids
 * render them. A one-line `<Hint>text</Hint>` gets its paragraph back (the parser reads it as one).
 */
function remarkLessonBlocks(counts: { Value: number; LessonRef: number }) {
  return (tree: Root) => {
    const visit = (node: Root | RootContent, parent: { children: RootContent[] } | null, i: number): void => {
      const line = String(('position' in node && node.position?.start.line) || 1);
      if (node.type === 'code' && parent) {
        const code = node as Code;
        const meta = (code.meta ?? '').trim();
        const runnable = code.lang === 'ts' && (meta === 'cell' || meta === 'exercise');
        const element: MdxJsxFlowElement = runnable
          ? { type: 'mdxJsxFlowElement', name: 'Cell', attributes: [attribute(LINE, line)], children: [], position: code.position }
          : { type: 'mdxJsxFlowElement', name: 'Code', attributes: [attribute('lang', code.lang ?? ''), attribute('code', code.value)], children: [], position: code.position };
        parent.children[i] = element;
        return;
      }
      if (node.type === 'heading' && parent) {
        const heading = node as Heading;
        parent.children[i] = { type: 'mdxJsxFlowElement', name: 'Heading', attributes: [attribute(LINE, line)], children: heading.children as never, position: heading.position };
        return;
      }
      if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
        const jsx = node as MdxJsxFlowElement | MdxJsxTextElement;
        if (jsx.name === 'Value' || jsx.name === 'LessonRef') jsx.attributes.push(attribute(INDEX, String(counts[jsx.name]++)), attribute(LINE, line));
        else if (jsx.name && /^[A-Z]/.test(jsx.name)) jsx.attributes.push(attribute(LINE, line));
        if ((jsx.name === 'Hint' || jsx.name === 'Solution') && jsx.children.length > 0 && (jsx.children as Array<{ type: string }>).every((c) => !isFlow(c))) {
          jsx.children = [{ type: 'paragraph', children: jsx.children as PhrasingContent[] } as Paragraph];
        }
      }
      if ('children' in node) (node.children as RootContent[]).forEach((child, j) => visit(child, node as { children: RootContent[] }, j));
    };
    visit(tree, null, 0);
  };
}

const FLOW = new Set(['paragraph', 'heading', 'code', 'list', 'blockquote', 'thematicBreak', 'mdxJsxFlowElement', 'table', 'html']);
function isFlow(node: { type: string }): boolean {
  return FLOW.has(node.type);
}

/** Renders a lesson's blocks. @throws LessonError naming the file and line of a failing experiment, value or cell */
export async function renderLesson(lesson: Lesson, options: RenderLessonOptions): Promise<RenderedLesson> {
  const { lab, highlighter } = options;
  const runs = options.runs ?? new Map<string, ExperimentResult>();
  const ids = new Set<string>();
  const toc: TocEntry[] = [];
  let line = 1;
  const fail = (message: string): never => {
    throw new LessonError(lesson.file, line, message);
  };
  const page: PageContext = {
    lab,
    counters: { figures: 0, findings: 0, cells: 0 },
    uniqueId(base) {
      let id = base;
      for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
      ids.add(id);
      return id;
    },
    run(experiment, opts) {
      const key = `${experiment} ${JSON.stringify(opts)}`;
      let result = runs.get(key);
      if (!result) {
        try {
          result = lab.experimentById(experiment)!.run(opts);
        } catch (e) {
          return fail(`experiment ${experiment} failed with options ${JSON.stringify(opts)}: ${(e as Error).message}`);
        }
        runs.set(key, result);
      }
      return result;
    },
  };

  // The parsed blocks, by the line their tag starts on, and the page's values and references in order.
  const blocks = allBlocks(lesson);
  const byLine = new Map<number, Block | FoldBlock>();
  const exerciseOf = new Map<FoldBlock, ExerciseBlock>();
  for (const b of blocks) {
    if (b.kind !== 'prose') byLine.set(b.line, b);
    if (b.kind === 'exercise') for (const c of b.blocks) if (c.kind === 'fold') exerciseOf.set(c, b);
  }
  const prose = blocks.filter((b): b is ProseBlock => b.kind === 'prose');
  page.findings = new Map();
  for (const b of blocks) if (b.kind === 'finding' && !page.findings.has(b.props.experiment)) page.findings.set(b.props.experiment, b.line);
  const values = prose.flatMap((b) => b.values);
  const refs = prose.flatMap((b) => b.refs);
  const block = <K extends (Block | FoldBlock)['kind']>(props: Props, kind: K): Extract<Block | FoldBlock, { kind: K }> => {
    const found = byLine.get(Number(props[LINE]));
    if (found?.kind !== kind) throw new LessonError(lesson.file, Number(props[LINE]) || 1, `the MDX compile found a ${kind} the parser did not (mdx-bundler and the lesson parser disagree)`);
    line = found.line;
    return found as Extract<Block | FoldBlock, { kind: K }>;
  };

  /** `<CourseCount of>`: lessons built, the article's findings in the experiments registry, numbered exercises. */
  const courseCount = (of: string): number => {
    if (of === 'lessons') return options.lessonCount ?? fail('<CourseCount of="lessons">: the lesson count was not given to the renderer');
    if (of === 'findings') return Object.values(lab.experiments).filter((e) => e.finding !== null).length;
    return Object.keys(lab.exercises).filter((id) => /^ex-\d\d-\d+$/.test(id)).length;
  };

  const codeBlock = (code: string, lang: string): ReactElement => {
    const label = lang && !['text', 'txt', 'plain', 'plaintext'].includes(lang) ? h('span', { class: 'tl-code-lang' }, lang) : null;
    return h('div', { class: 'tl-code' }, label, h('pre', { class: 'tl-hl', tabindex: '0' }, h('code', { class: `language-${lang || 'text'}` }, rawHtml(highlightCode(highlighter, code, lang)))));
  };

  const cell = (b: CellBlock): ReactElement => {
    if (b.exercise) {
      // The learner's version (the shared student stub); its output would only be the stub's FAIL line.
      return cellHtml(page, highlightCode(highlighter, b.exercise.student, 'ts'), null, lab.exercises[b.exercise.id]);
    }
    const run = runCell(b.code, lab);
    if (run.error) fail(`the cell failed when the site was built: ${run.error}`);
    return cellHtml(page, highlightCode(highlighter, b.code, 'ts'), run);
  };

  const heading = (depth: number) => (props: Props): ReactElement => {
    const b = block(props, 'heading') as HeadingBlock;
    const id = page.uniqueId(slugify(b.text));
    if (depth <= 3) toc.push({ depth, id, text: b.text });
    return h(`h${depth}`, { id }, props.children, ' ', h('a', { class: 'tl-anchor', href: `#${id}`, 'aria-label': `Link to section ${b.text}` }, '#'));
  };

  const components: Record<string, ComponentType<Props>> = {
    Heading: (props) => heading((block(props, 'heading') as HeadingBlock).depth)(props),
    Code: (props) => codeBlock(String(props.code ?? ''), String(props.lang ?? '')),
    Cell: (props) => cell(block(props, 'cell')),
    Figure: (props) => {
      const b = block(props, 'figure');
      return figureHtml(page, b.props, b.line);
    },
    Finding: (props) => findingHtml(page, block(props, 'finding').props),
    Value: (props) => {
      line = Number(props[LINE]) || line;
      const v = values[Number(props[INDEX])] ?? fail('<Value>: the MDX compile found a value the parser did not');
      try {
        return valueHtml(page, v);
      } catch (e) {
        if (e instanceof LessonError) throw e;
        return fail(`<Value experiment="${v.experiment}" path="${v.path}">: ${(e as Error).message}`);
      }
    },
    LessonRef: (props) => lessonRefElement(refs[Number(props[INDEX])] ?? fail('<LessonRef>: the MDX compile found a reference the parser did not'), options.lessonHref),
    CourseCount: (props) => h('span', { class: 'tl-value', title: `Computed when the site is built (${String(props.of)})` }, String(courseCount(String(props.of)))),
    Glossary: (props) => {
      block(props, 'glossary');
      return h('dl', { class: 'tl-glossary' }, lab.GLOSSARY.map((e) => {
        const id = page.uniqueId(`term-${slugify(e.term)}`);
        return [h('dt', { id }, e.term), h('dd', null, e.definition, ' ', h('span', { class: 'tl-glossary-lesson' }, `(Lesson ${e.lesson})`))];
      }));
    },
    Exercise: (props) => {
      const b = block(props, 'exercise');
      const id = page.uniqueId(b.id);
      toc.push({ depth: 3, id, text: b.heading });
      return h('section', { class: 'tl-exercise', id, 'aria-labelledby': `${id}-title` },
        h('h3', { id: `${id}-title` }, b.heading, ' ', h('a', { class: 'tl-anchor', href: `#${id}`, 'aria-label': `Link to ${b.heading}` }, '#')),
        props.children);
    },
    Hint: (props) => fold(block(props, 'fold'), props.children),
    Solution: (props) => fold(block(props, 'fold'), props.children),
    a: (props) => {
      const href = String(props.href ?? '');
      const external = /^[a-z]+:/i.test(href);
      return h('a', { href: external ? href : options.lessonHref(href), rel: external ? 'noopener' : undefined, title: props.title as string | undefined }, props.children);
    },
  };

  const fold = (b: FoldBlock, children: ReactNode): ReactElement => {
    const solution = b.fold === 'Solution' ? exerciseOf.get(b)?.blocks.find((c): c is CellBlock => c.kind === 'cell' && c.exercise !== undefined)?.exercise?.solution : undefined;
    return h('details', { class: b.fold === 'Hint' ? 'tl-hint' : 'tl-solution' }, h('summary', null, b.fold),
      h('div', { class: 'tl-fold' }, children, solution ? [h('p', null, 'The solution code:'), codeBlock(solution, 'ts')] : null));
  };

  // mdx-bundler, React and react-dom/server load only when a page is rendered (a cached start skips them).
  const [{ bundleMDX }, { getMDXComponent }, React, { renderToStaticMarkup }] = await Promise.all([
    import('mdx-bundler'),
    import('mdx-bundler/client/index.js'),
    import('react'),
    import('react-dom/server'),
  ]);
  const counts = { Value: 0, LessonRef: 0 };
  let code: string;
  try {
    ({ code } = await bundleMDX({
      source: lesson.source,
      mdxOptions(o) {
        o.remarkPlugins = [...(o.remarkPlugins ?? []), () => remarkLessonBlocks(counts)];
        return o;
      },
    }));
  } catch (e) {
    throw new LessonError(lesson.file, 1, `mdx-bundler could not compile the lesson: ${(e as Error).message}`);
  }
  if (counts.Value !== values.length || counts.LessonRef !== refs.length) {
    fail(`the MDX compile found ${counts.Value} <Value> and ${counts.LessonRef} <LessonRef>, the parser ${values.length} and ${refs.length}`);
  }
  const Content = getMDXComponent(code) as ComponentType<{ components: Record<string, ComponentType<Props>> }>;
  const html = renderToStaticMarkup(React.createElement(Content, { components }));
  return { html, toc, figures: page.counters.figures, cells: page.counters.cells };
}

/** A `<LessonRef>` as a link to the other page (its `.mdx` href rewritten like any lesson link). */
export function lessonRefElement(ref: LessonRefProps, lessonHref: (href: string) => string): ReactElement {
  const href = lessonHref(`${ref.to}.mdx${ref.anchor ? `#${ref.anchor.id}` : ''}`);
  return h('a', { href, class: 'tl-lesson-ref', title: `Lesson ${ref.lesson}: ${ref.title}${ref.anchor ? ` (${ref.anchor.text})` : ''}` }, ref.text);
}
