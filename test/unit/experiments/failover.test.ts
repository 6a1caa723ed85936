import { describe, expect, it } from 'vitest';
import { makeDraw } from '../../../lib/ensemble';
import { ARTICLE_DRAW_SEED, experiments, failover } from '../../../lib/experiments';

// The failover experiment: NIC1 of HV1 fails mid-drain; the drain completes and no byte is lost.

describe('failover.run(options)', () => {
  it('in every draw: NIC1 carries nothing after the failure, every migration completes, bytes are conserved', () => {
    // Because these are the any-hash parts of the claim: they may not depend on where the flows landed.
    for (let i = 0; i < 6; i++) {
      const result = failover.run({}, makeDraw(i));
      expect(result.holds).toBe(true);
      expect(result.measured.failedMemberSendAfterGbps).toBe(0);
      expect(result.measured.migrationsCompleted).toBe(4);
      expect(result.measured.survivorsSendAfterGbps as number).toBeLessThanOrEqual(10 + 1e-9);
    }
  });

  it('in the named draw (seed 3, where NIC1 carried flows before the failure): NIC2 takes them over, bytes are conserved', () => {
    // In seed 1 every connection hashed onto NIC2, so NIC1's failure moved nothing; the named draw shows a real move.
    expect(failover.run({ seed: 1 }).measured.failedMemberSendBeforeGbps).toBe(0);
    const result = failover.run({ seed: ARTICLE_DRAW_SEED });
    expect(result.measured.flowMoves as number).toBeGreaterThan(0);
    expect(result.holds).toBe(true);
    expect(result.measured.migrationsCompleted).toBe(4);
    expect(result.measured.failedMemberSendAfterGbps).toBe(0);
    expect(result.measured.failedMemberSendBeforeGbps as number).toBeGreaterThan(0);
    // One 10 Gbps member is left, and the drain keeps it busy.
    expect(result.measured.survivorsSendAfterGbps as number).toBeLessThanOrEqual(10 + 1e-9);
    expect(result.measured.survivorsSendAfterGbps as number).toBeGreaterThan(9);
    const { sentGB, receivedGB, passGB } = result.data;
    expect(Math.abs(sentGB - receivedGB)).toBeLessThan(1e-9 * sentGB);
    expect(Math.abs(sentGB - passGB)).toBeLessThan(1e-9 * sentGB);
    expect(experiments.failover).toBe(failover);
  });

  it('marks the failure on the per-member rate figure', () => {
    const result = failover.run({ failAtS: 4, restoreAtS: 10 });
    const shapes = result.figure.layout.shapes as Array<{ x0: number }>;
    expect(shapes.map((s) => s.x0)).toEqual([4, 10]);
    expect(result.figure.data.map((t) => t.name)).toEqual(['HV1 NIC1 send', 'HV1 NIC2 send']);
    expect(result.holds).toBe(true);
  });

  it.each(['HyperVPort', 'Dynamic', 'IPAddresses'])('holds for %s too', (loadBalancingAlgorithm) => {
    expect(failover.run({ loadBalancingAlgorithm }).holds).toBe(true);
  });

  it('does not hold when the failure comes after the drain is over (nothing to fail over)', () => {
    expect(failover.run({ vms: 1, failAtS: 30 }).holds).toBe(false);
  });
});
