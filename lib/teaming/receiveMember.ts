import type { Connection } from '../Connection';
import { ciscoBucket, ciscoBucketMember, windowsAddressHash, windowsMember } from '../hashing';
import type { CiscoLoadBalance } from '../hashing';
import { InputError } from '../InputError';
import { requireActiveMembers } from './activeMembers';
import { primaryMember } from './primaryMember';
import { portSlot } from './sendMember';
import { teamHashOptions } from './teamHashOptions';
import { LOAD_BALANCING_ALGORITHMS, TEAMING_MODES } from './Team';
import type { Team } from './Team';
import { DEFAULT_SWITCH_LOAD_BALANCE } from './defaultSwitchLoadBalance';

/** Options for `receiveMember`. */
export interface ReceiveMemberOptions {
  /**
   * The switch's `port-channel load-balance` setting; decides the member for Static and Lacp
   * teams. Default `DEFAULT_SWITCH_LOAD_BALANCE` (`src-dst-port`).
   */
  switchLoadBalance?: CiscoLoadBalance;
  /**
   * The vSwitch port on the RECEIVING host the connection is addressed to (for live migration, the
   * target's host vNIC). Used by Switch Independent teams with HyperVPort or Dynamic. Default 0.
   */
  vSwitchPortId?: number;
}

/**
 * The member (index into `team.members`) of the RECEIVING host's team on which this connection's
 * frames arrive. `conn` is the frame as the sender puts it on the wire (source = sender).
 *
 * - Switch Independent + Address Hash (TransportPorts, IPAddresses, MacAddresses): the primary
 *   member only, because peers resolve the team's IP address to the primary's MAC.
 * - Switch Independent + HyperVPort or Dynamic: the port's affinitized member,
 *   `active[vSwitchPortId % n]` (for HyperVPort this is also the member the port sends on). For Dynamic
 *   this is an inference, not a published rule: with `team.dynamicInbound` `hashed` the connection's
 *   TransportPorts hash picks the member instead (see `Team.dynamicInbound`).
 * - Static or Lacp (any algorithm): the switch decides with its LAG hash,
 *   `active[ciscoBucketMember(ciscoBucket(conn, switchLoadBalance), n)]`.
 *
 * `active` is `activeMembers(team)` and `n` its length.
 *
 * @throws InputError when no member is up, for an unknown mode or algorithm, a bad port ID, or more
 *   than 8 active members behind a switch-dependent team (an EtherChannel bundles at most 8).
 */
export function receiveMember(team: Team, conn: Connection, options: ReceiveMemberOptions = {}): number {
  const { switchLoadBalance = DEFAULT_SWITCH_LOAD_BALANCE, vSwitchPortId = 0 } = options;
  const active = requireActiveMembers(team);
  const n = active.length;
  switch (team.teamingMode) {
    case 'SwitchIndependent':
      switch (team.loadBalancingAlgorithm) {
        case 'TransportPorts':
        case 'IPAddresses':
        case 'MacAddresses':
          return primaryMember(team);
        case 'HyperVPort':
          return active[portSlot(vSwitchPortId, n)];
        case 'Dynamic':
          if (team.dynamicInbound === 'hashed') return active[windowsMember(windowsAddressHash(conn, 'TransportPorts', teamHashOptions(team)), n)];
          return active[portSlot(vSwitchPortId, n)];
        default:
          throw new InputError('team.loadBalancingAlgorithm', team.loadBalancingAlgorithm, `one of ${LOAD_BALANCING_ALGORITHMS.join(', ')}`);
      }
    case 'Static':
    case 'Lacp':
      return active[ciscoBucketMember(ciscoBucket(conn, switchLoadBalance), n)];
    default:
      throw new InputError('team.teamingMode', team.teamingMode, `one of ${TEAMING_MODES.join(', ')}`);
  }
}
