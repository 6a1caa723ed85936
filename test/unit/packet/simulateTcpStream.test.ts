import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { simulateTcpStream, sprayingCalibration, type TcpStreamOptions } from '../../../lib/packet';
import { InputError } from '../../../lib/InputError';

describe('simulateTcpStream', () => {
  it('simulateTcpStream({ one member, no loss }) reaches line rate less header overhead after slow start', () => {
    // Claim: one connection on one idle 1 Gbps member fills it once slow start is done.
    // Setup: one member, unlimited queue (no drops), 0.3 s with the first 0.05 s left out.
    // Expectation: goodput = 1 Gbps × 1448/1500 = 0.965333 Gbps within 0.5 %, because every 1500-byte packet
    // carries 1448 application bytes and the member is never idle once cwnd exceeds the path's
    // bandwidth-delay product (about 9 packets here); with no drop there is no retransmission.
    const result = simulateTcpStream({ members: [{ gbps: 1 }], durationS: 0.3, warmupS: 0.05 });
    expect(result.goodputGbps).toBeGreaterThan(0.965333 * 0.995);
    expect(result.goodputGbps).toBeLessThanOrEqual(0.965333 * 1.0001);
    expect(result.retransmits).toBe(0);
    expect(result.drops).toBe(0);
  });

  it('simulateTcpStream({ bytes }) counts the run until the last byte is delivered', () => {
    // Claim: a bytes run ends when everything is delivered and reports it all.
    // Expectation: 1,448,000 bytes = exactly 1000 segments, so deliveredBytes equals bytes, and the time is at
    // least 1000 packets × 12 µs of serialization (1500 B at 1 Gbps) = 12 ms, because the member is the bottleneck.
    const result = simulateTcpStream({ members: [{ gbps: 1 }], bytes: 1_448_000 });
    expect(result.completed).toBe(true);
    expect(result.deliveredBytes).toBe(1_448_000);
    expect(result.segmentsSent).toBe(1000);
    expect(result.durationS).toBeGreaterThanOrEqual(0.012);
  });

  it('simulateTcpStream({ scheduling: perFlow }) never reorders, however the members differ', () => {
    // Claim: a team that keeps the connection on one member cannot reorder it (finding 8's remedy).
    // Setup: 4 members with different extra delays and random jitter, per-flow scheduling.
    // Expectation: no reordered arrival and no retransmission, because every packet crosses member 0, a FIFO
    // queue that keeps order even with jitter.
    const result = simulateTcpStream({
      members: [{ gbps: 1 }, { gbps: 10, extraDelayUs: 5 }, { gbps: 1, extraDelayUs: 40 }, { gbps: 2, extraDelayUs: 90 }],
      scheduling: 'perFlow',
      jitterUs: 30,
      bytes: 10e6,
    });
    expect(result.reorderedArrivals).toBe(0);
    expect(result.retransmits).toBe(0);
    expect(result.spuriousRetransmits).toBe(0);
  });

  it('simulateTcpStream({ roundRobin, unequal delays }) reorders and triggers spurious fast retransmits: more with dupack 2, fewer with rack', () => {
    // Claim: spraying one connection over members with different delays reorders it, and duplicate-ACK loss
    // detection mistakes the reordering for loss; RACK's time window mostly does not.
    // Setup: 4 × 1 Gbps members with extra delays 0, 10, 20, 30 µs, round robin, 20 MB, no queue limit.
    // Expectations:
    // - reordered arrivals in every mode, because a packet on the 30 µs member is overtaken by up to
    //   30 µs / 12 µs ≈ 2.5 packet times' worth of packets from each faster member;
    // - every retransmission is spurious, because with no queue limit nothing is ever dropped;
    // - threshold 2 fires more fast retransmits than threshold 3, because fewer overtaking packets suffice;
    // - RACK fires fewer than threshold 3, because a packet is declared lost only after min_RTT/4 (≈ 30 µs)
    //   beyond the RTT of a later delivered one, longer than most overtakes.
    const base: TcpStreamOptions = {
      members: [0, 10, 20, 30].map((extraDelayUs) => ({ gbps: 1, extraDelayUs })),
      scheduling: 'roundRobin',
      bytes: 20e6,
    };
    const dupack3 = simulateTcpStream({ ...base, lossDetection: 'dupack', dupAckThreshold: 3 });
    const dupack2 = simulateTcpStream({ ...base, lossDetection: 'dupack', dupAckThreshold: 2 });
    const rack = simulateTcpStream({ ...base, lossDetection: 'rack' });
    for (const result of [dupack3, dupack2, rack]) {
      expect(result.drops).toBe(0);
      expect(result.reorderedArrivals).toBeGreaterThan(0);
      expect(result.spuriousRetransmits).toBe(result.retransmits);
      expect(result.duplicateDeliveries).toBe(0);
    }
    expect(dupack3.fastRetransmits).toBeGreaterThan(0);
    expect(dupack3.spuriousRetransmits).toBeGreaterThan(0);
    expect(dupack2.fastRetransmits).toBeGreaterThan(dupack3.fastRetransmits);
    expect(dupack2.spuriousRetransmits).toBeGreaterThan(dupack3.spuriousRetransmits);
    expect(rack.fastRetransmits).toBeLessThan(dupack3.fastRetransmits);
    expect(rack.spuriousRetransmits).toBeLessThan(dupack3.spuriousRetransmits);
    expect(rack.goodputGbps).toBeGreaterThan(dupack3.goodputGbps);
  });

  it('simulateTcpStream({ small buffer }) still delivers every byte: retransmission repairs the drops', () => {
    // Claim: real loss is repaired, in both detection modes.
    // Setup: one 1 Gbps member whose queue holds 4 packets, far below the window slow start reaches.
    // Expectations: drops happen; all 3 MB arrive; retransmits ≥ drops, because every dropped copy of a
    // segment must be followed by another copy of it for the segment to arrive.
    for (const lossDetection of ['dupack', 'rack'] as const) {
      const result = simulateTcpStream({ members: [{ gbps: 1 }], bufferPackets: 4, bytes: 3e6, lossDetection });
      expect(result.drops).toBeGreaterThan(0);
      expect(result.completed).toBe(true);
      expect(result.deliveredBytes).toBe(3e6);
      expect(result.retransmits).toBeGreaterThanOrEqual(result.drops);
      expect(result.duplicateDeliveries).toBe(0);
    }
  });

  it('simulateTcpStream never hands the application a segment twice and always finishes (property)', () => {
    // Claim: whatever the members, delays, queue limits, scheduling and detector, the receiver delivers each
    // byte exactly once and the sender gets everything across.
    // Expectation: duplicateDeliveries = 0 and deliveredBytes = bytes in every run, because the receiver
    // delivers only at its in-order edge and retransmission repairs every drop.
    fc.assert(
      fc.property(
        fc.array(fc.record({ gbps: fc.constantFrom(1, 2.5, 10), extraDelayUs: fc.integer({ min: 0, max: 80 }) }), { minLength: 1, maxLength: 4 }),
        fc.constantFrom('perFlow' as const, 'roundRobin' as const),
        fc.constantFrom<[ 'dupack' | 'rack', number ]>(['dupack', 3], ['dupack', 2], ['rack', 3]),
        fc.integer({ min: 2, max: 40 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.boolean(),
        (members, scheduling, [lossDetection, dupAckThreshold], bufferPackets, jitterUs, seed, delayedAck) => {
          const bytes = 400_000;
          const result = simulateTcpStream({ members, scheduling, lossDetection, dupAckThreshold, bufferPackets, jitterUs, seed, delayedAck, bytes });
          expect(result.duplicateDeliveries).toBe(0);
          expect(result.completed).toBe(true);
          expect(result.deliveredBytes).toBe(bytes);
        },
      ),
      { numRuns: 60, seed: 7 },
    );
  });

  it('simulateTcpStream gives the same result for the same seed', () => {
    // Claim: runs are deterministic; randomness only comes from the seed.
    // Expectation: equal results for equal options; a different seed draws other jitter, so the count of
    // reordered arrivals (thousands here) changes.
    const options: TcpStreamOptions = { members: [{ gbps: 1 }, { gbps: 1 }, { gbps: 1 }], scheduling: 'roundRobin', jitterUs: 20, bytes: 5e6, seed: 11 };
    const first = simulateTcpStream(options);
    expect(simulateTcpStream(options)).toEqual(first);
    expect(simulateTcpStream({ ...options, seed: 12 }).reorderedArrivals).not.toBe(first.reorderedArrivals);
  });

  it('simulateTcpStream({ calibrated round robin over 4 members }) lands above 1 member but well below 4', () => {
    // Claim: in our default calibration, spraying one stream over 4 members helps, but far less than 4×.
    // Setup: sprayingCalibration (4 × 1 Gbps, 16 µs per-packet spread), round robin, NewReno threshold 3.
    // Expectation: between 1.2 and 3.2 members' worth (one member's worth = 0.965333 Gbps), because spurious
    // fast retransmits both halve the window and spend capacity on copies the receiver already has.
    const memberWorth = (sprayingCalibration.memberGbps * 1448) / 1500;
    const result = simulateTcpStream({
      members: Array.from({ length: 4 }, () => ({ gbps: sprayingCalibration.memberGbps })),
      baseDelayUs: sprayingCalibration.baseDelayUs,
      jitterUs: sprayingCalibration.delaySpreadUs,
      scheduling: 'roundRobin',
      durationS: 0.3,
      warmupS: 0.05,
    });
    const worth = result.goodputGbps / memberWorth;
    expect(worth).toBeGreaterThan(1.2);
    expect(worth).toBeLessThan(3.2);
    expect(result.spuriousRetransmits).toBeGreaterThan(0);
  });

  it('simulateTcpStream({ delayedAck }) sends one ACK per two in-order segments', () => {
    // Claim: with delayed ACKs and no reordering, the receiver acknowledges every second segment (RFC 1122).
    // Setup: one member, 2000 segments (2,896,000 bytes), no loss.
    // Expectation: ACKs = packetsSimulated − segmentsSent = 1000, because 2000 in-order segments pair up exactly.
    const result = simulateTcpStream({ members: [{ gbps: 1 }], bytes: 2_896_000, delayedAck: true });
    expect(result.segmentsSent).toBe(2000);
    expect(result.packetsSimulated - result.segmentsSent).toBe(1000);
  });

  it('simulateTcpStream keeps cwndTrace within maxTracePoints', () => {
    // Expectation: at most 50 samples however long the run, because the trace halves itself when full.
    const result = simulateTcpStream({ members: [{ gbps: 1 }], durationS: 0.2, maxTracePoints: 50 });
    expect(result.cwndTrace.length).toBeGreaterThan(10);
    expect(result.cwndTrace.length).toBeLessThanOrEqual(50);
  });

  it('simulateTcpStream rejects bad input with InputError', () => {
    // Expectation: the field named in each error, because the CLI and pages show it to the user.
    const cases: [TcpStreamOptions, string][] = [
      [{ members: [{ gbps: -1 }], bytes: 1000 }, 'members[0].gbps'],
      [{ members: [], bytes: 1000 }, 'members'],
      [{ members: [{ gbps: 1 }], bytes: 1000, durationS: 1 }, 'bytes'],
      [{ members: [{ gbps: 1 }], bytes: 1000, scheduling: 'spray' as never }, 'scheduling'],
      [{ members: [{ gbps: 1 }], bytes: 1000, dupAckThreshold: 0 }, 'dupAckThreshold'],
      [{ members: [{ gbps: 1 }], bytes: 1000, bufferPackets: 0 }, 'bufferPackets'],
      [{ members: [{ gbps: 1 }], bytes: 1000, jitterUs: Number.NaN }, 'jitterUs'],
    ];
    for (const [options, field] of cases) {
      expect(() => simulateTcpStream(options)).toThrow(InputError);
      try {
        simulateTcpStream(options);
      } catch (error) {
        expect((error as InputError).field).toBe(field);
      }
    }
  });
});
