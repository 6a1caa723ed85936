import { describe, expect, it } from 'vitest';
import { InputError } from '../../../lib/InputError';
import { ipv4ToHostU32, parseIp, parseIpv4, parseMac, parsePort, readHostU32 } from '../../../lib/hashing';

// Address parsing feeds every hash, so a wrong byte here moves every flow. Expected bytes are
// written out from the address text by hand.

describe('parseIpv4(text, field)', () => {
  it('returns the four bytes in network order', () => {
    expect([...parseIpv4('192.168.122.30')]).toEqual([192, 168, 122, 30]);
    expect([...parseIpv4('0.0.0.0')]).toEqual([0, 0, 0, 0]);
    expect([...parseIpv4('255.255.255.255')]).toEqual([255, 255, 255, 255]);
  });

  it.each(['256.0.0.1', '10.0.0', '10.0.0.1.2', '010.0.0.1', '10.0.0.-1', ' 10.0.0.1', '10.0.0.a', ''])(
    'throws an InputError naming the field for %j',
    (text) => {
      expect(() => parseIpv4(text, 'hosts[0].ip')).toThrow(InputError);
      expect(() => parseIpv4(text, 'hosts[0].ip')).toThrow(/^hosts\[0\]\.ip: /);
    },
  );
});

describe('readHostU32(bytes) and ipv4ToHostU32(text)', () => {
  it('read network-order bytes the way x86 Linux loads them (first byte lowest)', () => {
    // Because x86 is little-endian, 192.168.122.30 = c0 a8 7a 1e becomes 0x1e7aa8c0 (the value
    // quoted in the 2022 bonding commit).
    expect(ipv4ToHostU32('192.168.122.30')).toBe(0x1e7aa8c0);
    expect(ipv4ToHostU32('10.0.0.1')).toBe(0x0100000a);
    expect(readHostU32([0xff, 0xff, 0xff, 0xff])).toBe(0xffffffff);
    expect(readHostU32([0, 0, 0xc0, 0xa8, 0x7a, 0x01], 2)).toBe(0x017aa8c0);
  });
});

describe('parseIp(text, field)', () => {
  it('returns 4 bytes for IPv4', () => {
    expect(parseIp('10.0.0.2')).toHaveLength(4);
  });

  it('expands :: to the missing zero groups', () => {
    // 3ffe:2501:200:3::1 = 3ffe 2501 0200 0003 0 0 0 0001.
    expect([...parseIp('3ffe:2501:200:3::1')]).toEqual([
      0x3f, 0xfe, 0x25, 0x01, 0x02, 0x00, 0x00, 0x03, 0, 0, 0, 0, 0, 0, 0x00, 0x01,
    ]);
    expect([...parseIp('ff02::1')]).toEqual([0xff, 0x02, ...new Array(13).fill(0), 1]);
    expect([...parseIp('::')]).toEqual(new Array(16).fill(0));
    expect([...parseIp('fe80::')]).toEqual([0xfe, 0x80, ...new Array(14).fill(0)]);
  });

  it('reads the full and the compressed spelling of one address the same', () => {
    expect([...parseIp('fe80:0:0:0:200:f8ff:fe21:67cf')]).toEqual([...parseIp('FE80::200:F8FF:FE21:67CF')]);
  });

  it('accepts a trailing dotted quad', () => {
    expect([...parseIp('::ffff:10.0.0.1')]).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 10, 0, 0, 1]);
  });

  it.each(['1::2::3', '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7', '1:2:3:4:5:6:7:8::', 'fe80::1%eth0', 'gggg::1', '12345::1', '10.0.0.256', 'host'])(
    'throws an InputError naming the field for %j',
    (text) => {
      expect(() => parseIp(text, 'srcIp')).toThrow(/^srcIp: /);
    },
  );
});

describe('parseMac(text, field)', () => {
  it('reads colon and dash spellings, any case', () => {
    expect(parseMac('00-15-5D-01-02-03')).toEqual([0x00, 0x15, 0x5d, 0x01, 0x02, 0x03]);
    expect(parseMac('a0:b1:c2:d3:e4:f5')).toEqual([0xa0, 0xb1, 0xc2, 0xd3, 0xe4, 0xf5]);
  });

  it.each(['00:15:5d-01:02:03', '00:15:5d:01:02', '0:15:5d:01:02:03', '00:15:5d:01:02:0g', '0015.5d01.0203'])(
    'throws an InputError naming the field for %j',
    (text) => {
      expect(() => parseMac(text, 'dstMac')).toThrow(/^dstMac: /);
    },
  );
});

describe('parsePort(value, field)', () => {
  it('accepts integers 0 to 65535 and refuses anything else', () => {
    expect(parsePort(0)).toBe(0);
    expect(parsePort(65535)).toBe(65535);
    expect(() => parsePort(65536, 'srcPort')).toThrow(/^srcPort: /);
    expect(() => parsePort(-1, 'srcPort')).toThrow(InputError);
    expect(() => parsePort(80.5, 'srcPort')).toThrow(InputError);
    expect(() => parsePort(Number.NaN, 'srcPort')).toThrow(InputError);
  });
});
