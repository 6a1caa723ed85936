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

/** One physical NIC in a team. */
export interface TeamMember {
  /** Adapter name as Windows shows it, e.g. `NIC1`. Unique within the team. */
  name: string;
  /** Link speed in Gbps (10^9 bit/s). Must be greater than 0. */
  gbps: number;
  /** True for the (at most one) standby member: it carries nothing until an active member fails. Default false. */
  standby?: boolean;
  /** False while the member's link is down (failed). Default true. */
  up?: boolean;
  /** The member's own MAC address. Default: derived from the host and member position. */
  mac?: string;
}

/** A Windows Server 2012 LBFO team. */
export interface Team {
  /** How the team and the switch cooperate. */
  teamingMode: TeamingMode;
  /** How outbound traffic is spread over members. */
  loadBalancingAlgorithm: LoadBalancingAlgorithm;
  /** Members in binding order; the first active member that is up is the primary. 1 to 32 members. */
  members: TeamMember[];
}
