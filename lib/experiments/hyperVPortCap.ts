import { barFigure } from '../figures';
import type { CiscoLoadBalance } from '../hashing';
import { TEAMING_MODES } from '../teaming/Team';
import { articleScenario } from './articleScenario';
import { membersControl, memoryGiBControl, seedControl, vmsControl, vmsText } from './controls';
import { defineExperiment } from './defineExperiment';
import { short } from './oneStreamOneMember';
import { runScenario } from './runScenario';
import { atMost, fmt, hostUsage } from './usage';
import { DEFAULT_SWITCH_LOAD_BALANCE } from '../teaming/defaultSwitchLoadBalance';

/** Options of finding 3 (`hyperVPortCap`); each defaults to its control's default. */
export interface HyperVPortCapOptions extends Record<string, unknown> {
  /** VMs drained from HV1, 1 to 12. Default 4. */
  vms: number;
  /** Memory of each VM, GiB, 1 to 64. Default 8. */
  memoryGiB: number;
  /** Members per team (10 Gbps each), 2 to 8. Default 2. */
  members: number;
  /** The switch's `port-channel load-balance`: src-dst-port, src-dst-ip, src-dst-mac or src-mac. Default src-dst-port. */
  switchLoadBalance: string;
  /** The scenario seed of the one run shown (see `seedControl`); an ensemble's draws replace it. Default 1. */
  seed: number;
}

/** One teaming mode, drained with Hyper-V Port and, for contrast, with Address Hash (TransportPorts). */
export interface HyperVPortCapRow {
  /** The teams' `TeamingMode`. */
  teamingMode: string;
  /** Highest send rate of HV1 under Hyper-V Port, Gbps. */
  hyperVPortPeakSendGbps: number;
  /** Seconds until the last VM resumed on HV2, under Hyper-V Port. */
  hyperVPortDrainS: number;
  /** Highest send rate of HV1 under Address Hash, Gbps. */
  addressHashPeakSendGbps: number;
  /** Seconds until the last VM resumed on HV2, under Address Hash. */
  addressHashDrainS: number;
}

/**
 * Finding 3: Hyper-V Port caps live migration at one member's bandwidth in every teaming mode. The
 * live-migration traffic leaves through one host vNIC, which is one vSwitch port, and Hyper-V Port pins
 * a port to one member. For contrast each mode is also run with Address Hash (TransportPorts).
 */
export const hyperVPortCap = defineExperiment<HyperVPortCapOptions, HyperVPortCapRow[]>({
  id: 'finding-3',
  finding: 3,
  title: 'Hyper-V Port caps live migration at one member',
  controls: [
    vmsControl(4),
    memoryGiBControl(8),
    membersControl(2),
    {
      name: 'switchLoadBalance',
      label: 'Switch load-balance',
      kind: 'select',
      options: ['src-dst-port', 'src-dst-ip', 'src-dst-mac', 'src-mac'],
      default: DEFAULT_SWITCH_LOAD_BALANCE,
    },
    seedControl(),
  ],
  run({ vms, memoryGiB, members, switchLoadBalance, seed }, draw) {
    const memberGbps = 10;
    const rows: HyperVPortCapRow[] = TEAMING_MODES.map((teamingMode) => {
      const common = { teamingMode, vms, memoryGiB, members, memberGbps, switchLoadBalance: switchLoadBalance as CiscoLoadBalance, seed };
      const pinned = runScenario(articleScenario({ ...common, loadBalancingAlgorithm: 'HyperVPort' }), draw);
      const hashed = runScenario(articleScenario({ ...common, loadBalancingAlgorithm: 'TransportPorts' }), draw);
      return {
        teamingMode,
        hyperVPortPeakSendGbps: hostUsage(pinned.result, 'HV1').peakSendGbps,
        hyperVPortDrainS: pinned.result.durationS,
        addressHashPeakSendGbps: hostUsage(hashed.result, 'HV1').peakSendGbps,
        addressHashDrainS: hashed.result.durationS,
      };
    });
    const maxPinned = Math.max(...rows.map((r) => r.hyperVPortPeakSendGbps));
    const holds = atMost(maxPinned, memberGbps);
    const measured: Record<string, number> = { vms, memberGbps, teamGbps: members * memberGbps, maxHyperVPortPeakSendGbps: maxPinned };
    for (const r of rows) {
      measured[`${key(r.teamingMode)}HyperVPortPeakSendGbps`] = r.hyperVPortPeakSendGbps;
      measured[`${key(r.teamingMode)}AddressHashPeakSendGbps`] = r.addressHashPeakSendGbps;
    }
    return {
      id: 'finding-3',
      claim: 'Hyper-V Port caps live migration at one member\'s bandwidth, whatever the teaming mode and whatever the switch\'s hash: the host vNIC is one vSwitch port, pinned to one member.',
      holds,
      anyHash: { statement: 'Under Hyper-V Port, HV1 never sends faster than one member, in every teaming mode.', holds },
      observation: { statement: 'The article\'s Hyper-V Port drains stayed at one member\'s speed.', appeared: holds },
      measured,
      summary:
        `With ${vmsText(vms)} and ${members} x ${memberGbps} Gbps members, Hyper-V Port peaked at ` +
        rows.map((r) => `${fmt(r.hyperVPortPeakSendGbps)} Gbps (${short(r.teamingMode)})`).join(', ') +
        `; Address Hash reached ` +
        rows.map((r) => `${fmt(r.addressHashPeakSendGbps)} Gbps (${short(r.teamingMode)})`).join(', ') +
        '.',
      data: rows,
      figure: barFigure({
        title: `Peak send rate of HV1 draining ${vmsText(vms)}`,
        categories: rows.map((r) => short(r.teamingMode)),
        series: [
          { name: 'HyperVPort', values: rows.map((r) => r.hyperVPortPeakSendGbps) },
          { name: 'Address Hash (TransportPorts)', values: rows.map((r) => r.addressHashPeakSendGbps) },
        ],
        yTitle: 'Gbps',
        reference: { value: memberGbps, label: 'one member' },
      }),
    };
  },
});

/** A measured-figure key prefix for a teaming mode: `si`, `static`, `lacp`. */
function key(teamingMode: string): string {
  const name = short(teamingMode);
  return name === 'SI' ? 'si' : name.toLowerCase();
}
