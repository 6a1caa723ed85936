import { describe, expect, it } from 'vitest';
import { runCli } from '../../../lib/cli';
import { distribution } from '../../../lib/ensemble';
import type { FindingEnsemble, ReproduceEnsembleOptions } from '../../../lib/ensemble';
import { memoryIo } from './memoryIo';

/** A finding's ensemble with the fields the CLI prints filled in. */
function finding(id: string, holds: boolean, appeared: number, runs = 40): FindingEnsemble {
  const probability = appeared / runs;
  return {
    id,
    finding: 1,
    title: `title of ${id}`,
    claim: `claim of ${id}`,
    runs,
    dependsOnDraw: true,
    anyHash: { statement: `always of ${id}`, holds, heldIn: holds ? runs : runs - 1, runs },
    observation: { statement: `observation of ${id}`, appeared, runs, probability, low: probability / 2, high: Math.min(1, probability * 1.5), confidence: 0.95 },
    holds,
    measured: { membersUsed: distribution([1, 2, 2]) },
  };
}

describe('teaming-lab reproduce', () => {
  it('prints each finding with its any-hash verdict and the probability of the observation, and exits 0 when all hold', async () => {
    const { io, stdout } = memoryIo();
    const results = [finding('finding-1', true, 40), finding('finding-4', true, 20)];
    expect(await runCli(['reproduce'], io, { reproduce: () => results })).toBe(0);
    const lines = stdout().split('\n');
    expect(lines[0]).toMatch(/^id\s+holds\s+any hash\s+observed \(95 % interval\)\s+draws\s+claim$/);
    expect(lines[2]).toMatch(/^finding-1\s+yes\s+yes\s+1\.00 \[0\.50, 1\.00\]\s+40\s+claim of finding-1$/);
    expect(lines[3]).toMatch(/^finding-4\s+yes\s+yes\s+0\.50 \[0\.25, 0\.75\]\s+40\s+claim of finding-4$/);
    expect(stdout()).toContain('2 of 2 findings hold.');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(130);
  });

  it('exits 1 when a finding does not hold, and marks it', async () => {
    const { io, stdout } = memoryIo();
    expect(await runCli(['reproduce'], io, { reproduce: () => [finding('finding-1', true, 40), finding('finding-3', false, 0)] })).toBe(1);
    expect(stdout()).toMatch(/finding-3\s+NO\s+NO\s+/);
    expect(stdout()).toContain('1 of 2 findings hold.');
  });

  it('--json prints the any-hash verdict, the observation with its interval and the distributions without per-draw values', async () => {
    const { io, stdout } = memoryIo();
    expect(await runCli(['reproduce', '--json'], io, { reproduce: async () => [finding('finding-4', true, 20)] })).toBe(0);
    const [json] = JSON.parse(stdout());
    expect(Object.keys(json).sort()).toEqual(['anyHash', 'claim', 'dependsOnDraw', 'holds', 'id', 'measured', 'observation', 'runs']);
    expect(json.observation).toMatchObject({ probability: 0.5, low: 0.25, high: 0.75, appeared: 20, runs: 40 });
    expect(json.anyHash).toMatchObject({ holds: true, heldIn: 40 });
    expect(json.measured.membersUsed).toEqual({ runs: 3, mean: 5 / 3, min: 1, p05: 1, median: 2, p95: 2, max: 2 });
  });

  it('passes --runs, --hash and --seed to the ensemble', async () => {
    const { io } = memoryIo();
    let seen: ReproduceEnsembleOptions | undefined;
    await runCli(['reproduce', '--runs', '25', '--hash', 'toeplitz-test-key', '--seed', '7'], io, {
      reproduce: (options) => {
        seen = options;
        return [finding('finding-1', true, 25, 25)];
      },
    });
    expect(seen).toEqual({ runs: 25, addressHash: 'toeplitz-test-key', seed: 7 });
  });

  it('refuses a bad --runs, --hash or --seed with exit 2 and one line', async () => {
    for (const [args, field] of [
      [['--runs', '0'], '--runs'],
      [['--runs', 'many'], '--runs'],
      [['--hash', 'murmur'], '--hash'],
      [['--seed', '1.5'], '--seed'],
    ] as const) {
      const { io, stderr } = memoryIo();
      expect(await runCli(['reproduce', ...args], io, { reproduce: () => [] })).toBe(2);
      expect(stderr()).toMatch(new RegExp(`^teaming-lab: ${field}: got .*\\n$`));
    }
  });

  it('runs the library ensembles when nothing is injected, and the exit code follows the verdicts', async () => {
    // A few draws only: the probabilities themselves are checked in test/unit/ensemble.
    const { io, stdout, stderr } = memoryIo();
    const code = await runCli(['reproduce', '--json', '--runs', '8'], io);
    expect(stderr()).toBe('');
    const results = JSON.parse(stdout()) as Array<{ id: string; holds: boolean; runs: number; dependsOnDraw: boolean }>;
    expect(results.length).toBeGreaterThanOrEqual(8);
    for (const result of results) expect(result.runs).toBe(result.dependsOnDraw ? 8 : 1);
    expect(code).toBe(results.every((result) => result.holds) ? 0 : 1);
  }, 300_000);

  it('exits 3 with one line for an internal error', async () => {
    const quiet = memoryIo();
    expect(
      await runCli(['reproduce'], quiet.io, {
        reproduce: () => {
          throw new Error('boom');
        },
      }),
    ).toBe(3);
    expect(quiet.stderr()).toBe('teaming-lab: internal error: boom (set TEAMING_LAB_DEBUG=1 to see the stack)\n');
  });
});
