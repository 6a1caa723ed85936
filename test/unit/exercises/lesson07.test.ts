import { describe, expect, it } from 'vitest';
import { expectRegistered, expectRight, expectWrong } from './exerciseAsserts';

// Lesson 7's exercise checks (findings 4 and 7, Address Hash between two hosts): each lesson solution
// must pass and a plausible wrong answer must fail. Expected answers are worked by hand in the comments.
//
// Hand calculation used below. The model's Windows hash is the RSS Toeplitz hash (Microsoft key) over
// srcIP, dstIP, srcPort, dstPort, and a two-member team sends on hash % 2, the hash's lowest bit. Toeplitz
// is linear: input bit i (0 = most significant) XORs key bits i..i+31 into the hash, so its lowest bit
// is key bit i + 31. Bit b of the source port is input bit 64 + 15 - b, so flipping it flips the
// member exactly when key bit 110 - b is 1. Key byte 13 is 0xa3 = 1010 0011, i.e. key bits 104..111 are
// 1,0,1,0,0,0,1,1: bit 110 = 1, 109 = 0, 108 = 0, 107 = 0, 106 = 1.
// - 49152 -> 49153 flips bit 0 only: key bit 110 = 1, so the two migrations use different members.
// - 49167 -> 49168 (0xC00F -> 0xC010) flips bits 0..4: 1^0^0^0^1 = 0, so both use the same member.

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
    // Because ports 49152 and 49153 hash to different members (key bit 110 = 1, above), two migrations
    // already fill both 10 Gbps members, and nothing can exceed 2 x 10 Gbps.
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

  it('ex-07-5: from port 49167 both migrations leave HV1 on one member; from 49152 they do not', () => {
    // Because of the Toeplitz parity worked out at the top of this file.
    expectRight('ex-07-5', 49167);
    expectWrong('ex-07-5', 49152, 49151, '49167');
  });
});
