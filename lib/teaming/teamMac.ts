import { InputError } from '../InputError';
import type { Team } from './Team';

/**
 * The team's MAC address: the MAC of the member that was primary when the team came up, the first active
 * (non-standby) member in binding order. Peers resolve the team's IP address to it (ARP), so it is the
 * destination MAC of every frame sent to the team, and the source MAC the team uses.
 *
 * It survives a failover: when the primary member fails, another member becomes the temporary primary
 * and goes on sending with the primary member's MAC, so peers' ARP caches stay right (Microsoft, "NIC
 * Teaming MAC address use and management"). So the result does not depend on which members are up.
 *
 * @param field Name of the team in error messages. Default `team`.
 * @throws InputError when the team has no member or the member has no `mac` (run `validateTeam` first,
 *   which fills it in).
 */
export function teamMac(team: Team, field = 'team'): string {
  const first = team.members.findIndex((member) => member.standby !== true);
  const primary = first >= 0 ? first : 0;
  if (team.members.length === 0) throw new InputError(`${field}.members`, [], 'at least one member');
  const mac = team.members[primary].mac;
  if (typeof mac !== 'string') {
    throw new InputError(`${field}.members[${primary}].mac`, mac, 'a MAC address (validateTeam fills in a default)');
  }
  return mac;
}
