import { describe, expect, it } from 'vitest';
import { InputError } from '../../../lib/InputError';
import { simulateMigrations } from '../../../lib/migration';
import type { MigrationRequest, SimulateMigrationsOptions } from '../../../lib/migration';
import { linkBytes } from '../../../lib/timeline';

// Routes with several paths (Linux balance-rr sprays, broadcast copies), re-routes in flight (a flow moving
// to other links, as on a member failure, scheduled with timeline.at and engine.reroute), re-routing at pass boundaries (Dynamic's flowlets) and the
// pause between passes. Links: two 10 Gbps send links `a` and `b` of the source, receive links `r` (10 Gbps)
// and `rr` (20 Gbps) of the target. 10 Gbps moves 1.25e9 bytes per second. Setup and resume times are 0 so
// that times are plain byte counts over rates.

const links = [
  { id: 'a', gbps: 10 },
  { id: 'b', gbps: 10 },
  { id: 'r', gbps: 10 },
  { id: 'rr', gbps: 20 },
];
const vm = (id: string, changes: Partial<MigrationRequest> = {}): MigrationRequest => ({
  id, source: 'S', target: 'T', memoryBytes: 1.25e9, dirtyBytesPerS: 0, requestS: 0, ...changes,
});
const run = (options: Partial<SimulateMigrationsOptions>) =>
  simulateMigrations({ links, migrations: [vm('VM1')], route: () => ['a', 'r'], setupS: 0, resumeS: 0, ...options });
const flow = (sim: ReturnType<typeof run>, id: string) => sim.timeline.flows.find((f) => f.id === id);

describe('simulateMigrations: routes with several paths', () => {
  it("split: a sprayed pass divides its bytes equally over the paths and ends when both halves are in", () => {
    // 1.25e9 bytes over a and b: 0.625e9 each at 10 Gbps = 0.5 s (the 20 Gbps receive link holds both).
    const sim = run({ route: () => ({ paths: [['a', 'rr'], ['b', 'rr']], spread: 'split' }) });
    expect(sim.migrations[0].endS).toBeCloseTo(0.5, 9);
    const bytes = linkBytes(sim.timeline);
    expect(bytes.a).toBeCloseTo(0.625e9, 0);
    expect(bytes.b).toBeCloseTo(0.625e9, 0);
    expect(bytes.rr).toBeCloseTo(1.25e9, 0);
    expect(flow(sim, 'VM1/round-0#0')?.links).toEqual(['a', 'rr']);
    expect(flow(sim, 'VM1/round-0#1')?.links).toEqual(['b', 'rr']);
    expect(sim.migrations[0].links).toEqual(['a', 'rr', 'b']);
  });

  it('copy: every path carries all the bytes (broadcast), so the receive link gets them twice', () => {
    // 1.25e9 bytes on each of a and b at 10 Gbps: 1 s; rr receives 2.5e9.
    const sim = run({ route: () => ({ paths: [['a', 'rr'], ['b', 'rr']], spread: 'copy' }) });
    expect(sim.migrations[0].endS).toBeCloseTo(1, 9);
    expect(linkBytes(sim.timeline).rr).toBeCloseTo(2.5e9, 0);
    expect(sim.migrations[0].passes[0].bytes).toBe(1.25e9);
  });

  it('a plain array of link ids is still one path (the original contract)', () => {
    const sim = run({});
    expect(sim.timeline.flows.map((f) => f.id)).toEqual(['VM1/round-0', 'VM1/stop-and-copy']);
    expect(sim.migrations[0].route).toEqual({ paths: [['a', 'r']], spread: 'split' });
    expect(sim.migrations[0].reroutes).toEqual([]);
  });
});

