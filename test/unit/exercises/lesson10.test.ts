import { describe, expect, it } from 'vitest';
import { exercises } from '../../../lib/exercises';
import { expectRegistered, expectRight, expectWrong } from './exerciseAsserts';

// Lesson 10's exercise checks (Dynamic, SET, transports, Linux bonding, planning a drain): each lesson
// solution must pass and a plausible wrong answer must fail. Expected answers come from the rules the
// lesson teaches, worked by hand in the comments; the capstone's closed form is checked against the
// model in the exercise's own check.

const GIB = 2 ** 30;

describe('lesson 10 exercises', () => {
  it('are registered for lesson 10, one per <Exercise> of the lesson, with the answer names its cells assign', () => {
    // The workshop's `ex-10-capstone` (facilitator guide) shares the prefix; the lesson's are numbered.
    // Because the grader reads the variable named answerName: the lesson's check line must pass that one.
    expectRegistered(10, ['ex-10-1', 'ex-10-2', 'ex-10-3', 'ex-10-4'], { belongs: (id) => /^ex-10-\d+$/.test(id), matchLessonCells: true });
  });

  it('ex-10-1: a Switch Independent Dynamic team receives a drain on one member', () => {
    // Because Dynamic's inbound side works per vSwitch port, and all live migration goes to one host vNIC.
    expectRight('ex-10-1', 1);
    expectWrong('ex-10-1', 4, 2, undefined);
  });

  it('ex-10-2: the answer is what the model gives for the scenario as written (seed 1: all four SMB connections on one member, 10 Gbps)', () => {
    // SMB opens four connections from four consecutive source ports. Where they land is a draw of HV1's RSS
    // key: with seed 1's key ports 49152..49155 hash to one member (1 draw in 8 under a uniform hash), so
    // HV1 peaks at one member's 10 Gbps; the lesson's solution says so.
    expectRight('ex-10-2', 10, '10');
    expectWrong('ex-10-2', 20, 40);
  });

  it('ex-10-3: an 802.3ad bond with layer2 sends a two-host drain on one member', () => {
    // Because layer2 hashes only the two hosts' MAC addresses, the same for every connection.
    expectRight('ex-10-3', 1);
    expectWrong('ex-10-3', 2);
  });

  it('ex-10-4: the fastest drain needs a switch-dependent team that spreads both ways and enough migrations at once', () => {
    // Lower bound, by hand: 12 x 16 GiB = 206.16 GB can go no faster than the whole team, 4 x 10 Gbps =
    // 5e9 bytes/s, so no drain beats 41.2 s plus the 1 s setup; and a setting that funnels the drain
    // through one member (Hyper-V Port, Switch Independent) takes at least four times the copy time.
    const lowerBoundS = (12 * 16 * GIB) / 5e9 + 1;
    const oneMemberS = (12 * 16 * GIB) / 1.25e9 + 1;
    const check = exercises['ex-10-4'].check;
    // A setting that cannot use four members is refused whatever the time given.
    for (const answer of [
      { teamingMode: 'Lacp', loadBalancingAlgorithm: 'HyperVPort', simultaneous: 12, drainS: oneMemberS },
      { teamingMode: 'SwitchIndependent', loadBalancingAlgorithm: 'Dynamic', simultaneous: 12, drainS: oneMemberS },
      { teamingMode: 'Lacp', loadBalancingAlgorithm: 'Dynamic', simultaneous: 2, drainS: lowerBoundS * 2 },
    ]) {
      expect(check(answer).message).toMatch(/is not the fastest setting/);
    }
    // The lesson's answer: LACP (or Static) with Dynamic, 12 at once, in the model's time. Bisect on the
    // check's "too long" / "too short" between the whole-team bound and the one-member time: the time it
    // accepts must lie in between, because the team cannot beat its total speed, and this setting uses
    // more than one member.
    const right = { teamingMode: 'Lacp', loadBalancingAlgorithm: 'Dynamic', simultaneous: 12 };
    let low = lowerBoundS;
    let high = oneMemberS;
    let found: number | null = null;
    for (let step = 0; step < 30 && found === null; step++) {
      const drainS = (low + high) / 2;
      const result = check({ ...right, drainS });
      if (result.pass) found = drainS;
      else if (/too long/.test(result.message)) high = drainS;
      else if (/too short/.test(result.message)) low = drainS;
      else throw new Error(result.message);
    }
    expect(found, 'a time between the whole-team bound and the one-member time passes').not.toBeNull();
    // Static ties with LACP: the send side is the same team, and the switch spreads the receive side alike.
    expect(check({ teamingMode: 'Static', loadBalancingAlgorithm: 'Dynamic', simultaneous: 12, drainS: found }).pass).toBe(true);
    // A time far off fails even for the right setting.
    expect(check({ teamingMode: 'Lacp', loadBalancingAlgorithm: 'Dynamic', simultaneous: 12, drainS: (found as number) * 1.1 }).pass).toBe(false);
    // Malformed answers fail with a message, never throw.
    expect(check(undefined).pass).toBe(false);
    expect(check({ teamingMode: 'Lacp', loadBalancingAlgorithm: 'Dynamic', simultaneous: 3, drainS: found }).pass).toBe(false);
    expect(check({ teamingMode: 'LACP', loadBalancingAlgorithm: 'Dynamic', simultaneous: 12, drainS: found }).pass).toBe(false);
  }, 60_000);
});
