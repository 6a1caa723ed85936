import { describe, expect, it } from 'vitest';
import { MAX_SET_MEMBERS, checkSetTeam, validateTeam } from '../../../lib/teaming';
import { inputError } from './inputError';

// Switch Embedded Teaming (Windows Server 2016+) accepts fewer configurations than LBFO: switch independent
// only, HyperVPort or Dynamic only, no standby, 1 to 8 identical members (reference §1.6). Each rule is
// checked on its own, with the field it must name.

const members = (count: number, gbps = 10) => Array.from({ length: count }, (_, i) => ({ name: `NIC${i + 1}`, gbps }));
const set = (overrides: Record<string, unknown> = {}) => ({
  kind: 'SET',
  teamingMode: 'SwitchIndependent',
  loadBalancingAlgorithm: 'Dynamic',
  members: members(2),
  ...overrides,
});

describe('validateTeam with kind SET (checkSetTeam)', () => {
  it('accepts a switch-independent SET team with HyperVPort or Dynamic and keeps its kind', () => {
    for (const loadBalancingAlgorithm of ['HyperVPort', 'Dynamic']) {
      expect(validateTeam(set({ loadBalancingAlgorithm })).kind).toBe('SET');
    }
    // 1 and 8 members are the bounds Windows allows.
    expect(validateTeam(set({ members: members(1) })).members).toHaveLength(1);
    expect(validateTeam(set({ members: members(MAX_SET_MEMBERS) })).members).toHaveLength(8);
  });

  it('refuses Static and LACP, because SET is switch independent only', () => {
    for (const teamingMode of ['Static', 'Lacp']) {
      const error = inputError(() => validateTeam(set({ teamingMode }), 'hosts[0].team'), 'hosts[0].team.teamingMode');
      expect(error.allowed).toContain('SwitchIndependent');
    }
  });

  it('refuses the Address Hash algorithms, because SET offers only HyperVPort and Dynamic', () => {
    for (const loadBalancingAlgorithm of ['TransportPorts', 'IPAddresses', 'MacAddresses']) {
      inputError(() => validateTeam(set({ loadBalancingAlgorithm })), 'team.loadBalancingAlgorithm');
    }
  });

  it('refuses a standby member, because every SET member is active', () => {
    const withStandby = members(3).map((m, i) => (i === 2 ? { ...m, standby: true } : m));
    inputError(() => validateTeam(set({ members: withStandby })), 'team.members[2].standby');
  });

  it('refuses 9 members (SET takes at most 8) and members of different speeds (they must be identical)', () => {
    inputError(() => validateTeam(set({ members: members(9) })), 'team.members');
    const mixed = [{ name: 'NIC1', gbps: 10 }, { name: 'NIC2', gbps: 25 }];
    const error = inputError(() => validateTeam(set({ members: mixed })), 'team.members[1].gbps');
    expect(error.value).toBe(25);
  });

  it('refuses an unknown kind, and leaves LBFO teams as they were (no kind added)', () => {
    inputError(() => validateTeam(set({ kind: 'NetAdapterTeam' })), 'team.kind');
    const lbfo = validateTeam({ teamingMode: 'Lacp', loadBalancingAlgorithm: 'TransportPorts', members: members(2) });
    expect(lbfo).not.toHaveProperty('kind');
    // Explicit LBFO keeps the LBFO rules: Static with Address Hash and a standby member is fine there.
    const explicit = validateTeam({ kind: 'LBFO', teamingMode: 'SwitchIndependent', loadBalancingAlgorithm: 'TransportPorts', members: [{ name: 'A', gbps: 10 }, { name: 'B', gbps: 1, standby: true }] });
    expect(explicit.kind).toBe('LBFO');
  });

  it('checkSetTeam can be called on a team built in code', () => {
    expect(() => checkSetTeam({ teamingMode: 'SwitchIndependent', loadBalancingAlgorithm: 'HyperVPort', members: members(4) })).not.toThrow();
    inputError(() => checkSetTeam({ teamingMode: 'Lacp', loadBalancingAlgorithm: 'HyperVPort', members: members(4) }, 'x'), 'x.teamingMode');
  });
});
