import { describe, expect, it } from 'vitest';
import { activeMembers } from '../../../lib/teaming';
import { team } from './fixtures';

describe('activeMembers(team)', () => {
  it('lists every active member that is up, in binding order, and leaves the standby idle', () => {
    // Claim: the standby carries nothing while all active members are up.
    const t = team('SwitchIndependent', 'TransportPorts', 3, { 2: { standby: true } });
    expect(activeMembers(t)).toEqual([0, 1]);
  });

  it('brings the standby in only when an active member is down', () => {
    // Because Windows documents that the standby "carries no traffic until an active member fails".
    const t = team('SwitchIndependent', 'TransportPorts', 3, { 1: { up: false }, 2: { standby: true } });
    expect(activeMembers(t)).toEqual([0, 2]);
  });

  it('hands a two-member active/standby team to the standby when the active member fails', () => {
    const healthy = team('SwitchIndependent', 'TransportPorts', 2, { 1: { standby: true } });
    const failed = team('SwitchIndependent', 'TransportPorts', 2, { 0: { up: false }, 1: { standby: true } });
    expect(activeMembers(healthy)).toEqual([0]);
    expect(activeMembers(failed)).toEqual([1]);
  });

  it('drops failed members, and is empty when nothing is up', () => {
    expect(activeMembers(team('Lacp', 'TransportPorts', 4, { 1: { up: false } }))).toEqual([0, 2, 3]);
    expect(activeMembers(team('Lacp', 'TransportPorts', 2, { 0: { up: false }, 1: { up: false } }))).toEqual([]);
    // A standby that is itself down cannot take over.
    expect(activeMembers(team('SwitchIndependent', 'IPAddresses', 2, { 0: { up: false }, 1: { standby: true, up: false } }))).toEqual([]);
  });

  it('reads a team that has not been validated, with the documented defaults', () => {
    const raw = {
      teamingMode: 'SwitchIndependent' as const,
      loadBalancingAlgorithm: 'HyperVPort' as const,
      members: [{ name: 'A', gbps: 10 }, { name: 'B', gbps: 10, standby: true }],
    };
    expect(activeMembers(raw)).toEqual([0]);
  });
});
