import { describe, expect, it } from 'vitest';
import { DEFAULT_PACKETS_PER_SECOND_PER_CORE, liveMigrationReceiveGbps } from '../../../lib/design';

// The receive-side CPU ceiling of a host vNIC: on 2012 R2 (one VMQ, one core) the number of connections does
// not matter; with vRSS each connection can take a core of its own; RDMA has no per-packet CPU ceiling. The
// per-core rate is pps x payload, so jumbo frames raise it in proportion to the payload per packet.

const perCore1500 = (DEFAULT_PACKETS_PER_SECOND_PER_CORE * 1448 * 8) / 1e9;

describe('liveMigrationReceiveGbps', () => {
  it('caps a 2012 R2 host vNIC at one core, however many connections', () => {
    const one = liveMigrationReceiveGbps({ linkGbps: 25, mtu: 1500, streams: 1, receivePath: 'vmq' });
    const four = liveMigrationReceiveGbps({ linkGbps: 25, mtu: 1500, streams: 4, receivePath: 'vmq' });
    expect(one.gbps).toBeCloseTo(perCore1500, 9);
    expect(one.limitedBy).toBe('cpu');
    expect(four.gbps).toBe(one.gbps);
    expect(four.coresUsed).toBe(1);
  });

  it('lets vRSS use one core per connection up to its core count, and the link caps the total', () => {
    expect(liveMigrationReceiveGbps({ linkGbps: 100, mtu: 1500, streams: 1, receivePath: 'vrss', vrssCores: 4 }).gbps).toBeCloseTo(perCore1500, 9);
    expect(liveMigrationReceiveGbps({ linkGbps: 100, mtu: 1500, streams: 3, receivePath: 'vrss', vrssCores: 4 }).gbps).toBeCloseTo(3 * perCore1500, 9);
    expect(liveMigrationReceiveGbps({ linkGbps: 100, mtu: 1500, streams: 8, receivePath: 'vrss', vrssCores: 4 }).coresUsed).toBe(4);
    const capped = liveMigrationReceiveGbps({ linkGbps: 10, mtu: 1500, streams: 4, receivePath: 'vrss', vrssCores: 4 });
    expect(capped.limitedBy).toBe('link');
    expect(capped.gbps).toBeCloseTo(10 * (1448 / 1538), 9);
  });

  it('raises the per-core ceiling with the MTU in proportion to the payload per packet', () => {
    const jumbo = liveMigrationReceiveGbps({ linkGbps: 100, mtu: 9000, streams: 1, receivePath: 'vmq' });
    expect(jumbo.perCoreGbps / perCore1500).toBeCloseTo(8948 / 1448, 9);
  });

  it('gives RDMA the link goodput with no CPU ceiling', () => {
    const rdma = liveMigrationReceiveGbps({ linkGbps: 25, mtu: 1500, streams: 1, receivePath: 'rdma' });
    expect(rdma.cpuCeilingGbps).toBe(Infinity);
    expect(rdma.limitedBy).toBe('link');
    expect(rdma.gbps).toBeCloseTo(25 * (1448 / 1538), 9);
  });

  it('refuses bad input with the field named', () => {
    expect(() => liveMigrationReceiveGbps({ linkGbps: 0, mtu: 1500, streams: 1, receivePath: 'vmq' })).toThrow(/linkGbps/);
    expect(() => liveMigrationReceiveGbps({ linkGbps: 10, mtu: 1500, streams: 0, receivePath: 'vmq' })).toThrow(/streams/);
    expect(() => liveMigrationReceiveGbps({ linkGbps: 10, mtu: 1500, streams: 1, receivePath: 'rss' as never })).toThrow(/receivePath/);
    expect(() => liveMigrationReceiveGbps({ linkGbps: 10, mtu: 1500, streams: 1, receivePath: 'vmq', packetsPerSecondPerCore: 5 })).toThrow(/packetsPerSecondPerCore/);
  });
});
