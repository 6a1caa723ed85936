import { describe, expect, it } from 'vitest';
import { expectRegistered, expectRight, expectWrong } from './exerciseAsserts';

// Lesson 7's exercise checks (findings 4 and 7, Address Hash between two hosts): each lesson solution
// must pass and a plausible wrong answer must fail. Expected answers are worked by hand in the comments.
//
// The hosts' RSS keys are drawn from the scenario seed (seed 1 by default), so which ports split is the
// model's draw, not a hand calculation with Microsoft's test key; ex-07-5's ports below were found by
// running the model, and the exercise checks any answer by running it too.

describe('lesson 7 exercises', () => {
  it('are registered for lesson 7, one per <Exercise> of the lesson, with the answer names its cells assign', () => {
    expectRegistered(7, ['ex-07-1', 'ex-07-2', 'ex-07-3', 'ex-07-4', 'ex-07-5'], { matchLessonCells: true });
  });

  it('ex-07-1: one connection per VM fits the article, one per host pair does not', () => {
    // Because one shared connection hashes to one member on each side; the article saw both members busy.
    expectRight('ex-07-1', 'per-vm');
    expectWrong('ex-07-1', 'per-host-pair');
  });

  it('ex-07-2: a src-dst-ip switch delivers four migrations on one member of HV2 (10 Gbps)', () => {
    // Because every connection has the same addresses: bucket (1 XOR 2) & 7 = 3, member 3 % 2 = NIC2.
    expectRight('ex-07-2', 10);
    expectWrong('ex-07-2', 20);
  });

  it('ex-07-3: twelve simultaneous migrations peak at the whole team (20 Gbps), as two already do', () => {
    // Because among twelve migrations some two running at once hash to different members (in this draw, as
    // in almost every draw), filling both 10 Gbps members, and nothing can exceed 2 x 10 Gbps.
    expectRight('ex-07-3', 20);
    expectWrong('ex-07-3', 10, 120);
  });

  it('ex-07-4: a switch setting that ignores the source port makes two migrations collide; src-dst-port never does', () => {
    // Because src-ip/src-dst-ip/MAC settings see identical fields, dst-port sees 6600 twice, while
    // src-dst-port gives buckets srcPort & 7 and consecutive ports differ in the member bit srcPort & 1.
    expectRight('ex-07-4', { switchLoadBalance: 'src-dst-ip', nextEphemeralPort: 49152 }, { switchLoadBalance: 'dst-port', nextEphemeralPort: 50000 }, { switchLoadBalance: 'src-dst-mac', nextEphemeralPort: 65535 });
    expectWrong('ex-07-4', { switchLoadBalance: 'src-dst-port', nextEphemeralPort: 49152 }, { switchLoadBalance: 'src-port', nextEphemeralPort: 49167 });
    // Malformed answers fail without throwing.
    expectWrong('ex-07-4', 'src-dst-ip', { switchLoadBalance: 'per-port', nextEphemeralPort: 49152 }, { switchLoadBalance: 'src-dst-ip', nextEphemeralPort: 1024 }, null);
  });

  it('ex-07-5: with HV1\'s key of seed 1, from port 49152 both migrations leave HV1 on one member; from 49155 they do not', () => {
    // HV1's own RSS key (hostRssKey(1, 0)) is a draw: for it the member bit of the Toeplitz hash flips when
    // port bit 2 flips (found by running the model), so only starts p = 3 mod 4 split the two ports.
    expectRight('ex-07-5', 49152);
    expectWrong('ex-07-5', 49155, 49151, '49152');
  });
});
