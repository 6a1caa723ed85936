import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../lib/cli';
import { INPUT_FILE_LIMITS, readTextFile } from '../../../lib/cli/readJsonFile';
import { InputError } from '../../../lib/InputError';
import { memoryIo } from './memoryIo';

// The CLI as an attacker sees it: a scenario (or share file, or flag) written to take over the terminal of
// whoever runs `teaming-lab` on it. A name holding ESC [2J (clear screen) and ESC [H (cursor home) followed by a
// fake verdict would, printed raw, wipe the real report and leave "All 12 findings hold" on screen. These tests
// plant such payloads in every field a user controls and check that nothing a terminal acts on comes out.

/** Clears the screen, homes the cursor, prints a fake verdict in green, then hides what follows. */
const CLEAR_AND_LIE = '\x1b[2J\x1b[H\x1b[32mAll 12 findings hold\x1b[0m\x1b[8m';
/** The same through the 8-bit CSI (U+009B), which JSON.stringify does not escape, a carriage return that
 * overwrites the current line, backspaces, a bell, an OSC title change and a right-to-left override. */
const SNEAKY = '\u009b2J\rAll 12 findings hold\b\b\x07\x1b]0;pwned\x07\u202e';
/** A line break that would start a fake line of its own. */
const NEW_LINE_LIE = 'VM01\nAll 12 findings hold.';

/** Every character a terminal may act on, except the line feed the CLI writes itself. */
const ACTIVE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** Checks that text is inert: no control character but line feeds, and no line that starts with the fake verdict. */
function expectInert(text: string): void {
  const match = ACTIVE.exec(text);
  expect(match, match ? `control character U+${match[0].charCodeAt(0).toString(16).padStart(4, '0')} at ${match.index}` : '').toBeNull();
  for (const line of text.split('\n')) expect(line.trimStart()).not.toMatch(/^All 12 findings hold/);
}

function member(name: string) {
  return { name, gbps: 10 };
}

/** A two-host scenario with a payload in every name and in the description. */
function hostileScenario(payload: string) {
  const team = { teamingMode: 'Lacp', loadBalancingAlgorithm: 'TransportPorts', members: [member(`NIC1${payload}`), member(`NIC2${payload}`)] };
  return {
    description: `Looks harmless.${payload}`,
    hosts: [
      { name: `HV1${payload}`, ip: '10.10.10.1', team },
      { name: `HV2${payload}`, ip: '10.10.10.2', team },
    ],
    migrations: [
      { vm: `VM01${payload}`, from: `HV1${payload}`, to: `HV2${payload}`, memoryGiB: 1 },
      { vm: NEW_LINE_LIE, from: `HV1${payload}`, to: `HV2${payload}`, memoryGiB: 1 },
    ],
  };
}

/** Runs the CLI and returns its exit code and everything it wrote. */
async function run(argv: string[], files: Record<string, string> = {}, columns?: number) {
  const { io, stdout, stderr } = memoryIo(files);
  const code = await runCli(argv, { ...io, columns });
  return { code, stdout: stdout(), stderr: stderr() };
}

/** Runs the CLI expecting bad input: exit 2, nothing on stdout, one inert line under 300 characters. */
async function badInput(argv: string[], files: Record<string, string> = {}): Promise<string> {
  const { code, stdout, stderr } = await run(argv, files);
  expect(code, stderr).toBe(2);
  expect(stdout).toBe('');
  expectOneLine(stderr);
  return stderr;
}

function expectOneLine(stderr: string): void {
  expectInert(stderr);
  expect(stderr.endsWith('\n')).toBe(true);
  expect(stderr.slice(0, -1)).not.toContain('\n');
  expect(stderr.length - 1, stderr).toBeLessThan(300);
  expect(stderr).not.toMatch(/\[object \w+\]|NaN/);
}

