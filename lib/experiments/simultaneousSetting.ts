import { barFigure } from '../figures';
import type { CiscoLoadBalance } from '../hashing';
import { articleScenario } from './articleScenario';
import { memoryGiBControl, vmsControl, seedControl } from './controls';
import { defineExperiment } from './defineExperiment';
import { runScenario } from './runScenario';
import { atMost, fmt, hostUsage } from './usage';
import { DEFAULT_SWITCH_LOAD_BALANCE } from '../teaming/defaultSwitchLoadBalance';

/** Options of finding 7 (`simultaneousSetting`); each defaults to its control's default. */
export interface SimultaneousSettingOptions extends Record<string, unknown> {
  /** VMs drained from HV1, 2 to 24. Default 12. */
  vms: number;
  /** Memory of each VM, GiB, 1 to 64. Default 8. */
  memoryGiB: number;
  /** The teams' `TeamingMode`: Static or Lacp. Default Lacp. */
  teamingMode: string;
  /** The switch's `port-channel load-balance`: src-dst-port or src-dst-ip. Default src-dst-port. */
  switchLoadBalance: string;
  /** The scenario seed of the one run shown (see `seedControl`); an ensemble's draws replace it. Default 1. */
  seed: number;
}

/** One simultaneous-migration setting. */
export interface SimultaneousSettingRow {
  /** Simultaneous live migrations per host. */
  simultaneous: number;
  /** Highest send rate of HV1, Gbps. */
  peakSendGbps: number;
  /** Members of HV1 that sent at least 1 % of its bytes. */
  sendMembers: number;
  /** Seconds until the last VM resumed on HV2. */
  drainS: number;
}

/** The settings the article tried (4, 6, 12), plus 1 and Hyper-V's default 2 for contrast. */
export const SIMULTANEOUS_SETTINGS = [1, 2, 4, 6, 12];

/**
 * Finding 7: raising the simultaneous live-migration setting (the article tried 4, 6 and 12) changes
 * nothing once more than one migration runs: two connections already reach every member of a two-member
 * team, and the members, not the number of connections, set the ceiling.
 */
export const simultaneousSetting = defineExperiment<SimultaneousSettingOptions, SimultaneousSettingRow[]>({
  id: 'finding-7',
  finding: 7,
  title: 'The simultaneous-migration setting adds no bandwidth once two connections hash apart',
  controls: [
    vmsControl(12, 2, 24),
    memoryGiBControl(8),
    { name: 'teamingMode', label: 'Teaming mode', kind: 'select', options: ['Static', 'Lacp'], default: 'Lacp' },
    {
      name: 'switchLoadBalance',
      label: 'Switch load-balance',
      kind: 'select',
      options: ['src-dst-port', 'src-dst-ip'],
      default: DEFAULT_SWITCH_LOAD_BALANCE,
    },
    seedControl(),
  ],
  run({ vms, memoryGiB, teamingMode, switchLoadBalance, seed }, draw) {
    const rows: SimultaneousSettingRow[] = SIMULTANEOUS_SETTINGS.map((simultaneous) => {
      const sim = runScenario(
        articleScenario({
          teamingMode: teamingMode as 'Static' | 'Lacp',
          loadBalancingAlgorithm: 'TransportPorts',
          vms,
          memoryGiB,
          simultaneous,
          switchLoadBalance: switchLoadBalance as CiscoLoadBalance,
          seed,
        }),
        draw,
      );
      const source = hostUsage(sim.result, 'HV1');
      return { simultaneous, peakSendGbps: source.peakSendGbps, sendMembers: source.sendMembers, drainS: sim.result.durationS };
    });
    const single = rows.find((r) => r.simultaneous === 1) as SimultaneousSettingRow;
    const many = rows.filter((r) => r.simultaneous > 1);
    const peaks = many.map((r) => r.peakSendGbps);
    const spread = Math.max(...peaks) - Math.min(...peaks);
    const memberGbps = 10;
    const teamGbps = 2 * memberGbps;
    // Whatever the hash: one migration at a time never passes one member, and no setting passes the team.
    const holds = atMost(single.peakSendGbps, memberGbps) && rows.every((r) => atMost(r.peakSendGbps, teamGbps));
    const asInArticle = spread <= 1e-6 * Math.max(...peaks) && Math.min(...peaks) > single.peakSendGbps;
    const measured: Record<string, number> = { vms, singlePeakSendGbps: single.peakSendGbps, peakSpreadGbps: spread };
    for (const r of rows) {
      measured[`peakSendGbpsAt${r.simultaneous}`] = r.peakSendGbps;
      measured[`drainSAt${r.simultaneous}`] = r.drainS;
    }
    return {
      id: 'finding-7',
      claim:
        'No simultaneous-migration setting lets a host send faster than its team, and one at a time never passes one member; ' +
        'whether raising the setting beyond two changes the peak depends on where the connections land (a draw).',
      holds,
      anyHash: { statement: 'One migration at a time never passes one member; no setting passes the team\'s total.', holds },
      observation: {
        statement: 'Every setting from 2 up gave the same peak send rate, above one migration at a time (as the article saw).',
        appeared: asInArticle,
      },
      measured,
      summary:
        `Peak send rate by setting: ` +
        rows.map((r) => `${r.simultaneous}: ${fmt(r.peakSendGbps)} Gbps`).join(', ') +
        `; draining ${vms} VMs took ` +
        rows.map((r) => `${fmt(r.drainS)} s`).join(', ') +
        ' respectively.',
      data: rows,
      figure: barFigure({
        title: `Draining ${vms} VMs: peak send rate by simultaneous setting`,
        categories: rows.map((r) => String(r.simultaneous)),
        series: [{ name: 'peak send (HV1)', values: rows.map((r) => r.peakSendGbps) }],
        xTitle: 'simultaneous live migrations',
        yTitle: 'Gbps',
      }),
    };
  },
});