describe('simulateMigrations: re-routes move a flow in flight', () => {
  /** Moves VM1 onto `route` at `atS` with a timeline callback. */
  const moveAt = (atS: number, route: string[] | { paths: string[][] }): Partial<SimulateMigrationsOptions> => ({
    schedule: (engine, timeline) => timeline.at(atS, () => engine.reroute(0, route)),
  });

  it('keeps the bytes the flow has left and sends them on the new route from the re-route time', () => {
    // On a: 0.4 s x 1.25e9 = 0.5e9 bytes, then the remaining 0.75e9 on b take 0.6 s: the pass ends at 1.0 s.
    const sim = run(moveAt(0.4, ['b', 'r']));
    expect(flow(sim, 'VM1/round-0')?.endS).toBeCloseTo(0.4, 9);
    expect(flow(sim, 'VM1/round-0@1')?.startS).toBeCloseTo(0.4, 9);
    expect(sim.migrations[0].passes[0]).toMatchObject({ bytes: 1.25e9, startS: 0 });
    expect(sim.migrations[0].passes[0].endS).toBeCloseTo(1, 9);
    const bytes = linkBytes(sim.timeline);
    expect(bytes.a).toBeCloseTo(0.5e9, 0);
    expect(bytes.b).toBeCloseTo(0.75e9, 0);
    // Nothing lost: what the receive link got equals the pass's bytes.
    expect(bytes.r).toBeCloseTo(1.25e9, 0);
    expect(sim.timeline.flows.map((f) => f.id)).toEqual(['VM1/round-0', 'VM1/round-0@1', 'VM1/stop-and-copy']);
    expect(sim.migrations[0].reroutes).toEqual([{ atS: 0.4, route: { paths: [['b', 'r']], spread: 'split' } }]);
    expect(sim.migrations[0].links).toEqual(['a', 'r', 'b']);
  });

  it('re-divides the rest of a sprayed pass over a different number of paths', () => {
    // Moved at 0.2 s: each half has moved 0.25e9, so 0.75e9 remain; alone on a they take 0.6 s -> 0.8 s.
    const sim = run({ route: () => ({ paths: [['a', 'rr'], ['b', 'rr']] }), ...moveAt(0.2, { paths: [['a', 'rr']] }) });
    expect(sim.migrations[0].endS).toBeCloseTo(0.8, 9);
    expect(linkBytes(sim.timeline).rr).toBeCloseTo(1.25e9, 0);
    expect(linkBytes(sim.timeline).b).toBeCloseTo(0.25e9, 0);
  });

  it('a route given during setup takes effect at the first byte, and the same route changes nothing', () => {
    const sim = run({ setupS: 1, ...moveAt(0.5, ['b', 'r']) });
    expect(flow(sim, 'VM1/round-0')?.links).toEqual(['b', 'r']);
    expect(sim.migrations[0].reroutes.map((r) => r.atS)).toEqual([1]);
    const same = run(moveAt(0.4, ['a', 'r']));
    expect(same.migrations[0].reroutes).toEqual([]);
    expect(same.timeline.flows.map((f) => f.id)).toEqual(['VM1/round-0', 'VM1/stop-and-copy']);
  });

  it('refuses a route that names an unknown link', () => {
    expect(() => run(moveAt(0.2, ['nope', 'r']))).toThrow(InputError);
  });
});

describe('simulateMigrations: pass boundaries and pauses', () => {
  // Dirty rate 0.625e9 B/s against 1.25e9 B/s: each round sends half of the previous one's time in bytes.
  const dirty = { migrations: [vm('VM1', { dirtyBytesPerS: 0.625e9 })], stopThresholdBytes: 0.3e9 };

  it('rerouteAtPass moves the next pass to the links it returns, and sees the current route', () => {
    const seen: string[][][] = [];
    const sim = run({ ...dirty, rerouteAtPass: (_i, _t, current) => (seen.push(current.paths), ['b', 'r']) });
    expect(flow(sim, 'VM1/round-0')?.links).toEqual(['a', 'r']);
    expect(flow(sim, 'VM1/round-1')?.links).toEqual(['b', 'r']);
    expect(seen[0]).toEqual([['a', 'r']]);
    expect(sim.migrations[0].links).toEqual(['a', 'r', 'b']);
  });

  it('roundPauseS delays the next pass and adds what the VM dirtied meanwhile', () => {
    // Round 0: 1.25e9 bytes, 0 -> 1 s. Round 1: dirtied 0.625e9 in 1 s plus 0.0625e9 in the 0.1 s pause = 0.6875e9,
    // sent from 1.1 s at 1.25e9 B/s: 0.55 s, ending at 1.65 s.
    const sim = run({ ...dirty, roundPauseS: 0.1 });
    const round1 = sim.migrations[0].passes[1];
    expect(round1.bytes).toBeCloseTo(0.6875e9, 0);
    expect(round1.startS).toBeCloseTo(1, 9);
    expect(flow(sim, 'VM1/round-1')?.startS).toBeCloseTo(1.1, 9);
    expect(round1.endS).toBeCloseTo(1.65, 9);
  });

  it('the route callback sees how many flows each link carries already', () => {
    const loads: number[] = [];
    simulateMigrations({
      links,
      migrations: [vm('VM1'), vm('VM2')],
      simultaneous: 2,
      route: (_i, _t, context) => (loads.push(context.linkLoad('a')), ['a', 'rr']),
    });
    // VM1 is routed first onto an idle a; VM2 sees VM1's flow there.
    expect(loads).toEqual([0, 1]);
  });

  it('refuses a route that is neither link ids nor { paths }', () => {
    expect(() => run({ route: () => ({ paths: [] }) })).toThrow(InputError);
    expect(() => run({ route: () => ({ paths: [['a']], spread: 'spray' as 'split' }) })).toThrow(InputError);
    expect(() => run({ roundPauseS: -1 })).toThrow(InputError);
  });
});
