import { describe, expect, it } from 'vitest';
import { frameGoodput, pathMtu } from '../../../lib/design';

// MTU's effect on goodput: the payload share of a full frame, worked by hand from the header sizes, and the
// path MTU as the smallest hop. Jumbo frames only help when every hop has them, so pathMtu must take the minimum.

describe('frameGoodput', () => {
  it('gives 1448 payload bytes in 1538 wire bytes at MTU 1500 (timestamps on), 8948 in 9038 at 9000', () => {
    // 1500 - 20 (IPv4) - 20 (TCP) - 12 (timestamps) = 1448; 1500 + 8 + 14 + 4 + 12 = 1538.
    expect(frameGoodput({ mtu: 1500 })).toEqual({ payloadBytes: 1448, wireBytes: 1538, fraction: 1448 / 1538 });
    expect(frameGoodput({ mtu: 9000 }).fraction).toBeCloseTo(8948 / 9038, 12);
  });

  it('counts a VLAN tag and the absence of TCP options', () => {
    expect(frameGoodput({ mtu: 1500, vlanTagged: true }).wireBytes).toBe(1542);
    expect(frameGoodput({ mtu: 1500, tcpOptionsBytes: 0 }).payloadBytes).toBe(1460);
  });

  it('refuses an MTU outside 576..9216 and bad options, naming the field', () => {
    expect(() => frameGoodput({ mtu: 100 })).toThrow(/mtu/);
    expect(() => frameGoodput({ mtu: Number.NaN })).toThrow(/mtu/);
    expect(() => frameGoodput({ mtu: 1500, tcpOptionsBytes: 41 })).toThrow(/tcpOptionsBytes/);
  });
});

describe('pathMtu', () => {
  it('is the smallest hop: one switch port left at 1500 makes a jumbo path a 1500 path', () => {
    expect(pathMtu([9000, 9000, 1500, 9000])).toBe(1500);
    expect(pathMtu([9000, 9014 - 14])).toBe(9000);
  });

  it('refuses an empty path or a bad hop, naming it', () => {
    expect(() => pathMtu([])).toThrow(/hopMtus/);
    expect(() => pathMtu([9000, 70000])).toThrow(/hopMtus\[1\]/);
  });
});
