import { describe, expect, it } from 'vitest';
import { InputError } from '../../../lib/InputError';
import { ephemeralPorts } from '../../../lib/hashing';

// New connections from one host get consecutive source ports; that is what gives each VM
// migration its own 4-tuple. The expected lists are counted by hand.

describe('ephemeralPorts({ count, first, last, next })', () => {
  it('starts at 49152 and counts up by default', () => {
    expect(ephemeralPorts({ count: 3 })).toEqual([49152, 49153, 49154]);
  });

  it('wraps from last back to first', () => {
    // Because 65535 is the top of the range, the port after it is 49152.
    expect(ephemeralPorts({ count: 3, next: 65534 })).toEqual([65534, 65535, 49152]);
    expect(ephemeralPorts({ count: 5, first: 10, last: 12 })).toEqual([10, 11, 12, 10, 11]);
  });

  it('hands out every port of the range once per 16384 connections', () => {
    // Because 65535 - 49152 + 1 = 16384.
    const ports = ephemeralPorts({ count: 16384, next: 60000 });
    expect(new Set(ports).size).toBe(16384);
    expect(Math.min(...ports)).toBe(49152);
    expect(Math.max(...ports)).toBe(65535);
  });

  it('returns nothing for count 0', () => {
    expect(ephemeralPorts({ count: 0 })).toEqual([]);
  });

  it('throws an InputError for bad values', () => {
    expect(() => ephemeralPorts({ count: -1 })).toThrow(/^count: /);
    expect(() => ephemeralPorts({ count: 1.5 })).toThrow(InputError);
    expect(() => ephemeralPorts({ count: 1, next: 1024 })).toThrow(/^next: /);
    expect(() => ephemeralPorts({ count: 1, first: 5000, last: 4000 })).toThrow(/^last: /);
    expect(() => ephemeralPorts({ count: 1, last: 70000 })).toThrow(/^last: /);
    expect(() => ephemeralPorts({ count: 1, first: -3 })).toThrow(/^first: /);
  });
});

describe('ephemeralPorts with other connections interleaving (otherConnectionsPerConnection)', () => {
  it('0 (default) gives consecutive ports, the idle-host assumption', () => {
    expect(ephemeralPorts({ count: 3, otherConnectionsPerConnection: 0, seed: 9 })).toEqual([49152, 49153, 49154]);
  });

  it('skips on average the given number of ports between two of ours, reproducibly per seed', () => {
    // Setup: rate 3, 4000 ports. Expect mean gap - 1 close to 3 (geometric skips of mean 3; the standard
    // error over 4000 draws is about 0.055, so +-0.3 is over 5 standard errors).
    const ports = ephemeralPorts({ count: 4000, otherConnectionsPerConnection: 3, seed: 5, next: 49152 });
    let gaps = 0;
    for (let i = 1; i < ports.length; i++) gaps += (ports[i] - ports[i - 1] + 16384) % 16384 - 1;
    expect(gaps / (ports.length - 1)).toBeGreaterThan(2.7);
    expect(gaps / (ports.length - 1)).toBeLessThan(3.3);
    expect(ephemeralPorts({ count: 50, otherConnectionsPerConnection: 3, seed: 5 })).toEqual(ports.slice(0, 50));
    expect(ephemeralPorts({ count: 50, otherConnectionsPerConnection: 3, seed: 6 })).not.toEqual(ports.slice(0, 50));
  });

  it('keeps every port inside the range, wrapping', () => {
    const ports = ephemeralPorts({ count: 500, otherConnectionsPerConnection: 50, seed: 2, next: 65500 });
    expect(Math.min(...ports)).toBeGreaterThanOrEqual(49152);
    expect(Math.max(...ports)).toBeLessThanOrEqual(65535);
  });

  it('refuses a negative or huge rate and a non-integer seed, naming the field', () => {
    expect(() => ephemeralPorts({ count: 1, otherConnectionsPerConnection: -1 })).toThrow(/^otherConnectionsPerConnection: /);
    expect(() => ephemeralPorts({ count: 1, otherConnectionsPerConnection: 1e6 })).toThrow(/^otherConnectionsPerConnection: /);
    expect(() => ephemeralPorts({ count: 1, otherConnectionsPerConnection: 1, seed: 0.5 })).toThrow(/^seed: /);
  });
});
