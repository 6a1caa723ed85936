import { memberRatesFigure } from '../figures';
import { allMembersUsedProbability } from '../hashing';
import { articleScenario } from './articleScenario';
import { membersControl, memoryGiBControl, vmsControl, seedControl } from './controls';
import { defineExperiment } from './defineExperiment';
import { runScenario } from './runScenario';
import { atMost, fmt, hostUsage } from './usage';

/** Options of finding 5 (`switchIndependentAddressHash`); each defaults to its control's default. */
export interface SwitchIndependentAddressHashOptions extends Record<string, unknown> {
  /** VMs migrating from HV1 to HV2, 1 to 12. Default 4. */
  vms: number;
  /** Memory of each VM, GiB, 1 to 64. Default 8. */
  memoryGiB: number;
  /** Members per team (10 Gbps each), 2 to 8. Default 2. */
  members: number;
  /** The scenario seed of the one run shown (see `seedControl`); an ensemble's draws replace it. Default 1. */
  seed: number;
}

/** Data of finding 5. */
export interface SwitchIndependentAddressHashData {
  /** GB HV1 sent on each member, by member name. */
  sentGB: Record<string, number>;
  /** GB HV2 received on each member, by member name. */
  receivedGB: Record<string, number>;
  /** Seconds until the last VM resumed on HV2. */
  drainS: number;
}

/**
 * Finding 5: with Switch Independent teaming and Address Hash, the source sends on all members but the
 * target receives on one. The switch knows nothing of the team; the target's peers learned the team's
 * (primary member's) MAC address, so every frame for the team arrives on the primary member, and the
 * receive side caps the transfer at one member's speed.
 */
export const switchIndependentAddressHash = defineExperiment<SwitchIndependentAddressHashOptions, SwitchIndependentAddressHashData>({
  id: 'finding-5',
  finding: 5,
  title: 'Switch Independent with Address Hash: send on several, receive on one',
  controls: [
    vmsControl(4),
    memoryGiBControl(8),
    membersControl(2),
    seedControl(),
  ],
  run({ vms, memoryGiB, members, seed }, draw) {
    const memberGbps = 10;
    const sim = runScenario(
      articleScenario({ teamingMode: 'SwitchIndependent', loadBalancingAlgorithm: 'TransportPorts', vms, memoryGiB, members, memberGbps, seed }),
      draw,
    );
    const source = hostUsage(sim.result, 'HV1');
    const target = hostUsage(sim.result, 'HV2');
    const holds = target.receiveMembers === 1 && atMost(target.peakReceiveGbps, memberGbps);
    const sendsOnAll = vms >= members && source.sendMembers === members;
    return {
      id: 'finding-5',
      claim:
        'With Switch Independent teaming and Address Hash, the target receives on one member whatever the hash; the source can send on all members, ' +
        'and does whenever the migrations\' connections hash to every member (a draw).',
      holds,
      anyHash: { statement: 'HV2 receives everything on one member (its primary) and never faster than one member.', holds },
      observation: {
        statement: `HV1 sent on all ${members} members while HV2 received on one (as the article saw).`,
        appeared: sendsOnAll && holds,
        uniformHashProbability: allMembersUsedProbability(vms, members),
      },
      measured: {
        vms,
        members,
        sendMembersUsed: source.sendMembers,
        receiveMembersUsed: target.receiveMembers,
        peakSendGbps: source.peakSendGbps,
        peakReceiveGbps: target.peakReceiveGbps,
        memberGbps,
      },
      summary:
        `HV1 sent on ${source.sendMembers} of ${members} members while HV2 received on ${target.receiveMembers}; ` +
        `the transfer peaked at ${fmt(target.peakReceiveGbps)} Gbps, one member's worth.`,
      data: { sentGB: source.sentGB, receivedGB: target.receivedGB, drainS: sim.result.durationS },
      figure: memberRatesFigure(sim, { title: 'Switch Independent + Address Hash: per-member rates (1 s samples)' }),
    };
  },
});
