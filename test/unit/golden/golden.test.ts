import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../lib/cli';
import { memoryIo } from '../cli/memoryIo';

// Golden transcripts: the exact `--json` output of `teaming-lab simulate` for every example scenario
// (lib/scenarios/*.json) and for the extra inputs in test/golden/inputs/ (member events, Dynamic moves,
// bonds, SMB), and of `teaming-lab reproduce`. They pin the engine's numbers byte for byte, so that a
// refactor of the simulation changes no result without saying so.
//
// On a mismatch the test writes the new output next to the golden as `<golden>.changed` (diff the two) and
// fails. `npm run golden:update` (UPDATE_GOLDEN=1) rewrites the goldens instead; a commit that changes one
// explains why in its message.

const root = join(__dirname, '..', '..', '..');
const goldenDir = join(root, 'test', 'golden');
const update = process.env.UPDATE_GOLDEN === '1';

/** Compares `actual` with the golden file, writing `.changed` on a mismatch or rewriting it when updating. */
function expectGolden(file: string, actual: string): void {
  const changed = `${file}.changed`;
  if (update) {
    writeFileSync(file, actual);
    rmSync(changed, { force: true });
    return;
  }
  if (!existsSync(file)) {
    writeFileSync(changed, actual);
    throw new Error(`no golden ${file}; the output is in ${changed} (run npm run golden:update to accept it)`);
  }
  const expected = readFileSync(file, 'utf8');
  if (expected === actual) {
    rmSync(changed, { force: true });
    return;
  }
  writeFileSync(changed, actual);
  expect(actual, `output differs from ${file}; see ${changed} (npm run golden:update accepts it)`).toBe(expected);
}

/** Runs the CLI in-process and returns its stdout, checking the exit code. */
async function cliOutput(argv: string[], exitCode: number): Promise<string> {
  const { io, stdout, stderr } = memoryIo();
  const code = await runCli(argv, io);
  expect(code, stderr()).toBe(exitCode);
  return stdout();
}

const jsonFiles = (dir: string) =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => join(dir, name));
const scenarioFiles = [...jsonFiles(join(root, 'lib', 'scenarios')), ...jsonFiles(join(goldenDir, 'inputs'))];

describe('golden transcripts: teaming-lab simulate --json', () => {
  it('has a golden for every scenario and no stray one', () => {
    const names = scenarioFiles.map((file) => basename(file));
    expect(new Set(names).size, 'golden inputs must not share a name with an example scenario').toBe(names.length);
    const goldens = readdirSync(join(goldenDir, 'simulate')).filter((name) => name.endsWith('.json'));
    if (!update) expect(goldens.sort()).toEqual([...names].sort());
  });

  for (const file of scenarioFiles) {
    it(basename(file), async () => {
      const output = await cliOutput(['simulate', '--json', file], 0);
      expectGolden(join(goldenDir, 'simulate', basename(file)), output);
    });
  }
});

describe('golden transcripts: teaming-lab reproduce --json', () => {
  it('reproduce.json', async () => {
    // 20 draws per experiment: enough to pin every number of the ensemble code path, fast enough for a test
    // (the default, auto, runs up to 400 draws per finding; bench/ensemble.mjs times it).
    const output = await cliOutput(['reproduce', '--json', '--runs', '20'], 0);
    expectGolden(join(goldenDir, 'reproduce.json'), output);
  }, 600_000);
});
