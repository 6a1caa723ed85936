import { describe, expect, it } from 'vitest';
import { weightedShare } from '../../../lib/design';

// Minimum-bandwidth weights share a busy link by weight, give unused share to the others, and a limit
// (Set-SmbBandwidthLimit) caps a class. Worked by hand on a 25 Gbps link.

describe('weightedShare', () => {
  it('splits a busy link by weight', () => {
    const shares = weightedShare(25, [
      { name: 'LiveMigration', weight: 40, demandGbps: 25 },
      { name: 'Storage', weight: 40, demandGbps: 25 },
      { name: 'VMs', weight: 20, demandGbps: 25 },
    ]);
    expect(shares.map((s) => s.gbps)).toEqual([10, 10, 5]);
    expect(shares.every((s) => s.limitedBy === 'link')).toBe(true);
  });

  it('gives a class that wants less only what it wants, and the rest by weight to the others', () => {
    // VMs want 2 of their 5: the 23 left are split 40:40 between the two others, 11.5 each.
    const shares = weightedShare(25, [
      { name: 'LiveMigration', weight: 40, demandGbps: 25 },
      { name: 'Storage', weight: 40, demandGbps: 25 },
      { name: 'VMs', weight: 20, demandGbps: 2 },
    ]);
    expect(shares.map((s) => s.gbps)).toEqual([11.5, 11.5, 2]);
    expect(shares[2].limitedBy).toBe('demand');
  });

  it('is a minimum, not a cap: an idle link gives one busy class all of it, unless a limit caps it', () => {
    expect(weightedShare(25, [{ name: 'LiveMigration', weight: 10, demandGbps: 25 }, { name: 'Storage', weight: 90, demandGbps: 0 }])[0].gbps).toBe(25);
    const limited = weightedShare(25, [{ name: 'LiveMigration', weight: 50, demandGbps: 25, limitGbps: 6 }, { name: 'Storage', weight: 50, demandGbps: 25 }]);
    expect(limited[0]).toEqual({ name: 'LiveMigration', gbps: 6, limitedBy: 'limit' });
    expect(limited[1].gbps).toBe(19);
  });

  it('refuses bad input, naming the field', () => {
    expect(() => weightedShare(0, [{ name: 'a', weight: 1, demandGbps: 1 }])).toThrow(/capacityGbps/);
    expect(() => weightedShare(10, [])).toThrow(/classes/);
    expect(() => weightedShare(10, [{ name: 'a', weight: 0, demandGbps: 1 }])).toThrow(/classes\[0\]\.weight/);
    expect(() => weightedShare(10, [{ name: 'a', weight: 1, demandGbps: 1 }, { name: 'a', weight: 1, demandGbps: 1 }])).toThrow(/unique/);
  });
});
