import { InputError } from '../InputError';
import type { Team } from './Team';

/**
 * The members that carry traffic right now, as indices into `team.members`, in binding order.
 *
 * - Every active (non-standby) member whose link is up carries traffic.
 * - The standby member (at most one) stays idle while all active members are up. When an active
 *   member is down, the standby, if up, joins in its place; it goes back to idle once every active
 *   member is restored. This is the documented Windows behaviour ("carries no traffic until an
 *   active member fails"), so in a two-member active/standby team the standby takes over only when
 *   the active member fails.
 *
 * Optional fields take their documented defaults (`standby` false, `up` true), so a team need not
 * have been through `validateTeam`. The result is empty when no member can carry traffic.
 *
 * @example activeMembers({ teamingMode: 'SwitchIndependent', loadBalancingAlgorithm: 'TransportPorts',
 *   members: [{ name: 'NIC1', gbps: 10 }, { name: 'NIC2', gbps: 10, standby: true }] }) // => [0]
 */
export function activeMembers(team: Team): number[] {
  const isUp = (i: number) => team.members[i].up !== false;
  const indices = team.members.map((_, i) => i);
  const active = indices.filter((i) => team.members[i].standby !== true);
  const activeUp = active.filter(isUp);
  const anActiveIsDown = activeUp.length < active.length;
  return indices.filter((i) => isUp(i) && (team.members[i].standby !== true || anActiveIsDown));
}

/**
 * `activeMembers`, refusing a team in which no member can carry traffic.
 *
 * @param field Name of the team in error messages. Default `team`.
 * @throws InputError when every member is down (or only a down standby is left).
 */
export function requireActiveMembers(team: Team, field = 'team'): number[] {
  const active = activeMembers(team);
  if (active.length === 0) {
    throw new InputError(`${field}.members`, team.members.map((m) => m.name), 'at least one member that is up');
  }
  return active;
}
