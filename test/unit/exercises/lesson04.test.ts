import { describe, expect, it } from 'vitest';
import { simulateTcpStream, sprayingCalibration, sprayingDetectors } from '../../../lib/packet';
import type { PacketScheduling, TcpStreamOptions } from '../../../lib/packet';
import { expectRegistered, expectRight, expectWrong, pass } from './exerciseAsserts';

// Lesson 4's exercise checks: the fluid model's one-member cap and the packet model's spraying
// results. The model's answer passes and a wrong answer fails.

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
    expectRegistered(4, ['ex-04-1', 'ex-04-2', 'ex-04-3', 'ex-04-4']);
  });

  it('ex-04-1: one migration over four 10 Gbps members peaks at 10 Gbps', () => {
    // Because one connection uses one member, whatever the team size.
    expectRight('ex-04-1', 10);
    expectWrong('ex-04-1', 40, 20);
  });

  it('ex-04-2: a stream kept on one member is never reordered', () => {
    // Because each member is FIFO: nothing can overtake on a single queue and wire.
    expectRight('ex-04-2', 0);
    expectWrong('ex-04-2', 1);
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
    expectWrong('ex-04-4', 0);
    const losing = [8, 16, 24, 32, 48, 64, 96, 128].find(
      (jitterUs) => stream('roundRobin', { jitterUs }).goodputGbps < stream('perFlow', { jitterUs }).goodputGbps,
    );
    expect(losing).toBeDefined();
    expectRight('ex-04-4', losing);
    expectWrong('ex-04-4', -5, 'lots');
  }, 60_000);
});
