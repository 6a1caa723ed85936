import { readFileSync } from 'node:fs';
import { InputError } from '../InputError';
import { PARTICIPANT_NAME, RESERVED_PARTICIPANT_NAMES } from './hubConfig';

/** One participant of a roster. */
export interface RosterEntry {
  /** Login name (lowercase), also the name of the participant's home and submissions folder. */
  name: string;
  /** True when the roster gives them a password of their own (else they use the workshop password). */
  hasOwnPassword: boolean;
}

/**
 * Parses a roster: one participant per line, `name` or `name,password`; blank lines and lines starting
 * with `#` are skipped. Names are lowercased and must match PARTICIPANT_NAME, be unique and not reserved;
 * a password of its own has at least 8 characters.
 *
 * @param source names the file in errors (`roster.csv:3`)
 * @throws InputError naming the line, e.g. `roster.csv:3: got "Bob Smith"; expected a name of ...`
 */
export function parseRoster(text: string, source: string): RosterEntry[] {
  const entries: RosterEntry[] = [];
  const seen = new Map<string, number>();
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const at = `${source}:${index + 1}`;
    const comma = line.indexOf(',');
    const name = (comma < 0 ? line : line.slice(0, comma)).trim().toLowerCase();
    const password = comma < 0 ? '' : line.slice(comma + 1).trim();
    if (!PARTICIPANT_NAME.test(name) || RESERVED_PARTICIPANT_NAMES.includes(name)) {
      throw new InputError(at, name, `a name of 1 to 32 lowercase letters, digits, - or _, starting with a letter or digit (not ${RESERVED_PARTICIPANT_NAMES.join(', ')})`);
    }
    const first = seen.get(name);
    if (first !== undefined) throw new InputError(at, name, `a name not already on the roster (line ${first} has it)`);
    seen.set(name, index + 1);
    if (password !== '' && password.length < 8) throw new InputError(at, '(hidden)', `a password of at least 8 characters after the comma, or none (the workshop password)`);
    entries.push({ name, hasOwnPassword: password !== '' });
  });
  if (entries.length === 0) throw new InputError(source, '(empty)', 'a roster with at least one name (one per line: name or name,password)');
  return entries;
}

/** Reads and parses a roster file (see `parseRoster`). */
export function readRoster(path: string): RosterEntry[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputError('--roster', path, `a readable roster file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  return parseRoster(text, path);
}
