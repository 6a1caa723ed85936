import { describe, expect, it } from 'vitest';
import { ARTICLE_DRAW_SEED, articleScenario, runScenario } from '../../../lib/experiments';
import { expectRegistered, expectRight, expectWrong } from './exerciseAsserts';

// Lesson 8's exercise checks (finding 5, Switch Independent with Address Hash): each lesson solution
// must pass and a plausible wrong answer must fail. Expected answers are worked by hand in the comments.

describe('lesson 8 exercises', () => {
  it('are registered for lesson 8, one per <Exercise> of the lesson, with the answer names its cells assign', () => {
    expectRegistered(8, ['ex-08-1', 'ex-08-2', 'ex-08-3', 'ex-08-4'], { matchLessonCells: true });
  });

  it('ex-08-1: six VMs still arrive at one member\'s speed (10 Gbps)', () => {
    // Because peers resolve HV2's address to its primary member's MAC, so one 10 Gbps member receives all.
    expectRight('ex-08-1', 10);
    expectWrong('ex-08-1', 20, 60);
  });

  it('ex-08-2: NIC1, the primary, receives everything', () => {
    // Because the primary is the first member in binding order whose link is up.
    expectRight('ex-08-2', 'NIC1', 'nic1');
    expectWrong('ex-08-2', 'NIC2');
  });

  it('ex-08-3: with NIC1 down, NIC2 takes over the primary role and receives everything', () => {
    // Because the next member in binding order that is up becomes the primary.
    expectRight('ex-08-3', 'NIC2');
    expectWrong('ex-08-3', 'NIC1', 'NIC3');
  });

  it('ex-08-4: in the named draw (seed 3) the Switch Independent drain takes close to twice as long as the LACP one', () => {
    // In the course's named draw the LACP drain's concurrent connections use both members on both hosts
    // (the precondition, checked first), so one receive member against two bounds the ratio by hand: more
    // than 1.5 (half the receive bandwidth, less the fixed setup and resume times) and at most about 2.
    const lacp = runScenario(articleScenario({ teamingMode: 'Lacp', loadBalancingAlgorithm: 'TransportPorts', vms: 4, memoryGiB: 8, seed: ARTICLE_DRAW_SEED })).result;
    expect(lacp.hosts.HV2.peakReceiveGbps).toBe(20);
    const si = runScenario(articleScenario({ teamingMode: 'SwitchIndependent', loadBalancingAlgorithm: 'TransportPorts', vms: 4, memoryGiB: 8, seed: ARTICLE_DRAW_SEED })).result;
    const ratio = si.durationS / lacp.durationS;
    expect(ratio).toBeGreaterThan(1.5);
    expect(ratio).toBeLessThan(2.1);
    expectRight('ex-08-4', ratio);
    expectWrong('ex-08-4', 1, 3);
  });
});
