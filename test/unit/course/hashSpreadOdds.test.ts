import { describe, expect, it } from 'vitest';
import { experiments } from '../../../lib/experiments';

// Lessons 6, 10 and 12 quote these odds in prose ("likely", "with some probability"), so they must be the
// closed forms of the balls-into-bins model: 4 connections on 4 members all apart with 4!/4^4, 4 on 2 members
// all on one member with 2/2^4; the distribution of members used must sum to 1 and give the expected count.

describe('spread-odds experiment', () => {
  it('gives the closed-form odds for four connections on four members', () => {
    const r = experiments['spread-odds'].run();
    expect(r.measured.allMembersUsedProbability).toBeCloseTo(24 / 256, 12);
    expect(r.measured.collisionProbability).toBeCloseTo(1 - 24 / 256, 12);
    expect(r.measured.oneMemberProbability).toBeCloseTo(4 / 256, 12);
    expect(r.holds).toBe(true);
  });

  it('gives the odds of four SMB connections on two members', () => {
    const r = experiments['spread-odds'].run({ connections: 4, members: 2 });
    expect(r.measured.oneMemberProbability).toBeCloseTo(2 / 16, 12);
    expect(r.measured.allMembersUsedProbability).toBeCloseTo(14 / 16, 12);
  });

  it('has a distribution of members used that sums to 1 and matches the expected count', () => {
    const r = experiments['spread-odds'].run({ connections: 6, members: 4 });
    const total = r.data.reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(1, 12);
    const mean = r.data.reduce((a, p, i) => a + (i + 1) * p, 0);
    expect(mean).toBeCloseTo(r.measured.expectedMembersUsed as number, 12);
  });

  it('refuses a connection count outside 1 to 64, naming the option', () => {
    expect(() => experiments['spread-odds'].run({ connections: 0 })).toThrow(/connections/);
  });

  // Lesson 6 quotes the odds that at least one, or both, of a drain's two waves of two migrations split
  // over two members; they must follow from the one-group value for independent draws, and one group must
  // give the one-group value itself.
  it('gives the odds over independent groups', () => {
    const one = experiments['spread-odds'].run({ connections: 2, members: 2 }).measured;
    expect(one.anyGroupAllMembersProbability).toBe(one.allMembersUsedProbability);
    expect(one.everyGroupAllMembersProbability).toBe(one.allMembersUsedProbability);
    const two = experiments['spread-odds'].run({ connections: 2, members: 2, groups: 2 }).measured;
    expect(two.anyGroupAllMembersProbability).toBeCloseTo(0.75, 12);
    expect(two.everyGroupAllMembersProbability).toBeCloseTo(0.25, 12);
    expect(() => experiments['spread-odds'].run({ groups: 0 })).toThrow(/groups/);
  });
});

