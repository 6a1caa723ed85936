import { describe, expect, it } from 'vitest';
import { runEnsemble, simulateEnsemble } from '../../../lib/ensemble';
import { articleScenario, experiments } from '../../../lib/experiments';

// The headline check of issue 10: with each host's own random RSS key, two VMs over two-member LACP teams
// use both members on both hosts about half the time, not nearly always; with Microsoft's test key (one
// fixed linear hash) nearly always. The any-hash part of finding 4 holds in every draw either way.

describe('runEnsemble(experiment, options)', () => {
  it('finding 4: two VMs use all members on both hosts near one half of the draws with random keys', () => {
    const ensemble = runEnsemble(experiments['finding-4'], { runs: 200 });
    expect(ensemble.runs).toBe(200);
    expect(ensemble.anyHash.holds).toBe(true);
    expect(ensemble.anyHash.heldIn).toBe(200);
    // Uniform placement of the two send connections gives 1/2; the interval must contain it and stay clear of 1.
    expect(ensemble.observation.low).toBeLessThan(0.5);
    expect(ensemble.observation.high).toBeGreaterThan(0.5);
    expect(ensemble.observation.high).toBeLessThan(0.7);
    expect(ensemble.holds).toBe(true);
    // Every numeric measured figure has a distribution over the draws.
    expect(ensemble.measured.perVmSendMembers.values).toHaveLength(200);
    expect(ensemble.measured.perVmSendMembers.min).toBe(1);
    expect(ensemble.measured.perVmSendMembers.max).toBe(2);
  }, 120_000);

  it("finding 4 with Microsoft's test key: the observation appears in nearly every draw (the circular choice issue 10 names)", () => {
    const ensemble = runEnsemble(experiments['finding-4'], { runs: 100, addressHash: 'toeplitz-test-key' });
    expect(ensemble.observation.probability).toBeGreaterThan(0.85);
  }, 120_000);

  it('auto size stops early for an observation seen in every draw, and at most 400 draws', () => {
    const ensemble = runEnsemble(experiments['finding-3']);
    expect(ensemble.observation.probability).toBe(1);
    expect(ensemble.runs).toBeLessThanOrEqual(45);
    expect((ensemble.observation.high - ensemble.observation.low) / 2).toBeLessThanOrEqual(0.05);
  }, 120_000);

  it('runs an experiment that does not depend on the draw once, with an exact probability', () => {
    const fake = {
      ...experiments['finding-1'],
      dependsOnDraw: false,
    };
    const ensemble = runEnsemble(fake, { runs: 50 });
    expect(ensemble.runs).toBe(1);
    expect(ensemble.observation.low).toBe(ensemble.observation.probability);
  });

  it('refuses a bad runs value, naming the field', () => {
    expect(() => runEnsemble(experiments['finding-3'], { runs: 0 })).toThrow(/^runs: /);
    expect(() => runEnsemble(experiments['finding-3'], { runs: 2.5 })).toThrow(/^runs: /);
  });
});

describe('simulateEnsemble(scenario, { runs })', () => {
  it('gives the spread of the drain and how often each host used all its members', () => {
    const input = articleScenario({ vms: 2, memoryGiB: 4 });
    const ensemble = simulateEnsemble(input, { runs: 100 });
    expect(ensemble.runs).toBe(100);
    expect(ensemble.durationS.values).toHaveLength(100);
    const send = ensemble.hosts.HV1.sendOnAllMembers!;
    expect(send.low).toBeLessThan(0.5);
    expect(send.high).toBeGreaterThan(0.5);
    // HV2 sends nothing: no probability to report.
    expect(ensemble.hosts.HV2.sendOnAllMembers).toBeNull();
    expect(ensemble.hosts.HV1.peakSendGbps.max).toBeLessThanOrEqual(20 + 1e-9);
  }, 120_000);

  it('refuses a bad runs value and an invalid scenario', () => {
    expect(() => simulateEnsemble(articleScenario(), { runs: 0 })).toThrow(/^runs: /);
    expect(() => simulateEnsemble({ hosts: [], migrations: [] }, { runs: 2 })).toThrow(/^hosts: /);
  });
});
