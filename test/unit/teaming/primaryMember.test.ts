import { describe, expect, it } from 'vitest';
import { primaryMember, teamMac } from '../../../lib/teaming';
import { team } from './fixtures';

describe('primaryMember(team)', () => {
  it('is the first active member that is up, and the team MAC is its MAC', () => {
    const t = team('SwitchIndependent', 'TransportPorts', 2);
    expect(primaryMember(t)).toBe(0);
    expect(teamMac(t)).toBe(t.members[0].mac);
  });

  it('moves to the next member when the primary fails, and the team MAC stays the primary member\'s', () => {
    // Microsoft, "NIC Teaming MAC address use and management": the temporary primary goes on sending with
    // the primary member's MAC, so peers' ARP caches stay right and inbound traffic still reaches the team.
    const t = team('SwitchIndependent', 'TransportPorts', 3, { 0: { up: false } });
    expect(primaryMember(t)).toBe(1);
    expect(teamMac(t)).toBe(t.members[0].mac);
    expect(teamMac(t)).toBe(teamMac(team('SwitchIndependent', 'TransportPorts', 3)));
  });

  it('skips a standby listed first, and falls back to it only when every active member is down', () => {
    const t = team('SwitchIndependent', 'TransportPorts', 3, { 0: { standby: true } });
    expect(primaryMember(t)).toBe(1);
    const allActiveDown = team('SwitchIndependent', 'TransportPorts', 3, { 0: { standby: true }, 1: { up: false }, 2: { up: false } });
    expect(primaryMember(allActiveDown)).toBe(0);
  });

  it('throws an InputError when no member is up', () => {
    const t = team('Static', 'TransportPorts', 2, { 0: { up: false }, 1: { up: false } });
    expect(() => primaryMember(t)).toThrow(/team\.members/);
  });
});
