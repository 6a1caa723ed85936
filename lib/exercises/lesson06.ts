import { articleScenario, experiments, hostUsage, runScenario } from '../experiments';
import { TEAMING_MODES, sendMember, validateTeam } from '../teaming';
import type { Team } from '../teaming';
import type { CheckResult, Exercise } from './Exercise';
import { choiceCheck, defineExercise, describe, numberCheck } from './defineExercise';
import { migrationConnection } from './migrationConnection';

/*
 * Lesson 6, "Hyper-V Port: one host vNIC, one member" (finding 3). Every expected answer is computed
 * with the experiments and teaming functions, so the checks follow the model.
 */

/** HV1 draining `vms` 8 GiB VMs to HV2 over LACP teams with Hyper-V Port (the lesson's running setup). */
function hyperVPortRun(vms: number) {
  return runScenario(articleScenario({ teamingMode: 'Lacp', loadBalancingAlgorithm: 'HyperVPort', vms }));
}

const ex06_1 = defineExercise({
  id: 'ex-06-1',
  lesson: 6,
  title: 'Predict the cap',
  answerName: 'ex06_1',
  kind: 'number',
  unit: 'Gbps',
  check: numberCheck('ex-06-1', {
    unit: 'Gbps',
    expected: () => hyperVPortRun(6).result.hosts.HV2.peakReceiveGbps,
  }),
});

const ex06_2 = defineExercise({
  id: 'ex-06-2',
  lesson: 6,
  title: 'Which mode lifts the cap?',
  answerName: 'ex06_2',
  kind: 'choice',
  options: ['SwitchIndependent', 'Static', 'Lacp', 'none'],
  check: choiceCheck('ex-06-2', () => {
    const measured = experiments['finding-3'].run({ vms: 4 }).measured;
    const memberGbps = measured.memberGbps as number;
    const short: Record<string, string> = { SwitchIndependent: 'si', Static: 'static', Lacp: 'lacp' };
    const above = TEAMING_MODES.filter((mode) => (measured[`${short[mode]}HyperVPortPeakSendGbps`] as number) > memberGbps * (1 + 1e-9));
    return above.length === 0 ? 'none' : above[0];
  }),
});

const ex06_3 = defineExercise({
  id: 'ex-06-3',
  lesson: 6,
  title: 'Spread on arrival, capped at departure',
  answerName: 'ex06_3',
  kind: 'number',
  check: numberCheck('ex-06-3', {
    relative: 0,
    expected: () => hostUsage(hyperVPortRun(4).result, 'HV2').receiveMembers,
  }),
});

/** A validated four-member Hyper-V Port team, as HV1 would have. */
function fourMemberTeam(): Team {
  return validateTeam({
    teamingMode: 'Lacp',
    loadBalancingAlgorithm: 'HyperVPort',
    members: ['NIC1', 'NIC2', 'NIC3', 'NIC4'].map((name) => ({ name, gbps: 10 })),
  });
}

/** A live-migration connection from HV1 to HV2. */
const migration = migrationConnection(49152);

const ex06_4 = defineExercise({
  id: 'ex-06-4',
  lesson: 6,
  title: 'Move the host vNIC to NIC3',
  answerName: 'ex06_4',
  kind: 'value',
  check: (answer: unknown): CheckResult => {
    const id = 'ex-06-4';
    if (typeof answer !== 'number' || !Number.isInteger(answer) || answer < 0) {
      return { id, pass: false, message: `${id}: expected a vSwitch port ID (a whole number, 0 or more), got ${describe(answer)}` };
    }
    const team = fourMemberTeam();
    const member = sendMember(team, migration, { vSwitchPortId: answer });
    return team.members[member].name === 'NIC3'
      ? { id, pass: true, message: `${id}: correct: the host vNIC on port ${answer} sends every migration on NIC3` }
      : { id, pass: false, message: `${id}: not yet: port ${answer} is pinned to ${team.members[member].name}` };
  },
});

/** The exercises of lesson 6. */
export const lesson06: Exercise[] = [ex06_1, ex06_2, ex06_3, ex06_4];
