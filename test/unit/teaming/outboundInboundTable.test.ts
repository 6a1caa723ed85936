import { describe, expect, it } from 'vitest';
import { LOAD_BALANCING_ALGORITHMS, outboundInboundTable, TEAMING_MODES } from '../../../lib/teaming';

describe('outboundInboundTable()', () => {
  const rows = outboundInboundTable();

  it('has one row per teaming mode and algorithm (3 x 5)', () => {
    expect(rows).toHaveLength(15);
    const keys = new Set(rows.map((r) => `${r.teamingMode}/${r.loadBalancingAlgorithm}`));
    for (const mode of TEAMING_MODES) for (const algorithm of LOAD_BALANCING_ALGORITHMS) expect(keys.has(`${mode}/${algorithm}`)).toBe(true);
  });

  it('says "primary member only" exactly for Switch Independent with an Address Hash sub-mode', () => {
    // Because only there does the team advertise one MAC (the primary's) for all inbound traffic.
    const primaryOnly = rows.filter((r) => /primary member only/.test(r.inbound)).map((r) => r.loadBalancingAlgorithm);
    expect(primaryOnly.sort()).toEqual(['IPAddresses', 'MacAddresses', 'TransportPorts']);
    expect(rows.filter((r) => /primary/.test(r.inbound)).every((r) => r.teamingMode === 'SwitchIndependent')).toBe(true);
  });

  it("leaves inbound to the switch's hash for every Static and Lacp row", () => {
    const dependent = rows.filter((r) => r.teamingMode !== 'SwitchIndependent');
    expect(dependent).toHaveLength(10);
    expect(dependent.every((r) => /switch's LAG hash/.test(r.inbound))).toBe(true);
  });

  it('gives the same outbound rule in every mode, because the team alone decides what it sends', () => {
    for (const algorithm of LOAD_BALANCING_ALGORITHMS) {
      const texts = new Set(rows.filter((r) => r.loadBalancingAlgorithm === algorithm).map((r) => r.outbound));
      expect(texts.size).toBe(1);
    }
  });

  it('is plain JSON data', () => {
    expect(JSON.parse(JSON.stringify(rows))).toEqual(rows);
  });
});
