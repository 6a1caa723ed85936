import { barFigure } from '../figures';
import { expectedMembersUsed } from '../hashing';
import { checkNumber } from '../fieldChecks';
import type { ScenarioInput } from '../scenario';
import { MAX_TEAM_MEMBERS } from '../teaming';
import type { LoadBalancingAlgorithm } from '../teaming';
import { defineExperiment } from './defineExperiment';
import { runScenario } from './runScenario';
import { fmt, hostUsage } from './usage';

/** Options of finding 2 (`manyDestinations`); each defaults to its control's default. */
export interface ManyDestinationsOptions extends Record<string, unknown> {
  /** Hosts HV1 migrates one VM to, 1 to 16. Default 8. */
  destinations: number;
  /** Members of HV1's team, 2 to 8. Default 4. */
  members: number;
  /** HV1's Address Hash sub-mode: TransportPorts, IPAddresses or MacAddresses. Default TransportPorts. */
  loadBalancingAlgorithm: string;
  /** `per-vm` or `per-host-pair` (see `ConnectionModel`). Default per-host-pair. */
  connections: string;
}

/** Data of finding 2. */
export interface ManyDestinationsData {
  /** GB HV1 sent on each member, by member name, with the chosen Address Hash sub-mode. */
  sentGB: Record<string, number>;
  /** The same with Hyper-V Port. */
  hyperVPortSentGB: Record<string, number>;
}

/** The fixed setup of every finding-2 drain: each VM's memory (GiB) and dirty rate (MB/s), each member's
 * speed (Gbps) and the simultaneous setting (high enough that every migration runs at once). */
const MANY_DESTINATIONS_SETUP = { memoryGiB: 8, dirtyMBps: 50, memberGbps: 10, simultaneous: 64 } as const;

/** Most destinations: the hosts are 10.10.10.1 (HV1) to 10.10.10.(destinations + 1), so 253 at most. */
const MAX_DESTINATIONS = 253;

/**
 * One source host (HV1) sending one VM to each of `destinations` target hosts; HV1's team has `members`
 * 10 Gbps members and uses `loadBalancingAlgorithm`, the targets use TransportPorts.
 *
 * @throws InputError unless `destinations` is an integer from 1 to 253 and `members` one from 1 to 32
 *   (the other values are checked by `validateScenario` when the scenario runs).
 */
export function manyDestinationsScenario(
  destinations: number,
  members: number,
  loadBalancingAlgorithm: LoadBalancingAlgorithm,
  connections: 'per-vm' | 'per-host-pair',
): ScenarioInput {
  checkNumber(destinations, 'destinations', { integer: true, min: 1, max: MAX_DESTINATIONS });
  checkNumber(members, 'members', { integer: true, min: 1, max: MAX_TEAM_MEMBERS });
  const team = (algorithm: LoadBalancingAlgorithm) => ({
    teamingMode: 'SwitchIndependent' as const,
    loadBalancingAlgorithm: algorithm,
    members: Array.from({ length: members }, (_, i) => ({ name: `NIC${i + 1}`, gbps: MANY_DESTINATIONS_SETUP.memberGbps })),
  });
  return {
    hosts: Array.from({ length: destinations + 1 }, (_, i) => ({
      name: `HV${i + 1}`,
      ip: `10.10.10.${i + 1}`,
      team: team(i === 0 ? loadBalancingAlgorithm : 'TransportPorts'),
    })),
    liveMigration: { simultaneous: MANY_DESTINATIONS_SETUP.simultaneous, connections },
    migrations: Array.from({ length: destinations }, (_, i) => ({
      vm: `VM${String(i + 1).padStart(2, '0')}`,
      from: 'HV1',
      to: `HV${i + 2}`,
      memoryGiB: MANY_DESTINATIONS_SETUP.memoryGiB,
      dirtyMBps: MANY_DESTINATIONS_SETUP.dirtyMBps,
    })),
  };
}

/**
 * Finding 2: several streams to several destinations spread across members with Address Hash. HV1
 * migrates one VM to each of several hosts at once; the destination address (and port) differs per
 * stream, so the Address Hash places them on different members. The same drain under Hyper-V Port stays
 * on the one member its host vNIC is pinned to. The closed form for uniform hashing,
 * M(1 - (1 - 1/M)^N), gives the number of members we expect to see used.
 */
