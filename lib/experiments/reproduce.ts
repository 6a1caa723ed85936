import type { ExperimentResult } from './Experiment';
import { experiments } from './registry';

/** Runs every experiment with its default options, in registry order: the article's findings, then
 * the experiments beyond it. Deterministic. */
export function reproduce(): ExperimentResult[] {
  return Object.values(experiments).map((experiment) => experiment.run());
}
