import type { ExperimentResult } from './Experiment';
import { experiments } from './registry';

/** Runs every experiment with its default options, in registry order: the article's findings, then
 * the experiments beyond it (not `finding-draws`, which reruns the findings over draws). Deterministic. */
export function reproduce(): ExperimentResult[] {
  return Object.values(experiments).filter((experiment) => !experiment.summarizesDraws).map((experiment) => experiment.run());
}
