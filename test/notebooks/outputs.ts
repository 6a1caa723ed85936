// Reading executed notebooks: what the notebook and browser tests look for in cell outputs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLesson } from '../../scripts/lesson-cells.mjs';
import { REPO_ROOT } from '../../scripts/jupyter-env.mjs';

/** Any Jupyter output (stream, display_data, execute_result, error), loosely typed. */
export type Output = Record<string, any>;

/** A verdict line as showFinding prints it (plain text, or bold in Markdown). */
export const VERDICT = /^\**(Finding [^:\n]+): (holds|does not hold)\**$/gm;

/** What a lesson asks its notebook to show: how many <Figure> and <Finding> tags it has. */
export function lessonExpectations(lessonFile: string): { figures: number; findings: number } {
  const { cells } = parseLesson(readFileSync(join(REPO_ROOT, lessonFile), 'utf8'), lessonFile);
  return {
    figures: cells.filter((c) => c.origin === 'Figure').length,
    findings: cells.filter((c) => c.origin === 'Finding').length,
  };
}

function text(value: unknown): string {
  return Array.isArray(value) ? value.join('') : typeof value === 'string' ? value : '';
}

/** Outputs that carry a figure: HTML with the data-teaming-lab-figure mark. */
export function figureOutputs(outputs: Output[]): Output[] {
  return outputs.filter((o) => text(o.data?.['text/html']).includes('data-teaming-lab-figure='));
}

/** Every verdict line in the outputs, read from the plain-text part (or the stream text) of each. */
export function verdicts(outputs: Output[]): Array<{ finding: string; verdict: string }> {
  const found: Array<{ finding: string; verdict: string }> = [];
  for (const o of outputs) {
    const plain = o.output_type === 'stream' ? text(o.text) : text(o.data?.['text/plain']);
    for (const m of plain.matchAll(VERDICT)) found.push({ finding: m[1], verdict: m[2] });
  }
  return found;
}

/** Error outputs, as one line each (`ename: evalue`). */
export function errors(outputs: Output[]): string[] {
  return outputs.filter((o) => o.output_type === 'error').map((o) => `${o.ename}: ${o.evalue}`);
}
