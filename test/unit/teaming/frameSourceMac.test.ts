import { describe, expect, it } from 'vitest';
import { frameSourceMac, teamMac } from '../../../lib/teaming';
import { team } from './fixtures';

// Microsoft, "NIC Teaming MAC address use and management": switch-dependent teams never rewrite the
// source MAC; Switch Independent teams with Address Hash send with the team MAC only on the (temporary)
// primary and rewrite it to the member's own MAC elsewhere; HyperVPort never rewrites.

describe('frameSourceMac(team, sendMemberIndex)', () => {
  it('Static and Lacp: the team MAC on every member', () => {
    for (const mode of ['Static', 'Lacp'] as const) {
      const t = team(mode, 'TransportPorts', 3);
      expect([0, 1, 2].map((m) => frameSourceMac(t, m))).toEqual([teamMac(t), teamMac(t), teamMac(t)]);
    }
  });

  it('Switch Independent + Address Hash: the team MAC on the primary, each other member its own', () => {
    const t = team('SwitchIndependent', 'TransportPorts', 3);
    expect([0, 1, 2].map((m) => frameSourceMac(t, m))).toEqual([teamMac(t), t.members[1].mac, t.members[2].mac]);
  });

  it('after the primary fails the temporary primary sends with the primary member\'s MAC', () => {
    const t = team('SwitchIndependent', 'TransportPorts', 3, { 0: { up: false } });
    expect(frameSourceMac(t, 1)).toBe(t.members[0].mac);
    expect(frameSourceMac(t, 2)).toBe(t.members[2].mac);
  });

  it('Switch Independent + HyperVPort: nothing is rewritten', () => {
    const t = team('SwitchIndependent', 'HyperVPort', 2);
    expect(frameSourceMac(t, 1)).toBe(teamMac(t));
  });

  it('refuses an index that is not a member', () => {
    expect(() => frameSourceMac(team('Lacp', 'TransportPorts', 2), 2)).toThrow(/^sendMemberIndex: /);
  });
});
