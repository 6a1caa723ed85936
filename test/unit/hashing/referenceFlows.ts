import type { Connection } from '../../../lib/Connection';

/** The layer3+4 check flow of the reference sheet (nic-teaming.md §2.3): 10.0.0.1:49152 -> 10.0.0.2:445.
 * Its layer3+4 hash on x86 is 0x5f5fdfbf; several hashing tests work from it. */
export const smbFlow: Connection = {
  srcMac: '00:15:5d:00:00:01',
  dstMac: '00:15:5d:00:00:02',
  srcIp: '10.0.0.1',
  dstIp: '10.0.0.2',
  protocol: 'tcp',
  srcPort: 49152,
  dstPort: 445,
};
