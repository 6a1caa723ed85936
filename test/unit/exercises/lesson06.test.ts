import { describe, expect, it } from 'vitest';
import { expectRegistered, expectRight, expectWrong } from './exerciseAsserts';

// Lesson 6's exercise checks (finding 3, Hyper-V Port): each lesson solution must pass and a plausible
// wrong answer must fail, so a learner is never told "correct" for a mistake nor "not yet" for the
// model's answer. Expected answers come from the rules, worked by hand in the comments.

describe('lesson 6 exercises', () => {
  it('are registered for lesson 6, one per <Exercise> of the lesson, with the answer names its cells assign', () => {
    // Because the grader reads the variable named answerName: the lesson's check line must pass that one.
    expectRegistered(6, ['ex-06-1', 'ex-06-2', 'ex-06-3', 'ex-06-4'], { matchLessonCells: true });
  });

  it('ex-06-1: HV2 receives at one member\'s speed (10 Gbps) from a Hyper-V Port drain of six VMs', () => {
    // Because every migration leaves HV1 through one host vNIC, pinned to one 10 Gbps member, and HV2
    // can receive no faster than HV1 sends.
    expectRight('ex-06-1', 10, '10');
    expectWrong('ex-06-1', 20, 5, undefined);
  });

  it('ex-06-2: no teaming mode lifts the Hyper-V Port cap', () => {
    // Because the mode only changes the receive side; Hyper-V Port pins the send side in all three.
    expectRight('ex-06-2', 'none');
    expectWrong('ex-06-2', 'Lacp', 'Static', 'SwitchIndependent', 0);
  });

  it('ex-06-3: the switch spreads a Hyper-V Port drain over both of HV2\'s members', () => {
    // Because with src-dst-port the bucket is (srcPort XOR 6600) & 7 = srcPort & 7 (6600 = 825 x 8), so
    // ports 49152 and 49153 get buckets 0 and 1, i.e. members 0 % 2 = NIC1 and 1 % 2 = NIC2.
    expectRight('ex-06-3', 2);
    expectWrong('ex-06-3', 1, 2.5);
  });

  it('ex-06-4: port IDs 2, 6, 10 put the host vNIC on NIC3 of a four-member team; others do not', () => {
    // Because the model ties vSwitch port p to active member p mod 4, and NIC3 is member index 2.
    expectRight('ex-06-4', 2, 6, 10);
    expectWrong('ex-06-4', 0, 1, 3, 4);
    expectWrong('ex-06-4', -2, 2.5, 'two');
  });
});