export const manyDestinations = defineExperiment<ManyDestinationsOptions, ManyDestinationsData>({
  id: 'finding-2',
  finding: 2,
  title: 'Streams to several destinations spread over the members',
  controls: [
    { name: 'destinations', label: 'Destination hosts', kind: 'number', min: 1, max: 16, step: 1, default: 8 },
    { name: 'members', label: 'Members in the source team', kind: 'number', min: 2, max: 8, step: 1, default: 4 },
    {
      name: 'loadBalancingAlgorithm',
      label: 'Load-balancing algorithm',
      kind: 'select',
      options: ['TransportPorts', 'IPAddresses', 'MacAddresses'],
      default: 'TransportPorts',
    },
    { name: 'connections', label: 'Connection model', kind: 'select', options: ['per-vm', 'per-host-pair'], default: 'per-host-pair' },
  ],
  run({ destinations, members, loadBalancingAlgorithm, connections }, draw) {
    const algorithm = loadBalancingAlgorithm as LoadBalancingAlgorithm;
    const model = connections as 'per-vm' | 'per-host-pair';
    const hashed = hostUsage(runScenario(manyDestinationsScenario(destinations, members, algorithm, model), draw).result, 'HV1');
    const pinned = hostUsage(runScenario(manyDestinationsScenario(destinations, members, 'HyperVPort', model), draw).result, 'HV1');
    const expected = expectedMembersUsed(destinations, members);
    const holds = pinned.sendMembers === 1 && hashed.sendMembers <= Math.min(destinations, members);
    const spread = destinations < 2 || hashed.sendMembers >= 2;
    return {
      id: 'finding-2',
      claim:
        'Streams to several destinations can spread across the team members with Address Hash, each stream\'s member being a draw of the hash ' +
        '(so how many members are used varies from host to host), while Hyper-V Port keeps them all on one member.',
      holds,
      anyHash: {
        statement: 'Hyper-V Port keeps every stream on one member; Address Hash never uses more members than there are streams.',
        holds,
      },
      observation: {
        statement: `Streams to ${destinations} destinations left on at least two members (as the article saw).`,
        appeared: spread,
        uniformHashProbability: destinations < 2 ? 1 : 1 - Math.pow(members, 1 - destinations),
      },
      measured: {
        destinations,
        members,
        sendMembersUsed: hashed.sendMembers,
        expectedMembersUsed: expected,
        peakSendGbps: hashed.peakSendGbps,
        hyperVPortSendMembersUsed: pinned.sendMembers,
        hyperVPortPeakSendGbps: pinned.peakSendGbps,
        memoryGiB: MANY_DESTINATIONS_SETUP.memoryGiB,
        dirtyMBps: MANY_DESTINATIONS_SETUP.dirtyMBps,
        memberGbps: MANY_DESTINATIONS_SETUP.memberGbps,
        simultaneous: MANY_DESTINATIONS_SETUP.simultaneous,
        totalSentGB: sumValues(hashed.sentGB),
        hyperVPortTotalSentGB: sumValues(pinned.sentGB),
      },
      summary:
        `Migrating to ${destinations} hosts with ${loadBalancingAlgorithm}, HV1 sent on ${hashed.sendMembers} of ${members} members ` +
        `(uniform hashing predicts ${fmt(expected, 2)} on average) and peaked at ${fmt(hashed.peakSendGbps)} Gbps; ` +
        `with Hyper-V Port it used ${pinned.sendMembers} member at ${fmt(pinned.peakSendGbps)} Gbps.`,
      data: { sentGB: hashed.sentGB, hyperVPortSentGB: pinned.sentGB },
      figure: barFigure({
        title: `HV1 draining to ${destinations} hosts: GB sent per member`,
        categories: Object.keys(hashed.sentGB),
        series: [
          { name: loadBalancingAlgorithm, values: Object.values(hashed.sentGB) },
          { name: 'HyperVPort', values: Object.values(pinned.sentGB) },
        ],
        yTitle: 'GB sent',
      }),
    };
  },
});

/** The sum of a record's values (GB per member to GB in all). */
function sumValues(record: Record<string, number>): number {
  return Object.values(record).reduce((sum, v) => sum + v, 0);
}
