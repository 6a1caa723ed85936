// Writes a parsed lesson as a tslab notebook (nbformat 4.5), through the workshop's one nbformat writer
// (lib/workshop/Notebook.ts: notebookText, sourceLines). Pure: blocks in, notebook out.
import type { Notebook, NotebookCell } from '../../lib/workshop/Notebook';
import { notebookText, sourceLines } from '../../lib/workshop/Notebook';
import { notebookAnchor } from './courseIndex';
import type { Block, ExperimentOptions, Lesson, LessonRefProps, ProseBlock } from './Lesson';
import { LessonError } from './LessonError';
import { tsLiteral, tsString } from './tsSource';

/** Notebook metadata for tslab's TypeScript kernel (what `tslab install` registers as `tslab`). */
export const TSLAB_METADATA = {
  kernelspec: { display_name: 'TypeScript', language: 'typescript', name: 'tslab' },
  language_info: {
    codemirror_mode: { mode: 'typescript', name: 'javascript', typescript: true },
    file_extension: '.ts',
    mimetype: 'text/typescript',
    name: 'typescript',
  },
};

/** Info strings of displayed blocks that mean "no highlighting"; classic Notebook would request a
 * CodeMirror mode it does not ship for them (a 404), so they lose the info string in a notebook. */
const PLAIN_TEXT_INFO = /^(\s*)(`{3,}|~{3,})(?:text|txt|plaintext|plain)\s*$/gm;

/** A cell before ids are given. */
interface Draft {
  cell_type: 'markdown' | 'code';
  source: string;
  metadata?: Record<string, unknown>;
}

/** Prose as notebook Markdown: links to other lessons point at their notebooks, plain-text fences lose their info. */
export function notebookMarkdown(markdown: string): string {
  return markdown
    .replace(/\]\((?:\.\/)?(\d\d-[\w-]+)\.mdx(#[^)\s]*)?\)/g, (_m, slug: string, hash?: string) => `](${slug}.ipynb${hash ?? ''})`)
    .replace(PLAIN_TEXT_INFO, '$1$2');
}

/** A folded block (`<details>`) for a hint or a solution. */
export function foldMarkdown(name: 'Hint' | 'Solution', body: string): string {
  return `<details><summary>${name}</summary>\n\n${body}\n\n</details>`;
}

function run(experiment: string, options: ExperimentOptions): string {
  const args = Object.keys(options).length > 0 ? tsLiteral(options) : '';
  return `experiments[${tsString(experiment)}].run(${args})`;
}

/** A `<LessonRef>` as a Markdown link to the other lesson's notebook (and heading), titled with the lesson. */
export function lessonRefMarkdown(ref: LessonRefProps): string {
  const hash = ref.anchor ? `#${notebookAnchor(ref.anchor.text)}` : '';
  const title = `Lesson ${ref.lesson}: ${ref.title}`.replace(/["\\]/g, '\\$&');
  return `[${ref.text}](${ref.to}.ipynb${hash} "${title}")`;
}

type Positioned = { type: string; name?: string | null; children?: unknown[]; position?: { start: { offset?: number }; end: { offset?: number } } };

/**
 * A prose block's Markdown with every `<LessonRef>` written as a link to its notebook and every `<Value>`
 * as `{0}`, `{1}` ... (the template `showValues` fills in). The block's nodes were joined by blank lines
 * in `markdown`, so each node's tags are located from its own source offsets.
 */
function proseMarkdown(block: ProseBlock): { text: string; pieces: string[] } {
  const spans: Array<{ start: number; end: number; name: string }> = [];
  let at = 0;
  for (const node of block.nodes) {
    const base = node.position?.start.offset ?? 0;
    const visit = (n: Positioned) => {
      if (n.type === 'mdxJsxTextElement' && (n.name === 'Value' || n.name === 'LessonRef')) {
        spans.push({ start: at + (n.position?.start.offset ?? 0) - base, end: at + (n.position?.end.offset ?? 0) - base, name: n.name });
        return;
      }
      for (const c of (n.children ?? []) as Positioned[]) visit(c);
    };
    visit(node as Positioned);
    at += (node.position?.end.offset ?? base) - base + 2;
  }
  const pieces: string[] = [];
  let text = '';
  let last = 0;
  let values = 0;
  let refs = 0;
  for (const span of spans) {
    pieces.push(block.markdown.slice(last, span.start));
    text += pieces[pieces.length - 1] + (span.name === 'Value' ? `{${values++}}` : lessonRefMarkdown(block.refs[refs++]));
    last = span.end;
  }
  pieces.push(block.markdown.slice(last));
  return { text: text + pieces[pieces.length - 1], pieces };
}

/** A paragraph with <Value> tags as one `showValues(template, values)` call. */
function valuesCell(block: ProseBlock, file: string): string {
  const { text: template, pieces } = proseMarkdown(block);
  if (pieces.some((p) => /\{\d+\}/.test(p))) throw new LessonError(file, block.line, 'a paragraph with <Value> tags cannot also contain `{N}`');
  const values = block.values.map((v) => ({ experiment: v.experiment, path: v.path, ...(Object.keys(v.options).length ? { options: v.options } : {}), ...(v.digits !== undefined ? { digits: v.digits } : {}), ...(v.unit !== undefined ? { unit: v.unit } : {}) }));
  return [
    "import { showValues } from 'teaming-lab'; // fills in the numbers the library computes: run the cell to read the paragraph",
    `showValues(${tsString(notebookMarkdown(template))}, ${tsLiteral(values)});`,
  ].join('\n');
}

/** The cells of a lesson's blocks. */
function drafts(lesson: Lesson): Draft[] {
  const out: Draft[] = [];
  let markdown: string[] = [];
  const flush = () => {
    if (markdown.length > 0) out.push({ cell_type: 'markdown', source: markdown.join('\n\n') });
    markdown = [];
  };
  const code = (source: string, metadata?: Record<string, unknown>) => {
    flush();
    out.push({ cell_type: 'code', source, ...(metadata ? { metadata } : {}) });
  };
  const prose = (block: ProseBlock) => {
    if (block.values.length > 0) code(valuesCell(block, lesson.file));
    else markdown.push(notebookMarkdown(proseMarkdown(block).text));
  };
  const visit = (block: Block) => {
    switch (block.kind) {
      case 'heading':
        if (block.depth === 2) flush();
        markdown.push(notebookMarkdown(block.markdown));
        return;
      case 'prose':
        return prose(block);
      case 'cell':
        return code(block.code, block.exercise ? { teaming_lab: { exercise: block.exercise.id, answerName: block.exercise.answerName } } : undefined);
      case 'figure': {
        const { experiment, options, controls } = block.props;
        return code([
          `// Runs experiment ${experiment} and draws its chart. Change the options and run the cell again.`,
          `// Options to try: ${controls.join(', ')} (experiments[${tsString(experiment)}].controls lists them all).`,
          "import { experiments, show } from 'teaming-lab';",
          '',
          `show(${run(experiment, options)}.figure);`,
        ].join('\n'));
      }
      case 'finding':
        return code([
          `// Runs experiment ${block.props.experiment} and checks the claim: the last line says whether it holds.`,
          "import { experiments, showFinding } from 'teaming-lab';",
          '',
          `showFinding(${run(block.props.experiment, block.props.options)});`,
        ].join('\n'));
      case 'exercise':
        flush();
        markdown.push(`### ${block.heading}`);
        for (const child of block.blocks) {
          if (child.kind === 'fold') {
            const body = child.blocks.map((b) => notebookMarkdown(proseMarkdown(b).text)).join('\n\n');
            if (child.fold === 'Solution') {
              // A Solution is a cell of its own: `workshop release` drops it from student copies.
              flush();
              markdown.push(foldMarkdown('Solution', body));
              flush();
            } else markdown.push(foldMarkdown('Hint', body));
          } else visit(child);
        }
        flush();
        return;
    }
  };
  for (const block of lesson.blocks) visit(block);
  flush();
  return out;
}

/**
 * The notebook (nbformat 4.5, no outputs) for a lesson: a title cell, then one Markdown cell per `##`
 * section (prose), one code cell per runnable cell, figure, finding and paragraph with numbers, and the
 * exercises (cell metadata `teaming_lab: { exercise, answerName }`). Cell ids are `<slug>-<position>`,
 * so regenerating gives the same bytes.
 */
export function lessonNotebook(lesson: Lesson): Notebook {
  const { frontMatter } = lesson;
  if (frontMatter.kind === 'guide') throw new LessonError(lesson.file, 1, 'a guide (`kind: guide`) gets no notebook');
  const idBase = lesson.slug.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 56);
  const intro: Draft = {
    cell_type: 'markdown',
    source: `# Lesson ${frontMatter.lesson}: ${frontMatter.title}\n\n${frontMatter.summary} *(About ${frontMatter.minutes} minutes.)*`,
  };
  const cells: NotebookCell[] = [intro, ...drafts(lesson)].map((draft, index) => {
    const id = `${idBase}-${String(index).padStart(3, '0')}`;
    const metadata = draft.metadata ?? {};
    const source = sourceLines(draft.source);
    return draft.cell_type === 'markdown'
      ? { cell_type: 'markdown', id, metadata, source }
      : { cell_type: 'code', execution_count: null, id, metadata, outputs: [], source };
  });
  return {
    cells,
    metadata: {
      ...TSLAB_METADATA,
      teaming_lab: {
        generated_from: lesson.file,
        lesson: frontMatter.lesson ?? null,
        note: 'Generated by scripts/generate-notebooks.ts from the lesson: edit the .mdx file, then run npm run notebooks:generate.',
      },
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
}

/** The notebook's file text (Jupyter's own layout: sorted keys, one-space indent, final newline). */
export function lessonNotebookText(lesson: Lesson): string {
  return notebookText(lessonNotebook(lesson));
}
