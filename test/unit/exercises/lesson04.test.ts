import { describe, expect, it } from 'vitest';
import { exercises } from '../../../lib/exercises';
import { simulateTcpStream, sprayingCalibration, sprayingDetectors } from '../../../lib/packet';
import type { PacketScheduling, TcpStreamOptions } from '../../../lib/packet';

// Lesson 4's exercise checks: the fluid model's one-member cap and the packet model's spraying
// results. The model's answer passes and a wrong answer fails.

const pass = (id: string, answer: unknown) => exercises[id].check(answer).pass;

/** The lesson's stream: four calibrated members, 0.2 s measured after a 0.05 s warm-up. */
const stream = (scheduling: PacketScheduling, changes: Partial<TcpStreamOptions> = {}) =>
  simulateTcpStream({
    members: Array.from({ length: 4 }, () => ({ gbps: sprayingCalibration.memberGbps })),
    scheduling,
    baseDelayUs: sprayingCalibration.baseDelayUs,
    jitterUs: sprayingCalibration.delaySpreadUs,
    durationS: 0.25,
    warmupS: 0.05,
    ...changes,
  });

describe('lesson 4 exercises', () => {
  it('are registered for lesson 4', () => {
    const ids = Object.keys(exercises).filter((id) => id.startsWith('ex-04-'));
    expect(ids.sort()).toEqual(['ex-04-1', 'ex-04-2', 'ex-04-3', 'ex-04-4']);
    for (const id of ids) expect(exercises[id].lesson).toBe(4);
  });

  it('ex-04-1: one migration over four 10 Gbps members peaks at 10 Gbps', () => {
    // Because one connection uses one member, whatever the team size.
    expect(pass('ex-04-1', 10)).toBe(true);
    expect(pass('ex-04-1', 40)).toBe(false);
    expect(pass('ex-04-1', 20)).toBe(false);
  });

  it('ex-04-2: a stream kept on one member is never reordered', () => {
    // Because each member is FIFO: nothing can overtake on a single queue and wire.
    expect(pass('ex-04-2', 0)).toBe(true);
    expect(pass('ex-04-2', 1)).toBe(false);
  }, 60_000);

  it('ex-04-3: accepts the detector with the best sprayed goodput and no other', () => {
    const goodput = sprayingDetectors.map((d) => ({
      label: d.label,
      gbps: stream('roundRobin', { lossDetection: d.lossDetection, dupAckThreshold: d.dupAckThreshold }).goodputGbps,
    }));
    const best = goodput.reduce((a, b) => (b.gbps > a.gbps ? b : a));
    // RACK tolerates reordering inside its window, so it should be the one (a claim of RFC 8985).
    expect(best.label).toBe('rack');
    for (const { label } of goodput) expect(pass('ex-04-3', label)).toBe(label === best.label);
  }, 60_000);

  it('ex-04-4: accepts a spread where spraying loses to one member, rejects zero spread', () => {
    // With no spread the members stay in lockstep, nothing is reordered, and four members beat one,
    // so 0 must fail; a spread found by the lesson's search must pass.
    expect(pass('ex-04-4', 0)).toBe(false);
    const losing = [8, 16, 24, 32, 48, 64, 96, 128].find(
      (jitterUs) => stream('roundRobin', { jitterUs }).goodputGbps < stream('perFlow', { jitterUs }).goodputGbps,
    );
    expect(losing).toBeDefined();
    expect(pass('ex-04-4', losing)).toBe(true);
    expect(pass('ex-04-4', -5)).toBe(false);
    expect(pass('ex-04-4', 'lots')).toBe(false);
  }, 60_000);
});
