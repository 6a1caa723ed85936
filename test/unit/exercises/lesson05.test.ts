import { describe, expect, it } from 'vitest';
import { exercises } from '../../../lib/exercises';
import { articleScenario, runScenario } from '../../../lib/experiments';

// Lesson 5's exercise checks: pre-copy closed form, queueing and the per-host-pair hypothesis. Expected
// values are worked by hand from the geometric series.

const pass = (id: string, answer: unknown) => exercises[id].check(answer).pass;

// The lesson's VM: M = 8 GiB, D = 50 MB/s, B = 10 Gbps = 1.25e9 B/s, so lambda = 0.04.
// V1 = M * 0.04 = 343.6 MB > 30 MB; V2 = M * 0.0016 = 13.74 MB <= 30 MB, so n = 2 pre-copy rounds.
const M = 8 * 2 ** 30;
const B = 1.25e9;
const V2 = M * 0.04 ** 2;
const DOWNTIME_MS = (V2 / B + 0.05) * 1000; // about 61.0 ms
const TOTAL_BYTES = M * (1 + 0.04 + 0.04 ** 2);

describe('lesson 5 exercises', () => {
  it('are registered for lesson 5', () => {
    const ids = Object.keys(exercises).filter((id) => id.startsWith('ex-05-'));
    expect(ids.sort()).toEqual(['ex-05-1', 'ex-05-2', 'ex-05-3', 'ex-05-4', 'ex-05-5']);
    for (const id of ids) expect(exercises[id].lesson).toBe(5);
  });

  it('ex-05-1: the quiet 8 GiB VM runs 2 pre-copy rounds', () => {
    expect(pass('ex-05-1', 2)).toBe(true);
    expect(pass('ex-05-1', 3)).toBe(false);
    expect(pass('ex-05-1', 5)).toBe(false);
  });

  it('ex-05-2: its downtime is V2 / B plus the resume time', () => {
    expect(DOWNTIME_MS).toBeCloseTo(61.0, 1);
    expect(pass('ex-05-2', DOWNTIME_MS)).toBe(true);
    expect(pass('ex-05-2', 61)).toBe(true); // within the 2 % tolerance
    expect(pass('ex-05-2', 50)).toBe(false); // the resume time alone
    expect(pass('ex-05-2', 0.061)).toBe(false); // seconds, not milliseconds
  });

  it('ex-05-3: VM03 starts when the first pair has resumed on HV2', () => {
    // With the default setting 2, VM03 waits for VM01 or VM02. When those two run on different members
    // each has a full 10 Gbps, so each ends after setup 1 s + total bytes / B + resume 0.05 s.
    const routes = runScenario(articleScenario()).result.migrations.map((m) => m.connections[0].sendMember);
    expect(routes[0]).not.toBe(routes[1]); // precondition of the hand calculation
    const expected = 1 + TOTAL_BYTES / B + 0.05; // about 8.21 s
    expect(pass('ex-05-3', expected)).toBe(true);
    expect(pass('ex-05-3', 0)).toBe(false);
    expect(pass('ex-05-3', 2 * expected)).toBe(false);
  });

  it('ex-05-4: accepts a dirty rate that cannot converge, rejects a quiet one', () => {
    // 2000 MB/s exceeds the 1250 MB/s copy rate (lambda > 1): every round is the whole memory.
    expect(pass('ex-05-4', 2000)).toBe(true);
    // 50 MB/s converges in 2 rounds (see ex-05-1).
    expect(pass('ex-05-4', 50)).toBe(false);
    expect(pass('ex-05-4', -1)).toBe(false);
    expect(pass('ex-05-4', undefined)).toBe(false);
  });

  it('ex-05-4: answers a rate too large to be a number of bytes with "not yet" instead of throwing', () => {
    // Because 1e308 MB/s is Infinity bytes per second, which the pre-copy model refuses: a check must
    // never throw for a wrong answer. 1e9 MB/s (the largest taken) still never converges.
    expect(pass('ex-05-4', 1e308)).toBe(false);
    expect(pass('ex-05-4', 1e9)).toBe(true);
  });

  it('ex-05-5: one shared connection caps HV1 at one 10 Gbps member', () => {
    // Because one 5-tuple hashes to one member.
    expect(pass('ex-05-5', 10)).toBe(true);
    expect(pass('ex-05-5', 20)).toBe(false);
  });
});
