import { fileURLToPath } from 'node:url';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMANDS, runCli } from '../../../lib/cli';
import { memoryIo } from './memoryIo';

// Every flag of every command, given a bad value the way a user (or an attacker) would type it: the CLI
// must answer with exit 2 and one line on stderr that names the flag as the flag (`--dirty-mbps`, never
// `migrations[0].dirtyMBps` or `fromDir`), shows the value readably (never `[object Object]`), holds no
// character a terminal acts on, stays under 300 characters, and writes nothing on stdout. The table
// below must name every flag `COMMANDS` declares, so a new flag cannot skip this walk.

/** Clears the screen and prints a fake verdict, then a right-to-left override and 400 more characters. */
const HOSTILE = `\x1b[2J\x1b[HAll 12 findings hold\u009b2J\r\u202e${'x'.repeat(400)}`;
/** Every character a terminal may act on, except the line feed the CLI writes itself. */
const ACTIVE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

const dir = mkdtempSync(join(tmpdir(), 'teaming-lab-every-flag-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const emptyFolder = join(dir, 'empty');
mkdirSync(emptyFolder);
const aFile = join(dir, 'a-file.txt');
writeFileSync(aFile, 'not a folder\n');
const badRoster = join(dir, 'roster.txt');
writeFileSync(badRoster, `ok-name\nNot A Valid Name${HOSTILE}\n`);
const missing = join(dir, `missing${HOSTILE}`);
const classroomDir = join(dir, 'classroom');

/** The example scenarios shipped with the library (a valid file for the commands that read one). */
const REPO_SCENARIOS = fileURLToPath(new URL('../../../lib/scenarios/', import.meta.url));
const NUMBER_BAD = [HOSTILE, '-1', 'abc', '', '1.5e999'];
const HASH_BASE = ['--policy', 'layer2', '--members', '2', '--src-ip', '10.0.0.1', '--dst-ip', '10.0.0.2'];

/** Per command: the arguments around the flag under test (valid on their own), and bad values per flag. */
const CASES: Record<string, { base: (flag: string) => string[]; bad: Record<string, string[]> }> = {
  hash: {
    // The flag under test replaces its own base value; --key needs a keyed policy to be read at all.
    base: (flag) => ['hash', ...(flag === 'key' ? ['--policy', 'toeplitz', ...HASH_BASE.slice(2)] : HASH_BASE)].filter((_, i, all) => !(all[i] === `--${flag}` || all[i - 1] === `--${flag}`)),
    bad: {
      policy: [HOSTILE, 'layer9'],
      members: [...NUMBER_BAD, '0', '33', '2.5'],
      'src-ip': [HOSTILE, '300.1.1.1', '1.2.3'],
      'dst-ip': [HOSTILE, '::g'],
      'src-port': [...NUMBER_BAD, '65536'],
      'dst-port': [...NUMBER_BAD, '70000'],
      'src-mac': [HOSTILE, 'zz:zz:zz:zz:zz:zz'],
      'dst-mac': [HOSTILE, '00:11:22'],
      protocol: [HOSTILE, 'icmp'],
      key: [HOSTILE, 'abc', '00'],
    },
  },
  plan: {
    base: () => ['plan'],
    bad: {
      'teaming-mode': [HOSTILE, 'Bogus'],
      algorithm: [HOSTILE, 'RoundRobin'],
      members: [...NUMBER_BAD, '0'],
      gbps: [...NUMBER_BAD, '0'],
      vms: [...NUMBER_BAD, '0'],
      'memory-gib': [...NUMBER_BAD, '0'],
      'dirty-mbps': [...NUMBER_BAD, '99999999999'],
      switch: [HOSTILE, 'layer9'],
      simultaneous: [...NUMBER_BAD, '0'],
      connections: [...NUMBER_BAD, '0'],
      transport: [HOSTILE, 'carrier-pigeon'],
    },
  },
  simulate: {
    base: () => ['simulate', join(REPO_SCENARIOS, 'compression.json')],
    bad: { runs: [...NUMBER_BAD, '0', '10001'] },
  },
  reproduce: {
    base: () => ['reproduce'],
    bad: {
      runs: [...NUMBER_BAD, '0', 'all'],
      hash: [HOSTILE, 'md5'],
      seed: [HOSTILE, 'abc', '', '1.5', '1.5e999'],
    },
  },
  workshop: {
    base: (flag) =>
      flag === 'from' ? ['workshop', 'release', join(dir, 'release-out')]
      : flag === 'classroom' ? ['workshop', 'collect', join(dir, 'collected')]
      : ['workshop', 'grade', emptyFolder, ...(flag === 'out' ? [] : ['--out', join(dir, 'report')])],
    bad: {
      from: [missing, aFile],
      out: [aFile, ''],
      'timeout-s': [...NUMBER_BAD, '0'],
      jobs: [...NUMBER_BAD, '0'],
      lessons: [HOSTILE, '0', '2,,6', '99'],
      'memory-mib': [...NUMBER_BAD, '100'],
      'cpu-s': [...NUMBER_BAD, '0'],
      processes: [...NUMBER_BAD, '8'],
      'disk-mib': [...NUMBER_BAD, '0'],
      classroom: [missing, aFile],
    },
  },
  classroom: {
    base: (flag) => ['classroom', 'config', ...(flag === 'dir' ? [] : ['--dir', classroomDir])],
    bad: {
      dir: [aFile, ''],
      port: [...NUMBER_BAD, '0', '65534'],
      ip: [HOSTILE, '1.2.3', '999.1.1.1', '01.2.3.4'],
      roster: [missing, badRoster],
      notebooks: [missing, aFile],
    },
  },
};

/** Runs the CLI and checks the properties every bad flag value must have; returns stderr. `field` is what
 * the message must name: the flag, or for a bad line inside a file the flag names, that file and line. */
async function expectFlagError(argv: string[], flag: string, field = `--${flag}`): Promise<string> {
  const { io, stdout, stderr } = memoryIo();
  const code = await runCli(argv, io);
  const err = stderr();
  const shown = JSON.stringify(argv).slice(0, 200);
  expect(code, `${shown}: ${err}`).toBe(2);
  expect(stdout(), shown).toBe('');
  const match = ACTIVE.exec(err);
  expect(match, `${shown}: control character U+${match?.[0].charCodeAt(0).toString(16)} in ${JSON.stringify(err)}`).toBeNull();
  expect(err.endsWith('\n') && !err.slice(0, -1).includes('\n'), `${shown}: one line: ${err}`).toBe(true);
  expect(err.length - 1, `${shown}: ${err}`).toBeLessThan(300);
  expect(err, shown).not.toMatch(/\[object \w+\]|undefined|\bNaN\b(?!")/);
  expect(err, shown).toMatch(new RegExp(`^teaming-lab: ${field}: got .+; expected .+\\n$`));
  return err;
}

describe('every CLI flag, given a bad value', () => {
  it('has a case for every flag of every command (a new flag cannot skip the walk)', () => {
    for (const command of COMMANDS) {
      const strings = Object.entries(command.flags)
        .filter(([, kind]) => kind === 'string')
        .map(([name]) => name)
        .sort();
      expect(Object.keys(CASES[command.name]?.bad ?? {}).sort(), command.name).toEqual(strings);
    }
  });

  for (const [command, { base, bad }] of Object.entries(CASES)) {
    for (const [flag, values] of Object.entries(bad)) {
      it(`${command} --${flag}: exit 2, one inert line under 300 characters naming --${flag}`, async () => {
        for (const value of values) {
          // A bad line in the roster is named by the file and line, like a bad line in a scenario file.
          const field = value === badRoster ? `${badRoster}:2` : `--${flag}`;
          const err = await expectFlagError([...base(flag), `--${flag}`, value], flag, field);
          // The user's own value is shown (escaped and cut), so they can see what they typed.
          if (value === HOSTILE) expect(err).toMatch(/got "?\\(x1b|u001b)\[2J/);
        }
        // The --flag=value form too, with the hostile value.
        await expectFlagError([...base(flag), `--${flag}=${values[0]}`], flag);
      });
    }
  }

  it('every boolean flag refuses a value other than true or false, naming the flag', async () => {
    for (const command of COMMANDS) {
      for (const [flag, kind] of Object.entries(command.flags)) {
        if (kind !== 'boolean') continue;
        await expectFlagError([command.name, `--${flag}=${HOSTILE}`], flag);
        await expectFlagError([command.name, `--${flag}=yes`], flag);
      }
    }
  });
});
