import { describe, expect, it } from 'vitest';
import { parseJson, readJsonFile } from '../../../lib/cli';
import { InputError } from '../../../lib/InputError';

function errorOf(action: () => unknown): InputError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError');
}

describe('parseJson(text, source)', () => {
  it('parses valid JSON', () => {
    expect(parseJson('{"a": [1, 2]}', 'x.json')).toEqual({ a: [1, 2] });
  });

  it('points at the line and column of the first bad character', () => {
    // Line 3 is `    }`: the } at column 5 cannot follow `[` (an array element or ] is expected there).
    const error = errorOf(() => parseJson('{\n  "hosts": [\n    }\n', 'bad.json'));
    expect(error.field).toBe('bad.json:3:5');
    expect(error.value).toBe('}');
    expect(error.allowed).toMatch(/^valid JSON \(/);
  });

  it('finds the position even when V8 gives none (an unquoted word)', () => {
    // `{"a": x}`: the x at offset 6, line 1 column 7, is where no JSON value can start.
    const error = errorOf(() => parseJson('{"a": x}', 'x.json'));
    expect(error.field).toBe('x.json:1:7');
    expect(error.value).toBe('x');
  });

  it('reports a trailing comma at the closing brace', () => {
    const error = errorOf(() => parseJson('{\n  "a": 1,\n}', 'x.json'));
    expect(error.field).toBe('x.json:3:1');
  });

  it('says when the file ends too early', () => {
    const error = errorOf(() => parseJson('{"a": [1,', 'x.json'));
    expect(error.field).toBe('x.json');
    expect(error.allowed).toContain('ends too early');
    expect(errorOf(() => parseJson('', 'empty.json')).allowed).toContain('ends too early');
  });
});

describe('readJsonFile(readFile, path, field)', () => {
  it('turns a read failure into an InputError naming the path', async () => {
    const readFile = () => {
      throw Object.assign(new Error('ENOENT: no such file or directory'), { code: 'ENOENT' });
    };
    await expect(readJsonFile(readFile, 'missing.json', 'FILE')).rejects.toThrow('FILE: got "missing.json"; expected a readable file (ENOENT)');
  });

  it('skips a UTF-8 byte order mark', async () => {
    expect(await readJsonFile(() => '\uFEFF{"a": 1}', 'bom.json', 'FILE')).toEqual({ a: 1 });
  });
});
