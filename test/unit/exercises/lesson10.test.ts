import { describe, it } from 'vitest';
import { expectRegistered, expectRight, expectWrong } from './exerciseAsserts';

// Lesson 10's exercise checks (Dynamic, SET, transports, failover, Linux bonding): each lesson solution must
// pass and a plausible wrong answer must fail. Expected answers come from the rules the lesson teaches,
// worked by hand in the comments.

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

  it('ex-10-2: the answer is what the model gives in the lesson\'s named draw (seed 3: the four SMB connections on both members, 20 Gbps)', () => {
    // SMB opens four connections from four consecutive source ports. Where they land is a draw of HV1's RSS
    // key: with seed 3's key they land on both members, so HV1 peaks at both members' 20 Gbps (with seed 1's
    // key all four hash to one member, 1 draw in 8 under a uniform hash); the lesson's solution says so.
    expectRight('ex-10-2', 20, '20');
    expectWrong('ex-10-2', 10, 40);
  });

  it('ex-10-3: an 802.3ad bond with layer2 sends a two-host drain on one member', () => {
    // Because layer2 hashes only the two hosts' MAC addresses, the same for every connection.
    expectRight('ex-10-3', 1);
    expectWrong('ex-10-3', 2);
  });

  it('ex-10-4: after a member fails, the surviving member sends at about one member\'s speed', () => {
    // Because the failed member's connections move to the one member left, which runs full until the drain
    // ends: 10 Gbps on the article's 10 Gbps members. Half of that, or the whole team, is wrong.
    expectRight('ex-10-4', 10, '10');
    expectWrong('ex-10-4', 5, 20, undefined);
  });
});
