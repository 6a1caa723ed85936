import { experiments } from '../experiments/registry';
import { runEnsemble } from './runEnsemble';
import type { EnsembleOptions, FindingEnsemble } from './runEnsemble';

/** Options of `reproduceEnsemble`: an ensemble's options without the experiment's own. */
export type ReproduceEnsembleOptions = Omit<EnsembleOptions, 'options'>;

/**
 * Every experiment of the kit, each over many draws with its default options, in registry order: for each
 * finding what holds for any hash, and the probability that the article's observation appears (see
 * `runEnsemble`); not `finding-draws`, which summarizes these same draws. What `teaming-lab reproduce` prints.
 */
export function reproduceEnsemble(options: ReproduceEnsembleOptions = {}): FindingEnsemble[] {
  return Object.values(experiments).filter((experiment) => !experiment.summarizesDraws).map((experiment) => runEnsemble(experiment, options));
}
