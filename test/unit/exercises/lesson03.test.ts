import { describe, expect, it } from 'vitest';
import type { Connection } from '../../../lib/Connection';
import { ephemeralPorts, windowsAddressHash, windowsMember } from '../../../lib/hashing';
import { expectRegistered, expectRight, expectWrong } from './exerciseAsserts';

// Lesson 3's exercise checks: the model's answer passes, a near miss fails. Expected values come from
// hand calculation (reference hash values, the 3:3:2 bucket split, inclusion-exclusion).

describe('lesson 3 exercises', () => {
  it('are registered for lesson 3', () => {
    expectRegistered(3, ['ex-03-1', 'ex-03-2', 'ex-03-3', 'ex-03-4', 'ex-03-5']);
  });

  it('ex-03-1: layer3+4 sends 10.0.0.1:49152 -> 10.0.0.2:445 on member 1 of 3', () => {
    // Because the x86 layer3+4 hash of this flow is 0x5f5fdfbf (derived in the reference sheet from
    // bond_main.c), and 0x5f5fdfbf = 1600118719 = 3 * 533372906 + 1.
    expect(0x5f5fdfbf % 3).toBe(1);
    expectRight('ex-03-1', 1);
    expectWrong('ex-03-1', 0, 2);
  });

  it('ex-03-2: two flows share one of two members with probability 1/2', () => {
    // Because the second flow matches the first one's member with probability 1/M.
    expectRight('ex-03-2', 0.5, '0.5');
    expectWrong('ex-03-2', 0.25);
  });

  it('ex-03-3: the smallest link of a three-link EtherChannel owns 2 of 8 buckets', () => {
    // Because Cisco shares 8 buckets 3:3:2 over three links.
    expectRight('ex-03-3', 0.25);
    expectWrong('ex-03-3', 3 / 8, 1 / 3);
  });

  it('ex-03-4: 13 flows are the first to fill four members with probability 0.9', () => {
    // By inclusion-exclusion, P(all 4 used | N) = 1 - 4(3/4)^N + 6(1/2)^N - 4(1/4)^N.
    const allUsed = (n: number) => 1 - 4 * 0.75 ** n + 6 * 0.5 ** n - 4 * 0.25 ** n;
    expect(allUsed(12)).toBeLessThan(0.9); // about 0.875
    expect(allUsed(13)).toBeGreaterThanOrEqual(0.9); // about 0.906
    expectRight('ex-03-4', 13);
    expectWrong('ex-03-4', 12, 14);
  });

  it('ex-03-5: accepts a port whose reply takes the other member, rejects one whose reply takes the same', () => {
    // The check must agree with the stand-in hash in both directions; search for one port of each kind.
    const member = (c: Connection) => windowsMember(windowsAddressHash(c, 'TransportPorts'), 2);
    const there = (srcPort: number): Connection => ({
      srcMac: '02:00:00:00:01:01', dstMac: '02:00:00:00:02:01',
      srcIp: '10.10.10.1', dstIp: '10.10.10.2', protocol: 'tcp', srcPort, dstPort: 6600,
    });
    const back = (srcPort: number): Connection => ({
      srcMac: '02:00:00:00:02:01', dstMac: '02:00:00:00:01:01',
      srcIp: '10.10.10.2', dstIp: '10.10.10.1', protocol: 'tcp', srcPort: 6600, dstPort: srcPort,
    });
    const ports = ephemeralPorts({ count: 64 });
    const split = ports.find((p) => member(there(p)) !== member(back(p)));
    const same = ports.find((p) => member(there(p)) === member(back(p)));
    expect(split).toBeDefined();
    expect(same).toBeDefined();
    expectRight('ex-03-5', split);
    expectWrong('ex-03-5', same, 443, undefined);
  });
});
