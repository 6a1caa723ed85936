import { describe, expect, it } from 'vitest';
import { experiments } from '../../../lib/experiments';
import { SCENARIO_DEFAULTS } from '../../../lib/scenario';

// Lesson 5 quotes the scenario defaults and the rounds of its 8 GiB / 50 MB/s / 10 Gbps VM from this
// experiment, so its measured figures must be the defaults and the closed form's numbers: lambda = 0.04, the
// second round 4 % of the first; and the claim must fail for a VM that cannot converge.

describe('precopy-rounds experiment', () => {
  it('reports the scenario defaults and the lesson VM\'s rounds', () => {
    const r = experiments['precopy-rounds'].run();
    expect(r.measured.stopThresholdMB).toBe(SCENARIO_DEFAULTS.liveMigration.stopThresholdMB);
    expect(r.measured.maxRounds).toBe(SCENARIO_DEFAULTS.liveMigration.maxRounds);
    expect(r.measured.lambda).toBeCloseTo(50e6 / 1.25e9, 12);
    expect((r.measured.secondRoundMB as number) / (r.measured.firstRoundMB as number)).toBeCloseTo(0.04, 9);
    expect(r.holds).toBe(true);
  });

  it('does not hold for a VM dirtying memory as fast as the link copies it', () => {
    const r = experiments['precopy-rounds'].run({ dirtyMBps: 1250 });
    expect(r.measured.converged).toBe(false);
    expect(r.holds).toBe(false);
  });
});
