import { barFigure } from '../figures';
import type { CiscoLoadBalance } from '../hashing';
import type { ConnectionModel } from '../scenario';
import { articleScenario } from './articleScenario';
import { membersControl, memoryGiBControl, seedControl, vmsControl, vmsText } from './controls';
import { defineExperiment } from './defineExperiment';
import { runScenario } from './runScenario';
import { fmt, hostUsage } from './usage';
import { DEFAULT_SWITCH_LOAD_BALANCE } from '../teaming/defaultSwitchLoadBalance';

/** Options of finding 4 (`switchDependentAllMembers`); each defaults to its control's default. */
export interface SwitchDependentAllMembersOptions extends Record<string, unknown> {
  /** VMs migrating from HV1 to HV2, 1 to 12. Default 2. */
  vms: number;
  /** Memory of each VM, GiB, 1 to 64. Default 16. */
  memoryGiB: number;
  /** Members per team (10 Gbps each), 2 to 8. Default 2. */
  members: number;
  /** The switch's `port-channel load-balance`: src-dst-port, src-port, dst-port, src-dst-ip, src-dst-mac or src-mac. Default src-dst-port. */
  switchLoadBalance: string;
  /** The scenario seed of the one run shown (see `seedControl`); an ensemble's draws replace it. Default 1. */
  seed: number;
}

/** One switch-dependent mode under one connection hypothesis. */
export interface SwitchDependentAllMembersRow {
  /** The teams' `TeamingMode`. */
  teamingMode: 'Static' | 'Lacp';
  /** The connection hypothesis simulated. */
  connections: ConnectionModel;
  /** Members of HV1 that sent at least 1 % of its bytes. */
  sendMembers: number;
  /** Members of HV2 that received at least 1 % of its bytes. */
  receiveMembers: number;
  /** Highest send rate of HV1, Gbps. */
  peakSendGbps: number;
  /** Highest receive rate of HV2, Gbps. */
  peakReceiveGbps: number;
  /** Seconds until the last VM resumed on HV2. */
  drainS: number;
}

/**
 * Finding 4: between just two hosts, Static and LACP teams with Address Hash use every member once two
 * or more VMs migrate at once — if each VM migration is its own TCP connection (`per-vm`). The competing
 * hypothesis (`per-host-pair`: one connection for all migrations between two hosts) predicts one member.
 * Both are simulated, so the data can decide: the article saw both members busy on both hosts. The
 * switch's own `port-channel load-balance` hash decides the receive side; with a policy that ignores
 * ports (`src-dst-ip`, `src-dst-mac`) every connection between the two hosts lands on one receive member.
 */
export const switchDependentAllMembers = defineExperiment<SwitchDependentAllMembersOptions, SwitchDependentAllMembersRow[]>({
  id: 'finding-4',
  finding: 4,
  title: 'Static and LACP with Address Hash can use all members between two hosts',
  controls: [
    vmsControl(2),
    memoryGiBControl(16),
    membersControl(2),
    {
      name: 'switchLoadBalance',
      label: 'Switch load-balance',
      kind: 'select',
      options: ['src-dst-port', 'src-port', 'dst-port', 'src-dst-ip', 'src-dst-mac', 'src-mac'],
      default: DEFAULT_SWITCH_LOAD_BALANCE,
    },
    seedControl(),
  ],
  run({ vms, memoryGiB, members, switchLoadBalance, seed }, draw) {
    const memberGbps = 10;
    const rows: SwitchDependentAllMembersRow[] = [];
    for (const teamingMode of ['Static', 'Lacp'] as const) {
      for (const connections of ['per-vm', 'per-host-pair'] as const) {
        const sim = runScenario(
          articleScenario({
            teamingMode,
            loadBalancingAlgorithm: 'TransportPorts',
            vms,
            memoryGiB,
            members,
            memberGbps,
            connections,
            switchLoadBalance: switchLoadBalance as CiscoLoadBalance,
            seed,
          }),
          draw,
        );
        const source = hostUsage(sim.result, 'HV1');
        const target = hostUsage(sim.result, 'HV2');
        rows.push({
          teamingMode,
          connections,
          sendMembers: source.sendMembers,
          receiveMembers: target.receiveMembers,
          peakSendGbps: source.peakSendGbps,
          peakReceiveGbps: target.peakReceiveGbps,
          drainS: sim.result.durationS,
        });
      }
    }
    const perVm = rows.filter((r) => r.connections === 'per-vm');
    const perPair = rows.filter((r) => r.connections === 'per-host-pair');
    const perVmAllMembers = perVm.every((r) => r.sendMembers === members && r.receiveMembers === members);
    const perPairOneMember = perPair.every((r) => r.sendMembers === 1 && r.receiveMembers === 1);
    // What the rules alone guarantee: one connection per host pair is one member each way; one per VM never
    // uses more members than there are VMs. Whether the per-VM connections do reach every member is a draw.
    const reachable = Math.min(vms, members);
    const holds = perPairOneMember && perVm.every((r) => r.sendMembers <= reachable && r.receiveMembers <= reachable);
    const measured = {
      vms,
      members,
      memberGbps,
      perVmSendMembers: Math.min(...perVm.map((r) => r.sendMembers)),
      perVmReceiveMembers: Math.min(...perVm.map((r) => r.receiveMembers)),
      perVmPeakSendGbps: Math.min(...perVm.map((r) => r.peakSendGbps)),
      perVmPeakReceiveGbps: Math.min(...perVm.map((r) => r.peakReceiveGbps)),
      perHostPairSendMembers: Math.max(...perPair.map((r) => r.sendMembers)),
      perHostPairPeakSendGbps: Math.max(...perPair.map((r) => r.peakSendGbps)),
      // The article saw every member busy: only a hypothesis that can give that fits. One connection per host pair
      // never can (one member each way, whatever the hash); one per VM can once there are as many VMs as members.
      hypothesisThatFitsArticle: perPairOneMember && vms >= members ? 'per-vm' : 'neither',
    };
    return {
      id: 'finding-4',
      claim:
        'Between two hosts, Static and LACP teams with Address Hash can use all members once two or more VMs migrate at once, ' +
        'because each VM migration is its own TCP connection (one connection per host pair never can); whether they do is a draw of the hosts\' keys and ports, ' +
        'and the switch\'s hash decides the receive side.',
      holds,
      anyHash: {
        statement: 'One connection per host pair uses one member each way; one connection per VM never uses more members than VMs.',
        holds,
      },
      observation: {
        statement: `With ${vms} VMs and one connection per VM, all ${members} members carried traffic on both hosts (as the article saw).`,
        appeared: vms >= 2 && perVmAllMembers,
      },
      measured,
      summary:
        `With ${vmsText(vms)}, one connection per VM gave ${measured.perVmSendMembers} send and ${measured.perVmReceiveMembers} receive members ` +
        `(peak ${fmt(measured.perVmPeakSendGbps)} Gbps) with the switch hashing ${switchLoadBalance}; one connection per host pair ` +
        `gave ${measured.perHostPairSendMembers} member (peak ${fmt(measured.perHostPairPeakSendGbps)} Gbps).`,
      data: rows,
      figure: barFigure({
        title: `${vmsText(vms)} from HV1 to HV2: peak rates by hypothesis`,
        categories: rows.map((r) => `${r.teamingMode} ${r.connections}`),
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
