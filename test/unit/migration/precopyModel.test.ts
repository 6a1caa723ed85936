import { describe, expect, it } from 'vitest';
import { precopyModel } from '../../../lib/migration';

const GiB = 2 ** 30;

describe('precopyModel(options)', () => {
  it('matches the hand-worked example: λ = 0.5 stops after 3 pre-copy rounds', () => {
    // M = 1e9, D = 0.5e9/s, B = 1e9/s, V_thd = 0.2e9: V = 1, 0.5, 0.25 (pre-copy), 0.125 <= 0.2 (stop-and-copy).
    const r = precopyModel({ memoryBytes: 1e9, dirtyBytesPerS: 0.5e9, bandwidthBytesPerS: 1e9, stopThresholdBytes: 0.2e9 });
    expect(r.precopyRounds).toBe(3);
    expect(r.rounds.map((x) => x.bytes)).toEqual([1e9, 0.5e9, 0.25e9, 0.125e9]);
    expect(r.rounds.map((x) => x.durationS)).toEqual([1, 0.5, 0.25, 0.125]);
    expect(r.totalBytes).toBeCloseTo(1.875e9, 0);
    expect(r.totalS).toBeCloseTo(1.875, 12);
    expect(r.downtimeS).toBeCloseTo(0.125, 12);
    expect(r.converged).toBe(true);
  });

  it('agrees with the closed forms: n = ceil(ln(V_thd/M)/ln λ), total = M(1-λ^(n+1))/(1-λ), downtime = Mλ^n/B + T_res', () => {
    // An 8 GiB VM dirtying 200 MB/s over one 10 Gbps member (1.25e9 bytes/s), 30 MB threshold, 50 ms resume.
    const M = 8 * GiB;
    const D = 200e6;
    const B = 1.25e9;
    const thd = 30e6;
    const resumeS = 0.05;
    const lambda = D / B; // 0.16
    const nUncapped = Math.ceil(Math.log(thd / M) / Math.log(lambda)); // ln(0.00349)/ln(0.16) = 3.09 -> 4
    expect(nUncapped).toBe(4);
    const r = precopyModel({ memoryBytes: M, dirtyBytesPerS: D, bandwidthBytesPerS: B, maxRounds: 5, stopThresholdBytes: thd, resumeS });
    expect(r.precopyRounds).toBe(4);
    const total = (M * (1 - lambda ** 5)) / (1 - lambda);
    expect(r.totalBytes / total).toBeCloseTo(1, 12);
    expect(r.totalS).toBeCloseTo(total / B + resumeS, 9);
    expect(r.downtimeS).toBeCloseTo((M * lambda ** 4) / B + resumeS, 12);
    expect(r.converged).toBe(true);
  });

  it('lets the round cap end a pre-copy that would need more rounds, and reports it as not converged', () => {
    // λ = 0.5, M = 1e9, V_thd = 1e6: uncapped n = ceil(ln(1e-3)/ln(0.5)) = ceil(9.97) = 10; cap 5.
    const r = precopyModel({ memoryBytes: 1e9, dirtyBytesPerS: 0.5e9, bandwidthBytesPerS: 1e9, maxRounds: 5, stopThresholdBytes: 1e6 });
    expect(r.precopyRounds).toBe(5);
    expect(r.rounds).toHaveLength(6);
    expect(r.downtimeS).toBeCloseTo(1 / 32, 12); // V_5 = 1e9/32 at 1e9 bytes/s
    expect(r.totalBytes).toBeCloseTo(1e9 * (1 - 0.5 ** 6) / 0.5, 0);
    expect(r.converged).toBe(false);
  });

  it('never converges when dirtying keeps up with the copy (λ >= 1): every pass resends the whole memory', () => {
    // No pass can send more than the memory, so with λ = 2 each of the 5 pre-copy rounds and the
    // stop-and-copy sends M; downtime = M/B + T_res.
    const r = precopyModel({ memoryBytes: 2e9, dirtyBytesPerS: 2e9, bandwidthBytesPerS: 1e9, maxRounds: 5, stopThresholdBytes: 30e6, resumeS: 0.1 });
    expect(r.precopyRounds).toBe(5);
    expect(r.rounds.every((x) => x.bytes === 2e9)).toBe(true);
    expect(r.downtimeS).toBeCloseTo(2.1, 12);
    expect(r.totalBytes).toBe(12e9);
    expect(r.converged).toBe(false);
  });

  it('copies an idle VM once, pauses it only to resume (downtime = T_res)', () => {
    // D = 0: nothing is dirtied during round 0, so stop-and-copy sends 0 bytes.
    const r = precopyModel({ memoryBytes: 4 * GiB, dirtyBytesPerS: 0, bandwidthBytesPerS: 1.25e9, stopThresholdBytes: 30e6, resumeS: 0.05 });
    expect(r.precopyRounds).toBe(1);
    expect(r.rounds.map((x) => x.bytes)).toEqual([4 * GiB, 0]);
    expect(r.downtimeS).toBeCloseTo(0.05, 12);
    expect(r.totalS).toBeCloseTo((4 * GiB) / 1.25e9 + 0.05, 12);
  });

  it('always runs the first full copy with the VM running, even when the memory is under the threshold', () => {
    const r = precopyModel({ memoryBytes: 10e6, dirtyBytesPerS: 1e6, bandwidthBytesPerS: 1e9, stopThresholdBytes: 30e6 });
    expect(r.precopyRounds).toBe(1);
    expect(r.rounds[1].bytes).toBeCloseTo(10e6 * 1e-3, 6);
  });

  it('throws an InputError for bad numbers instead of returning NaN', () => {
    const ok = { memoryBytes: 1e9, dirtyBytesPerS: 0, bandwidthBytesPerS: 1e9, stopThresholdBytes: 0 };
    expect(() => precopyModel({ ...ok, bandwidthBytesPerS: 0 })).toThrow(/bandwidthBytesPerS/);
    expect(() => precopyModel({ ...ok, memoryBytes: Number.NaN })).toThrow(/memoryBytes/);
    expect(() => precopyModel({ ...ok, maxRounds: 0 })).toThrow(/maxRounds/);
    expect(() => precopyModel({ ...ok, dirtyBytesPerS: -1 })).toThrow(/dirtyBytesPerS/);
  });
});
