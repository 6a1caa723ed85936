import { describe, expect, it } from 'vitest';
import { MAX_PRECOPY_ROUNDS, precopyModel, simulateMigrations } from '../../../lib/migration';
import { InputError } from '../../../lib/InputError';

// Review finding: maxRounds had no upper bound, so when dirtying outpaces the link (every round resends
// the whole memory and only the cap stops pre-copy) maxRounds 1e9 effectively hung. It is now 1 to 1000.

/** What `run` throws, or undefined. */
function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('maxRounds bound', () => {
  it('is 1000', () => {
    expect(MAX_PRECOPY_ROUNDS).toBe(1000);
  });

  it('precopyModel refuses 1001 and 1e9 with an InputError on maxRounds, and runs 1000 to the end', () => {
    const diverging = { memoryBytes: 1e9, dirtyBytesPerS: 2e9, bandwidthBytesPerS: 1e9, stopThresholdBytes: 1e6 };
    for (const maxRounds of [1001, 1e9]) {
      const error = thrown(() => precopyModel({ ...diverging, maxRounds }));
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).field).toBe('maxRounds');
    }
    // λ = D/B = 2 >= 1: each of the 1000 pre-copy rounds and the stop-and-copy pass sends all 1e9 bytes,
    // so 1001 passes carry 1.001e12 bytes, 1001 s at 1e9 B/s, and it did not converge.
    const capped = precopyModel({ ...diverging, maxRounds: 1000 });
    expect(capped.precopyRounds).toBe(1000);
    expect(capped.totalBytes).toBeCloseTo(1.001e12, 0);
    expect(capped.totalS).toBeCloseTo(1001, 9);
    expect(capped.converged).toBe(false);
  });

  it('simulateMigrations refuses maxRounds 1001 the same way', () => {
    const error = thrown(() =>
      simulateMigrations({
        links: [{ id: 'A/send', gbps: 10 }, { id: 'B/receive', gbps: 10 }],
        migrations: [{ id: 'vm', source: 'A', target: 'B', memoryBytes: 1e9, dirtyBytesPerS: 0, requestS: 0 }],
        route: () => ['A/send', 'B/receive'],
        maxRounds: 1001,
      }),
    );
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).field).toBe('maxRounds');
  });
});
