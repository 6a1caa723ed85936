import type { ExperimentResult } from '../experiments/Experiment';
import { displayBundle } from './displayBundle';
import { findingMarkdown, findingText } from './findingMarkdown';
import type { FindingOptions } from './findingMarkdown';

/** Shows a finding (claim, measured table, summary, `Finding N: holds`) as the output of the running
 * notebook cell, as Markdown with a plain-text twin. */
export function showFinding(result: ExperimentResult, options: FindingOptions = {}): void {
  displayBundle({ 'text/markdown': findingMarkdown(result, options), 'text/plain': findingText(result, options) });
}
