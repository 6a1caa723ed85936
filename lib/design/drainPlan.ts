import { defineExperiment } from '../experiments/defineExperiment';
import { planDrain } from '../experiments/planDrain';
import type { DrainEstimate } from '../experiments/planDrain';
import { fmt } from '../experiments/usage';
import { barFigure } from '../figures';
import { TEAMING_MODES, LOAD_BALANCING_ALGORITHMS } from '../teaming';
import type { LoadBalancingAlgorithm, TeamingMode } from '../teaming';

/** Options of the `drain-plan` experiment; each defaults to its control's default. */
export interface DrainPlanOptions extends Record<string, unknown> {
  /** Members per team, 1 to 8. Default 4. */
  members: number;
  /** Speed of each member, Gbps: 1, 10, 25, 40 or 100. Default 10. */
  memberGbps: number;
  /** VMs to drain, 1 to 24. Default 12. */
  vms: number;
  /** Memory of each VM, GiB, 1 to 64. Default 16. */
  memoryGiB: number;
  /** Simultaneous live migrations, 1 to 12. Default 12 (the most the article tried). */
  simultaneous: number;
  /** Teaming mode of the setting you plan. Default Lacp. */
  teamingMode: TeamingMode;
  /** Load-balancing algorithm of the setting you plan. Default Dynamic. */
  loadBalancingAlgorithm: LoadBalancingAlgorithm;
}

/** A compact label for one estimate, e.g. `Lacp Dynamic TCP`. */
function label(e: DrainEstimate): string {
  return `${e.teamingMode} ${e.loadBalancingAlgorithm} ${e.transport}`;
}

/**
 * The `drain-plan` experiment (lesson 12): `planDrain` for a two-host drain of your own size, as a figure.
 * It runs the drain under the setting you plan and under every other teaming mode, algorithm and transport,
 * (TCP, and your team over Compression, SMB and SMB Direct) and draws the drain times, fastest first. The claim
 * checks the lesson's rule of thumb: the fastest TCP setting is one where the receive side, the send side and
 * the number of migrations at once all let every member work.
 */
export const drainPlanExperiment = defineExperiment<DrainPlanOptions, DrainEstimate[]>({
  id: 'drain-plan',
  finding: null,
  title: 'Planning a drain: every setting, fastest first',
  controls: [
    { name: 'members', label: 'Members per team', kind: 'number', min: 1, max: 8, step: 1, default: 4 },
    { name: 'memberGbps', label: 'Member speed (Gbps)', kind: 'select', options: [1, 10, 25, 40, 100], default: 10 },
    { name: 'vms', label: 'VMs to drain', kind: 'number', min: 1, max: 24, step: 1, default: 12 },
    { name: 'memoryGiB', label: 'Memory per VM (GiB)', kind: 'number', min: 1, max: 64, step: 1, default: 16 },
    { name: 'simultaneous', label: 'Simultaneous live migrations', kind: 'number', min: 1, max: 12, step: 1, default: 12 },
    { name: 'teamingMode', label: 'Teaming mode (your setting)', kind: 'select', options: [...TEAMING_MODES], default: 'Lacp' },
    { name: 'loadBalancingAlgorithm', label: 'Load balancing (your setting)', kind: 'select', options: [...LOAD_BALANCING_ALGORITHMS], default: 'Dynamic' },
  ],
  run({ members, memberGbps, vms, memoryGiB, simultaneous, teamingMode, loadBalancingAlgorithm }) {
    const plan = planDrain({ members, memberGbps, vms, memoryGiB, simultaneous, teamingMode, loadBalancingAlgorithm, transport: 'TCP' });
    const fastest = plan.comparison[0];
    const yours = plan.estimate;
    // The fifteen team settings over TCP (one connection per migration), and the best of them.
    const overTeam = plan.comparison.filter((e) => e.transport === 'TCP');
    const bestOverTeam = overTeam[0];
    const fillable = Math.min(members, simultaneous);
    const holds = bestOverTeam.sendMembers >= fillable && bestOverTeam.receiveMembers >= fillable;
    const onOneMember = overTeam.filter((e) => e.sendMembers <= 1 || e.receiveMembers <= 1).length;
    return {
      id: 'drain-plan',
      claim: 'Over TCP, the fastest teaming mode and algorithm send and receive on every member that the migrations running at once can fill.',
      holds,
      measured: {
        members,
        memberGbps,
        vms,
        memoryGiB,
        simultaneous,
        yourSetting: label(yours),
        yourDrainS: yours.drainS,
        yourSendMembers: yours.sendMembers,
        yourReceiveMembers: yours.receiveMembers,
        yourBottleneck: yours.bottleneck,
        fastestSetting: label(fastest),
        fastestDrainS: fastest.drainS,
        slowestDrainS: plan.comparison[plan.comparison.length - 1].drainS,
        settingsCompared: plan.comparison.length,
        bestTcpSetting: label(bestOverTeam),
        bestTcpDrainS: bestOverTeam.drainS,
        bestTcpSendMembers: bestOverTeam.sendMembers,
        bestTcpReceiveMembers: bestOverTeam.receiveMembers,
        membersFillable: fillable,
        settingsOnOneMember: onOneMember,
      },
      summary:
        `Your setting (${label(yours)}) drains ${vms} VMs of ${memoryGiB} GiB in ${fmt(yours.drainS, 1)} s, sending on ${yours.sendMembers} and receiving on ` +
        `${yours.receiveMembers} of ${members} members (limited by: ${yours.bottleneck}); the fastest of ${plan.comparison.length} settings, ${label(fastest)}, takes ${fmt(fastest.drainS, 1)} s.`,
      data: plan.comparison,
      figure: barFigure({
        title: `Draining ${vms} VMs over ${members} x ${memberGbps} Gbps, ${simultaneous} at once`,
        categories: plan.comparison.map(label),
        series: [{ name: 'drain time (s)', values: plan.comparison.map((e) => e.drainS) }],
        yTitle: 'seconds',
        height: 420,
      }),
    };
  },
});
