import { WINDOWS_ADDRESS_HASH_STAND_INS } from '../hashing';
import type { WindowsAddressHashStandIn } from '../hashing';
import { runEnsemble } from '../ensemble/runEnsemble';
import type { FindingEnsemble } from '../ensemble/runEnsemble';
import { probabilityFigure } from '../figures/probabilityFigure';
import { counterVisibility } from './counterVisibility';
import { defineExperiment } from './defineExperiment';
import type { Experiment } from './Experiment';
import { manyDestinations } from './manyDestinations';
import { simultaneousSetting } from './simultaneousSetting';
import { switchDependentAllMembers } from './switchDependentAllMembers';
import { switchIndependentAddressHash } from './switchIndependentAddressHash';

/** The findings whose observation depends on the draw of keys and ports, shown by `findingDraws`. */
export const DRAWN_FINDINGS = ['finding-2', 'finding-4', 'finding-5', 'finding-6', 'finding-7'] as const;

/** The experiments of `DRAWN_FINDINGS`, imported directly (not through the registry, which lists `findingDraws` itself). */
const DRAWN: Record<(typeof DRAWN_FINDINGS)[number], Experiment> = {
  'finding-2': manyDestinations,
  'finding-4': switchDependentAllMembers,
  'finding-5': switchIndependentAddressHash,
  'finding-6': counterVisibility,
  'finding-7': simultaneousSetting,
};

/** Options of `findingDraws`; each defaults to its control's default. */
export interface FindingDrawsOptions extends Record<string, unknown> {
  /** Which finding to run over draws (`finding-2`, `finding-4`, `finding-5`, `finding-6` or `finding-7`, each with its own defaults), or `all` of them. Default all. */
  finding: string;
  /** Draws per finding: 20, 40, 100 or 400. Default 40. */
  runs: number;
  /** The Windows Address Hash stand-in on every team. Default toeplitz (each host its own random key). */
  addressHash: string;
}

/**
 * The findings as probabilities: each draw-dependent finding of the article (or the one chosen) run over
 * `runs` draws of the hosts' RSS keys and first ephemeral ports, with the share of draws in which the
 * article's observation appeared and its 95 % Wilson interval. Switch the stand-in to `toeplitz-test-key`
 * to see how Microsoft's one published key makes the two-VM observation look nearly certain. With one
 * finding, `measured.probability`, `measured.low` and `measured.high` are its estimate; with all, each
 * finding's under `<id>Probability`, `<id>Low` and `<id>High`.
 */
export const findingDraws = defineExperiment<FindingDrawsOptions, FindingEnsemble[]>({
  id: 'finding-draws',
  finding: null,
  title: 'The findings as probabilities over draws of keys and ports',
  dependsOnDraw: false,
  summarizesDraws: true,
  controls: [
    { name: 'finding', label: 'Finding', kind: 'select', options: ['all', ...DRAWN_FINDINGS], default: 'all' },
    { name: 'runs', label: 'Draws per finding', kind: 'select', options: [20, 40, 100, 400], default: 40 },
    { name: 'addressHash', label: 'Address Hash stand-in', kind: 'select', options: [...WINDOWS_ADDRESS_HASH_STAND_INS], default: 'toeplitz' },
  ],
  run({ finding, runs, addressHash }) {
    const ids = finding === 'all' ? [...DRAWN_FINDINGS] : [finding as (typeof DRAWN_FINDINGS)[number]];
    const ensembles = ids.map((id) => runEnsemble(DRAWN[id], { runs, addressHash: addressHash as WindowsAddressHashStandIn }));
    const holds = ensembles.every((e) => e.anyHash.holds);
    const measured: Record<string, number> = { runs };
    for (const e of ensembles) {
      measured[`${e.id}Probability`] = e.observation.probability;
      measured[`${e.id}Low`] = e.observation.low;
      measured[`${e.id}High`] = e.observation.high;
    }
    if (ensembles.length === 1) {
      measured.probability = ensembles[0].observation.probability;
      measured.low = ensembles[0].observation.low;
      measured.high = ensembles[0].observation.high;
      if (ensembles[0].observation.uniformHashProbability !== undefined) measured.uniformHashProbability = ensembles[0].observation.uniformHashProbability;
    }
    return {
      id: 'finding-draws',
      claim: 'What holds for any hash holds in every draw; the article\'s observations appear only in a share of the draws, which this measures.',
      holds,
      anyHash: { statement: 'Every finding\'s any-hash part held in every draw.', holds },
      observation: { statement: 'Every observation appeared in at least one draw.', appeared: ensembles.every((e) => e.observation.appeared > 0) },
      measured,
      summary: ensembles
        .map((e) => `${e.id}: ${(100 * e.observation.probability).toFixed(0)} % of ${e.runs} draws (${(100 * e.observation.low).toFixed(0)} to ${(100 * e.observation.high).toFixed(0)} %)`)
        .join('; ') + '.',
      data: ensembles,
      figure: probabilityFigure({
        title: `How often the article's observation appears (${addressHash}, ${runs} draws each)`,
        bars: ensembles.map((e) => ({
          label: e.id,
          probability: e.observation.probability,
          low: e.observation.low,
          high: e.observation.high,
          runs: e.runs,
          expected: e.observation.uniformHashProbability,
        })),
        yTitle: 'share of draws with the observation',
      }),
    };
  },
});
