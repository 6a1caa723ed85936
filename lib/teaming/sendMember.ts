import type { Connection } from '../Connection';
import { windowsAddressHash, windowsMember } from '../hashing';
import { InputError } from '../InputError';
import { requireActiveMembers } from './activeMembers';
import { LOAD_BALANCING_ALGORITHMS } from './Team';
import { teamHashOptions } from './teamHashOptions';
import type { Team } from './Team';

/** Options for `sendMember`. */
export interface SendMemberOptions {
  /**
   * The Hyper-V vSwitch port the traffic comes from: a VM's vNIC or a host vNIC (the host vNIC
   * that carries live migration is one). Only HyperVPort uses it. A non-negative integer.
   * Default 0.
   */
  vSwitchPortId?: number;
}

/**
 * The member (index into `team.members`) a team sends this connection's frames on. The teaming
 * mode does not matter for sending; the algorithm does:
 *
 * - TransportPorts, IPAddresses, MacAddresses (Address Hash): `windowsAddressHash` over the
 *   sub-mode's fields, spread over the active members (`windowsMember`), so one connection always
 *   uses one member and different connections may use different ones.
 * - HyperVPort: the vSwitch port is pinned to `active[vSwitchPortId % n]`; every connection from
 *   that port, whatever its addresses, leaves on that one member.
 * - Dynamic: the TransportPorts hash, where a connection STARTS; the scenario simulation then moves
 *   it to the least-loaded member at flowlet boundaries and periodic rebalances (`leastLoadedMember`,
 *   `dynamicRebalance`).
 *
 * Address Hash and Dynamic use the stand-in hash `team.addressHash` names (default `toeplitz`, with the
 * host's own RSS key `team.rssKey`; see `teamHashOptions`).
 * `active` is `activeMembers(team)` and `n` its length.
 *
 * @throws InputError when no member is up, for an unknown algorithm or a bad port ID.
 */
export function sendMember(team: Team, conn: Connection, options: SendMemberOptions = {}): number {
  const { vSwitchPortId = 0 } = options;
  const active = requireActiveMembers(team);
  const n = active.length;
  const hashOptions = teamHashOptions(team);
  switch (team.loadBalancingAlgorithm) {
    case 'TransportPorts':
    case 'IPAddresses':
    case 'MacAddresses':
      return active[windowsMember(windowsAddressHash(conn, team.loadBalancingAlgorithm, hashOptions), n)];
    case 'HyperVPort':
      return active[portSlot(vSwitchPortId, n)];
    case 'Dynamic':
      return active[windowsMember(windowsAddressHash(conn, 'TransportPorts', hashOptions), n)];
    default:
      throw new InputError('team.loadBalancingAlgorithm', team.loadBalancingAlgorithm, `one of ${LOAD_BALANCING_ALGORITHMS.join(', ')}`);
  }
}

/** `vSwitchPortId % n`, after checking the port ID. */
export function portSlot(vSwitchPortId: number, n: number): number {
  if (!Number.isInteger(vSwitchPortId) || vSwitchPortId < 0) {
    throw new InputError('vSwitchPortId', vSwitchPortId, 'a non-negative integer');
  }
  return vSwitchPortId % n;
}
