import type { ExperimentResult } from '../experiments/Experiment';
import { InputError } from '../InputError';
import { formatMeasured } from '../formatMeasured';

/** Options for `findingMarkdown` and `showFinding`. */
export interface FindingOptions {
  /** The finding's number in the article (1 to 8). Default: read from the result's id `finding-N`;
   * without one the verdict line names the id instead. */
  finding?: number;
}

/** The verdict line tests and readers look for: `Finding 3: holds` or `Finding 3: does not hold`. */
export function verdictLine(result: ExperimentResult, options: FindingOptions = {}): string {
  return `${findingLabel(result, options)}: ${result.holds ? 'holds' : 'does not hold'}`;
}

/**
 * A finding as Markdown: the claim, a table of the measured figures, the summary and the verdict line.
 * Pure, so the site and the notebook show the same text.
 */
export function findingMarkdown(result: ExperimentResult, options: FindingOptions = {}): string {
  checkResult(result);
  const rows = Object.entries(result.measured).map(
    ([name, value]) => `| ${escapeCell(name)} | ${escapeCell(formatMeasured(value))} |`,
  );
  return [
    `**${findingLabel(result, options)}.** ${result.claim}`,
    '',
    '| Measured | Value |',
    '| --- | --- |',
    ...rows,
    '',
    result.summary,
    '',
    `**${verdictLine(result, options)}**`,
  ].join('\n');
}

/** The same content as plain text, for front ends (and logs) without Markdown. */
export function findingText(result: ExperimentResult, options: FindingOptions = {}): string {
  checkResult(result);
  const width = Math.max(0, ...Object.keys(result.measured).map((name) => name.length));
  return [
    `${findingLabel(result, options)}. ${result.claim}`,
    ...Object.entries(result.measured).map(([name, value]) => `  ${name.padEnd(width)}  ${formatMeasured(value)}`),
    result.summary,
    verdictLine(result, options),
  ].join('\n');
}

function findingLabel(result: ExperimentResult, options: FindingOptions): string {
  if (options.finding !== undefined) {
    if (!Number.isInteger(options.finding) || options.finding < 1) {
      throw new InputError('options.finding', options.finding, 'a whole number from 1');
    }
    return `Finding ${options.finding}`;
  }
  const match = /^finding-(\d+)$/.exec(result.id);
  return match ? `Finding ${Number(match[1])}` : `Finding ${result.id}`;
}

function checkResult(result: ExperimentResult): void {
  if (typeof result !== 'object' || result === null || typeof result.id !== 'string') {
    throw new InputError('result', result, 'an ExperimentResult from an experiment’s run()');
  }
  if (typeof result.holds !== 'boolean') throw new InputError('result.holds', result.holds, 'true or false');
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

