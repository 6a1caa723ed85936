import { describe, expect, it } from 'vitest';
import { drawScenario, makeDraw } from '../../../lib/ensemble';
import { articleScenario } from '../../../lib/experiments';

// A draw changes only what a real lab does not control: the seed (keys, jitter, port skips), each host's
// first ephemeral port, and on request the stand-in hash or the port-skip rate.

describe('makeDraw and drawScenario', () => {
  it('gives each draw its own seed and first ports, the same every time', () => {
    const input = articleScenario();
    const a = drawScenario(input, makeDraw(0));
    const b = drawScenario(input, makeDraw(1));
    expect(a).toEqual(drawScenario(input, makeDraw(0)));
    expect(a.seed).not.toBe(b.seed);
    expect(a.hosts[0].nextEphemeralPort).not.toBe(b.hosts[0].nextEphemeralPort);
    for (const scenario of [a, b]) {
      for (const host of scenario.hosts) {
        expect(host.nextEphemeralPort).toBeGreaterThanOrEqual(49152);
        expect(host.nextEphemeralPort).toBeLessThanOrEqual(65535);
      }
    }
    // The input is untouched, and without a draw nothing changes.
    expect(input.hosts[0].nextEphemeralPort).toBeUndefined();
    expect(drawScenario(input)).toBe(input);
  });

  it('draws first ports that cover the range about uniformly (400 draws, each quarter 20 % to 30 %)', () => {
    const quarters = [0, 0, 0, 0];
    for (let i = 0; i < 400; i++) quarters[Math.floor(((drawScenario(articleScenario(), makeDraw(i)).hosts[0].nextEphemeralPort as number) - 49152) / 4096)] += 1;
    for (const q of quarters) {
      expect(q).toBeGreaterThan(80);
      expect(q).toBeLessThan(120);
    }
  });

  it('sets the stand-in and the port-skip rate on every host when the draw asks', () => {
    const drawn = drawScenario(articleScenario(), makeDraw(2, { addressHash: 'toeplitz-test-key', otherConnectionsPerConnection: 3, drawFirstPort: false }));
    for (const host of drawn.hosts) {
      expect(host.team?.addressHash).toBe('toeplitz-test-key');
      expect(host.otherConnectionsPerConnection).toBe(3);
      expect(host.nextEphemeralPort).toBeUndefined();
    }
  });

  it('refuses a bad index, seed, stand-in or rate, naming the field', () => {
    expect(() => makeDraw(-1)).toThrow(/^index: /);
    expect(() => makeDraw(0, { seed: 0.5 })).toThrow(/^seed: /);
    expect(() => makeDraw(0, { addressHash: 'murmur' as never })).toThrow(/^addressHash: /);
    expect(() => makeDraw(0, { otherConnectionsPerConnection: -2 })).toThrow(/^otherConnectionsPerConnection: /);
  });
});
