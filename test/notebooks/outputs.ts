// Reading executed notebooks: what the notebook and browser tests look for in cell outputs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as library from '../../lib/index';
import { REPO_ROOT } from '../../scripts/jupyter-env';
import { allBlocks } from '../../scripts/lesson/allBlocks';
import { parseLesson } from '../../scripts/lesson/parseLesson';

/** Any Jupyter output (stream, display_data, execute_result, error), loosely typed. */
export type Output = Record<string, any>;

/** A verdict line as showFinding prints it (plain text, or bold in Markdown). */
export const VERDICT = /^\**(Finding [^:\n]+): (holds|does not hold)\**$/gm;
/** A line as the exercises' check() prints it. */
export const CHECK = /^(PASS|FAIL) (\S+?):? .*$/gm;

/** What a lesson asks its notebook to show: its charts (one per <Figure> tag, plus one per `show(` call
 * in its runnable cells), its <Finding> count and its exercises. */
export function lessonExpectations(lessonFile: string): {
  figures: number;
  findings: number;
  exercises: Array<{ id: string; answerName: string; solution: string }>;
} {
  const blocks = allBlocks(parseLesson(readFileSync(join(REPO_ROOT, lessonFile), 'utf8'), lessonFile, library));
  return {
    figures:
      blocks.filter((b) => b.kind === 'figure').length +
      blocks.reduce((n, b) => n + (b.kind === 'cell' && !b.exercise ? (b.code.match(/(?<![\w.$])show\(/g)?.length ?? 0) : 0), 0),
    findings: blocks.filter((b) => b.kind === 'finding').length,
    exercises: blocks.flatMap((b) => (b.kind === 'cell' && b.exercise ? [b.exercise] : [])),
  };
}

function text(value: unknown): string {
  return Array.isArray(value) ? value.join('') : typeof value === 'string' ? value : '';
}

/** The plain text of outputs: stream text and the text/plain part of rich outputs. */
export function plainText(outputs: Output[]): string {
  return outputs.map((o) => (o.output_type === 'stream' ? text(o.text) : text(o.data?.['text/plain']))).join('\n');
}

/** Outputs that carry a figure: HTML with the data-teaming-lab-figure mark. */
export function figureOutputs(outputs: Output[]): Output[] {
  return outputs.filter((o) => text(o.data?.['text/html']).includes('data-teaming-lab-figure='));
}

/** Every verdict line in the outputs, read from the plain-text part (or the stream text) of each. */
export function verdicts(outputs: Output[]): Array<{ finding: string; verdict: string }> {
  const found: Array<{ finding: string; verdict: string }> = [];
  for (const o of outputs) for (const m of plainText([o]).matchAll(VERDICT)) found.push({ finding: m[1], verdict: m[2] });
  return found;
}

/** Every check() line in the outputs: `{ result: 'PASS' | 'FAIL', id, line }`. */
export function checks(outputs: Output[]): Array<{ result: string; id: string; line: string }> {
  return [...plainText(outputs).matchAll(CHECK)].map((m) => ({ result: m[1], id: m[2], line: m[0] }));
}

/** Error outputs, as one line each (`ename: evalue`). */
export function errors(outputs: Output[]): string[] {
  return outputs.filter((o) => o.output_type === 'error').map((o) => `${o.ename}: ${o.evalue}`);
}
