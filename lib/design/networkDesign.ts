import { defineExperiment } from '../experiments/defineExperiment';
import { fmt } from '../experiments/usage';
import { barFigure } from '../figures';
import { precopyModel } from '../migration';
import { SCENARIO_DEFAULTS } from '../scenario';
import { frameGoodput, JUMBO_MTU, STANDARD_MTU } from './frameGoodput';
import { DEFAULT_PACKETS_PER_SECOND_PER_CORE, liveMigrationReceiveGbps } from './liveMigrationReceiveGbps';
import type { HostReceivePath, LiveMigrationReceive } from './liveMigrationReceiveGbps';

/** Options of the `network-design` experiment; each defaults to its control's default. */
export interface NetworkDesignOptions extends Record<string, unknown> {
  /** Speed of the member the migration arrives on, Gbps: 10, 25, 40 or 100. Default 25. */
  memberGbps: number;
  /** Full-sized packets one core takes in per second (the model's assumption), 100,000 to 2,000,000. Default 400,000. */
  packetsPerSecondPerCore: number;
  /** Cores vRSS spreads the host vNIC's connections over, 1 to 16. Default 4. */
  vrssCores: number;
  /** SMB Multichannel connections per interface, 1 to 16. Default 4 (`ConnectionCountPerRssNetworkInterface`). */
  smbConnections: number;
  /** Memory of the migrating VM, GiB, 1 to 256. Default 16. */
  memoryGiB: number;
}

/** One receive design the experiment compares. */
export interface DesignCase {
  /** Short label for the chart. */
  label: string;
  /** Key in `measured`, e.g. `vmqTcp1500`. */
  key: string;
  /** How the target receives. */
  receivePath: HostReceivePath;
  /** IP MTU of the path. */
  mtu: number;
  /** TCP connections (1 for TCP, the SMB count for SMB). */
  streams: number;
}

/** A design with its receive rate and the time one VM's migration takes at that rate. */
export interface DesignResult extends DesignCase, LiveMigrationReceive {
  /** Seconds to migrate the VM at this rate: setup plus pre-copy and stop-and-copy (`precopyModel`). */
  migrationS: number;
}

/** The designs, oldest first. */
function designCases(smbConnections: number): DesignCase[] {
  return [
    { label: '2012 R2, TCP, MTU 1500', key: 'vmqTcp1500', receivePath: 'vmq', mtu: STANDARD_MTU, streams: 1 },
    { label: '2012 R2, TCP, jumbo 9000', key: 'vmqTcp9000', receivePath: 'vmq', mtu: JUMBO_MTU, streams: 1 },
    { label: '2012 R2, SMB, MTU 1500', key: 'vmqSmb1500', receivePath: 'vmq', mtu: STANDARD_MTU, streams: smbConnections },
    { label: '2016+, TCP, vRSS, MTU 1500', key: 'vrssTcp1500', receivePath: 'vrss', mtu: STANDARD_MTU, streams: 1 },
    { label: '2016+, SMB, vRSS, MTU 1500', key: 'vrssSmb1500', receivePath: 'vrss', mtu: STANDARD_MTU, streams: smbConnections },
    { label: 'SMB Direct (RDMA, no core ceiling)', key: 'rdma', receivePath: 'rdma', mtu: STANDARD_MTU, streams: smbConnections },
  ];
}

/**
 * The `network-design` experiment (lesson 11): how fast one live migration can arrive on a target host's
 * host vNIC, by Windows release, MTU, transport and RDMA. A team cannot make one migration faster than one
 * member (finding 1), and this experiment shows a second ceiling beside it: the receiving processors. On
 * 2012 and 2012 R2 the host vNIC has one VMQ, so one core takes in everything it receives; the per-core
 * packet rate (an assumption, `packetsPerSecondPerCore`) times the payload per packet caps the migration,
 * whatever the number of connections. Jumbo frames raise that cap, vRSS (2016+) spreads several connections
 * over cores, and RDMA takes the processors out of the data path. Each design's time to migrate one VM comes
 * from the pre-copy model at that rate, with the scenario defaults (dirty rate 50 MB/s as in `articleScenario`).
 */
