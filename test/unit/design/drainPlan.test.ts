import { describe, expect, it } from 'vitest';
import { experiments } from '../../../lib/experiments';

// The lesson-12 planning experiment: with four members and four migrations at once the best setting over
// the team must use all four members both ways; with the simultaneous setting at 2 only two can be filled,
// and a Switch Independent or Hyper-V Port setting of your own must show up as receiving on one member.

describe('drain-plan experiment', () => {
  it('finds a setting that fills all four members when four migrations run at once, and holds with its defaults', () => {
    expect(experiments['drain-plan'].run().holds).toBe(true);
    const result = experiments['drain-plan'].run({ vms: 8, memoryGiB: 4, simultaneous: 4 });
    expect(result.measured.membersFillable).toBe(4);
    expect(result.holds).toBe(true);
    expect(result.measured.bestTcpSetting).toMatch(/^(Lacp|Static) /);
  }, 60_000);

  it('can fill only two members at the default of two migrations at once, and reports your own setting', () => {
    const result = experiments['drain-plan'].run({ vms: 8, memoryGiB: 4, simultaneous: 2, teamingMode: 'SwitchIndependent', loadBalancingAlgorithm: 'HyperVPort' });
    expect(result.measured.membersFillable).toBe(2);
    expect(result.measured.yourReceiveMembers).toBe(1);
    expect(result.measured.yourDrainS as number).toBeGreaterThan(result.measured.fastestDrainS as number);
  }, 60_000);
});
