import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Connection } from '../../../lib/Connection';
import {
  allMembersUsedProbability,
  busiestMemberDistribution,
  membersUsedDistribution,
  collisionProbability,
  ephemeralPorts,
  expectedMembersUsed,
  spreadOverMembers,
} from '../../../lib/hashing';

// With a good hash, N flows land on M members like balls thrown into bins. These closed forms say
// how often two migrations share a member, how often every member is busy, and how loaded the
// busiest member is. They are checked against hand-solved cases and against counting every one of
// the M^N equally likely placements.

const TOLERANCE = 12; // decimal digits for toBeCloseTo

describe('collisionProbability(flows, members)', () => {
  it('matches hand-solved cases', () => {
    expect(collisionProbability(2, 2)).toBeCloseTo(1 / 2, TOLERANCE); // second flow joins the first half the time
    expect(collisionProbability(2, 4)).toBeCloseTo(1 / 4, TOLERANCE);
    expect(collisionProbability(3, 4)).toBeCloseTo(1 - 24 / 64, TOLERANCE); // 4*3*2 placements apart of 64
    expect(collisionProbability(3, 2)).toBe(1); // pigeonhole
    expect(collisionProbability(1, 4)).toBe(0);
    expect(collisionProbability(0, 4)).toBe(0);
  });

  it('gives the birthday-problem value for 23 people', () => {
    expect(collisionProbability(23, 365)).toBeCloseTo(0.507297234323985, 9);
  });

  it('throws an InputError for bad counts', () => {
    expect(() => collisionProbability(-1, 2)).toThrow(/^flows: /);
    expect(() => collisionProbability(2, 0)).toThrow(/^members: /);
    expect(() => collisionProbability(2, 1.5)).toThrow(/^members: /);
  });
});

describe('allMembersUsedProbability(flows, members)', () => {
  it('matches hand-solved cases', () => {
    expect(allMembersUsedProbability(3, 2)).toBeCloseTo(3 / 4, TOLERANCE); // all but "all on A" and "all on B" of 8
    expect(allMembersUsedProbability(2, 2)).toBeCloseTo(1 / 2, TOLERANCE);
    expect(allMembersUsedProbability(4, 2)).toBeCloseTo(14 / 16, TOLERANCE);
    expect(allMembersUsedProbability(4, 4)).toBeCloseTo(24 / 256, TOLERANCE); // 4! of 4^4
    expect(allMembersUsedProbability(1, 2)).toBe(0);
    expect(allMembersUsedProbability(5, 1)).toBe(1);
  });

  it('agrees with the inclusion-exclusion sum where that sum is accurate', () => {
    // 6 flows on 3 members: 1 - 3 (2/3)^6 + 3 (1/3)^6 = 1 - 192/729 + 3/729 = 540/729.
    expect(allMembersUsedProbability(6, 3)).toBeCloseTo(540 / 729, TOLERANCE);
  });

  it('stays accurate and positive when the answer is tiny', () => {
    // 32 flows on 32 members: 32! / 32^32, about 1.8e-13.
    let expected = 1;
    for (let i = 0; i < 32; i++) expected *= (32 - i) / 32;
    const p = allMembersUsedProbability(32, 32);
    expect(p).toBeGreaterThan(0);
    expect(Math.abs(p - expected) / expected).toBeLessThan(1e-9);
  });
});

describe('expectedMembersUsed(flows, members)', () => {
  it('matches hand-solved cases', () => {
    expect(expectedMembersUsed(2, 2)).toBeCloseTo(1.5, TOLERANCE); // 1 or 2 members, equally likely
    expect(expectedMembersUsed(3, 4)).toBeCloseTo(4 * (1 - 27 / 64), TOLERANCE);
    expect(expectedMembersUsed(0, 4)).toBe(0);
  });
});