export const networkDesign = defineExperiment<NetworkDesignOptions, DesignResult[]>({
  id: 'network-design',
  finding: null,
  title: 'One live migration: the link, the receiving cores, MTU and RDMA',
  controls: [
    { name: 'memberGbps', label: 'Member speed (Gbps)', kind: 'select', options: [10, 25, 40, 100], default: 25 },
    { name: 'packetsPerSecondPerCore', label: 'Packets per second one core takes in', kind: 'number', min: 100_000, max: 2_000_000, step: 50_000, default: DEFAULT_PACKETS_PER_SECOND_PER_CORE },
    { name: 'vrssCores', label: 'vRSS cores for the host vNIC', kind: 'number', min: 1, max: 16, step: 1, default: 4 },
    { name: 'smbConnections', label: 'SMB connections per interface', kind: 'number', min: 1, max: 16, step: 1, default: SCENARIO_DEFAULTS.liveMigration.smbConnectionsPerInterface },
    { name: 'memoryGiB', label: 'VM memory (GiB)', kind: 'number', min: 1, max: 256, step: 1, default: 16 },
  ],
  run({ memberGbps, packetsPerSecondPerCore, vrssCores, smbConnections, memoryGiB }) {
    const lm = SCENARIO_DEFAULTS.liveMigration;
    const results: DesignResult[] = designCases(smbConnections).map((c) => {
      const receive = liveMigrationReceiveGbps({ linkGbps: memberGbps, mtu: c.mtu, streams: c.streams, receivePath: c.receivePath, vrssCores, packetsPerSecondPerCore });
      const copy = precopyModel({
        memoryBytes: memoryGiB * 2 ** 30,
        dirtyBytesPerS: 50e6,
        bandwidthBytesPerS: (receive.gbps * 1e9) / 8,
        maxRounds: lm.maxRounds,
        stopThresholdBytes: lm.stopThresholdMB * 1e6,
        resumeS: lm.resumeS,
      });
      return { ...c, ...receive, migrationS: lm.setupS + copy.totalS };
    });
    const by = (key: string) => results.find((r) => r.key === key) as DesignResult;
    const base = by('vmqTcp1500');
    const holds =
      base.limitedBy === 'cpu' &&
      by('vmqSmb1500').gbps === base.gbps &&
      by('vmqTcp9000').gbps > base.gbps &&
      by('vrssSmb1500').gbps > base.gbps &&
      by('rdma').limitedBy === 'link';
    const measured: Record<string, number | string | boolean> = {
      memberGbps,
      packetsPerSecondPerCore,
      vrssCores,
      smbConnections,
      memoryGiB,
      goodputShare1500: frameGoodput({ mtu: STANDARD_MTU }).fraction,
      goodputShare9000: frameGoodput({ mtu: JUMBO_MTU }).fraction,
      perCoreGbps1500: base.perCoreGbps,
      perCoreGbps9000: by('vmqTcp9000').perCoreGbps,
      linkGoodputGbps1500: base.linkGoodputGbps,
      jumboPayloadPerPacketRatio: frameGoodput({ mtu: JUMBO_MTU }).payloadBytes / frameGoodput({ mtu: STANDARD_MTU }).payloadBytes,
      goodputShareGainPoints: 100 * (frameGoodput({ mtu: JUMBO_MTU }).fraction - frameGoodput({ mtu: STANDARD_MTU }).fraction),
    };
    for (const r of results) {
      measured[`${r.key}Gbps`] = r.gbps;
      measured[`${r.key}LimitedBy`] = r.limitedBy;
      measured[`${r.key}MigrationS`] = r.migrationS;
    }
    measured.rdmaSpeedupOverVmqTcp1500 = base.migrationS / by('rdma').migrationS;
    return {
      id: 'network-design',
      claim:
        'On a 2012 R2 host one live migration arrives on the host vNIC at one core\'s pace, below the link, whatever the number of connections; jumbo frames, vRSS with several connections, or RDMA lift that ceiling.',
      holds,
      measured,
      summary:
        `On one ${memberGbps} Gbps member one migration arrived at ${fmt(base.gbps, 1)} Gbps on a 2012 R2 host vNIC at MTU 1500 (limited by ${base.limitedBy === 'cpu' ? 'the receiving core' : 'the link'}), ` +
        `${fmt(by('vmqTcp9000').gbps, 1)} Gbps with jumbo frames, ${fmt(by('vrssSmb1500').gbps, 1)} Gbps over SMB with vRSS and ${fmt(by('rdma').gbps, 1)} Gbps over SMB Direct on one RDMA adapter; ` +
        `a ${memoryGiB} GiB VM took ${fmt(base.migrationS, 1)} s in the first design and ${fmt(by('rdma').migrationS, 1)} s over SMB Direct.`,
      data: results,
      figure: barFigure({
        title: `One live migration into a host vNIC, ${memberGbps} Gbps member`,
        categories: results.map((r) => r.label),
        series: [
          { name: 'receive rate (Gbps)', values: results.map((r) => r.gbps) },
          // RDMA has no core ceiling: its bar is 0 and its category label says so.
          { name: 'cores\' ceiling (Gbps)', values: results.map((r) => (Number.isFinite(r.cpuCeilingGbps) ? r.cpuCeilingGbps : 0)) },
          // Per design, since the link's goodput depends on the MTU (jumbo frames carry more payload per frame).
          { name: 'link goodput at this MTU (Gbps)', values: results.map((r) => r.linkGoodputGbps) },
        ],
        yTitle: 'Gbps',
      }),
    };
  },
});
