import { InputError } from '../InputError';

/** Reads a file's text: `fs.readFileSync(path, 'utf8')` in the CLI, a stub in tests. */
export type ReadFile = (path: string) => string | Promise<string>;

/**
 * Reads and parses a JSON file.
 *
 * @param field names the argument in errors, e.g. `FILE`
 * @throws InputError when the file cannot be read (`FILE: got "x.json"; expected a readable file (...)`)
 * or is not JSON (`x.json:3:5: got "}"; expected valid JSON (...)`, with the line and column of the
 * first character that cannot start or continue a JSON text).
 */
export async function readJsonFile(readFile: ReadFile, path: string, field: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path);
  } catch (error) {
    const reason = (error as { code?: string }).code ?? (error as Error).message;
    throw new InputError(field, path, `a readable file (${reason})`);
  }
  return parseJson(text.replace(/^\uFEFF/, ''), path);
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
