import { InputError } from '../InputError';
import { primaryMember } from './primaryMember';
import type { Team } from './Team';
import { teamMac } from './teamMac';

/**
 * The source MAC of the frames a team sends on one member (Microsoft, "NIC Teaming MAC address use and
 * management"):
 *
 * - Static and Lacp (switch dependent): the team MAC on every member; the switch sees one MAC on one
 *   port-channel and nothing is rewritten.
 * - Switch Independent with Address Hash: the team MAC on the primary (or temporary primary) member;
 *   frames sent on any other member get that member's own MAC, so the switch never sees the team MAC on
 *   two ports. Peers therefore keep sending to the team MAC, which arrives on the primary.
 * - Switch Independent with HyperVPort: each vSwitch port sends only on its own member, nothing is
 *   rewritten: the team MAC stands for the sending port's (the host vNIC's) MAC.
 * - Switch Independent with Dynamic: frames on the port's affinitized member keep their MAC, frames moved
 *   to another member get that member's MAC. `affinitizedMember` names the port's member (default: the
 *   primary).
 *
 * @param sendMemberIndex index into `team.members` of the member the frame leaves on.
 * @throws InputError for an index that is not a member, or as `teamMac` does.
 */
export function frameSourceMac(team: Team, sendMemberIndex: number, affinitizedMember?: number): string {
  if (!Number.isInteger(sendMemberIndex) || sendMemberIndex < 0 || sendMemberIndex >= team.members.length) {
    throw new InputError('sendMemberIndex', sendMemberIndex, `a member index from 0 to ${team.members.length - 1}`);
  }
  const mac = teamMac(team);
  if (team.teamingMode !== 'SwitchIndependent' || team.loadBalancingAlgorithm === 'HyperVPort') return mac;
  const home = team.loadBalancingAlgorithm === 'Dynamic' && affinitizedMember !== undefined ? affinitizedMember : primaryMember(team);
  return sendMemberIndex === home ? mac : (team.members[sendMemberIndex].mac ?? mac);
}
