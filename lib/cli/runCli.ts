import { InputError } from '../InputError';
import type { CliDependencies, CliIo, Command } from './Command';
import { classroomCommand } from './commands/classroomCommand';
import { hashCommand } from './commands/hashCommand';
import { planCommand } from './commands/planCommand';
import { reproduceCommand } from './commands/reproduceCommand';
import { shareCommand } from './commands/shareCommand';
import { simulateCommand } from './commands/simulateCommand';
import { workshopCommand } from './commands/workshopCommand';
import { parseArgs } from './parseArgs';
import { inputErrorLine, internalErrorLine, terminalSafe } from './terminal';

/** Every command, in the order `--help` lists them. Add new ones here; never rename one. */
export const COMMANDS: readonly Command[] = [reproduceCommand, simulateCommand, hashCommand, shareCommand, workshopCommand, planCommand, classroomCommand];

/** Exit codes: 0 success, 1 a finding does not hold (`reproduce`), 2 bad input or usage, 3 internal error. */
export const EXIT = { ok: 0, findingFails: 1, badInput: 2, internal: 3 } as const;

/**
 * Runs the `teaming-lab` command line and returns its exit code. It touches the outside world only
 * through `io`, so tests call it directly.
 *
 * Bad input (an `InputError`, from the arguments or from the library) prints one line
 * `teaming-lab: <field>: got <value>; expected <allowed>` on stderr and returns 2. Any other error
 * prints one line and returns 3; with `TEAMING_LAB_DEBUG=1` the stack follows. Every line is under 300
 * characters, and everything written (output and errors) passes through `terminalSafe`, so that no
 * control character from a file or flag reaches the terminal.
 *
 * @param argv the arguments after the program name, e.g. `['hash', '--policy', 'layer3+4', ...]`
 */
export async function runCli(argv: readonly string[], rawIo: CliIo, dependencies: CliDependencies = {}): Promise<number> {
  const io: CliIo = { ...rawIo, stdout: (text) => rawIo.stdout(terminalSafe(text)), stderr: (text) => rawIo.stderr(terminalSafe(text)) };
  try {
    return await dispatch(argv, io, dependencies);
  } catch (error) {
    if (error instanceof InputError) {
      io.stderr(`teaming-lab: ${inputErrorLine(error)}\n`);
      return EXIT.badInput;
    }
    const debug = io.env?.TEAMING_LAB_DEBUG === '1';
    io.stderr(`teaming-lab: ${internalErrorLine(error, debug ? '' : ' (set TEAMING_LAB_DEBUG=1 to see the stack)')}\n`);
    if (debug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    return EXIT.internal;
  }
}

async function dispatch(argv: readonly string[], io: CliIo, dependencies: CliDependencies): Promise<number> {
  const [first, ...rest] = argv;
  const names = COMMANDS.map((command) => command.name).join(', ');
  if (first === undefined) throw new InputError('command', undefined, `one of ${names} (see teaming-lab --help)`);
  if (first === '--help' || first === '-h' || first === 'help') {
    const topic = first === 'help' ? rest[0] : undefined;
    const command = topic === undefined ? undefined : findCommand(topic);
    io.stdout(command ? command.help : globalHelp());
    return EXIT.ok;
  }
  if (first === '--version' || first === '-V') {
    io.stdout(`${dependencies.version ?? 'unknown'}\n`);
    return EXIT.ok;
  }
  if (first.startsWith('-')) throw new InputError('teaming-lab options', first, `--help, --version or a command: ${names}`);
  const command = findCommand(first);
  const args = parseArgs(rest, { ...command.flags, help: 'boolean' }, command.name);
  if (args.booleans.help) {
    io.stdout(command.help);
    return EXIT.ok;
  }
  return command.run(args, { io, dependencies });
}

function findCommand(name: string): Command {
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    const names = COMMANDS.map((candidate) => candidate.name).join(', ');
    throw new InputError('command', name, `one of ${names} (see teaming-lab --help)`);
  }
  return command;
}

/** The text of `teaming-lab --help`. */
export function globalHelp(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  const list = COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`).join('\n');
  return `Usage: teaming-lab COMMAND [options]

Teaming Lab: models of NIC teaming, stream hashing, max-min bandwidth sharing and Hyper-V
live migration over teamed NICs.

Commands:
${list}

Options:
  --help, -h      show this help (teaming-lab COMMAND --help for a command's own)
  --version, -V   print the version

Most commands take --json for machine-readable output.
Exit status: 0 ok, 1 a finding does not hold (reproduce) or grading stopped early (workshop
grade), 2 bad input, 3 internal error (set TEAMING_LAB_DEBUG=1 to see its stack).
`;
}
