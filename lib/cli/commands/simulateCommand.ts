import { InputError } from '../../InputError';
import { simulateScenario, validateScenario } from '../../scenario';
import type { SimulationResult } from '../../scenario';
import type { Command } from '../Command';
import { writeJson } from '../Command';
import { fixed, formatTable } from '../formatTable';
import { readJsonFile } from '../readJsonFile';
import { formatScenarioEnsemble, withoutValues } from '../formatScenarioEnsemble';
import { MAX_ENSEMBLE_RUNS, simulateEnsemble } from '../../ensemble';
import type { ScenarioInput } from '../../scenario';

/** `teaming-lab simulate FILE`: validates and simulates a scenario file. */
export const simulateCommand: Command = {
  name: 'simulate',
  summary: 'simulate the live migrations of a scenario file',
  help: `Usage: teaming-lab simulate FILE [--runs N] [--json]

Validates a scenario file (hosts, teams, switch, live-migration settings, migrations; see
lib/schema/scenario.schema.json and the examples in lib/scenarios/), runs the migrations
through the model and prints, per host, each member's peak rates and bytes, and per
migration its start, end, downtime, TCP source ports and members.

Options:
  --runs N run the scenario over N draws (1 to 10000) of each host's RSS key and first
           ephemeral port (seeded from the file's seed) and print the spread of the drain
           time and of each host's peaks and members used, with the probability that each
           host used all its members each way (95 % Wilson interval)
  --json   print the SimulationResult as JSON (durationS, hosts, migrations), or with
           --runs the ensemble (runs, durationS, hosts)
  --help   show this help

Units: Gbps = 10^9 bit/s, GB = 10^9 bytes, times in seconds from the start.
`,
  flags: { json: 'boolean', runs: 'string' },
  async run(args, { io }) {
    if (args.positionals.length !== 1) {
      throw new InputError('FILE', args.positionals[1], 'one scenario file path (see teaming-lab simulate --help)');
    }
    const file = args.positionals[0];
    const input = await readJsonFile(io.readFile, file, 'FILE');
    const scenario = validateScenario(input);
    if (args.strings.runs !== undefined) {
      const runs = Number(args.strings.runs);
      if (!/^\d+$/.test(args.strings.runs) || runs < 1 || runs > MAX_ENSEMBLE_RUNS) {
        throw new InputError('--runs', args.strings.runs, `an integer from 1 to ${MAX_ENSEMBLE_RUNS}`);
      }
      const ensemble = simulateEnsemble(input as ScenarioInput, { runs, seed: scenario.seed });
      if (args.booleans.json) writeJson(io, withoutValues(ensemble));
      else io.stdout(formatScenarioEnsemble(file, ensemble));
      return 0;
    }
    const { result } = simulateScenario(scenario);
    if (args.booleans.json) {
      writeJson(io, result);
    } else {
      const description = (input as { description?: unknown }).description;
      io.stdout(formatSimulation(file, typeof description === 'string' ? description : undefined, result));
    }
    return 0;
  },
};

/** The text report: a heading, a table of hosts and members, a table of migrations. */
export function formatSimulation(file: string, description: string | undefined, result: SimulationResult): string {
  const parts: string[] = [];
  parts.push(`${file}: ${result.migrations.length} migration(s), all done after ${fixed(result.durationS, 2)} s\n`);
  if (description !== undefined) parts.push(`${description}\n`);

  const hostRows: string[][] = [];
  for (const [hostName, host] of Object.entries(result.hosts)) {
    const members = Object.values(host.members);
    const sent = members.reduce((sum, member) => sum + member.sentGB, 0);
    const received = members.reduce((sum, member) => sum + member.receivedGB, 0);
    hostRows.push([hostName, fixed(host.peakSendGbps, 2), fixed(host.peakReceiveGbps, 2), fixed(sent, 2), fixed(received, 2)]);
    for (const [memberName, member] of Object.entries(host.members)) {
      hostRows.push([
        `  ${memberName}`,
        fixed(member.peakSendGbps, 2),
        fixed(member.peakReceiveGbps, 2),
        fixed(member.sentGB, 2),
        fixed(member.receivedGB, 2),
      ]);
    }
  }
  parts.push('\nHosts and members (peaks are instantaneous)\n');
  parts.push(formatTable(['host / member', 'peak send Gbps', 'peak receive Gbps', 'sent GB', 'received GB'], hostRows, { alignRight: [1, 2, 3, 4] }));

  const migrationRows = result.migrations.map((migration) => [
    migration.vm,
    fixed(migration.startS, 2),
    fixed(migration.endS, 2),
    fixed(migration.downtimeMs, 1),
    migration.connections.map((route) => route.sourcePort).join(', '),
    migration.connections.map((route) => route.sendMember).join(', '),
    migration.connections.map((route) => route.receiveMember).join(', '),
  ]);
  parts.push('\nMigrations\n');
  parts.push(
    formatTable(['vm', 'start s', 'end s', 'downtime ms', 'source port', 'send member', 'receive member'], migrationRows, {
      alignRight: [1, 2, 3, 4],
    }),
  );
  return parts.join('');
}
