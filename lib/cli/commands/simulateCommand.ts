import { InputError } from '../../InputError';
import { simulateScenario, validateScenario } from '../../scenario';
import type { SimulationResult } from '../../scenario';
import type { Command } from '../Command';
import { writeJson } from '../Command';
import { appliedDefaults, formatAppliedDefaults } from '../appliedDefaults';
import type { AppliedDefault } from '../appliedDefaults';
import { fixed, formatTable, wrapText } from '../formatTable';
import { readJsonFile } from '../readJsonFile';
import { formatScenarioEnsemble, withoutValues } from '../formatScenarioEnsemble';
import { MAX_ENSEMBLE_RUNS, simulateEnsemble } from '../../ensemble';
import type { ScenarioInput } from '../../scenario';
import { escapeControl, terminalColumns } from '../terminal';

/** `teaming-lab simulate FILE`: validates and simulates a scenario file. */
export const simulateCommand: Command = {
  name: 'simulate',
  summary: 'simulate the live migrations of a scenario file',
  help: `Usage: teaming-lab simulate FILE [--runs N] [--json]

Validates a scenario file (hosts, teams, switch, live-migration settings, migrations; see
lib/schema/scenario.schema.json and the examples in lib/scenarios/), runs the migrations
through the model and prints the defaults it filled in for settings the file leaves out,
then, per host, each member's peak rates and bytes, and per migration its start, end,
downtime, TCP source ports and members. The tables fit the terminal's width (COLUMNS, or 80
columns when the output is not a terminal).

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
      io.stdout(
        formatSimulation(file, typeof description === 'string' ? description : undefined, result, {
          defaults: appliedDefaults(input, scenario),
          columns: terminalColumns(io.columns, io.env),
        }),
      );
    }
    return 0;
  },
};

/** Options of `formatSimulation`. */
export interface FormatSimulationOptions {
  /** The defaults the run used (from `appliedDefaults`), listed after the heading. Default: none listed. */
  defaults?: readonly AppliedDefault[];
  /** Width the text must fit, in characters. Default: no limit. */
  columns?: number;
}

/**
 * The text report: a heading, the defaults applied, a table of hosts and members, a table of
 * migrations. Every name from the file (the file name, description, hosts, members, VMs) is shown with
 * its control characters escaped, so that a scenario cannot write escape sequences to the terminal.
 */
export function formatSimulation(file: string, description: string | undefined, result: SimulationResult, options: FormatSimulationOptions = {}): string {
  const { columns } = options;
  const text = (value: string) => escapeControl(value);
  const paragraph = (value: string) => `${columns === undefined ? value : wrapText(value, columns)}\n`;
  const parts: string[] = [];
  parts.push(paragraph(`${text(file)}: ${result.migrations.length} migration(s), all done after ${fixed(result.durationS, 2)} s`));
  if (description !== undefined) parts.push(paragraph(text(description)));
  if (options.defaults !== undefined) {
    parts.push(`\n${paragraph('Defaults applied (settings the file leaves out)')}`);
    parts.push(formatAppliedDefaults(options.defaults, columns).map((line) => `${line}\n`).join(''));
  }

  const hostRows: string[][] = [];
  for (const [hostName, host] of Object.entries(result.hosts)) {
    const members = Object.values(host.members);
    const sent = members.reduce((sum, member) => sum + member.sentGB, 0);
    const received = members.reduce((sum, member) => sum + member.receivedGB, 0);
    hostRows.push([text(hostName), fixed(host.peakSendGbps, 2), fixed(host.peakReceiveGbps, 2), fixed(sent, 2), fixed(received, 2)]);
    for (const [memberName, member] of Object.entries(host.members)) {
      hostRows.push([
        `  ${text(memberName)}`,
        fixed(member.peakSendGbps, 2),
        fixed(member.peakReceiveGbps, 2),
        fixed(member.sentGB, 2),
        fixed(member.receivedGB, 2),
      ]);
    }
  }
  parts.push(`\n${paragraph('Hosts and members (peaks are instantaneous)')}`);
  parts.push(
    formatTable(['host / member', 'peak send Gbps', 'peak receive Gbps', 'sent GB', 'received GB'], hostRows, {
      alignRight: [1, 2, 3, 4],
      maxWidth: columns,
    }),
  );

  const migrationRows = result.migrations.map((migration) => [
    text(migration.vm),
    fixed(migration.startS, 2),
    fixed(migration.endS, 2),
    fixed(migration.downtimeMs, 1),
    migration.connections.map((route) => route.sourcePort).join(', '),
    migration.connections.map((route) => text(route.sendMember)).join(', '),
    migration.connections.map((route) => text(route.receiveMember)).join(', '),
  ]);
  parts.push('\nMigrations\n');
  parts.push(
    formatTable(['vm', 'start s', 'end s', 'downtime ms', 'source port', 'send member', 'receive member'], migrationRows, {
      alignRight: [1, 2, 3, 4],
      maxWidth: columns,
    }),
  );
  return parts.join('');
}
