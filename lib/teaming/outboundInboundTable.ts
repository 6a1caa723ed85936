import { LOAD_BALANCING_ALGORITHMS, TEAMING_MODES } from './Team';
import type { LoadBalancingAlgorithm, TeamingMode } from './Team';

/** One row of the outbound/inbound table: how a team in one mode with one algorithm spreads traffic. */
export interface OutboundInboundRow {
  /** The team's `TeamingMode`. */
  teamingMode: TeamingMode;
  /** The team's `LoadBalancingAlgorithm`. */
  loadBalancingAlgorithm: LoadBalancingAlgorithm;
  /** Which member the team SENDS a connection on (what `sendMember` does), in words. */
  outbound: string;
  /** Which member a connection ARRIVES on at this team (what `receiveMember` does), in words. */
  inbound: string;
}

const ADDRESS_HASH_FIELDS: Record<string, string> = {
  TransportPorts: 'source and destination IP address and TCP/UDP port',
  IPAddresses: 'source and destination IP address',
  MacAddresses: 'source and destination MAC address',
};

function outboundRule(algorithm: LoadBalancingAlgorithm): string {
  switch (algorithm) {
    case 'HyperVPort':
      return 'each vSwitch port is pinned to one active member; different ports use different members';
    case 'Dynamic':
      return 'hash of the 4-tuple over all active members, then moved to the least-loaded member at flowlet gaps and periodic rebalances';
    default:
      return `hash of the ${ADDRESS_HASH_FIELDS[algorithm]} over all active members`;
  }
}

function inboundRule(mode: TeamingMode, algorithm: LoadBalancingAlgorithm): string {
  if (mode !== 'SwitchIndependent') {
    return "the switch's LAG hash (port-channel load-balance) picks the member";
  }
  if (algorithm === 'HyperVPort') {
    return "on the vSwitch port's own member, the same one it sends on";
  }
  if (algorithm === 'Dynamic') {
    return "on the vSwitch port's affinitized member";
  }
  return 'primary member only (peers learn the primary MAC as the team MAC)';
}

/**
 * The outbound/inbound table of Windows Server 2012 (R2) LBFO teams: one row per teaming mode and
 * load-balancing algorithm (3 x 5 = 15 rows, modes in the order of `TEAMING_MODES`, algorithms in
 * the order of `LOAD_BALANCING_ALGORITHMS`). Plain data for lessons and figures; `sendMember` and
 * `receiveMember` implement the same rules.
 */
export function outboundInboundTable(): OutboundInboundRow[] {
  const rows: OutboundInboundRow[] = [];
  for (const teamingMode of TEAMING_MODES) {
    for (const loadBalancingAlgorithm of LOAD_BALANCING_ALGORITHMS) {
      rows.push({
        teamingMode,
        loadBalancingAlgorithm,
        outbound: outboundRule(loadBalancingAlgorithm),
        inbound: inboundRule(teamingMode, loadBalancingAlgorithm),
      });
    }
  }
  return rows;
}
