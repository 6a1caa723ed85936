import { describe, expect, it } from 'vitest';
import { experiments } from '../../../lib/experiments';

// The lesson-11 experiment: on a 2012 R2 host vNIC one migration is CPU-bound below the link at MTU 1500,
// SMB's extra connections do not help there (one core), and jumbo frames, vRSS with SMB, and RDMA do. The
// claim must fail when the assumption that makes it true is removed (a core fast enough to fill the link).

describe('network-design experiment', () => {
  it('is registered and holds with its defaults', () => {
    const result = experiments['network-design'].run();
    expect(result.holds).toBe(true);
    expect(result.measured.vmqTcp1500LimitedBy).toBe('cpu');
    expect(result.measured.vmqSmb1500Gbps).toBe(result.measured.vmqTcp1500Gbps);
    expect(result.measured.rdmaGbps as number).toBeGreaterThan(result.measured.vmqTcp1500Gbps as number);
    expect(result.measured.rdmaMigrationS as number).toBeLessThan(result.measured.vmqTcp1500MigrationS as number);
  });

  it('does not hold when one core can fill the link (the CPU ceiling is then not what limits)', () => {
    const result = experiments['network-design'].run({ memberGbps: 10, packetsPerSecondPerCore: 2_000_000 });
    expect(result.measured.vmqTcp1500LimitedBy).toBe('link');
    expect(result.holds).toBe(false);
  });

  it('refuses options outside its controls', () => {
    expect(() => experiments['network-design'].run({ memberGbps: 11 })).toThrow(/memberGbps/);
  });
});
