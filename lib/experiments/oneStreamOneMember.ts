import { barFigure } from '../figures';
import { LOAD_BALANCING_ALGORITHMS, TEAMING_MODES } from '../teaming/Team';
import { articleScenario } from './articleScenario';
import { membersControl, memoryGiBControl } from './controls';
import { defineExperiment } from './defineExperiment';
import { runScenario } from './runScenario';
import { atMost, fmt, hostUsage } from './usage';

/** Options of finding 1 (`oneStreamOneMember`); each defaults to its control's default. */
export interface OneStreamOneMemberOptions extends Record<string, unknown> {
  /** Members per team, 2 to 8. Default 2. */
  members: number;
  /** Speed of each member in Gbps: 1, 10, 25 or 40. Default 10. */
  memberGbps: number;
  /** Memory of the one migrating VM, GiB, 1 to 64. Default 8. */
  memoryGiB: number;
}

/** One teaming mode and algorithm, one VM migrating from HV1 to HV2. */
export interface OneStreamOneMemberRow {
  /** The teams' `TeamingMode`. */
  teamingMode: string;
  /** The teams' `LoadBalancingAlgorithm`. */
  loadBalancingAlgorithm: string;
  /** Highest send rate of HV1, Gbps. */
  peakSendGbps: number;
  /** Highest receive rate of HV2, Gbps. */
  peakReceiveGbps: number;
  /** Members of HV1 that sent at least 1 % of its bytes. */
  sendMembers: number;
  /** Members of HV2 that received at least 1 % of its bytes. */
  receiveMembers: number;
}

/**
 * Finding 1: one TCP stream never uses more than one team member, in any team mode. One VM migrates
 * from HV1 to HV2 (one live-migration connection) under every teaming mode x load-balancing algorithm;
 * the peak send and receive rates never pass one member's speed and one member carries it all.
 */
export const oneStreamOneMember = defineExperiment<OneStreamOneMemberOptions, OneStreamOneMemberRow[]>({
  id: 'finding-1',
  finding: 1,
  title: 'One TCP stream never uses more than one member',
  controls: [
    membersControl(2),
    { name: 'memberGbps', label: 'Member speed (Gbps)', kind: 'select', options: [1, 10, 25, 40], default: 10 },
    memoryGiBControl(8),
  ],
  run({ members, memberGbps, memoryGiB }, draw) {
    const rows: OneStreamOneMemberRow[] = [];
    for (const teamingMode of TEAMING_MODES) {
      for (const loadBalancingAlgorithm of LOAD_BALANCING_ALGORITHMS) {
        const sim = runScenario(
          articleScenario({ teamingMode, loadBalancingAlgorithm, members, memberGbps, memoryGiB, vms: 1 }),
          draw,
        );
        const source = hostUsage(sim.result, 'HV1');
        const target = hostUsage(sim.result, 'HV2');
        rows.push({
          teamingMode,
          loadBalancingAlgorithm,
          peakSendGbps: source.peakSendGbps,
          peakReceiveGbps: target.peakReceiveGbps,
          sendMembers: source.sendMembers,
          receiveMembers: target.receiveMembers,
        });
      }
    }
    const maxPeak = Math.max(...rows.map((r) => Math.max(r.peakSendGbps, r.peakReceiveGbps)));
    const oneMemberEverywhere = rows.every((r) => r.sendMembers === 1 && r.receiveMembers === 1);
    const holds = oneMemberEverywhere && atMost(maxPeak, memberGbps);
    const statement = 'One migration (one TCP connection) stays on one member each way and never passes one member\'s speed, in every teaming mode and algorithm.';
    return {
      id: 'finding-1',
      claim: 'One TCP stream never uses more than one team member, in any teaming mode or load-balancing algorithm, whatever the hash: which member it gets is a draw, that it gets one is not.',
      holds,
      anyHash: { statement, holds },
      observation: { statement: 'The article\'s single migration stayed on one member.', appeared: holds },
      measured: {
        combinations: rows.length,
        maxPeakGbps: maxPeak,
        memberGbps,
        teamGbps: members * memberGbps,
        combinationsOnOneMember: rows.filter((r) => r.sendMembers === 1 && r.receiveMembers === 1).length,
      },
      summary:
        `Across ${rows.length} mode and algorithm combinations, a single migration peaked at ${fmt(maxPeak)} Gbps ` +
        `on a team of ${members} x ${memberGbps} Gbps; ` +
        `${rows.filter((r) => r.sendMembers === 1 && r.receiveMembers === 1).length} of ${rows.length} kept it on one member each way.`,
      data: rows,
      figure: barFigure({
        title: 'One migration, every team configuration',
        categories: rows.map((r) => `${short(r.teamingMode)} ${r.loadBalancingAlgorithm}`),
        series: [
          { name: 'peak send (HV1)', values: rows.map((r) => r.peakSendGbps) },
          { name: 'peak receive (HV2)', values: rows.map((r) => r.peakReceiveGbps) },
        ],
        yTitle: 'Gbps',
        reference: { value: memberGbps, label: 'one member' },
      }),
    };
  },
});

/** Short labels for the teaming modes on crowded axes. */
export function short(teamingMode: string): string {
  return teamingMode === 'SwitchIndependent' ? 'SI' : teamingMode;
}
