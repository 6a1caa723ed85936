import { InputError } from '../../InputError';
import type { ExperimentResult, Measured } from '../../experiments';
import { formatMeasured } from '../../notebook';
import type { Command } from '../Command';
import { writeJson } from '../Command';
import { formatTable, wrapText } from '../formatTable';

/** `teaming-lab reproduce`: runs every experiment and says whether each finding holds. Exit 1 if one does not. */
export const reproduceCommand: Command = {
  name: 'reproduce',
  summary: "run every experiment and check the article's findings",
  help: `Usage: teaming-lab reproduce [--json]

Runs every experiment of the kit with its default settings and prints, for each finding,
its id, whether the model's numbers support it, the claim and the measured figures.

Options:
  --json   print a JSON array of { "id", "claim", "holds", "measured" }
  --help   show this help

Exit status: 0 when every finding holds, 1 when at least one does not.
`,
  flags: { json: 'boolean' },
  async run(args, { io, dependencies }) {
    if (args.positionals.length > 0) {
      throw new InputError('reproduce arguments', args.positionals[0], 'none (see teaming-lab reproduce --help)');
    }
    const reproduce = dependencies.reproduce ?? (await import('../../experiments')).reproduce;
    const results: ExperimentResult[] = await reproduce();
    if (args.booleans.json) {
      writeJson(
        io,
        results.map(({ id, claim, holds, measured }) => ({ id, claim, holds, measured })),
      );
    } else {
      const rows = results.map((result) => [
        result.id,
        result.holds ? 'yes' : 'NO',
        wrapText(result.claim, CLAIM_WIDTH),
        wrapText(formatMeasuredPairs(result.measured), MEASURED_WIDTH, ', '),
      ]);
      io.stdout(formatTable(['id', 'holds', 'claim', 'measured'], rows));
      const holding = results.filter((result) => result.holds).length;
      io.stdout(`\n${holding} of ${results.length} findings hold.\n`);
    }
    return results.every((result) => result.holds) ? 0 : 1;
  },
};

/** Widths the claim and measured columns wrap at, so that the table fits about 130 columns. */
const CLAIM_WIDTH = 60;
const MEASURED_WIDTH = 48;

/** `name=value` pairs, each value as notebooks show it (numbers with at most 3 decimals). */
function formatMeasuredPairs(measured: Measured): string {
  return Object.entries(measured)
    .map(([name, value]) => `${name}=${formatMeasured(value)}`)
    .join(', ');
}
