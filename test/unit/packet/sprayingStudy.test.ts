import { describe, expect, it } from 'vitest';
import { sprayingStudy, sprayingDetectors } from '../../../lib/packet';
import { InputError } from '../../../lib/InputError';

describe('sprayingStudy', () => {
  const study = sprayingStudy({ maxMembers: 2, delaySpreadsUs: [0, 16], durationS: 0.08, warmupS: 0.02 });

  it('sprayingStudy() returns one point per members × scheduling × detector, and per spread', () => {
    // Expectation: 2 member counts × 2 schedulings × 3 detectors = 12 points, and 2 spreads × 2 × 3 = 12.
    expect(study.byMembers).toHaveLength(2 * 2 * sprayingDetectors.length);
    expect(study.bySpread).toHaveLength(2 * 2 * sprayingDetectors.length);
    expect(study.memberWorthGbps).toBeCloseTo(0.965333, 5);
  });

  it('sprayingStudy() gives per-flow one member\'s worth, whatever the team size', () => {
    // Claim: findings 1 and 8: a team keeps one connection on one member.
    // Expectation: every per-flow point within 1 % of 1 member's worth, because only member 0 carries it.
    for (const point of [...study.byMembers, ...study.bySpread].filter((p) => p.scheduling === 'perFlow')) {
      expect(Math.abs(point.membersWorth - 1)).toBeLessThan(0.01);
    }
  });

  it('sprayingStudy() gives round robin with no spread the sum of the members', () => {
    // Claim: with equal members and no delay spread, spraying does not reorder, so it adds the members up.
    // Expectation: 2 members' worth within 1 % and no reordered arrival, because equal FIFO members deliver
    // packets in the order they were sent.
    for (const point of study.bySpread.filter((p) => p.scheduling === 'roundRobin' && p.delaySpreadUs === 0)) {
      expect(point.reorderedArrivals).toBe(0);
      expect(Math.abs(point.membersWorth - 2)).toBeLessThan(0.02);
    }
  });

  it('sprayingStudy() reports the calibration ratio against the documented 2.3', () => {
    // Expectation: ratio = roundRobinMembersWorth / 2.3 by definition.
    expect(study.calibration.documentedMembersWorth).toBe(2.3);
    expect(study.calibration.ratio).toBeCloseTo(study.calibration.roundRobinMembersWorth / 2.3, 12);
  });

  it('sprayingStudy() rejects a bad team size', () => {
    expect(() => sprayingStudy({ maxMembers: 0 })).toThrow(InputError);
  });

  it('sprayingStudy({ detectors }) rejects a missing or duplicated detector with InputError before any run', () => {
    // Because the points of a detector are found by its label: a null entry used to end in a TypeError,
    // and two detectors with one label would have made the second one's points unreachable.
    const short = { maxMembers: 1, delaySpreadsUs: [0], durationS: 0.01, warmupS: 0.002 };
    const fieldOf = (detectors: unknown[]) => {
      try {
        sprayingStudy({ ...short, detectors: detectors as never });
      } catch (error) {
        expect(error).toBeInstanceOf(InputError);
        return (error as InputError).field;
      }
      return 'nothing thrown';
    };
    expect(fieldOf([null])).toBe('detectors[0]');
    expect(fieldOf([sprayingDetectors[0], { ...sprayingDetectors[1], label: sprayingDetectors[0].label }])).toBe('detectors[1]');
    expect(fieldOf([{ ...sprayingDetectors[0], label: '' }])).toBe('detectors[0]');
  });
});
