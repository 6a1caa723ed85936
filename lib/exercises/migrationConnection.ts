import { LIVE_MIGRATION_PORT } from '../Connection';
import type { Connection } from '../Connection';

/**
 * The live-migration connection of the lessons' lab (internal; not in the barrel): HV1 (10.10.10.1, MAC
 * 02:00:00:00:01:01, the MAC `validateTeam` derives for host 0's first member) to HV2 (10.10.10.2,
 * 02:00:00:00:02:01) on the live-migration port, from `srcPort`.
 */
export function migrationConnection(srcPort: number): Connection {
  return {
    srcMac: '02:00:00:00:01:01',
    dstMac: '02:00:00:00:02:01',
    srcIp: '10.10.10.1',
    dstIp: '10.10.10.2',
    protocol: 'tcp',
    srcPort,
    dstPort: LIVE_MIGRATION_PORT,
  };
}
