import { articleScenario, experiments, runScenario } from '../experiments';
import type { Exercise } from './Exercise';
import { defineExercise, numberCheck } from './defineExercise';

/*
 * Lesson 10, "After 2012": Dynamic, SET, transports, failover and Linux bonding. Every
 * expected answer is computed by running the model, so the checks follow it.
 */

const ex10_1 = defineExercise({
  id: 'ex-10-1',
  lesson: 10,
  title: 'Dynamic behind a Switch Independent team',
  answerName: 'ex10_1',
  kind: 'number',
  check: numberCheck('ex-10-1', {
    relative: 0,
    expected: () => experiments['dynamic-mode'].run({ teamingMode: 'SwitchIndependent', members: 4, vms: 6 }).measured.severalVmsReceiveMembers as number,
  }),
});

const ex10_2 = defineExercise({
  id: 'ex-10-2',
  lesson: 10,
  title: 'One VM over SMB',
  answerName: 'ex10_2',
  kind: 'number',
  unit: 'Gbps',
  check: numberCheck('ex-10-2', {
    unit: 'Gbps',
    expected: () => {
      const scenario = articleScenario({ vms: 1, seed: 3 });
      scenario.liveMigration = { ...scenario.liveMigration, transport: 'SMB' };
      return runScenario(scenario).result.hosts.HV1.peakSendGbps;
    },
  }),
});

const ex10_3 = defineExercise({
  id: 'ex-10-3',
  lesson: 10,
  title: 'A bond with the default policy',
  answerName: 'ex10_3',
  kind: 'number',
  check: numberCheck('ex-10-3', {
    relative: 0,
    expected: () => experiments['linux-bonding'].run({ xmitHashPolicy: 'layer2', members: 2, vms: 4 }).measured['802.3adSendMembers'] as number,
  }),
});

const ex10_4 = defineExercise({
  id: 'ex-10-4',
  lesson: 10,
  title: 'One member left',
  answerName: 'ex10_4',
  kind: 'number',
  unit: 'Gbps',
  check: numberCheck('ex-10-4', {
    unit: 'Gbps',
    expected: () =>
      experiments['failover'].run({ teamingMode: 'Lacp', loadBalancingAlgorithm: 'TransportPorts', vms: 4, failAtS: 5, seed: 3 }).measured.survivorsSendAfterGbps as number,
  }),
});

/** The exercises of lesson 10. */
export const lesson10: Exercise[] = [ex10_1, ex10_2, ex10_3, ex10_4];
