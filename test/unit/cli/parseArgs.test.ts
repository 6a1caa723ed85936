import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../../lib/cli';
import { InputError } from '../../../lib/InputError';

const spec = { policy: 'string', members: 'string', json: 'boolean' } as const;

describe('parseArgs(args, spec, context)', () => {
  it('reads --flag value, --flag=value, booleans and positionals', () => {
    const parsed = parseArgs(['FILE', '--policy', 'layer3+4', '--members=2', '--json'], spec, 'hash');
    expect(parsed).toEqual({ positionals: ['FILE'], strings: { policy: 'layer3+4', members: '2' }, booleans: { json: true } });
  });

  it('keeps an = inside an inline value and takes a value that looks like a flag after a string flag', () => {
    // Because a value is whatever follows the flag: `--policy --json` sets policy to "--json".
    expect(parseArgs(['--policy=a=b'], spec, 'hash').strings.policy).toBe('a=b');
    expect(parseArgs(['--policy', '--json'], spec, 'hash').strings.policy).toBe('--json');
  });

  it('reads --json=false as false, -h as --help, and everything after -- as positional', () => {
    expect(parseArgs(['--json=false'], spec, 'hash').booleans.json).toBe(false);
    expect(parseArgs(['-h'], spec, 'hash').booleans.help).toBe(true);
    expect(parseArgs(['--', '--json', '-5'], spec, 'hash').positionals).toEqual(['--json', '-5']);
    expect(parseArgs(['-5'], spec, 'hash').positionals).toEqual(['-5']);
  });

  it('rejects an unknown flag, naming it and listing the known ones', () => {
    const error = (() => {
      try {
        parseArgs(['--polcy', 'x'], spec, 'hash');
      } catch (e) {
        return e as InputError;
      }
      throw new Error('no error');
    })();
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toBe('hash options: got "--polcy"; expected one of --policy, --members, --json (see teaming-lab hash --help)');
  });

  it('rejects a missing value, a repeated flag and a non-boolean value for a boolean', () => {
    expect(() => parseArgs(['--policy'], spec, 'hash')).toThrow('--policy: got nothing; expected a value after --policy');
    expect(() => parseArgs(['--json', '--json'], spec, 'hash')).toThrow('--json given once');
    expect(() => parseArgs(['--json=yes'], spec, 'hash')).toThrow(InputError);
    expect(() => parseArgs(['-x'], spec, 'hash')).toThrow(InputError);
  });
});
