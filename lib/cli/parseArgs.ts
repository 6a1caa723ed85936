import { InputError } from '../InputError';

/** How a flag takes its value: `string` flags need one (`--policy layer3+4` or `--policy=layer3+4`),
 * `boolean` flags are switches (`--json`; `--json=false` also works). */
export type FlagKind = 'string' | 'boolean';

/** The flags a command accepts, by name without the leading `--`. */
export type FlagSpec = Record<string, FlagKind>;

/** A command line split into positional arguments and flags. */
export interface ParsedArgs {
  /** Arguments that are not flags, in order (everything after `--` counts as positional). */
  positionals: string[];
  /** Given string flags, by name. */
  strings: Record<string, string>;
  /** Given boolean flags, by name (absent ones are not listed). */
  booleans: Record<string, boolean>;
}

/**
 * Splits `args` by `spec`. `-h` means `--help`. A flag may be given once.
 *
 * @param args the arguments after the command name
 * @param spec the accepted flags
 * @param context names the command in errors, e.g. `hash` (so the hint reads `teaming-lab hash --help`)
 * @throws InputError for an unknown flag, a missing or malformed value, or a repeated flag.
 */
export function parseArgs(args: readonly string[], spec: FlagSpec, context: string): ParsedArgs {
  const parsed: ParsedArgs = { positionals: [], strings: {}, booleans: {} };
  const given = new Set<string>();
  const helpHint = `see teaming-lab ${context} --help`;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      parsed.positionals.push(...args.slice(i + 1));
      break;
    }
    if (arg === '-h') {
      parsed.booleans.help = true;
      continue;
    }
    if (!arg.startsWith('-') || arg === '-' || /^-\d/.test(arg)) {
      parsed.positionals.push(arg);
      continue;
    }
    const match = /^--([^=]+)(?:=([\s\S]*))?$/.exec(arg);
    const name = match?.[1];
    const kind = name === undefined ? undefined : spec[name];
    if (match === null || name === undefined || kind === undefined) {
      const known = Object.keys(spec).map((flag) => `--${flag}`).join(', ');
      throw new InputError(`${context} options`, arg, `one of ${known} (${helpHint})`);
    }
    const flag = `--${name}`;
    if (given.has(name)) throw new InputError(flag, arg, `${flag} given once (${helpHint})`);
    given.add(name);
    const inline = match[2];
    if (kind === 'boolean') {
      if (inline === undefined || inline === 'true') parsed.booleans[name] = true;
      else if (inline === 'false') parsed.booleans[name] = false;
      else throw new InputError(flag, inline, `no value, or true or false (${helpHint})`);
    } else if (inline !== undefined) {
      parsed.strings[name] = inline;
    } else if (i + 1 < args.length) {
      parsed.strings[name] = args[++i];
    } else {
      throw new InputError(flag, undefined, `a value after ${flag} (${helpHint})`);
    }
  }
  return parsed;
}
