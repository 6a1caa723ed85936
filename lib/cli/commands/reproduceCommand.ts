import { InputError } from '../../InputError';
import type { Distribution, FindingEnsemble, ReproduceEnsembleOptions } from '../../ensemble';
import { AUTO_RUNS, MAX_ENSEMBLE_RUNS } from '../../ensemble/runEnsemble';
import { WINDOWS_ADDRESS_HASH_STAND_INS } from '../../hashing/windows';
import type { WindowsAddressHashStandIn } from '../../hashing/windows';
import type { Command } from '../Command';
import { writeJson } from '../Command';
import { formatTable, wrapText } from '../formatTable';

/** `teaming-lab reproduce`: every experiment over many draws; what holds for any hash, and how often the article's observation appears. */
export const reproduceCommand: Command = {
  name: 'reproduce',
  summary: "run every experiment over many draws and check the article's findings",
  help: `Usage: teaming-lab reproduce [--runs N|auto] [--hash STAND-IN] [--seed N] [--json]

Runs every experiment of the kit with its default settings over many draws of what a
real lab does not control: each host's RSS key, each host's first ephemeral port, the
setup jitter. For each finding it prints:
  - any hash: whether the part of the claim that holds for every hash held in every draw;
  - observed: the probability that the article's observation appears, with its 95 %
    Wilson interval, and the number of draws.

Options:
  --runs N     draws per experiment, 1 to ${MAX_ENSEMBLE_RUNS}, or auto (default): enough for an
               interval of at most +-0.05 (${AUTO_RUNS.first} to ${AUTO_RUNS.max} draws)
  --hash NAME  the Windows Address Hash stand-in for every team: ${WINDOWS_ADDRESS_HASH_STAND_INS.join(', ')}
               (default: toeplitz, each host its own random RSS key)
  --seed N     seed of the draws, an integer (default 1)
  --json       print a JSON array: { "id", "claim", "holds", "runs", "anyHash",
               "observation": { "probability", "low", "high", ... }, "measured" } per finding
  --help       show this help

Exit status: 0 when every finding holds (its any-hash part in every draw, and its
observation in at least one), 1 when at least one does not.
`,
  flags: { json: 'boolean', runs: 'string', hash: 'string', seed: 'string' },
  async run(args, { io, dependencies }) {
    if (args.positionals.length > 0) {
      throw new InputError('reproduce arguments', args.positionals[0], 'none (see teaming-lab reproduce --help)');
    }
    const options = ensembleOptions(args.strings);
    const reproduce = dependencies.reproduce ?? (await import('../../ensemble')).reproduceEnsemble;
    const results: FindingEnsemble[] = await reproduce(options);
    if (args.booleans.json) {
      writeJson(io, results.map(jsonFinding));
    } else {
      const rows = results.map((result) => [
        result.id,
        result.holds ? 'yes' : 'NO',
        result.anyHash.holds ? 'yes' : 'NO',
        formatProbability(result),
        String(result.runs),
        wrapText(result.claim, CLAIM_WIDTH),
      ]);
      io.stdout(formatTable(['id', 'holds', 'any hash', 'observed (95 % interval)', 'draws', 'claim'], rows));
      const holding = results.filter((result) => result.holds).length;
      io.stdout(`\n${holding} of ${results.length} findings hold. "observed" is the share of draws in which the article's observation appeared.\n`);
    }
    return results.every((result) => result.holds) ? 0 : 1;
  },
};

/** Width the claim column wraps at, so that the table fits about 130 columns. */
const CLAIM_WIDTH = 64;

/** The ensemble options the flags ask for. */
function ensembleOptions(strings: Record<string, string>): ReproduceEnsembleOptions {
  const options: ReproduceEnsembleOptions = {};
  if (strings.runs !== undefined && strings.runs !== 'auto') {
    const runs = Number(strings.runs);
    if (!/^\d+$/.test(strings.runs) || runs < 1 || runs > MAX_ENSEMBLE_RUNS) {
      throw new InputError('--runs', strings.runs, `auto or an integer from 1 to ${MAX_ENSEMBLE_RUNS}`);
    }
    options.runs = runs;
  }
  if (strings.hash !== undefined) {
    if (!(WINDOWS_ADDRESS_HASH_STAND_INS as readonly string[]).includes(strings.hash)) {
      throw new InputError('--hash', strings.hash, `one of ${WINDOWS_ADDRESS_HASH_STAND_INS.join(', ')}`);
    }
    options.addressHash = strings.hash as WindowsAddressHashStandIn;
  }
  if (strings.seed !== undefined) {
    if (!/^-?\d{1,15}$/.test(strings.seed)) throw new InputError('--seed', strings.seed, 'an integer');
    options.seed = Number(strings.seed);
  }
  return options;
}

/** `0.48 [0.43, 0.53]`, or the exact value when the finding does not depend on the draw. */
function formatProbability(result: FindingEnsemble): string {
  const { probability, low, high } = result.observation;
  if (!result.dependsOnDraw) return `${probability.toFixed(2)} (no draw)`;
  return `${probability.toFixed(2)} [${low.toFixed(2)}, ${high.toFixed(2)}]`;
}

/** A finding as `reproduce --json` prints it: the distributions without their per-draw values. */
function jsonFinding(result: FindingEnsemble) {
  const measured: Record<string, Omit<Distribution, 'values'>> = {};
  for (const [name, { values: _values, ...summary }] of Object.entries(result.measured)) measured[name] = summary;
  return {
    id: result.id,
    claim: result.claim,
    holds: result.holds,
    runs: result.runs,
    dependsOnDraw: result.dependsOnDraw,
    anyHash: result.anyHash,
    observation: result.observation,
    measured,
  };
}
