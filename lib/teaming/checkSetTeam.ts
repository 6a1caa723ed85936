import { InputError } from '../InputError';
import { childField, itemField } from '../fieldChecks';
import { MAX_SET_MEMBERS } from './Team';
import type { Team } from './Team';

/**
 * Refuses a Switch Embedded Teaming (SET) configuration that Windows refuses, with an `InputError`
 * naming the field. SET (Windows Server 2016 and later) is:
 *
 * - Switch Independent only (`teamingMode` SwitchIndependent; no Static, no LACP);
 * - `loadBalancingAlgorithm` HyperVPort or Dynamic only (no Address Hash);
 * - all members active (no `standby` member);
 * - 1 to 8 members, identical: here, of one speed (`gbps`).
 *
 * Other fields are checked by `validateTeam`, which calls this for a team of kind `SET`.
 *
 * @param field path of the team in error messages, e.g. `hosts[0].team`. Default `team`.
 * @throws InputError for the first rule broken.
 */
export function checkSetTeam(team: Team, field = 'team'): void {
  if (team.teamingMode !== 'SwitchIndependent') {
    throw new InputError(childField(field, 'teamingMode'), team.teamingMode, 'SwitchIndependent: a SET team is always switch independent');
  }
  if (team.loadBalancingAlgorithm !== 'HyperVPort' && team.loadBalancingAlgorithm !== 'Dynamic') {
    throw new InputError(childField(field, 'loadBalancingAlgorithm'), team.loadBalancingAlgorithm, 'HyperVPort or Dynamic: the only algorithms of a SET team');
  }
  const membersField = childField(field, 'members');
  if (team.members.length < 1 || team.members.length > MAX_SET_MEMBERS) {
    throw new InputError(membersField, team.members.map((m) => m.name), `1 to ${MAX_SET_MEMBERS} members: the most a SET team takes`);
  }
  team.members.forEach((member, index) => {
    if (member.standby === true) {
      throw new InputError(`${itemField(membersField, index)}.standby`, true, 'false: every member of a SET team is active (SET has no standby)');
    }
    if (member.gbps !== team.members[0].gbps) {
      throw new InputError(
        `${itemField(membersField, index)}.gbps`,
        member.gbps,
        `${team.members[0].gbps}, the speed of ${itemField(membersField, 0)}: SET members must be identical`,
      );
    }
  });
}
