import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { InputError } from '../InputError';

/**
 * Reads a file's text: `readTextFile` in the CLI, a stub in tests. A reader should refuse (throw an
 * error with code `EFBIG`) a file over `maxBytes` without reading it all; `readJsonFile` checks the
 * length again in any case.
 */
export type ReadFile = (path: string, options?: { maxBytes?: number }) => string | Promise<string>;

/**
 * Limits on an input file (a scenario or a `share` file). The largest scenario within the scenario
 * limits (100,000 migrations, 10,000 hosts), written with two-space indentation, takes about 20 MB;
 * the nesting of a scenario is 6 levels deep.
 */
export const INPUT_FILE_LIMITS = {
  /** Largest file read, in bytes (64 MiB). */
  maxBytes: 64 * 1024 * 1024,
  /** Deepest nesting of arrays and objects accepted. */
  maxDepth: 32,
} as const;

/**
 * Reads a file as UTF-8 text, refusing one over `maxBytes` before reading it (by its size) or while
 * reading it (a device or a pipe that never ends), with an error whose code is `EFBIG`.
 */
export function readTextFile(path: string, options: { maxBytes?: number } = {}): string {
  const maxBytes = options.maxBytes ?? INPUT_FILE_LIMITS.maxBytes;
  const fd = openSync(path, 'r');
  try {
    if (fstatSync(fd).size > maxBytes) throw tooBig(path);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(1 << 20, maxBytes + 1 - total));
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      total += read;
      if (total > maxBytes) throw tooBig(path);
    }
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

function tooBig(path: string): Error {
  return Object.assign(new Error(`EFBIG: file too large: ${path}`), { code: 'EFBIG' });
}

/** A byte count in MiB with one decimal, for messages. */
function mebibytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MiB`;
}

/**
 * Reads and parses a JSON file.
 *
 * @param field names the argument in errors, e.g. `FILE`
 * @throws InputError when the file cannot be read (`FILE: got "x.json"; expected a readable file (...)`),
 * is larger than `INPUT_FILE_LIMITS.maxBytes`, is not JSON (`x.json:3:5: got "}"; expected valid JSON
 * (...)`, with the line and column of the first character that cannot start or continue a JSON text) or
 * nests deeper than `INPUT_FILE_LIMITS.maxDepth`.
 */
export async function readJsonFile(readFile: ReadFile, path: string, field: string): Promise<unknown> {
  const { maxBytes } = INPUT_FILE_LIMITS;
  const limit = `a file of at most ${mebibytes(maxBytes)}`;
  let text: string;
  try {
    text = await readFile(path, { maxBytes });
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (code === 'EFBIG') throw new InputError(field, path, limit);
    const reason = typeof code === 'string' ? code : error instanceof Error ? error.message : String(error);
    throw new InputError(field, path, `a readable file (${reason})`);
  }
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > maxBytes) throw new InputError(field, path, `${limit} (this one has ${mebibytes(bytes)})`);
  text = text.replace(/^\uFEFF/, '');
  checkDepth(text, path, INPUT_FILE_LIMITS.maxDepth);
  return parseJson(text, path);
}

/**
 * Refuses JSON text whose arrays and objects nest deeper than `maxDepth`, pointing at the bracket that
 * goes too deep (a linear scan that skips strings, run before parsing, so that no later recursive step
 * can run out of stack).
 *
 * @throws InputError `x.json:1:33: got "["; expected JSON nested at most 32 levels deep`
 */
export function checkDepth(text: string, source: string, maxDepth: number): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '[' || char === '{') {
      if (++depth > maxDepth) {
        const before = text.slice(0, i).split('\n');
        throw new InputError(`${source}:${before.length}:${before[before.length - 1].length + 1}`, char, `JSON nested at most ${maxDepth} levels deep`);
      }
    } else if (char === ']' || char === '}') depth--;
  }
}

/** `JSON.parse`, with errors that give the line and column. */
export function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    // V8 writes e.g. `Expected ',' or '}' after property value in JSON at position 13` or
    // `Unexpected token 'x', "{"a": x}" is not valid JSON`; keep the part before the position or the quote.
    const reason = String((error as Error).message)
      .replace(/ in JSON at position \d+[\s\S]*$/, '')
      .replace(/^(Unexpected token '[\s\S]'), [\s\S]*$/, '$1');
    const offset = firstBadOffset(text);
    if (offset >= text.length) throw new InputError(`${source}`, undefined, `valid JSON (${reason}; the file ends too early)`);
    const before = text.slice(0, offset).split('\n');
    const line = before.length;
    const column = before[before.length - 1].length + 1;
    throw new InputError(`${source}:${line}:${column}`, text[offset], `valid JSON (${reason})`);
  }
}

/**
 * Offset of the first character after which no continuation could make the text valid JSON; the
 * text's length when every prefix could still be completed (the text just ends too early). Found by
 * bisection on prefixes, because V8 does not always report a position.
 */
function firstBadOffset(text: string): number {
  let low = 0; // text.slice(0, low) is a viable prefix
  let high = text.length + 1; // text.slice(0, high) is not (or is past the end)
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (viablePrefix(text.slice(0, middle))) low = middle;
    else high = middle;
  }
  return low;
}

function viablePrefix(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return true;
  } catch (error) {
    const message = String((error as Error).message);
    if (message.startsWith('Unexpected end of JSON input')) return true;
    const position = /at position (\d+)/.exec(message);
    return position !== null && Number(position[1]) >= prefix.length;
  }
}
