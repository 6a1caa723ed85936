import { describe, expect, it } from 'vitest';
import { validateTeam } from '../../../lib/teaming';
import { InputError } from '../../../lib/InputError';

/** Runs `action`, expecting an InputError on `field`; returns it so the test can check value and wording. */
function inputError(action: () => unknown, field: string): InputError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).field).toBe(field);
    return error as InputError;
  }
  throw new Error(`expected an InputError on ${field}, but nothing was thrown`);
}

/** A valid two-member team, as in the article (2 x 10 Gbps). */
function team(overrides: Record<string, unknown> = {}) {
  return {
    teamingMode: 'Lacp',
    loadBalancingAlgorithm: 'TransportPorts',
    members: [
      { name: 'NIC1', gbps: 10 },
      { name: 'NIC2', gbps: 10 },
    ],
    ...overrides,
  };
}

describe('validateTeam(team, field, options)', () => {
  it('fills member defaults: active, up, and a derived locally administered MAC', () => {
    // Claim: absent optional member fields get their documented defaults (TeamMember doc comments).
    // Expectations: standby false, up true; MACs 02:00:00:HH:HH:MM with HHHH = host 1, MM = position 1, 2.
    const result = validateTeam(team());
    expect(result).toEqual({
      teamingMode: 'Lacp',
      loadBalancingAlgorithm: 'TransportPorts',
      members: [
        { name: 'NIC1', gbps: 10, standby: false, up: true, mac: '02:00:00:00:01:01' },
        { name: 'NIC2', gbps: 10, standby: false, up: true, mac: '02:00:00:00:01:02' },
      ],
    });
  });

  it('derives different MACs for the same member position on different hosts', () => {
    // Because the host index is part of the derived address (host 2 -> bytes 00:02), two hosts never share a MAC.
    const first = validateTeam(team(), 'team', { hostIndex: 0 });
    const second = validateTeam(team(), 'team', { hostIndex: 1 });
    expect(second.members[1].mac).toBe('02:00:00:00:02:02');
    expect(second.members[0].mac).not.toBe(first.members[0].mac);
    // 256 hosts: host number 257 = 0x0101 spreads over two bytes.
    expect(validateTeam(team(), 'team', { hostIndex: 256 }).members[0].mac).toBe('02:00:00:01:01:01');
  });

  it('keeps given values and does not change its input', () => {
    const input = team({
      teamingMode: 'SwitchIndependent',
      members: [
        { name: 'NIC1', gbps: 10, mac: '00-15-5D-01-02-03' },
        { name: 'NIC2', gbps: 10, standby: true, up: false },
      ],
    });
    const copy = JSON.parse(JSON.stringify(input));
    const result = validateTeam(input);
    expect(result.members[0].mac).toBe('00-15-5D-01-02-03');
    expect(result.members[1]).toMatchObject({ standby: true, up: false });
    expect(input).toEqual(copy);
  });

  // Microsoft's cmdlets state no restriction on a standby member in a Static or Lacp team; a third-party guide says the
  // GUI offers standby only in Switch Independent mode. Unverified, so both readings are available.
  it('accepts a standby member in a Static or Lacp team by default, and refuses it with standbyInSwitchDependent: refuse', () => {
    const withStandby = (teamingMode: string) => team({ teamingMode, members: [{ name: 'NIC1', gbps: 10 }, { name: 'NIC2', gbps: 10, standby: true }] });
    for (const mode of ['Static', 'Lacp']) {
      expect(validateTeam(withStandby(mode)).members[1].standby).toBe(true);
      const error = inputError(() => validateTeam(withStandby(mode), 'team', { standbyInSwitchDependent: 'refuse' }), 'team.members[1].standby');
      expect(error.message).toContain(mode);
    }
    expect(validateTeam(withStandby('SwitchIndependent'), 'team', { standbyInSwitchDependent: 'refuse' }).members[1].standby).toBe(true);
  });

  it('accepts every PowerShell TeamingMode and LoadBalancingAlgorithm value', () => {
    for (const teamingMode of ['SwitchIndependent', 'Static', 'Lacp']) {
      for (const loadBalancingAlgorithm of ['TransportPorts', 'IPAddresses', 'MacAddresses', 'HyperVPort', 'Dynamic']) {
        expect(validateTeam(team({ teamingMode, loadBalancingAlgorithm })).teamingMode).toBe(teamingMode);
      }
    }
  });

  it('rejects an unknown teaming mode, listing the PowerShell values', () => {
    const error = inputError(() => validateTeam(team({ teamingMode: 'LACP' })), 'team.teamingMode');
    expect(error.message).toBe('team.teamingMode: got "LACP"; expected one of SwitchIndependent, Static, Lacp');
  });

  it('rejects an unknown load-balancing algorithm', () => {
    const error = inputError(() => validateTeam(team({ loadBalancingAlgorithm: 'AddressHash' })), 'team.loadBalancingAlgorithm');
    expect(error.allowed).toBe('one of TransportPorts, IPAddresses, MacAddresses, HyperVPort, Dynamic');
  });

  it('takes 1 to 32 members', () => {
    // Because Windows Server 2012 NIC Teaming allows 1 to 32 physical NICs per team.
    const members = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `NIC${i + 1}`, gbps: 1 }));
    expect(validateTeam(team({ members: members(1) })).members).toHaveLength(1);
    expect(validateTeam(team({ members: members(32) })).members).toHaveLength(32);
    inputError(() => validateTeam(team({ members: [] })), 'team.members');
    inputError(() => validateTeam(team({ members: members(33) })), 'team.members');
    inputError(() => validateTeam(team({ members: undefined })), 'team.members');
  });

  it('rejects a zero, negative, non-finite or textual speed, naming the member', () => {
    for (const gbps of [0, -10, Number.NaN, Number.POSITIVE_INFINITY, '10']) {
      const error = inputError(
        () => validateTeam(team({ members: [{ name: 'NIC1', gbps }] }), 'hosts[1].team'),
        'hosts[1].team.members[0].gbps',
      );
      expect(error.allowed).toBe('a number greater than 0 and at most 10000');
    }
  });

  it('rejects two members with the same name', () => {
    const error = inputError(
      () => validateTeam(team({ members: [{ name: 'NIC1', gbps: 10 }, { name: 'NIC1', gbps: 10 }] })),
      'team.members[1].name',
    );
    expect(error.value).toBe('NIC1');
    expect(error.allowed).toContain('team.members[0]');
  });

  it('rejects an empty member name', () => {
    inputError(() => validateTeam(team({ members: [{ name: '', gbps: 10 }] })), 'team.members[0].name');
  });

  it('rejects a second standby member', () => {
    // Because a Windows team has "None (all active)" or exactly one standby member.
    const members = [
      { name: 'NIC1', gbps: 10 },
      { name: 'NIC2', gbps: 10, standby: true },
      { name: 'NIC3', gbps: 10, standby: true },
    ];
    const error = inputError(() => validateTeam(team({ members })), 'team.members[2].standby');
    expect(error.value).toBe(true);
    expect(error.allowed).toContain('at most one standby member');
  });

  it('rejects a team whose only member is standby', () => {
    // Because nothing would ever carry traffic: a standby member waits for an active one to fail.
    inputError(() => validateTeam(team({ members: [{ name: 'NIC1', gbps: 10, standby: true }] })), 'team.members[0].standby');
  });

  it('rejects non-boolean standby and up', () => {
    inputError(() => validateTeam(team({ members: [{ name: 'NIC1', gbps: 10, standby: 'yes' }] })), 'team.members[0].standby');
    inputError(() => validateTeam(team({ members: [{ name: 'NIC1', gbps: 10, up: 1 }] })), 'team.members[0].up');
  });

  it('rejects a malformed MAC and two members with the same MAC (in any spelling)', () => {
    inputError(() => validateTeam(team({ members: [{ name: 'NIC1', gbps: 10, mac: '00:15:5d:01:02' }] })), 'team.members[0].mac');
    const members = [
      { name: 'NIC1', gbps: 10, mac: '00:15:5d:01:02:0a' },
      { name: 'NIC2', gbps: 10, mac: '00-15-5D-01-02-0A' },
    ];
    const error = inputError(() => validateTeam(team({ members })), 'team.members[1].mac');
    expect(error.value).toBe('00-15-5D-01-02-0A');
  });

  it('names unknown keys, suggesting the field that was probably meant', () => {
    const error = inputError(() => validateTeam(team({ members: [{ name: 'NIC1', gbps: 10, standyb: true }] })), 'team.members[0].standyb');
    expect(error.allowed).toContain('did you mean standby?');
    inputError(() => validateTeam(team({ mode: 'Lacp' })), 'team.mode');
  });

  it("keeps addressHash when given and leaves it absent otherwise, so default outputs do not change", () => {
    expect(validateTeam(team({ addressHash: 'mixed' })).addressHash).toBe('mixed');
    expect(validateTeam(team({ addressHash: 'toeplitz' })).addressHash).toBe('toeplitz');
    expect('addressHash' in validateTeam(team())).toBe(false);
    expect(validateTeam(team({ kind: 'LBFO', addressHash: 'mixed' }))).toMatchObject({ kind: 'LBFO', addressHash: 'mixed' });
  });

  it('rejects an unknown addressHash, naming the field and both stand-ins', () => {
    const error = inputError(() => validateTeam(team({ addressHash: 'crc32' }), 'hosts[1].team'), 'hosts[1].team.addressHash');
    expect(error.value).toBe('crc32');
    expect(error.allowed).toContain('toeplitz');
    expect(error.allowed).toContain('mixed');
    inputError(() => validateTeam(team({ addressHash: null })), 'team.addressHash');
  });

  it('rejects a team that is not an object', () => {
    inputError(() => validateTeam(null, 'hosts[0].team'), 'hosts[0].team');
    inputError(() => validateTeam([team()]), 'team');
  });
});
