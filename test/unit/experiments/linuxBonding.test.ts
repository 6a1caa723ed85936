import { describe, expect, it } from 'vitest';
import { experiments, linuxBonding } from '../../../lib/experiments';
import { BOND_MODES } from '../../../lib/teaming';

// The linux-bonding experiment: the two-host drain with Linux bonds, one row per bonding mode.

describe('linuxBonding.run(options)', () => {
  it('holds with its defaults (layer3+4, switch src-dst-port): rr, xor, broadcast and 802.3ad use both members each way, balance-tlb sends on both', () => {
    const result = linuxBonding.run();
    expect(result.holds).toBe(true);
    expect(result.data.map((r) => r.mode)).toEqual([...BOND_MODES]);
    const row = (mode: string) => result.data.find((r) => r.mode === mode)!;
    for (const mode of ['balance-rr', 'balance-xor', 'broadcast', '802.3ad']) {
      expect([row(mode).sendMembers, row(mode).receiveMembers], mode).toEqual([2, 2]);
    }
    // One peer: these modes keep everything on one member each way.
    for (const mode of ['active-backup', 'balance-alb']) {
      expect([row(mode).sendMembers, row(mode).receiveMembers], mode).toEqual([1, 1]);
    }
    // balance-tlb hashes layer3+4 into 256 buckets and gives each new bucket the least-loaded member
    // (bond_alb.c), so even between two hosts its connections spread; it receives on its active member.
    expect([row('balance-tlb').sendMembers, row('balance-tlb').receiveMembers]).toEqual([2, 1]);
    // broadcast keeps every member busy with copies but is not listed as using all members.
    expect(result.measured.modesUsingAllMembersBothWays).not.toContain('broadcast');
    // broadcast copies every byte to both members: it sends twice what 802.3ad sends for the same drain... give
    // or take the dirtying during its longer (receive-bound) run, so compare with a margin.
    expect(row('broadcast').sentGB).toBeGreaterThan(1.9 * row('802.3ad').sentGB);
    expect(typeof result.measured.balanceRrOneStreamMembersWorth).toBe('number');
    expect(experiments['linux-bonding']).toBe(linuxBonding);
  });

  it('with layer2 (the kernel default) balance-xor and 802.3ad send every connection between two hosts on one member', () => {
    // Because layer2 hashes only the MACs' last bytes, the same for every connection between the two hosts.
    const result = linuxBonding.run({ xmitHashPolicy: 'layer2' });
    expect(result.holds).toBe(true);
    expect(result.measured['balance-xorSendMembers']).toBe(1);
    expect(result.measured['802.3adSendMembers']).toBe(1);
  });

  it('with a switch hashing IP addresses only, the receive side of the bundled modes collapses to one member', () => {
    const result = linuxBonding.run({ switchLoadBalance: 'src-dst-ip' });
    expect(result.holds).toBe(true);
    expect(result.measured['balance-rrReceiveMembers']).toBe(1);
    expect(result.measured['balance-rrSendMembers']).toBe(2);
  });
});
