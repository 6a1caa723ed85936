import { barFigure } from '../figures';
import type { ScenarioInput } from '../scenario';
import type { TeamingMode } from '../teaming/Team';
import { articleScenario } from './articleScenario';
import { membersControl, memoryGiBControl } from './controls';
import { defineExperiment } from './defineExperiment';
import { runScenario } from './runScenario';
import { atMost, fmt, hostUsage } from './usage';

/** Options of `dynamicMode`; each defaults to its control's default. */
export interface DynamicModeOptions extends Record<string, unknown> {
  /** The teams' `TeamingMode`. Default SwitchIndependent. */
  teamingMode: string;
  /** Members per team (10 Gbps each), 2 to 8. Default 4. */
  members: number;
  /** VMs migrating at once in the several-VM runs, 2 to 12. Default 6. */
  vms: number;
  /** Memory of each VM, GiB, 1 to 64. Default 8. */
  memoryGiB: number;
  /** Pause between pre-copy rounds, ms, 0 to 100. Default 0. */
  roundPauseMs: number;
  /** Flowlet gap threshold, ms, 0 to 100: a pause at least this long lets Dynamic move the flow. Default 0. */
  flowletGapMs: number;
  /** Seconds between periodic rebalances, 0 (off) to 60. Default 5. */
  rebalancePeriodS: number;
}

/** One run: an algorithm and a number of VMs. */
export interface DynamicModeRun {
  loadBalancingAlgorithm: 'TransportPorts' | 'Dynamic';
  vms: number;
  /** Members of HV1 that sent at least 1 % of its bytes. */
  sendMembers: number;
  /** Members of HV2 that received at least 1 % of its bytes. */
  receiveMembers: number;
  /** Highest send rate of HV1, Gbps. */
  peakSendGbps: number;
  /** Seconds until the last VM resumed on HV2. */
  drainS: number;
  /** GB sent by each member of HV1. */
  sentGB: Record<string, number>;
  /** How many times a migration's flow moved to another member. */
  moves: number;
}

/**
 * Beyond the article: the Dynamic algorithm of Windows Server 2012 R2. It starts each connection on the
 * TransportPorts hash, then may move it to the least-loaded member at a flowlet boundary (a pause in the
 * flow longer than a threshold) or at a periodic rebalance. Live migration pauses between pre-copy
 * rounds, so in the model its round boundaries are flowlet boundaries (when `roundPauseMs >=
 * flowletGapMs`). One migration is one flow: it is never on two members at once, and with nothing else
 * to balance against it never moves. Several migrations are spread over every member, where Address
 * Hash may leave members idle. The reference observation: one migration stayed on one member, six
 * simultaneous ones used all members.
 */
