import { checkNumber } from '../fieldChecks';
import type { WindowsAddressHashStandIn } from '../hashing';
import { InputError } from '../InputError';
import type { Experiment, ExperimentResult } from '../experiments/Experiment';
import { distribution } from './Distribution';
import type { Distribution } from './Distribution';
import { makeDraw } from './Draw';
import { wilsonInterval } from './wilsonInterval';
import type { ProbabilityEstimate } from './wilsonInterval';

/** Most draws one ensemble runs, and the `auto` size's ceiling (385 draws give ±0.05 at p = 0.5). */
export const MAX_ENSEMBLE_RUNS = 10_000;
/** Draws `auto` starts with, and its most. */
export const AUTO_RUNS = { first: 40, max: 400 } as const;

/** Options of `runEnsemble`. */
export interface EnsembleOptions {
  /**
   * Draws to run: an integer from 1 to 10,000, or `auto` (default): draws are added until the 95 %
   * interval of the observation's probability is at most ±`halfWidth` (from 40 draws, at most 400; an
   * observation seen in every draw or none needs about 40, one seen half the time about 385).
   */
  runs?: number | 'auto';
  /** Half-width the `auto` size aims for, 0.01 to 0.5. Default 0.05. */
  halfWidth?: number;
  /** The experiment's options (its controls). Default: the controls' defaults. */
  options?: Record<string, unknown>;
  /** Seed of the ensemble (see `makeDraw`), an integer. Default 1. */
  seed?: number;
  /** Stand-in hash for every team in every draw. Default: each team's own (`toeplitz` with the host's random key). */
  addressHash?: WindowsAddressHashStandIn;
  /** Other connections between two of live migration's, for every host, 0 to 1000. Default: each host's own (0). */
  otherConnectionsPerConnection?: number;
}

/** What an ensemble says about one finding. */
export interface FindingEnsemble {
  /** The experiment's id, e.g. `finding-4`. */
  id: string;
  /** The article's finding number, or null. */
  finding: number | null;
  title: string;
  /** The claim, worded so that it is true for the probability reported. */
  claim: string;
  /** Draws run. */
  runs: number;
  /** False when the experiment does not depend on the draw (it then runs once). */
  dependsOnDraw: boolean;
  /** What holds for any hash: `holds` when it held in every draw. */
  anyHash: { statement: string; holds: boolean; heldIn: number; runs: number };
  /** The article's observation and the probability that it appears, with its 95 % Wilson interval. */
  observation: ProbabilityEstimate & { statement: string; uniformHashProbability?: number };
  /** The any-hash part held in every draw, and the observation appeared in at least one (the claim says it can). */
  holds: boolean;
  /** Every numeric (or yes/no, as 0/1) measured figure's spread over the draws. */
  measured: Record<string, Distribution>;
}

/**
 * Runs an experiment over many draws (`makeDraw`: each host's RSS key, each host's first ephemeral port,
 * setup jitter, port skips) and returns, for its finding, what held in every draw, the probability that
 * the article's observation appears with its 95 % Wilson interval, and the distribution of every measured
 * figure. An experiment that does not depend on the draw runs once.
 *
 * @throws InputError for a `runs` that is neither `auto` nor an integer from 1 to 10,000, a bad `halfWidth`,
 *   or the experiment's own option errors.
 */
export function runEnsemble(experiment: Experiment, ensemble: EnsembleOptions = {}): FindingEnsemble {
  const { runs = 'auto', options = {} } = ensemble;
  const halfWidth = checkNumber(ensemble.halfWidth ?? 0.05, 'halfWidth', { min: 0.01, max: 0.5 });
  if (runs !== 'auto') checkNumber(runs, 'runs', { integer: true, min: 1, max: MAX_ENSEMBLE_RUNS });
  else if (typeof runs !== 'string') throw new InputError('runs', runs, `auto or an integer from 1 to ${MAX_ENSEMBLE_RUNS}`);
  const results: DrawResult[] = [];
  const runDraw = (index: number) => {
    const draw = makeDraw(index, { seed: ensemble.seed, addressHash: ensemble.addressHash, otherConnectionsPerConnection: ensemble.otherConnectionsPerConnection });
    results.push(withParts(experiment.run(options, draw)));
  };
  if (!experiment.dependsOnDraw) runDraw(0);
  else if (runs !== 'auto') for (let i = 0; i < runs; i++) runDraw(i);
  else {
    while (results.length < AUTO_RUNS.first) runDraw(results.length);
    for (;;) {
      const estimate = wilsonInterval(results.filter((r) => r.observation.appeared).length, results.length);
      if ((estimate.high - estimate.low) / 2 <= halfWidth || results.length >= AUTO_RUNS.max) break;
      runDraw(results.length);
    }
  }
  return summarize(experiment, results);
}

/** A draw's result with its any-hash part and observation (an experiment without them: its whole claim for both). */
type DrawResult = ExperimentResult & Required<Pick<ExperimentResult, 'anyHash' | 'observation'>>;

function withParts(result: ExperimentResult): DrawResult {
  return {
    ...result,
    anyHash: result.anyHash ?? { statement: result.claim, holds: result.holds },
    observation: result.observation ?? { statement: result.claim, appeared: result.holds },
  };
}

/** The ensemble of one experiment from its draws' results (internal). */
function summarize(experiment: Experiment, results: DrawResult[]): FindingEnsemble {
  const first = results[0];
  const heldIn = results.filter((r) => r.anyHash.holds).length;
  const appeared = results.filter((r) => r.observation.appeared).length;
  const measured: Record<string, Distribution> = {};
  for (const [name, value] of Object.entries(first.measured)) {
    if (typeof value !== 'number' && typeof value !== 'boolean') continue;
    const values = results.map((r) => r.measured[name]);
    if (values.some((v) => typeof v !== typeof value || (typeof v === 'number' && !Number.isFinite(v)))) continue;
    measured[name] = distribution(values.map((v) => (typeof v === 'boolean' ? Number(v) : (v as number))));
  }
  const estimate = wilsonInterval(appeared, results.length);
  // Without a draw to vary, the one run is the exact answer: no interval to speak of.
  if (!experiment.dependsOnDraw) Object.assign(estimate, { low: estimate.probability, high: estimate.probability });
  const observation: FindingEnsemble['observation'] = { statement: first.observation.statement, ...estimate };
  if (first.observation.uniformHashProbability !== undefined) observation.uniformHashProbability = first.observation.uniformHashProbability;
  return {
    id: experiment.id,
    finding: experiment.finding,
    title: experiment.title,
    claim: first.claim,
    runs: results.length,
    dependsOnDraw: experiment.dependsOnDraw,
    anyHash: { statement: first.anyHash.statement, holds: heldIn === results.length, heldIn, runs: results.length },
    observation,
    holds: heldIn === results.length && appeared > 0,
    measured,
  };
}