describe('membersUsedDistribution(flows, members)', () => {
  // Checked against the inclusion-exclusion closed form C(M, k) sum_i (-1)^i C(k, i) ((k - i) / M)^N, an
  // independent derivation, and against the library's own all-members and expected-members figures.
  const choose = (n: number, k: number) => { let c = 1; for (let i = 0; i < k; i++) c = (c * (n - i)) / (i + 1); return c; };
  const closedForm = (n: number, m: number, k: number) =>
    choose(m, k) * Array.from({ length: k + 1 }, (_, i) => (-1) ** i * choose(k, i) * ((k - i) / m) ** n).reduce((a, b) => a + b, 0);
  it('gives the exact probability that exactly k members are used, summing to 1', () => {
    expect(membersUsedDistribution(2, 2)).toEqual([0, 0.5, 0.5]);
    for (const [n, m] of [[4, 4], [6, 3], [3, 5], [12, 4]]) {
      const d = membersUsedDistribution(n, m);
      expect(d).toHaveLength(m + 1);
      d.forEach((p, k) => expect(p).toBeCloseTo(closedForm(n, m, k), 12));
      expect(d.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      expect(d[m]).toBeCloseTo(allMembersUsedProbability(n, m), 12);
      expect(d.reduce((a, p, k) => a + k * p, 0)).toBeCloseTo(expectedMembersUsed(n, m), 12);
    }
  });
  it('rejects counts out of range, naming the field', () => {
    expect(() => membersUsedDistribution(-1, 2)).toThrow(/flows/);
    expect(() => membersUsedDistribution(2, 0)).toThrow(/members/);
  });
});

describe('busiestMemberDistribution(flows, members)', () => {
  it('matches hand-solved cases', () => {
    expectArrayClose(busiestMemberDistribution(2, 2), [0, 1 / 2, 1 / 2]);
    // 3 flows on 2 members: 2 of 8 placements put all 3 together, the other 6 split 2:1.
    expectArrayClose(busiestMemberDistribution(3, 2), [0, 0, 6 / 8, 2 / 8]);
    // 3 flows on 3 members: 3! = 6 of 27 all apart, 3 all together, 18 split 2:1.
    expectArrayClose(busiestMemberDistribution(3, 3), [0, 6 / 27, 18 / 27, 3 / 27]);
    expectArrayClose(busiestMemberDistribution(0, 3), [1]);
  });

  it('throws an InputError beyond its small-N range', () => {
    expect(() => busiestMemberDistribution(129, 2)).toThrow(/^flows: /);
    expect(() => busiestMemberDistribution(2, 65)).toThrow(/^members: /);
  });
});

describe('closed forms against exhaustive enumeration', () => {
  it('agree for every placement of up to 6 flows on up to 4 members', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1, max: 4 }), (flows, members) => {
        const counted = enumerate(flows, members);
        expect(collisionProbability(flows, members)).toBeCloseTo(counted.collision, TOLERANCE);
        expect(allMembersUsedProbability(flows, members)).toBeCloseTo(counted.allUsed, TOLERANCE);
        expect(expectedMembersUsed(flows, members)).toBeCloseTo(counted.meanUsed, TOLERANCE);
        expectArrayClose(busiestMemberDistribution(flows, members), counted.busiest);
      }),
    );
  });
});

describe('spreadOverMembers(connections, { policy, members })', () => {
  const migrations: Connection[] = ephemeralPorts({ count: 8 }).map((srcPort) => ({
    srcMac: '00:15:5d:00:00:01',
    dstMac: '00:15:5d:00:00:02',
    srcIp: '10.10.10.1',
    dstIp: '10.10.10.2',
    protocol: 'tcp',
    srcPort,
    dstPort: 6600,
  }));

  it('spreads 8 consecutive source ports 3:3:2 under Cisco src-dst-port', () => {
    // Ports 49152..49159 have low bits 0..7 and 6600 has low bits 0, so each bucket gets one flow,
    // and 3 members own 3, 3 and 2 buckets.
    expect(spreadOverMembers(migrations, { policy: 'src-dst-port', members: 3 })).toEqual([3, 3, 2]);
  });

  it('puts every flow between two hosts on one member under src-dst-ip', () => {
    // 10.10.10.1 ^ 10.10.10.2: 1 ^ 2 = 3, bucket 3, member 3 % 2 = 1.
    expect(spreadOverMembers(migrations, { policy: 'src-dst-ip', members: 2 })).toEqual([0, 8]);
  });

  it('counts the reference layer3+4 flows on 2 members', () => {
    // Hashes 0x5f5fdfbf, 0x5f5fdf3f, 0x5f5fdebe: odd, odd, even.
    const smb = ephemeralPorts({ count: 3 }).map((srcPort) => ({ ...migrations[0], srcIp: '10.0.0.1', dstIp: '10.0.0.2', srcPort, dstPort: 445 }));
    expect(spreadOverMembers(smb, { policy: 'layer3+4', members: 2 })).toEqual([1, 2]);
  });

  it('returns zeros for no connections and still checks the options', () => {
    expect(spreadOverMembers([], { policy: 'toeplitz', members: 4 })).toEqual([0, 0, 0, 0]);
    expect(() => spreadOverMembers([], { policy: 'toeplitz', members: 0 })).toThrow(/^members: /);
  });
});

/** Every one of the members^flows placements, equally likely, summarised. */
function enumerate(flows: number, members: number) {
  const total = Math.pow(members, flows);
  let collisions = 0;
  let allUsed = 0;
  let usedSum = 0;
  const busiest = new Array<number>(flows + 1).fill(0);
  for (let code = 0; code < total; code++) {
    const load = new Array<number>(members).fill(0);
    let rest = code;
    for (let f = 0; f < flows; f++) {
      load[rest % members] += 1;
      rest = Math.floor(rest / members);
    }
    const used = load.filter((n) => n > 0).length;
    if (load.some((n) => n > 1)) collisions += 1;
    if (used === members) allUsed += 1;
    usedSum += used;
    busiest[Math.max(...load)] += 1;
  }
  return { collision: collisions / total, allUsed: allUsed / total, meanUsed: usedSum / total, busiest: busiest.map((n) => n / total) };
}

function expectArrayClose(actual: number[], expected: number[]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((value, i) => expect(value).toBeCloseTo(expected[i], TOLERANCE));
}