export const dynamicMode = defineExperiment<DynamicModeOptions, DynamicModeRun[]>({
  id: 'dynamic-mode',
  finding: null,
  title: 'Dynamic keeps one migration on one member and spreads several over all members',
  controls: [
    { name: 'teamingMode', label: 'Teaming mode', kind: 'select', options: ['SwitchIndependent', 'Static', 'Lacp'], default: 'SwitchIndependent' },
    membersControl(4),
    { name: 'vms', label: 'VMs migrating at once', kind: 'number', min: 2, max: 12, step: 1, default: 6 },
    memoryGiBControl(8),
    { name: 'roundPauseMs', label: 'Pause between pre-copy rounds (ms)', kind: 'number', min: 0, max: 100, step: 1, default: 0 },
    { name: 'flowletGapMs', label: 'Flowlet gap threshold (ms)', kind: 'number', min: 0, max: 100, step: 1, default: 0 },
    { name: 'rebalancePeriodS', label: 'Periodic rebalance every (s, 0 = off)', kind: 'number', min: 0, max: 60, step: 1, default: 5 },
  ],
  run({ teamingMode, members, vms, memoryGiB, roundPauseMs, flowletGapMs, rebalancePeriodS }, draw) {
    const memberGbps = 10;
    const runs: DynamicModeRun[] = [];
    for (const loadBalancingAlgorithm of ['TransportPorts', 'Dynamic'] as const) {
      for (const count of [1, vms]) {
        const input: ScenarioInput = {
          ...articleScenario({ teamingMode: teamingMode as TeamingMode, loadBalancingAlgorithm, members, memberGbps, vms: count, memoryGiB, simultaneous: count }),
          dynamic: { flowletGapMs, rebalancePeriodS },
        };
        input.liveMigration = { ...input.liveMigration, roundPauseMs };
        const sim = runScenario(input, draw);
        const source = hostUsage(sim.result, 'HV1');
        runs.push({
          loadBalancingAlgorithm,
          vms: count,
          sendMembers: source.sendMembers,
          receiveMembers: hostUsage(sim.result, 'HV2').receiveMembers,
          peakSendGbps: source.peakSendGbps,
          drainS: sim.result.durationS,
          sentGB: source.sentGB,
          moves: sim.result.migrations.reduce((sum, m) => sum + (m.reroutes?.length ?? 0), 0),
        });
      }
    }
    const pick = (algorithm: string, count: number) => runs.find((r) => r.loadBalancingAlgorithm === algorithm && r.vms === count) as DynamicModeRun;
    const one = pick('Dynamic', 1);
    const several = pick('Dynamic', vms);
    const hashed = pick('TransportPorts', vms);
    // Several migrations can use at most one member each at a time: all members when there are enough of them.
    const reachable = Math.min(members, vms);
    const holds = one.sendMembers === 1 && one.moves === 0 && atMost(one.peakSendGbps, memberGbps) && several.sendMembers <= reachable;
    const spreadAll = several.sendMembers === reachable;
    return {
      id: 'dynamic-mode',
      claim:
        'Under Dynamic (Windows Server 2012 R2), one live migration stays on one member whatever the hash, while several simultaneous migrations can be spread ' +
        'over up to as many members as there are migrations by its rebalancing, a rule Microsoft does not publish (the model\'s is a parameter).',
      holds,
      anyHash: { statement: 'One migration under Dynamic stays on one member, never moves and never passes one member\'s speed.', holds },
      observation: {
        statement: `${vms} simultaneous migrations under Dynamic used ${reachable} members (the reference observation: all members).`,
        appeared: spreadAll,
      },
      measured: {
        members,
        vms,
        memberGbps,
        oneVmSendMembers: one.sendMembers,
        oneVmMoves: one.moves,
        oneVmPeakSendGbps: one.peakSendGbps,
        severalVmsSendMembers: several.sendMembers,
        severalVmsMoves: several.moves,
        severalVmsPeakSendGbps: several.peakSendGbps,
        severalVmsReceiveMembers: several.receiveMembers,
        addressHashSeveralVmsSendMembers: hashed.sendMembers,
        dynamicDrainS: several.drainS,
        addressHashDrainS: hashed.drainS,
      },
      summary:
        `One VM under Dynamic sent on ${one.sendMembers} member (peak ${fmt(one.peakSendGbps)} Gbps, ${one.moves} moves); ` +
        `${vms} VMs sent on ${several.sendMembers} of ${members} members (at least 1 % of the bytes each) after ${several.moves} moves, where Address Hash used ${hashed.sendMembers}. ` +
        `HV2 received on ${several.receiveMembers} member(s)` +
        (teamingMode === 'SwitchIndependent' ? ', since Switch Independent Dynamic receives per vSwitch port, like Hyper-V Port.' : '.'),
      data: runs,
      figure: barFigure({
        title: `GB sent per member of HV1 (${teamingMode}, ${members} x ${memberGbps} Gbps)`,
        categories: Object.keys(one.sentGB),
        series: runs.map((r) => ({
          name: `${r.loadBalancingAlgorithm === 'Dynamic' ? 'Dynamic' : 'Address Hash'}, ${r.vms} VM${r.vms === 1 ? '' : 's'} (GB sent)`,
          values: Object.values(r.sentGB),
        })),
        yTitle: 'GB sent',
        xTitle: 'member',
      }),
    };
  },
});
