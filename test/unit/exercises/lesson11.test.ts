import { describe, it } from 'vitest';
import { expectRegistered, expectRight, expectWrong } from './exerciseAsserts';

// Lesson 11's exercise checks (designing a live-migration network today): each lesson solution must pass
// and a plausible wrong answer must fail. Expected answers are worked by hand in the comments from the
// model's documented assumptions (400,000 packets per second per core, 1448 payload bytes at MTU 1500).

describe('lesson 11 exercises', () => {
  it('are registered for lesson 11, one per <Exercise> of the lesson, with the answer names its cells assign', () => {
    expectRegistered(11, ['ex-11-1', 'ex-11-2', 'ex-11-3', 'ex-11-4', 'ex-11-5'], { matchLessonCells: true });
  });

  it('ex-11-1: a 2012 R2 host vNIC receives one migration at one core\'s rate, 4.63 Gbps', () => {
    // 400,000 x 1448 x 8 = 4.634 Gbps; the 25 Gbps link's goodput (23.5) is not what limits.
    expectRight('ex-11-1', 4.634, '4.63');
    expectWrong('ex-11-1', 23.5, 25, 12.5);
  });

  it('ex-11-2: jumbo frames add about five points of payload share on the wire', () => {
    // 8948/9038 - 1448/1538 = 0.99004 - 0.94148 = 0.04856.
    expectRight('ex-11-2', 8948 / 9038 - 1448 / 1538);
    expectWrong('ex-11-2', 0.5, 6, 0.99);
  });

  it('ex-11-3: an LACP team offers the smaller member\'s queues (Min-Queues)', () => {
    expectRight('ex-11-3', 14);
    expectWrong('ex-11-3', 44, 30);
  });

  it('ex-11-4: live migration gets half of what the quiet VMs leave', () => {
    // (25 - 2) x 40 / 80 = 11.5 Gbps.
    expectRight('ex-11-4', 11.5);
    expectWrong('ex-11-4', 10, 12.5, 25);
  });

  it('ex-11-5: a port-aware setting at the second tier breaks the polarization; src-dst-ip does not', () => {
    expectRight('ex-11-5', 'src-dst-port', 'src-port');
    expectWrong('ex-11-5', 'src-dst-ip', 'dst-ip', 'layer3+4', undefined);
  });
});
