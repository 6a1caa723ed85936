import { describe, expect, it } from 'vitest';
import { formatHexKey, hostRssKey, parseHexKey, RSS_KEY_BYTES } from '../../../lib/hashing';

// Each host of a scenario draws its own RSS key from the seed (a real host's key is random), so which
// member a connection gets is a draw. These tests check the draw is reproducible, per host, and unbiased.

describe('hostRssKey(seed, hostIndex)', () => {
  it('gives 40 bytes, the same for the same seed and host, different for another host or seed', () => {
    expect(hostRssKey(1, 0)).toHaveLength(RSS_KEY_BYTES);
    expect(hostRssKey(1, 0)).toEqual(hostRssKey(1, 0));
    expect(hostRssKey(1, 1)).not.toEqual(hostRssKey(1, 0));
    expect(hostRssKey(2, 0)).not.toEqual(hostRssKey(1, 0));
    // Seed and host do not just trade places.
    expect(hostRssKey(1, 2)).not.toEqual(hostRssKey(2, 1));
  });

  it('has key bits that are fair coins: over 1000 keys each of the first 64 bits is set 40 % to 60 % of the time', () => {
    // Because a biased bit would bias the member choice of the linear Toeplitz hash.
    const keys = Array.from({ length: 1000 }, (_, i) => hostRssKey(i, 0));
    for (let bit = 0; bit < 64; bit++) {
      const ones = keys.filter((k) => (k[bit >> 3] & (0x80 >> (bit & 7))) !== 0).length;
      expect(ones).toBeGreaterThan(400);
      expect(ones).toBeLessThan(600);
    }
  });

  it('round-trips through formatHexKey and parseHexKey', () => {
    const key = hostRssKey(42, 3);
    expect(parseHexKey(formatHexKey(key))).toEqual(key);
    expect(formatHexKey(Uint8Array.from([0x6d, 0x05]))).toBe('6d 05');
  });

  it('refuses a seed that is not an integer or a negative host index, naming the field', () => {
    expect(() => hostRssKey(1.5, 0)).toThrow(/^seed: /);
    expect(() => hostRssKey(1, -1)).toThrow(/^hostIndex: /);
  });
});
