// Renders a parsed lesson (scripts/lesson/parseLesson.ts) to the HTML of its page body: prose through
// mdast-util-to-hast and hast-util-to-html, code highlighted by shiki, components by ./components.ts,
// and every runnable cell with the output it printed when the site was built.
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Code, PhrasingContent, RootContent } from 'mdast';
import type { MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import { toHast } from 'mdast-util-to-hast';
import type { State } from 'mdast-util-to-hast';
import type { Highlighter } from 'shiki';
import type { ExperimentResult } from '../../lib/experiments/Experiment';
import type { Block, CellBlock, FoldBlock, Lesson, LessonRefProps, ProseBlock } from '../../scripts/lesson/Lesson';
import { LessonError } from '../../scripts/lesson/LessonError';
import type { Library } from '../../scripts/loadLibrary';
import type { PageContext } from './components';
import { cellHtml, figureHtml, findingHtml, valueHtml } from './components';
import { el, esc, raw, slugify } from './html';
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

/** A `<LessonRef>` as a link (its `.mdx` href becomes the page's address like any lesson link below). */
export function lessonRefElement(ref: LessonRefProps): Element {
  return {
    type: 'element',
    tagName: 'a',
    properties: { href: `${ref.to}.mdx${ref.anchor ? `#${ref.anchor.id}` : ''}`, className: ['tl-lesson-ref'], title: `Lesson ${ref.lesson}: ${ref.title}${ref.anchor ? ` (${ref.anchor.text})` : ''}` },
    children: [{ type: 'text', value: ref.text }],
  };
}

/** Renders a lesson's blocks. @throws LessonError naming the file and line of a failing experiment or value */
export function renderLesson(lesson: Lesson, options: RenderLessonOptions): RenderedLesson {
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

  /** `<CourseCount of>`: lessons built, the article's findings in the experiments registry, numbered exercises. */
  const courseCount = (of: string): number => {
    if (of === 'lessons') return options.lessonCount ?? fail('<CourseCount of="lessons">: the lesson count was not given to the renderer');
    if (of === 'findings') return Object.values(lab.experiments).filter((e) => e.finding !== null).length;
    return Object.keys(lab.exercises).filter((id) => /^ex-\d\d-\d+$/.test(id)).length;
  };

  /** Prose (mdast) → HTML, with <Value>, inline HTML, highlighted code and rewritten links. */
  const prose = (nodes: RootContent[], values: ProseBlock['values'], refs: ProseBlock['refs'] = []): string => {
    let next = 0;
    let nextRef = 0;
    const hast = toHast({ type: 'root', children: nodes } as never, {
      allowDangerousHtml: true,
      handlers: {
        mdxJsxTextElement(state: State, node: MdxJsxTextElement): ElementContent | ElementContent[] {
          if (node.name === 'Value') {
            const props = values[next++];
            try {
              return { type: 'raw', value: valueHtml(page, props).html } as unknown as ElementContent;
            } catch (e) {
              if (e instanceof LessonError) throw e;
              return fail(`<Value experiment="${props.experiment}" path="${props.path}">: ${(e as Error).message}`);
            }
          }
          if (node.name === 'LessonRef') {
            const ref = refs[nextRef++];
            if (!ref) return fail('<LessonRef>: the parser did not resolve this reference');
            return lessonRefElement(ref);
          }
          if (node.name === 'CourseCount') {
            const of = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'of')?.value;
            const count = courseCount(String(of));
            return { type: 'element', tagName: 'span', properties: { className: ['tl-value'], title: `Computed when the site is built (${String(of)})` }, children: [{ type: 'text', value: String(count) }] } as Element;
          }
          return { type: 'element', tagName: node.name ?? 'span', properties: {}, children: state.all(node as never) } as Element;
        },
        code(_state: State, node: Code): ElementContent {
          const lang = node.lang ?? '';
          const label = lang && !['text', 'txt', 'plain', 'plaintext'].includes(lang) ? `<span class="tl-code-lang">${esc(lang)}</span>` : '';
          const code = highlightCode(highlighter, node.value, lang);
          return { type: 'raw', value: `<div class="tl-code">${label}<pre class="tl-hl" tabindex="0"><code class="language-${esc(lang || 'text')}">${code}</code></pre></div>` } as unknown as ElementContent;
        },
      },
    }) as HastRoot;
    const visit = (n: HastRoot | ElementContent) => {
      if (n.type === 'element' && n.tagName === 'a' && typeof n.properties.href === 'string') {
        const href = n.properties.href;
        if (/^[a-z]+:/i.test(href)) n.properties.rel = ['noopener'];
        else n.properties.href = options.lessonHref(href);
      }
      if ('children' in n) for (const c of n.children) visit(c as ElementContent);
    };
    visit(hast);
    return toHtml(hast, { allowDangerousHtml: true });
  };

  const inline = (children: PhrasingContent[]): string => prose([{ type: 'paragraph', children } as RootContent], []).replace(/^<p>|<\/p>$/g, '');

  const cell = (block: CellBlock): string => {
    if (block.exercise) {
      // The learner's version (the shared student stub); its output would only be the stub's FAIL line.
      const exercise = lab.exercises[block.exercise.id];
      return cellHtml(page, highlightCode(highlighter, block.exercise.student, 'ts'), null, exercise).html;
    }
    const run = runCell(block.code, lab);
    if (run.error) fail(`the cell failed when the site was built: ${run.error}`);
    return cellHtml(page, highlightCode(highlighter, block.code, 'ts'), run).html;
  };

  const fold = (block: FoldBlock, solutionCode?: string): string => {
    const cls = block.fold === 'Hint' ? 'tl-hint' : 'tl-solution';
    const extra = solutionCode
      ? `<p>The solution code:</p><div class="tl-code"><span class="tl-code-lang">ts</span><pre class="tl-hl" tabindex="0"><code class="language-ts">${highlightCode(highlighter, solutionCode, 'ts')}</code></pre></div>`
      : '';
    return el('details', { class: cls }, el('summary', null, block.fold), el('div', { class: 'tl-fold' }, raw(block.blocks.map((b) => prose(b.nodes, b.values, b.refs)).join('\n') + extra))).html;
  };

  const render = (block: Block): string => {
    line = block.line;
    switch (block.kind) {
      case 'heading': {
        const id = page.uniqueId(slugify(block.text));
        if (block.depth <= 3) toc.push({ depth: block.depth, id, text: block.text });
        return `<h${block.depth} id="${esc(id)}">${inline(block.node.children)} <a class="tl-anchor" href="#${esc(id)}" aria-label="Link to section ${esc(block.text)}">#</a></h${block.depth}>`;
      }
      case 'prose':
        return prose(block.nodes, block.values, block.refs);
      case 'cell':
        return cell(block);
      case 'figure':
        return figureHtml(page, block.props).html;
      case 'finding':
        return findingHtml(page, block.props).html;
      case 'glossary':
        return el('dl', { class: 'tl-glossary' }, raw(lab.GLOSSARY.map((e) => {
          const id = page.uniqueId(`term-${slugify(e.term)}`);
          return `<dt id="${esc(id)}">${esc(e.term)}</dt><dd>${esc(e.definition)} <span class="tl-glossary-lesson">(Lesson ${esc(String(e.lesson))})</span></dd>`;
        }).join(''))).html;
      case 'exercise': {
        const id = page.uniqueId(block.id);
        toc.push({ depth: 3, id, text: block.heading });
        const code = block.blocks.find((b): b is CellBlock => b.kind === 'cell' && b.exercise !== undefined);
        const body = block.blocks
          .map((b) => {
            line = b.line;
            return b.kind === 'fold' ? fold(b, b.fold === 'Solution' ? code?.exercise?.solution : undefined) : b.kind === 'cell' ? cell(b) : prose(b.nodes, b.values, b.refs);
          })
          .join('\n');
        return `<section class="tl-exercise" id="${esc(id)}" aria-labelledby="${esc(id)}-title"><h3 id="${esc(id)}-title">${esc(block.heading)} <a class="tl-anchor" href="#${esc(id)}" aria-label="Link to ${esc(block.heading)}">#</a></h3>${body}</section>`;
      }
    }
  };

  const html = lesson.blocks.map(render).join('\n');
  return { html, toc, figures: page.counters.figures, cells: page.counters.cells };
}
