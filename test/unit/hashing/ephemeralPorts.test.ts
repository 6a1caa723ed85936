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
