import { inspect } from 'node:util';
import type { InputError } from '../InputError';

/**
 * Terminal safety and layout for the CLI: every piece of text a user can put in a file or flag (host,
 * member and VM names, `description`, file names, flag values) reaches the terminal only through
 * these functions, so that an escape sequence in a scenario file is shown as text, never obeyed.
 */

/**
 * Characters a terminal (or a text viewer) may act on instead of showing: the C0 controls (ESC, CR,
 * BS, ...), DEL, the C1 controls (U+009B is a one-character CSI on some terminals), the Unicode
 * bidirectional controls (they reorder what is shown: "Trojan Source") and the line and paragraph
 * separators.
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** The same, except the line feed, which the CLI itself writes at the end of each line. */
const CONTROL_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** One control character as visible text: `\n`, `\r`, `\t`, `\x1b`, `\u202e`. */
function visible(char: string): string {
  const named = NAMED[char];
  if (named !== undefined) return named;
  const code = char.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * User text (a name, a description, a file name, a flag's value) made safe to print on one line:
 * every control character, line breaks included, becomes visible text (`\x1b`, `\n`, `\u202e`).
 *
 * @example escapeControl('VM\x1b[2J') === 'VM\\x1b[2J'
 */
export function escapeControl(text: string): string {
  return text.replace(CONTROL, visible);
}

/**
 * A whole block of output made safe to write: like `escapeControl`, but line feeds are kept. The CLI
 * passes everything it writes through this, as a second guard behind the escaping of each user field.
 */
export function terminalSafe(text: string): string {
  return text.replace(CONTROL_BUT_NEWLINE, visible);
}

/**
 * JSON text with the characters JSON.stringify leaves raw (DEL, C1 and bidirectional controls, line
 * separators) written as `\u` escapes: the same JSON value, and nothing a terminal would act on.
 */
export function jsonSafe(json: string): string {
  return json.replace(CONTROL_BUT_NEWLINE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** At most `max` characters (code points) of `text`, ending in `...` when cut. */
export function limitText(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, Math.max(0, max - 3)).join('')}...`;
}

/** Longest value shown in an error, in characters. */
const MAX_VALUE_CHARS = 80;
/** Longest field name shown in an error, in characters. */
const MAX_FIELD_CHARS = 80;

/**
 * Longest error line the CLI prints, newline excluded (messages stay under 300 characters however
 * long the file name, the value or the list of allowed values).
 */
export const MAX_MESSAGE_CHARS = 299;

/**
 * A value as a user would have typed it, on one line and safe to print: strings quoted (JSON), plain
 * data as compact JSON, anything else (a Map, a cycle, a function, a BigInt) as Node's `inspect`
 * shows it, never `[object Object]`; cut at 80 characters.
 */
export function describeValue(value: unknown): string {
  let text: string;
  if (value === undefined) text = 'nothing';
  else if (typeof value === 'number' || typeof value === 'boolean' || value === null) text = String(value);
  else {
    let json: string | undefined;
    try {
      json = isPlainData(value) ? JSON.stringify(value) : undefined;
    } catch {
      json = undefined;
    }
    text = json ?? inspect(value, { depth: 2, breakLength: Infinity, maxArrayLength: 10, maxStringLength: MAX_VALUE_CHARS });
  }
  return limitText(escapeControl(jsonSafe(text)), MAX_VALUE_CHARS);
}

/** True for strings, arrays and objects with the plain Object prototype (what JSON.parse gives). */
function isPlainData(value: unknown): boolean {
  if (typeof value === 'string' || Array.isArray(value)) return true;
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * The one line the CLI prints for bad input, without the `teaming-lab: ` prefix:
 * `<field>: got <value>; expected <allowed>`, every part escaped, the whole under 300 characters
 * with the prefix (the field and value are cut at 80 characters, the allowed text takes the rest).
 */
export function inputErrorLine(error: InputError, prefix = 'teaming-lab: '): string {
  const field = limitText(escapeControl(error.field), MAX_FIELD_CHARS);
  const head = `${field}: got ${describeValue(error.value)}; expected `;
  const room = MAX_MESSAGE_CHARS - prefix.length - head.length;
  return `${head}${limitText(escapeControl(oneLine(error.allowed)), room)}`;
}

/**
 * The line for an error that is not bad input (a bug, or a failure of the machine), without the prefix:
 * the first line of its message, or the thrown value itself when it is not an Error; escaped and cut so
 * that, with `suffix`, it stays under 300 characters.
 */
export function internalErrorLine(error: unknown, suffix = '', prefix = 'teaming-lab: '): string {
  const head = 'internal error: ';
  const text =
    error instanceof Error
      ? `${error.name !== 'Error' ? `${error.name}: ` : ''}${String(error.message).split('\n')[0]}`
      : describeValue(error);
  const room = MAX_MESSAGE_CHARS - prefix.length - head.length - suffix.length;
  return `${head}${limitText(escapeControl(text), room)}${suffix}`;
}

/** Line breaks of a library message (with the indentation that follows them) as single spaces. */
function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}

/** Terminal width used when the output is not a terminal and `COLUMNS` is not set. */
export const DEFAULT_COLUMNS = 80;
/** Narrowest layout the CLI makes, whatever the terminal says. */
export const MIN_COLUMNS = 40;

/**
 * Columns the text output may use: the terminal's width when stdout is a terminal, else the
 * `COLUMNS` variable when it holds a positive integer, else 80; never under 40.
 *
 * @param columns what the terminal reports (`process.stdout.columns`; undefined when not a terminal)
 * @param env the environment, for `COLUMNS`
 */
export function terminalColumns(columns: number | undefined, env: Record<string, string | undefined> = {}): number {
  let width = DEFAULT_COLUMNS;
  if (columns !== undefined && Number.isInteger(columns) && columns > 0) width = columns;
  else if (env.COLUMNS !== undefined && /^\d+$/.test(env.COLUMNS) && Number(env.COLUMNS) > 0) width = Number(env.COLUMNS);
  return Math.max(MIN_COLUMNS, width);
}
