import { describe, expect, it } from 'vitest';
import { precopyModel, simulateMigrations } from '../../../lib/migration';
import type { MigrationRequest, MigrationsSimulation, SimulateMigrationsOptions } from '../../../lib/migration';
import { linkBytes } from '../../../lib/timeline';
import { InputError } from '../../../lib/InputError';

// A migration that compresses puts memory bytes / ratio on the wire, at a wire rate capped at
// compressionGbps / ratio by its CPU: its memory moves at min(network share x ratio, compressionGbps).
// Every case below is one 2.5e9-byte VM over one 10 Gbps path (1.25e9 bytes/s), setup and resume 0, so
// TCP (no compression) takes 2.5e9 / 1.25e9 = 2 s.

const MEMORY = 2.5e9;

function run(request: Partial<MigrationRequest>, options: Partial<SimulateMigrationsOptions> = {}): MigrationsSimulation {
  return simulateMigrations({
    links: [
      { id: 'HV1/NIC1/send', gbps: 10 },
      { id: 'HV1/NIC2/send', gbps: 10 },
      { id: 'HV2/NIC1/receive', gbps: 10 },
      { id: 'HV2/NIC2/receive', gbps: 10 },
    ],
    migrations: [{ id: 'VM1', source: 'HV1', target: 'HV2', memoryBytes: MEMORY, dirtyBytesPerS: 0, requestS: 0, ...request }],
    route: () => ['HV1/NIC1/send', 'HV2/NIC1/receive'],
    setupS: 0,
    resumeS: 0,
    ...options,
  });
}

/** Bytes the timeline moved over all links of one host side (the send links). */
function sentBytes(sim: MigrationsSimulation): number {
  const bytes = linkBytes(sim.timeline);
  return (bytes['HV1/NIC1/send'] ?? 0) + (bytes['HV1/NIC2/send'] ?? 0);
}

