import { InputError } from '../InputError';
import type { Team } from './Team';

/**
 * The primary member's index: the first active (non-standby) member, in binding order, whose link
 * is up. If every active member is down, the standby (if up) is the primary. The team's MAC address
 * is the primary's MAC, all ARP/NS leave on it, and in Switch Independent mode with Address Hash
 * every inbound frame arrives on it. When the primary fails, the next member up takes its role.
 *
 * @param field Name of the team in error messages. Default `team`.
 * @throws InputError when no member is up.
 */
export function primaryMember(team: Team, field = 'team'): number {
  const isUp = (i: number) => team.members[i].up !== false;
  const indices = team.members.map((_, i) => i);
  const active = indices.find((i) => team.members[i].standby !== true && isUp(i));
  if (active !== undefined) return active;
  const standby = indices.find((i) => team.members[i].standby === true && isUp(i));
  if (standby !== undefined) return standby;
  throw new InputError(`${field}.members`, team.members.map((m) => m.name), 'at least one member that is up');
}
