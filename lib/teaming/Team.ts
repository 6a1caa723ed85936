import type { WindowsAddressHashStandIn } from '../hashing';

/** PowerShell `TeamingMode` values (New-NetLbfoTeam). Static and Lacp are the switch-dependent modes. */
export type TeamingMode = 'SwitchIndependent' | 'Static' | 'Lacp';

/** PowerShell `LoadBalancingAlgorithm` values. TransportPorts, IPAddresses and MacAddresses are the
 * three "Address Hash" sub-modes; Dynamic exists from Windows Server 2012 R2. */
export type LoadBalancingAlgorithm = 'TransportPorts' | 'IPAddresses' | 'MacAddresses' | 'HyperVPort' | 'Dynamic';

export const TEAMING_MODES: readonly TeamingMode[] = ['SwitchIndependent', 'Static', 'Lacp'];
export const LOAD_BALANCING_ALGORITHMS: readonly LoadBalancingAlgorithm[] = [
  'TransportPorts',
  'IPAddresses',
  'MacAddresses',
  'HyperVPort',
  'Dynamic',
];

/** Which Windows teaming technology a team uses. `LBFO`: NIC Teaming of Windows Server 2012 and 2012 R2
 * (New-NetLbfoTeam). `SET`: Switch Embedded Teaming of Windows Server 2016 and later, built into the
 * Hyper-V vSwitch (New-VMSwitch -EnableEmbeddedTeaming). */
export type TeamKind = 'LBFO' | 'SET';

/** Every `TeamKind`. */
export const TEAM_KINDS: readonly TeamKind[] = ['LBFO', 'SET'];

/** Most members a Switch Embedded Team may have. */
export const MAX_SET_MEMBERS = 8;

/** One physical NIC in a team. */
export interface TeamMember {
  /** Adapter name as Windows shows it, e.g. `NIC1`. Unique within the team. */
  name: string;
  /**
   * Link speed in Gbps (10^9 bit/s). Must be greater than 0. Members of different speeds are accepted, as
   * Windows accepts them, though Microsoft does not support such teams (New-NetLbfoTeam) and its
   * algorithms do not weigh member speed.
   */
  gbps: number;
  /**
   * True for the (at most one) standby member: it carries nothing until an active member fails. Default
   * false. Accepted in every teaming mode: Microsoft's cmdlets (Add-NetLbfoTeamMember -AdministrativeMode
   * Standby) state no restriction, though a third-party guide reports that the NIC Teaming GUI offers a
   * standby member only in Switch Independent mode (UNVERIFIED; `validateTeam`'s `standbyInSwitchDependent`
   * option refuses it there).
   */
  standby?: boolean;
  /** False while the member's link is down (failed). Default true. */
  up?: boolean;
  /** The member's own MAC address. Default: derived from the host and member position. */
  mac?: string;
}

/** A Windows Server 2012 LBFO team. */
export interface Team {
  /**
   * `LBFO` (default) or `SET`. A SET team must be SwitchIndependent, use HyperVPort or Dynamic, have no
   * standby member and 1 to 8 members of one speed (`validateTeam` enforces it). Both kinds spread
   * traffic by the same rules.
   */
  kind?: TeamKind;
  /** How the team and the switch cooperate. */
  teamingMode: TeamingMode;
  /** How outbound traffic is spread over members. */
  loadBalancingAlgorithm: LoadBalancingAlgorithm;
  /** Members in binding order; the first active member that is up is the primary. 1 to 32 members. */
  members: TeamMember[];
  /**
   * The stand-in hash for the Address Hash sub-modes and Dynamic's starting member (Windows' real LBFO
   * hash is unpublished): `toeplitz` (default), Toeplitz with this host's random RSS key (`rssKey`);
   * `toeplitz-test-key`, Toeplitz with Microsoft's published test key, the same on every host;
   * `mixed`, Toeplitz with the host's key through a 32-bit avalanche finalizer. See
   * `WindowsAddressHashStandIn`. Absent means `toeplitz`.
   */
  addressHash?: WindowsAddressHashStandIn;
  /**
   * The host's RSS secret key as hex bytes (`parseHexKey`'s format, at least 16 bytes for IPv4, 40 for
   * IPv6), used by the `toeplitz` and `mixed` stand-ins. `validateTeam` with a `seed` fills it in from
   * `hostRssKey(seed, hostIndex)` when absent; a team built in code without one uses
   * `hostRssKey(1, 0)`.
   */
  rssKey?: string;
  /**
   * Where a Switch Independent team with Dynamic receives a connection (UNVERIFIED, contested):
   * `affinitized` (default), on the receiving vSwitch port's affinitized member, as for HyperVPort: an
   * inference from Microsoft's MAC-address page (ARP/NS for a port go out on its affinitized member), not
   * a sentence of Microsoft's; `hashed`, spread by the connection's hash over the active members, what a
   * 2013 field report observed for live migration. Ignored in other modes and algorithms.
   */
  dynamicInbound?: 'affinitized' | 'hashed';
}
