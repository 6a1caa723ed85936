import type { Connection } from '../Connection';
import { outboundInboundTable, primaryMember, receiveMember, sendMember, validateTeam } from '../teaming';
import type { LoadBalancingAlgorithm, Team, TeamingMode } from '../teaming';
import type { CheckResult, Exercise } from './Exercise';
import { choiceCheck, defineExercise, describe, numberCheck } from './defineExercise';
import { migrationConnection } from './migrationConnection';

/*
 * Lesson 2, "A NIC team in one picture": members, modes, algorithms, standby, the primary member and
 * the outbound/inbound table. Every expected answer is computed with the teaming functions.
 */

/** A validated team of `count` 10 Gbps members NIC1, NIC2, ... (the last one standby when asked). */
function lessonTeam(teamingMode: TeamingMode, loadBalancingAlgorithm: LoadBalancingAlgorithm, count: number, lastStandby = false): Team {
  return validateTeam({
    teamingMode,
    loadBalancingAlgorithm,
    members: Array.from({ length: count }, (_, i) => ({
      name: `NIC${i + 1}`,
      gbps: 10,
      ...(lastStandby && i === count - 1 ? { standby: true } : {}),
    })),
  });
}

/** The connection client `i` (10.0.0.1i) opens to the team's host 10.0.0.100 on port 445. */
function clientConnection(i: number): Connection {
  return {
    srcMac: `02:00:00:00:00:${(0x10 + i).toString(16)}`,
    dstMac: '02:00:00:00:01:01',
    srcIp: `10.0.0.${11 + i}`,
    dstIp: '10.0.0.100',
    protocol: 'tcp',
    srcPort: 50000 + i,
    dstPort: 445,
  };
}

const ex02_1 = defineExercise({
  id: 'ex-02-1',
  lesson: 2,
  title: 'Four clients, one team',
  answerName: 'ex02_1',
  kind: 'number',
  check: numberCheck('ex-02-1', {
    relative: 0,
    expected: () => {
      const team = lessonTeam('SwitchIndependent', 'TransportPorts', 2);
      const members = new Set([0, 1, 2, 3].map((i) => receiveMember(team, clientConnection(i))));
      return members.size;
    },
  }),
});

const ex02_2 = defineExercise({
  id: 'ex-02-2',
  lesson: 2,
  title: 'Who decides the receive member?',
  answerName: 'ex02_2',
  kind: 'choice',
  options: ['team', 'switch', 'sender'],
  check: choiceCheck('ex-02-2', () => {
    const row = outboundInboundTable().find((r) => r.teamingMode === 'Lacp' && r.loadBalancingAlgorithm === 'TransportPorts');
    return row !== undefined && row.inbound.includes('switch') ? 'switch' : 'team';
  }),
});

const ex02_3 = defineExercise({
  id: 'ex-02-3',
  lesson: 2,
  title: 'The primary after a failure',
  answerName: 'ex02_3',
  kind: 'choice',
  options: ['NIC1', 'NIC2', 'NIC3'],
  check: choiceCheck('ex-02-3', () => {
    const team = lessonTeam('SwitchIndependent', 'TransportPorts', 3, true);
    const failed: Team = { ...team, members: team.members.map((m, i) => (i === 0 ? { ...m, up: false } : m)) };
    return failed.members[primaryMember(failed)].name;
  }),
});

const ex02_4 = defineExercise({
  id: 'ex-02-4',
  lesson: 2,
  title: 'Steer a migration onto NIC2',
  answerName: 'ex02_4',
  kind: 'value',
  check: (answer: unknown): CheckResult => {
    const id = 'ex-02-4';
    if (typeof answer !== 'number' || !Number.isInteger(answer) || answer < 49152 || answer > 65535) {
      return { id, pass: false, message: `${id}: expected a source port from 49152 to 65535, got ${describe(answer)}` };
    }
    const team = lessonTeam('Lacp', 'TransportPorts', 2);
    const member = sendMember(team, migrationConnection(answer));
    return member === 1
      ? { id, pass: true, message: `${id}: correct: from port ${answer} the team sends on NIC2` }
      : { id, pass: false, message: `${id}: not yet: from port ${answer} the team sends on ${team.members[member].name}` };
  },
});

/** The exercises of lesson 2. */
export const lesson02: Exercise[] = [ex02_1, ex02_2, ex02_3, ex02_4];
