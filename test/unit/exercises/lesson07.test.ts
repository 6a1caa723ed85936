import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exercises } from '../../../lib/exercises';

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

const pass = (id: string, answer: unknown) => exercises[id].check(answer).pass;

function lessonExercises(prefix: string): Array<{ id: string; answerName: string }> {
  const dir = new URL('../../../content/', import.meta.url);
  const file = readdirSync(dir).find((f) => f.startsWith(`${prefix}-`) && f.endsWith('.mdx'));
  if (!file) throw new Error(`no content/${prefix}-*.mdx`);
  const text = readFileSync(new URL(file, dir), 'utf8');
  return [...text.matchAll(/^check\('([^']+)', (\w+)\);$/gm)].map((m) => ({ id: m[1], answerName: m[2] }));
}

describe('lesson 7 exercises', () => {
  it('are registered for lesson 7, one per <Exercise> of the lesson, with the answer names its cells assign', () => {
    const ids = Object.keys(exercises).filter((id) => id.startsWith('ex-07-'));
    expect(ids.sort()).toEqual(['ex-07-1', 'ex-07-2', 'ex-07-3', 'ex-07-4', 'ex-07-5']);
    for (const id of ids) expect(exercises[id].lesson).toBe(7);
    expect(lessonExercises('07')).toEqual(ids.map((id) => ({ id, answerName: exercises[id].answerName })));
  });

  it('ex-07-1: one connection per VM fits the article, one per host pair does not', () => {
    // Because one shared connection hashes to one member on each side; the article saw both members busy.
    expect(pass('ex-07-1', 'per-vm')).toBe(true);
    expect(pass('ex-07-1', 'per-host-pair')).toBe(false);
  });

  it('ex-07-2: a src-dst-ip switch delivers four migrations on one member of HV2 (10 Gbps)', () => {
    // Because every connection has the same addresses: bucket (1 XOR 2) & 7 = 3, member 3 % 2 = NIC2.
    expect(pass('ex-07-2', 10)).toBe(true);
    expect(pass('ex-07-2', 20)).toBe(false);
  });

  it('ex-07-3: twelve simultaneous migrations peak at the whole team (20 Gbps), as two already do', () => {
    // Because ports 49152 and 49153 hash to different members (key bit 110 = 1, above), two migrations
    // already fill both 10 Gbps members, and nothing can exceed 2 x 10 Gbps.
    expect(pass('ex-07-3', 20)).toBe(true);
    expect(pass('ex-07-3', 10)).toBe(false);
    expect(pass('ex-07-3', 120)).toBe(false);
  });

  it('ex-07-4: a switch setting that ignores the source port makes two migrations collide; src-dst-port never does', () => {
    // Because src-ip/src-dst-ip/MAC settings see identical fields, dst-port sees 6600 twice, while
    // src-dst-port gives buckets srcPort & 7 and consecutive ports differ in the member bit srcPort & 1.
    expect(pass('ex-07-4', { switchLoadBalance: 'src-dst-ip', nextEphemeralPort: 49152 })).toBe(true);
    expect(pass('ex-07-4', { switchLoadBalance: 'dst-port', nextEphemeralPort: 50000 })).toBe(true);
    expect(pass('ex-07-4', { switchLoadBalance: 'src-dst-mac', nextEphemeralPort: 65535 })).toBe(true);
    expect(pass('ex-07-4', { switchLoadBalance: 'src-dst-port', nextEphemeralPort: 49152 })).toBe(false);
    expect(pass('ex-07-4', { switchLoadBalance: 'src-port', nextEphemeralPort: 49167 })).toBe(false);
    // Malformed answers fail without throwing.
    expect(pass('ex-07-4', 'src-dst-ip')).toBe(false);
    expect(pass('ex-07-4', { switchLoadBalance: 'per-port', nextEphemeralPort: 49152 })).toBe(false);
    expect(pass('ex-07-4', { switchLoadBalance: 'src-dst-ip', nextEphemeralPort: 1024 })).toBe(false);
    expect(pass('ex-07-4', null)).toBe(false);
  });

  it('ex-07-5: from port 49167 both migrations leave HV1 on one member; from 49152 they do not', () => {
    // Because of the Toeplitz parity worked out at the top of this file.
    expect(pass('ex-07-5', 49167)).toBe(true);
    expect(pass('ex-07-5', 49152)).toBe(false);
    expect(pass('ex-07-5', 49151)).toBe(false);
    expect(pass('ex-07-5', '49167')).toBe(false);
  });
});
