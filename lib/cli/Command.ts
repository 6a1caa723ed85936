import type { FindingEnsemble, ReproduceEnsembleOptions } from '../ensemble';
import type { FlagSpec, ParsedArgs } from './parseArgs';
import type { ReadFile } from './readJsonFile';
import { jsonSafe } from './terminal';

/** What the CLI may touch of the outside world. `main.ts` wires it to the process; tests pass stubs. */
export interface CliIo {
  /** Writes text to standard output as given (the CLI ends every line with `\n`). */
  stdout(text: string): void;
  /** Writes text to standard error as given. */
  stderr(text: string): void;
  /** Reads a file's text (UTF-8); throws (or rejects) when it cannot. */
  readFile: ReadFile;
  /** Environment variables; `TEAMING_LAB_DEBUG` and `COLUMNS` are read. Default none. */
  env?: Record<string, string | undefined>;
  /** Width of the terminal stdout writes to (`process.stdout.columns`); undefined when stdout is not a terminal. */
  columns?: number;
}

/** Replaceable parts of the CLI, for tests. Each defaults to the real thing. */
export interface CliDependencies {
  /** Runs every experiment over many draws (default: the library's `reproduceEnsemble`). */
  reproduce?: (options: ReproduceEnsembleOptions) => FindingEnsemble[] | Promise<FindingEnsemble[]>;
  /** What `--version` prints. Default `unknown` (main.ts passes the package's version). */
  version?: string;
}

/** What a command gets besides its arguments. */
export interface CommandContext {
  io: CliIo;
  dependencies: CliDependencies;
}

/** One `teaming-lab` command. */
export interface Command {
  /** The word after `teaming-lab`, e.g. `hash`. */
  name: string;
  /** One line for the command list of `teaming-lab --help`. */
  summary: string;
  /** The full text of `teaming-lab NAME --help`, ending with a newline. */
  help: string;
  /** The flags it accepts besides `--help` (`--json` included where it applies). */
  flags: FlagSpec;
  /** Runs it and returns the exit code. Throws InputError for bad input. */
  run(args: ParsedArgs, context: CommandContext): number | Promise<number>;
}

/**
 * Writes `value` as indented JSON and a newline. Control characters inside strings come out as `\u`
 * escapes (JSON.stringify leaves DEL, C1 and bidirectional controls raw; `jsonSafe` does not).
 */
export function writeJson(io: CliIo, value: unknown): void {
  io.stdout(`${jsonSafe(JSON.stringify(value, null, 2))}\n`);
}
