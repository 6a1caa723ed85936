import { describe, expect, it } from 'vitest';
import { MigrationEngine } from '../../../lib/migration';
import type { MigrationRequest } from '../../../lib/migration';
import { Timeline } from '../../../lib/timeline';

// MigrationEngine.setLinksDown: a member that failed before its team noticed. Flows crossing a link that is
// down are held (they move no byte and keep what they have left) until the link comes back or the migration
// is re-routed onto links that are up; a pass ends only when its held bytes have been delivered too. This is
// what failure detection (LACP timeouts, miimon) needs from the engine. Links: send links a and b, receive
// link r, all 10 Gbps (1.25e9 bytes per second); setup and resume 0, idle VMs, so times are byte counts.

const links = [
  { id: 'a', gbps: 10 },
  { id: 'b', gbps: 10 },
  { id: 'r', gbps: 10 },
];
const vm = (id: string, changes: Partial<MigrationRequest> = {}): MigrationRequest => ({ id, source: 'S', target: 'T', memoryBytes: 2.5e9, dirtyBytesPerS: 0, requestS: 0, ...changes });

function engine(migrations: MigrationRequest[], route: (index: number) => string[] | { paths: string[][] } = () => ['a', 'r']) {
  const timeline = new Timeline({ links });
  const e = new MigrationEngine(timeline, { migrations, route, setupS: 0, resumeS: 0 });
  return { timeline, engine: e };
}

describe('MigrationEngine.setLinksDown', () => {
  it('holds a running flow while its link is down and resumes it with the bytes it had left', () => {
    // 2.5e9 bytes = 2 s at 10 Gbps; down from 0.5 s to 3.5 s: the pass ends 3 s late, at 5 s.
    const { timeline, engine: e } = engine([vm('VM1')]);
    timeline.at(0.5, () => expect(e.setLinksDown(['a'], true)).toBe(1));
    timeline.at(3.5, () => expect(e.setLinksDown(['a'], false)).toBe(0));
    const result = timeline.run();
    expect(e.runs()[0].endS).toBeCloseTo(5, 9);
    expect(result.flows.map((f) => [f.id, f.startS, f.endS])).toEqual([
      ['VM1/round-0', 0, 0.5],
      ['VM1/round-0~1', 3.5, 5],
      ['VM1/stop-and-copy', 5, 5],
    ]);
    expect(result.bytesByLink.a).toBeCloseTo(2.5e9, 0);
  });

  it('a held flow moved by reroute onto links that are up goes on at once (the team noticed the failure)', () => {
    const { timeline, engine: e } = engine([vm('VM1')]);
    timeline.at(0.5, () => e.setLinksDown(['a'], true));
    timeline.at(1.5, () => expect(e.reroute(0, ['b', 'r'])).toBe(true));
    const result = timeline.run();
    // 0.625e9 bytes by 0.5 s, nothing for 1 s, the remaining 1.875e9 from 1.5 s on b: 1.5 s more.
    expect(e.runs()[0].endS).toBeCloseTo(3, 9);
    expect(result.bytesByLink.a).toBeCloseTo(0.625e9, 0);
    expect(result.bytesByLink.b).toBeCloseTo(1.875e9, 0);
    expect(e.linkLoad('a')).toBe(0);
  });

  it('a flow that would start on a link that is down waits, and counts as load on that link meanwhile', () => {
    const { timeline, engine: e } = engine([vm('VM1', { requestS: 1 })]);
    timeline.at(0, () => e.setLinksDown(['a'], true));
    timeline.at(1.5, () => {
      expect(e.linkLoad('a')).toBe(1);
      expect(e.migrations[0].heldBytes).toBeCloseTo(2.5e9, 0);
      e.setLinksDown(['a'], false);
    });
    timeline.run();
    expect(e.runs()[0].endS).toBeCloseTo(3.5, 9);
  });

  it('holds only the paths that cross the link; a sprayed pass ends when the held half is in', () => {
    // Two paths of 1.25e9 bytes each (1 s); a down from 0 to 2 s: path b ends at 1 s, path a at 3 s.
    const { timeline, engine: e } = engine([vm('VM1')], () => ({ paths: [['a'], ['b']] }));
    timeline.at(0, () => e.setLinksDown(['a'], true));
    timeline.at(2, () => e.setLinksDown(['a'], false));
    const result = timeline.run();
    expect(e.runs()[0].endS).toBeCloseTo(3, 9);
    expect(result.flows.find((f) => f.id === 'VM1/round-0#1')?.endS).toBeCloseTo(1, 9);
  });
});
