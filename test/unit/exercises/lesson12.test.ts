import { describe, expect, it } from 'vitest';
import { exercises } from '../../../lib/exercises';
import { expectRegistered, expectRight, expectWrong } from './exerciseAsserts';

// Lesson 12's exercise checks (planning a drain, a cluster scenario, the limiting side): each lesson
// solution must pass and a plausible wrong answer must fail. Expected answers come from the rules the
// lesson teaches, worked by hand in the comments; the planning exercise's closed form is checked against
// the model in the exercise's own check.

const GIB = 2 ** 30;

describe('lesson 12 exercises', () => {
  it('are registered for lesson 12, one per <Exercise> of the lesson, with the answer names its cells assign', () => {
    expectRegistered(12, ['ex-12-1', 'ex-12-2', 'ex-12-3'], { matchLessonCells: true });
  });

  it('ex-12-1: the fastest drain needs a switch-dependent team that spreads both ways and enough migrations at once', () => {
    // Lower bound, by hand: 12 x 16 GiB = 206.16 GB can go no faster than the whole team, 4 x 10 Gbps =
    // 5e9 bytes/s, so no drain beats 41.2 s plus the 1 s setup; and a setting that funnels the drain
    // through one member (Hyper-V Port, Switch Independent) takes at least four times the copy time.
    const lowerBoundS = (12 * 16 * GIB) / 5e9 + 1;
    const oneMemberS = (12 * 16 * GIB) / 1.25e9 + 1;
    const check = exercises['ex-12-1'].check;
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

  it('ex-12-2: a cluster left at MaximumParallelMigrations 1 drains six VMs one at a time', () => {
    // By hand: six 8 GiB VMs one after another, each at one 10 Gbps member (1.25e9 bytes/s) plus its 1 s
    // setup and some resent dirty pages, so at least 6 x (8 GiB / 1.25e9 + 1) = 47.2 s; two at a time
    // (towards two targets) would take about half.
    const oneAtATimeLowerS = 6 * ((8 * GIB) / 1.25e9 + 1);
    const check = exercises['ex-12-2'].check;
    expect(check(oneAtATimeLowerS / 2).pass).toBe(false);
    let found: number | null = null;
    for (let s = oneAtATimeLowerS; s < oneAtATimeLowerS * 1.2 && found === null; s += 0.05) if (check(s).pass) found = s;
    expect(found, 'a time just above the one-at-a-time bound passes').not.toBeNull();
    expectWrong('ex-12-2', undefined, 'soon');
  }, 60_000);

  it('ex-12-3: a Switch Independent Address Hash drain is limited by the receive side', () => {
    // Because HV2 receives everything on its primary member, which runs full.
    expectRight('ex-12-3', 'receive', 'Receive');
    expectWrong('ex-12-3', 'send', 'both', 'neither', 3);
  }, 60_000);
});
