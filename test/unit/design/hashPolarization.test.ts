import { describe, expect, it } from 'vitest';
import { hashPolarization } from '../../../lib/design';
import { ephemeralPorts } from '../../../lib/hashing';
import type { Connection } from '../../../lib/Connection';

// Polarization: with the same hash at both tiers, the flows reaching a second-tier switch all share the
// bucket bit that chose its link, so they all take the same onward link; hashing other fields at the second
// tier spreads them again.

const flows: Connection[] = [];
for (let host = 1; host <= 16; host++) {
  for (const srcPort of ephemeralPorts({ count: 4 })) {
    flows.push({ srcMac: '02:00:00:00:01:01', dstMac: '02:00:00:00:02:01', srcIp: `10.0.1.${host}`, dstIp: '10.0.2.1', protocol: 'tcp', srcPort, dstPort: 445 });
  }
}

describe('hashPolarization', () => {
  it('uses half of the second tier when both tiers hash src-dst-ip onto two links', () => {
    const same = hashPolarization({ flows, tier1Links: 2, tier2Links: 2, tier1LoadBalance: 'src-dst-ip', tier2LoadBalance: 'src-dst-ip' });
    expect(same.tier1FlowsPerLink).toEqual([32, 32]);
    expect(same.tier2LinksUsed).toBe(2);
    expect(same.tier2LinksAvailable).toBe(4);
    for (const links of same.tier2FlowsPerLink) expect(links.filter((n) => n > 0)).toHaveLength(1);
  });

  it('uses the whole second tier when it hashes ports instead', () => {
    const mixed = hashPolarization({ flows, tier1Links: 2, tier2Links: 2, tier1LoadBalance: 'src-dst-ip', tier2LoadBalance: 'src-dst-port' });
    expect(mixed.tier2LinksUsed).toBe(4);
  });

  it('refuses bad input, naming the field', () => {
    expect(() => hashPolarization({ flows: [], tier1Links: 2, tier2Links: 2, tier1LoadBalance: 'src-dst-ip', tier2LoadBalance: 'src-dst-ip' })).toThrow(/flows/);
    expect(() => hashPolarization({ flows, tier1Links: 9, tier2Links: 2, tier1LoadBalance: 'src-dst-ip', tier2LoadBalance: 'src-dst-ip' })).toThrow(/tier1Links/);
    expect(() => hashPolarization({ flows, tier1Links: 2, tier2Links: 2, tier1LoadBalance: 'src-dst-ip', tier2LoadBalance: 'l3' as never })).toThrow(/tier2LoadBalance/);
  });
});
