import { InputError } from '../InputError';
import { primaryMember } from './primaryMember';
import type { Team } from './Team';

/**
 * The team's MAC address: the primary member's own MAC. Peers resolve the team's IP address to it
 * (ARP), so it is the destination MAC of every frame sent to the team, and the source MAC the team
 * uses.
 *
 * @param field Name of the team in error messages. Default `team`.
 * @throws InputError when no member is up or the primary has no `mac` (run `validateTeam` first,
 *   which fills it in).
 */
export function teamMac(team: Team, field = 'team'): string {
  const primary = primaryMember(team, field);
  const mac = team.members[primary].mac;
  if (typeof mac !== 'string') {
    throw new InputError(`${field}.members[${primary}].mac`, mac, 'a MAC address (validateTeam fills in a default)');
  }
  return mac;
}