describe('simulateMigrations(options) with compressing migrations', () => {
  it('without compression options a migration runs as before: 2 s at 10 Gbps', () => {
    const sim = run({});
    expect(sim.durationS).toBeCloseTo(2, 9);
    expect(sim.migrations[0].passes[0]).toMatchObject({ bytes: MEMORY, wireBytes: MEMORY });
  });

  it('ratio 2 with a CPU faster than link x ratio: the link is the bottleneck and the copy takes half as long', () => {
    // Because the CPU (40 Gbps of memory) allows a wire rate of 40 / 2 = 20 Gbps, above the 10 Gbps link,
    // so 1.25e9 wire bytes cross at 1.25e9 bytes/s: 1 s; memory moves at min(10 x 2, 40) = 20 Gbps.
    const sim = run({ compressionRatio: 2, compressionGbps: 40 });
    expect(sim.durationS).toBeCloseTo(1, 9);
    expect(sim.migrations[0].passes[0].bytes).toBe(MEMORY);
    expect(sim.migrations[0].passes[0].wireBytes).toBeCloseTo(MEMORY / 2, 3);
    expect(sentBytes(sim)).toBeCloseTo(MEMORY / 2, 0);
  });

  it('ratio 2 with a CPU slower than the link: the CPU is the bottleneck and compression is slower than TCP', () => {
    // Because the CPU compresses 8 Gbps of memory, so the wire rate stops at 8 / 2 = 4 Gbps = 0.5e9 bytes/s:
    // 1.25e9 wire bytes take 2.5 s (memory at 8 Gbps: 2.5e9 x 8 / 8e9 = 2.5 s), more than TCP's 2 s.
    const sim = run({ compressionRatio: 2, compressionGbps: 8 });
    expect(sim.durationS).toBeCloseTo(2.5, 9);
    const rates = sim.timeline.segments.flatMap((s) => s.linkGbps.map(([, gbps]) => gbps));
    for (const gbps of rates) expect(gbps).toBeCloseTo(4, 9);
  });

  it('ratio 2 with a CPU of exactly link x ratio / 2 (10 Gbps on a 10 Gbps link) takes as long as TCP', () => {
    // Because min(10 x 2, 10) = 10 Gbps of memory, the TCP rate; the wire runs half full at 5 Gbps.
    expect(run({ compressionRatio: 2, compressionGbps: 10 }).durationS).toBeCloseTo(2, 9);
  });

  it('a pass split over two paths shares the CPU cap between its flows', () => {
    // Because the cap is per migration: 8 Gbps of memory = 4 Gbps of wire, 2 Gbps per path. Each path
    // carries 0.625e9 wire bytes at 0.25e9 bytes/s: 2.5 s, the same as on one path, although each path
    // alone could carry 10 Gbps.
    const sim = run(
      { compressionRatio: 2, compressionGbps: 8 },
      { route: () => ({ paths: [['HV1/NIC1/send', 'HV2/NIC1/receive'], ['HV1/NIC2/send', 'HV2/NIC2/receive']] }) },
    );
    expect(sim.durationS).toBeCloseTo(2.5, 9);
    expect(sentBytes(sim)).toBeCloseTo(MEMORY / 2, 0);
  });

  it('dirtying and the stop threshold count memory bytes: the rounds follow precopyModel at the memory rate', () => {
    // Setup: dirty rate 0.25e9 bytes/s, ratio 2, CPU 40 Gbps, so memory moves at 20 Gbps = 2.5e9 bytes/s.
    // Expectations, from the closed form with B = 2.5e9: λ = 0.1, passes 2.5e9, 0.25e9, then 25e6 <= 30e6
    // stops pre-copy: total 2.775e9 memory bytes in 1.11 s, stop-and-copy 25e6 bytes in 0.01 s. The wire
    // carries half of each pass.
    const sim = run({ compressionRatio: 2, compressionGbps: 40, dirtyBytesPerS: 0.25e9 }, { stopThresholdBytes: 30e6 });
    const closed = precopyModel({ memoryBytes: MEMORY, dirtyBytesPerS: 0.25e9, bandwidthBytesPerS: 2.5e9, stopThresholdBytes: 30e6 });
    const r = sim.migrations[0];
    expect(r.passes.map((p) => p.bytes / 1e6)).toEqual(closed.rounds.map((p) => expect.closeTo(p.bytes / 1e6, 6)));
    expect(r.passes.map((p) => p.bytes / 1e6)).toEqual([2500, 250, 25].map((v) => expect.closeTo(v, 6)));
    r.passes.forEach((p) => expect(p.wireBytes / p.bytes).toBeCloseTo(0.5, 12));
    expect(r.endS).toBeCloseTo(1.11, 9);
    expect(r.downtimeS).toBeCloseTo(0.01, 9);
    // Conservation: the links moved exactly the wire bytes of all passes.
    const wire = r.passes.reduce((sum, p) => sum + p.wireBytes, 0);
    expect(wire).toBeCloseTo(2.775e9 / 2, 0);
    expect(sentBytes(sim)).toBeCloseTo(wire, 0);
    expect(sim.timeline.flows.reduce((sum, f) => sum + f.bytes, 0)).toBeCloseTo(wire, 0);
  });

  it('rejects a ratio below 1 and a CPU rate of 0 or less, naming the migration', () => {
    // Because a ratio below 1 would grow the bytes, and a CPU rate of 0 would never finish.
    for (const [field, request] of [
      ['migrations[0].compressionRatio', { compressionRatio: 0.5 }],
      ['migrations[0].compressionRatio', { compressionRatio: Number.NaN }],
      ['migrations[0].compressionGbps', { compressionGbps: 0 }],
      ['migrations[0].compressionGbps', { compressionGbps: Infinity }],
    ] as const) {
      try {
        run(request);
        throw new Error(`no error for ${JSON.stringify(request)}`);
      } catch (error) {
        expect(error).toBeInstanceOf(InputError);
        expect((error as InputError).field).toBe(field);
      }
    }
  });
});
