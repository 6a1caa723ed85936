import { describe, expect, it } from 'vitest';
import { precopyModel, simulateMigrations } from '../../../lib/migration';
import type { MigrationRequest, MigrationsSimulation, SimulateMigrationsOptions } from '../../../lib/migration';

const GiB = 2 ** 30;
/** 10 Gbps in bytes per second. */
const TEN_GBPS_BYTES = 1.25e9;

/** One 10 Gbps link per host and direction: `${host}/send`, `${host}/receive`. */
function hostLinks(hosts: string[]) {
  return hosts.flatMap((h) => [
    { id: `${h}/send`, gbps: 10 },
    { id: `${h}/receive`, gbps: 10 },
  ]);
}

function run(migrations: MigrationRequest[], options: Partial<SimulateMigrationsOptions> = {}): MigrationsSimulation {
  const hosts = [...new Set(migrations.flatMap((m) => [m.source, m.target]))];
  return simulateMigrations({
    links: hostLinks(hosts),
    migrations,
    route: (i) => [`${migrations[i].source}/send`, `${migrations[i].target}/receive`],
    ...options,
  });
}

function vm(id: string, source: string, target: string, changes: Partial<MigrationRequest> = {}): MigrationRequest {
  return { id, source, target, memoryBytes: 1.25e9, dirtyBytesPerS: 0, requestS: 0, ...changes };
}

/** Most migrations active at once on each host, from the migrations' [startS, endS) intervals. */
function maxConcurrent(sim: MigrationsSimulation, migrations: MigrationRequest[]): Record<string, number> {
  const result: Record<string, number> = {};
  const hosts = [...new Set(migrations.flatMap((m) => [m.source, m.target]))];
  for (const host of hosts) {
    const mine = sim.migrations.filter((_, i) => migrations[i].source === host || migrations[i].target === host);
    let most = 0;
    for (const probe of mine) {
      const t = probe.startS;
      most = Math.max(most, mine.filter((r) => r.startS <= t && t < r.endS).length);
    }
    result[host] = most;
  }
  return result;
}

