import type { Connection } from '../../../lib/Connection';
import { LIVE_MIGRATION_PORT } from '../../../lib/Connection';
import { validateTeam } from '../../../lib/teaming';
import type { LoadBalancingAlgorithm, Team, TeamingMode, TeamMember } from '../../../lib/teaming';

/** A validated team of `count` 10 Gbps members named NIC1, NIC2, ... with `overrides` per member index. */
export function team(
  teamingMode: TeamingMode,
  loadBalancingAlgorithm: LoadBalancingAlgorithm,
  count = 2,
  overrides: Record<number, Partial<TeamMember>> = {},
): Team {
  const members = Array.from({ length: count }, (_, i) => ({ name: `NIC${i + 1}`, gbps: 10, ...overrides[i] }));
  return validateTeam({ teamingMode, loadBalancingAlgorithm, members });
}

/** A live-migration connection from 10.10.10.1 (HV1) to 10.10.10.2 (HV2) from source port `srcPort`. */
export function migrationConn(srcPort: number, changes: Partial<Connection> = {}): Connection {
  return {
    srcMac: '02:00:00:00:01:01',
    dstMac: '02:00:00:00:02:01',
    srcIp: '10.10.10.1',
    dstIp: '10.10.10.2',
    protocol: 'tcp',
    srcPort,
    dstPort: LIVE_MIGRATION_PORT,
    ...changes,
  };
}

/** The 16 source ports 49152 to 49167. */
export const PORTS = Array.from({ length: 16 }, (_, i) => 49152 + i);
