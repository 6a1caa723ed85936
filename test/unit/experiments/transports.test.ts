import { describe, expect, it } from 'vitest';
import { experiments, transports } from '../../../lib/experiments';
import type { TransportsRow } from '../../../lib/experiments';
import { InputError } from '../../../lib/InputError';
import { makeDraw } from '../../../lib/ensemble';
import { precopyModel } from '../../../lib/migration';

// The transports experiment: the article's lab (LACP, Address Hash, 2 members, switch src-dst-port), VMs
// of 8 GiB dirtying 50 MB/s, drained from HV1 with TCP, Compression, SMB and SMB Direct, on 1 and 10 Gbps
// members. One VM alone is one migration with the link (or the CPU) to itself, so its drain time is the
// closed-form pre-copy model at its rate B, plus setup 1 s and resume 0.05 s.

const GiB = 2 ** 30;

/** Closed-form drain of one 8 GiB VM dirtying 50 MB/s at `gbps` Gbps of memory. */
function oneVmDrainS(gbps: number): number {
  const model = precopyModel({ memoryBytes: 8 * GiB, dirtyBytesPerS: 50e6, bandwidthBytesPerS: (gbps * 1e9) / 8, stopThresholdBytes: 30e6, maxRounds: 5 });
  return 1 + model.totalS + 0.05;
}

const row = (rows: TransportsRow[], memberGbps: number, vms: number, transport: TransportsRow['transport']) =>
  rows.find((r) => r.memberGbps === memberGbps && r.vms === vms && r.transport === transport) as TransportsRow;

describe('transports.run(options)', () => {
  // Microsoft's test key on both hosts and consecutive ports from 49152: a draw whose four SMB connections
  // land two per member each way, so the closed forms below apply. How often a random key does this is
  // the ensemble's business (the observation's probability).
  const testKey = makeDraw(0, { addressHash: 'toeplitz-test-key', drawFirstPort: false });
  const result = transports.run({}, testKey);

  it('holds with its defaults: SMB spreads one VM over both members, compression pays on 1 Gbps and not on 10 Gbps', () => {
    expect(result.id).toBe('transports');
    expect(result.holds).toBe(true);
    expect(result.observation?.appeared).toBe(true);
    expect(result.measured).toMatchObject({ oneVmTcpSendMembers: 1, oneVmCompressionSendMembers: 1, oneVmSmbSendMembers: 2, oneVmSmbReceiveMembers: 2 });
    expect(result.measured.oneVmSmbPeakSendGbps).toBeCloseTo(20, 9);
    expect(result.measured.compressionSpeedup10Gbps).toBeCloseTo(1, 9);
    expect(result.measured.compressionSpeedup1Gbps as number).toBeGreaterThan(2);
  });

  it('one VM alone drains as the closed form says for its rate under each transport', () => {
    // Because one VM alone gets: TCP one member (B = member speed); Compression min(member x 2, 10 Gbps of CPU);
    // SMB 4 connections two per member (2 x member speed); SMB Direct the RDMA links at the members' sum.
    const rows = result.data;
    expect(row(rows, 10, 1, 'TCP').drainS).toBeCloseTo(oneVmDrainS(10), 6);
    expect(row(rows, 10, 1, 'Compression').drainS).toBeCloseTo(oneVmDrainS(10), 6);
    expect(row(rows, 10, 1, 'SMB').drainS).toBeCloseTo(oneVmDrainS(20), 6);
    expect(row(rows, 10, 1, 'SMB Direct').drainS).toBeCloseTo(oneVmDrainS(20), 6);
    expect(row(rows, 1, 1, 'TCP').drainS).toBeCloseTo(oneVmDrainS(1), 6);
    expect(row(rows, 1, 1, 'Compression').drainS).toBeCloseTo(oneVmDrainS(2), 6);
    // Compression halves the wire bytes of every pass; at 10 Gbps its passes are TCP's, so exactly half.
    expect(row(rows, 10, 1, 'Compression').sentGB / row(rows, 10, 1, 'TCP').sentGB).toBeCloseTo(0.5, 9);
    expect(row(rows, 10, 1, 'SMB Direct').sendMembers).toBe(0);
  });

  it('with a CPU fast enough for 10 Gbps links, compression pays there too and the claim no longer holds', () => {
    // Because at 40 Gbps of CPU a migration moves min(10 x 2, 40) = 20 Gbps of memory on a 10 Gbps member.
    const fast = transports.run({ compressionGbps: 40 });
    expect(fast.measured.compressionSpeedup10Gbps as number).toBeGreaterThan(1.5);
    expect(fast.holds).toBe(false);
  });

  it('runs one VM alone, draws one bar group per drain and one series per transport, and is registered', () => {
    expect(result.figure.data.filter((trace) => trace.type === 'bar').map((trace) => trace.name)).toEqual(['TCP (time / TCP\'s)', 'Compression (time / TCP\'s)', 'SMB (time / TCP\'s)', 'SMB Direct (time / TCP\'s)']);
    expect(result.figure.data[0].x).toEqual(['1 VM, 2 x 1 Gbps', '4 VMs, 2 x 1 Gbps', '1 VM, 2 x 10 Gbps', '4 VMs, 2 x 10 Gbps']);
    expect(result.figure.data[0].y).toEqual([1, 1, 1, 1]);
    const single = transports.run({ vms: 1 });
    expect(single.data).toHaveLength(8);
    expect(single.holds).toBe(true);
    expect(experiments.transports).toBe(transports);
  });

  it('refuses options outside its controls', () => {
    expect(() => transports.run({ compressionRatio: 0.5 })).toThrow(InputError);
    expect(() => transports.run({ smbConnectionsPerInterface: 0 })).toThrow(InputError);
    expect(() => transports.run({ transport: 'SMB' } as never)).toThrow(InputError);
  });
});