describe('simulateMigrations(options)', () => {
  it('one migration at a constant rate follows the closed-form pre-copy model', () => {
    // Claim: alone on a 10 Gbps path, every round runs at B = 1.25e9 bytes/s, so the passes are
    // V_i = M λ^i with λ = D/B, and downtime = V_n/B + T_res.
    // Setup: 4 GiB VM dirtying 250 MB/s (λ = 0.2), 30 MB threshold, cap 5, setup 1 s, resume 50 ms.
    const M = 4 * GiB;
    const D = 250e6;
    const lambda = D / TEN_GBPS_BYTES;
    const sim = run([vm('VM1', 'HV1', 'HV2', { memoryBytes: M, dirtyBytesPerS: D })], { setupS: 1, resumeS: 0.05, stopThresholdBytes: 30e6, maxRounds: 5 });
    const r = sim.migrations[0];
    // n = ceil(ln(30e6 / 4 GiB) / ln 0.2) = ceil(3.08) = 4 pre-copy rounds (below the cap of 5).
    const n = Math.ceil(Math.log(30e6 / M) / Math.log(lambda));
    expect(n).toBe(4);
    expect(r.precopyRounds).toBe(n);
    expect(r.converged).toBe(true);
    expect(r.passes).toHaveLength(n + 1);
    r.passes.forEach((p, i) => expect(p.bytes / (M * lambda ** i)).toBeCloseTo(1, 9));
    expect(r.passes[n].stopAndCopy).toBe(true);
    expect(r.downtimeS).toBeCloseTo((M * lambda ** n) / TEN_GBPS_BYTES + 0.05, 9);
    // End = setup + all bytes at B + resume; total bytes = M (1 - λ^(n+1)) / (1 - λ).
    const total = (M * (1 - lambda ** (n + 1))) / (1 - lambda);
    expect(r.firstByteS).toBe(1);
    expect(r.endS).toBeCloseTo(1 + total / TEN_GBPS_BYTES + 0.05, 9);
    // And it agrees with precopyModel.
    const model = precopyModel({ memoryBytes: M, dirtyBytesPerS: D, bandwidthBytesPerS: TEN_GBPS_BYTES, stopThresholdBytes: 30e6, resumeS: 0.05 });
    expect(r.downtimeS).toBeCloseTo(model.downtimeS, 9);
    expect(sim.durationS).toBeCloseTo(r.endS, 12);
  });

  it('copies an idle VM in one full pass and an empty stop-and-copy (downtime = resume time)', () => {
    const sim = run([vm('VM1', 'HV1', 'HV2', { memoryBytes: 2 * GiB })], { setupS: 0, resumeS: 0.05 });
    const r = sim.migrations[0];
    expect(r.passes.map((p) => p.bytes)).toEqual([2 * GiB, 0]);
    expect(r.downtimeS).toBeCloseTo(0.05, 12);
    expect(r.endS).toBeCloseTo((2 * GiB) / TEN_GBPS_BYTES + 0.05, 9);
  });

  it('sizes each round by its ACTUAL duration: sharing a link doubles round 0 and so doubles round 1', () => {
    // Two 1.25e9-byte VMs share HV1's 10 Gbps send link: 5 Gbps each, round 0 takes 2 s, not 1 s,
    // so round 1 sends D x 2 s = 200 MB (100 MB/s dirty rate), not 100 MB.
    const migrations = [vm('A', 'HV1', 'HV2', { dirtyBytesPerS: 100e6 }), vm('B', 'HV1', 'HV3', { dirtyBytesPerS: 100e6 })];
    const sim = run(migrations, { setupS: 0, simultaneous: 2 });
    for (const r of sim.migrations) {
      expect(r.passes[0].endS - r.passes[0].startS).toBeCloseTo(2, 9);
      expect(r.passes[1].bytes).toBeCloseTo(200e6, 0);
    }
  });

  it('ends pre-copy at the round cap when dirtying outpaces the link, and caps each pass at the memory size', () => {
    // λ = 2: every pass would dirty more than the memory; each pass is capped at M; cap 3 rounds.
    const sim = run([vm('VM1', 'HV1', 'HV2', { dirtyBytesPerS: 2.5e9 })], { maxRounds: 3, setupS: 0, resumeS: 0 });
    const r = sim.migrations[0];
    expect(r.precopyRounds).toBe(3);
    expect(r.converged).toBe(false);
    expect(r.passes.map((p) => p.bytes)).toEqual([1.25e9, 1.25e9, 1.25e9, 1.25e9]);
    expect(r.downtimeS).toBeCloseTo(1, 9); // 1.25e9 bytes at 1.25e9 bytes/s
  });

  it('never lets a host take part in more than `simultaneous` migrations; the rest queue FIFO', () => {
    // 5 equal VMs HV1 -> HV2, simultaneous 2: they run in waves 2 + 2 + 1; each VM alone-in-pair
    // shares 10 Gbps with one other, so a wave lasts setup 1 s + 2 s + resume 0.05 s = 3.05 s.
    const migrations = ['A', 'B', 'C', 'D', 'E'].map((id) => vm(id, 'HV1', 'HV2'));
    const sim = run(migrations, { simultaneous: 2, setupS: 1, resumeS: 0.05 });
    expect(maxConcurrent(sim, migrations)).toEqual({ HV1: 2, HV2: 2 });
    expect(sim.startOrder).toEqual([0, 1, 2, 3, 4]);
    const starts = sim.migrations.map((r) => r.startS);
    expect(starts[0]).toBe(0);
    expect(starts[1]).toBe(0);
    expect(starts[2]).toBeCloseTo(3.05, 9);
    expect(starts[3]).toBeCloseTo(3.05, 9);
    // E runs alone at 10 Gbps: 1 s + 1 s + 0.05 s.
    expect(sim.migrations[4].startS).toBeCloseTo(6.1, 9);
    expect(sim.migrations[4].endS).toBeCloseTo(8.15, 9);
  });

  it('checks the limit from the timeline itself: at no time do more than N migrations have bytes in flight on a host', () => {
    const migrations = Array.from({ length: 7 }, (_, i) => vm(`VM${i}`, 'HV1', 'HV2', { memoryBytes: (1 + i) * 0.5e9, dirtyBytesPerS: 50e6 }));
    const sim = run(migrations, { simultaneous: 3, setupS: 0.5, setupJitterS: 0.5 });
    const flows = sim.timeline.flows;
    const span = (id: string) => {
      const mine = flows.filter((f) => f.tag === id);
      return { from: Math.min(...mine.map((f) => f.startS)), to: Math.max(...mine.map((f) => f.endS)) };
    };
    const spans = migrations.map((m) => span(m.id));
    for (const probe of spans) {
      const concurrent = spans.filter((s) => s.from <= probe.from && probe.from < s.to).length;
      expect(concurrent).toBeLessThanOrEqual(3);
    }
    expect(maxConcurrent(sim, migrations).HV1).toBe(3);
  });

  it('does not let a waiting migration block a later one whose hosts are free', () => {
    // simultaneous 1: B (HV1 -> HV3) waits for A (HV1 -> HV2); C (HV4 -> HV5) starts at once.
    const migrations = [vm('A', 'HV1', 'HV2'), vm('B', 'HV1', 'HV3'), vm('C', 'HV4', 'HV5')];
    const sim = run(migrations, { simultaneous: 1, setupS: 0, resumeS: 0 });
    expect(sim.migrations.map((r) => r.startS)).toEqual([0, expect.closeTo(1, 9), 0]);
    expect(sim.startOrder).toEqual([0, 2, 1]);
  });

  it('when one end frees two hosts, serves the earliest waiting migration first across host pairs', () => {
    // simultaneous 1, no setup, no resume; each VM alone takes 1 s. A (HV1 -> HV2) runs first; B (HV2 -> HV1),
    // C (HV1 -> HV3) and D (HV4 -> HV2), all requested at 0 in that order, wait. When A ends at 1 s, HV1
    // and HV2 are free: B, first in line, takes both, so C (needs HV1) and D (needs HV2) wait for B's
    // end at 2 s and then start together, because their other hosts are free.
    const migrations = [vm('A', 'HV1', 'HV2'), vm('B', 'HV2', 'HV1'), vm('C', 'HV1', 'HV3'), vm('D', 'HV4', 'HV2')];
    const sim = run(migrations, { simultaneous: 1, setupS: 0, resumeS: 0 });
    expect(sim.startOrder).toEqual([0, 1, 2, 3]);
    expect(sim.migrations.map((r) => r.startS)).toEqual([0, expect.closeTo(1, 9), expect.closeTo(2, 9), expect.closeTo(2, 9)]);
  });

  it('starts a migration at its request time, or when a slot frees if that is later', () => {
    // A occupies HV1 from 0 to 1 s (1.25e9 bytes at 10 Gbps, no setup, no resume); B asks at 0.5 s
    // and waits until 1 s; C asks at 5 s and starts then.
    const migrations = [vm('A', 'HV1', 'HV2'), vm('B', 'HV1', 'HV2', { requestS: 0.5 }), vm('C', 'HV1', 'HV2', { requestS: 5 })];
    const sim = run(migrations, { simultaneous: 1, setupS: 0, resumeS: 0 });
    expect(sim.migrations[1].startS).toBeCloseTo(1, 9);
    expect(sim.migrations[2].startS).toBe(5);
    expect(sim.durationS).toBeCloseTo(6, 9);
  });

  it('draws setup jitter from the seed: same seed, same times; within [setupS, setupS + setupJitterS]', () => {
    const migrations = ['A', 'B', 'C', 'D'].map((id, i) => vm(id, `S${i}`, `T${i}`));
    const a = run(migrations, { setupS: 1, setupJitterS: 2, seed: 7 });
    const b = run(migrations, { setupS: 1, setupJitterS: 2, seed: 7 });
    const c = run(migrations, { setupS: 1, setupJitterS: 2, seed: 8 });
    expect(a).toEqual(b);
    const delays = a.migrations.map((r) => r.firstByteS - r.startS);
    for (const d of delays) {
      expect(d).toBeGreaterThanOrEqual(1);
      expect(d).toBeLessThanOrEqual(3);
    }
    expect(new Set(delays).size).toBe(4);
    expect(c.migrations.map((r) => r.firstByteS)).not.toEqual(a.migrations.map((r) => r.firstByteS));
  });

  it('throws an InputError for a migration onto its own host and for bad settings', () => {
    expect(() => run([vm('A', 'HV1', 'HV1')])).toThrow(/target/);
    expect(() => run([vm('A', 'HV1', 'HV2')], { simultaneous: 0 })).toThrow(/simultaneous/);
    expect(() => run([vm('A', 'HV1', 'HV2', { memoryBytes: 0 })])).toThrow(/memoryBytes/);
    expect(() => run([vm('A', 'HV1', 'HV2'), vm('A', 'HV1', 'HV3')])).toThrow(/id/);
  });
});