describe('simulate: a scenario file cannot write to the terminal', () => {
  for (const [label, payload] of [
    ['ESC sequences that clear the screen and print a fake verdict', CLEAR_AND_LIE],
    ['C1 CSI, carriage return, backspace, bell, OSC and RTL override', SNEAKY],
  ] as const) {
    it(`shows every name and the description inert: ${label}`, async () => {
      // A terminal wide enough that no name is wrapped, so the escaped names can be found whole.
      const { code, stdout, stderr } = await run(['simulate', 's.json'], { 's.json': JSON.stringify(hostileScenario(payload)) }, 300);
      expect(code, stderr).toBe(0);
      expectInert(stdout);
      // The names are still there, escaped, so the user sees what the file holds.
      const visible = payload === CLEAR_AND_LIE ? '\\x1b[2J\\x1b[H\\x1b[32mAll 12 findings hold\\x1b[0m\\x1b[8m' : '\\x9b2J\\rAll 12 findings hold\\x08\\x08\\x07\\x1b]0;pwned\\x07\\u202e';
      for (const name of ['HV1', 'NIC2', 'VM01', 'Looks harmless.']) expect(stdout).toContain(`${name}${visible}`);
      expect(stdout).toContain('VM01\\nAll 12 findings hold.');
      // In a narrow terminal the names wrap, and stay inert.
      const narrow = await run(['simulate', 's.json'], { 's.json': JSON.stringify(hostileScenario(payload)) }, 40);
      expectInert(narrow.stdout);
    });

    it(`--json keeps the names as JSON escapes, so the values are intact: ${label}`, async () => {
      const { code, stdout } = await run(['simulate', 's.json', '--json'], { 's.json': JSON.stringify(hostileScenario(payload)) });
      expect(code).toBe(0);
      expectInert(stdout);
      const result = JSON.parse(stdout);
      expect(result.migrations.map((migration: { vm: string }) => migration.vm)).toEqual([`VM01${payload}`, NEW_LINE_LIE]);
      expect(Object.keys(result.hosts)).toEqual([`HV1${payload}`, `HV2${payload}`]);
    });
  }

  it('keeps errors inert when the bad value, the allowed host names and the file name carry payloads', async () => {
    const scenario = hostileScenario(CLEAR_AND_LIE);
    scenario.migrations[0].from = `HV9${SNEAKY}`;
    const stderr = await badInput(['simulate', `s${CLEAR_AND_LIE}.json`], { [`s${CLEAR_AND_LIE}.json`]: JSON.stringify(scenario) });
    expect(stderr).toMatch(/^teaming-lab: migrations\[0\]\.from: got "HV9\\u009b2J\\r.*"; expected one of HV1\\x1b\[2J/);
    // A file that does not exist: the name is part of the error.
    expectOneLine(await badInput(['simulate', `missing${CLEAR_AND_LIE}.json`]));
    // A JSON syntax error in a file whose name carries the payload: the field is `name:line:column`.
    expect(await badInput(['simulate', `x${SNEAKY}.json`], { [`x${SNEAKY}.json`]: '{"hosts": \x1b}' })).toContain('got "\\u001b"');
  });

  it('keeps a payload in an unknown key inert (the key is part of the error)', async () => {
    const scenario = { ...hostileScenario(''), [`seed${CLEAR_AND_LIE}`]: 1 };
    expectOneLine(await badInput(['simulate', 's.json'], { 's.json': JSON.stringify(scenario) }));
  });
});

describe('share and flags: the same for every other input', () => {
  it('shows share flow and link ids inert', async () => {
    const input = { links: [{ id: `A${CLEAR_AND_LIE}`, gbps: 10 }], flows: [{ id: `f${SNEAKY}`, links: [`A${CLEAR_AND_LIE}`] }] };
    const { code, stdout } = await run(['share', 's.json'], { 's.json': JSON.stringify(input) });
    expect(code).toBe(0);
    expectInert(stdout);
    expect(stdout).toContain('A\\x1b[2J');
  });

  it('keeps flag values, unknown flags and unknown commands inert in errors', async () => {
    expectOneLine(await badInput(['hash', '--policy', CLEAR_AND_LIE, '--members', '2', '--src-ip', '10.0.0.1', '--dst-ip', '10.0.0.2']));
    expectOneLine(await badInput(['hash', `--${SNEAKY}`, '1']));
    expectOneLine(await badInput([CLEAR_AND_LIE]));
    expectOneLine(await badInput(['plan', '--algorithm', SNEAKY]));
    expectOneLine(await badInput(['simulate', 'a.json', `b${CLEAR_AND_LIE}.json`]));
  });
});

describe('errors: readable, short, and in the user\'s terms', () => {
  it('stays under 300 characters when the list of allowed values is long', async () => {
    // 500 hosts with 60-character names: "expected one of ..." would be 31,000 characters long.
    const team = { teamingMode: 'Lacp', loadBalancingAlgorithm: 'TransportPorts', members: [member('NIC1')] };
    const hosts = Array.from({ length: 500 }, (_, i) => ({ name: `host-${String(i).padStart(3, '0')}-${'x'.repeat(50)}`, ip: `10.${1 + (i >> 8)}.${i & 255}.1`, team }));
    const scenario = { hosts, migrations: [{ vm: 'VM01', from: 'nowhere', to: hosts[1].name, memoryGiB: 1 }] };
    const stderr = await badInput(['simulate', 's.json'], { 's.json': JSON.stringify(scenario) });
    expect(stderr).toMatch(/^teaming-lab: migrations\[0\]\.from: got "nowhere"; expected one of host-000-x+, host-001-.*\.\.\.\n$/);
    // A long file name and a long bad value are cut too.
    expectOneLine(await badInput(['simulate', `${'d/'.repeat(200)}s.json`]));
    expectOneLine(await badInput(['hash', '--policy', 'p'.repeat(5000)]));
  });

  it('names a flag as the flag when the planner refuses its value (not migrations[0].dirtyMBps)', async () => {
    // --dirty-mbps passes the planner's own check (any number from 0) but not the scenario's (at most 10^6 MB/s).
    const stderr = await badInput(['plan', '--dirty-mbps', '99999999999']);
    expect(stderr).toBe('teaming-lab: --dirty-mbps: got "99999999999"; expected a number from 0 to 1000000\n');
  });

  it('shows non-Error throws and odd values readably, never as [object Object]', async () => {
    const thrown: unknown[] = [{ code: 42, reason: 'disk on fire' }, new Map([['a', 1]]), Object.assign(Object.create(null), { x: 1 }), 7n, Symbol('s')];
    for (const value of thrown) {
      const { io, stderr } = memoryIo();
      const code = await runCli(['reproduce'], io, {
        reproduce: () => {
          throw value;
        },
      });
      expect(code).toBe(3);
      expectOneLine(stderr());
      expect(stderr()).toMatch(/^teaming-lab: internal error: \S/);
    }
    const circular: Record<string, unknown> = { name: 'loop' };
    circular.self = circular;
    for (const value of [circular, new Map([['k', 'v']]), 10n, () => 1]) {
      const { io, stderr } = memoryIo();
      const code = await runCli(['reproduce'], io, {
        reproduce: () => {
          throw new InputError('field', value, 'something else');
        },
      });
      expect(code).toBe(2);
      expectOneLine(stderr());
      expect(stderr()).toMatch(/^teaming-lab: field: got \S.*; expected something else\n$/);
    }
  });
});

describe('input files: size and nesting limits', () => {
  const dir = mkdtempSync(join(tmpdir(), 'teaming-lab-limits-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a file over the size limit with exit 2 and one line', async () => {
    const big = `{"description": "${'x'.repeat(INPUT_FILE_LIMITS.maxBytes)}"}`;
    const stderr = await badInput(['simulate', 'big.json'], { 'big.json': big });
    expect(stderr).toMatch(/^teaming-lab: FILE: got "big\.json"; expected a file of at most 64 MiB \(this one has 64\.0 MiB\)\n$/);
  });

  it('reads real files with a bound: over the limit by size or by content (a device that never ends), refused unread', () => {
    const file = join(dir, 'eleven.json');
    writeFileSync(file, '[1,2,3,4,5]');
    expect(readTextFile(file, { maxBytes: 11 })).toBe('[1,2,3,4,5]');
    expect(() => readTextFile(file, { maxBytes: 10 })).toThrow(expect.objectContaining({ code: 'EFBIG' }));
    // /dev/zero reports size 0 and never ends: only the bound on bytes read stops it.
    expect(() => readTextFile('/dev/zero', { maxBytes: 1 << 20 })).toThrow(expect.objectContaining({ code: 'EFBIG' }));
  });

  it('refuses JSON nested deeper than the limit, pointing at the bracket, before any recursive step', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const stderr = await badInput(['simulate', 'deep.json'], { 'deep.json': deep });
    const column = INPUT_FILE_LIMITS.maxDepth + 1;
    expect(stderr).toBe(`teaming-lab: deep.json:1:${column}: got "["; expected JSON nested at most ${INPUT_FILE_LIMITS.maxDepth} levels deep\n`);
    // Brackets inside strings do not count.
    const { code, stderr: err } = await run(['share', 's.json'], { 's.json': JSON.stringify({ links: [{ id: '['.repeat(100), gbps: 1 }], flows: [{ id: 'f', links: ['['.repeat(100)] }] }) });
    expect(code, err).toBe(0);
  });
});
