import { ARTICLE_DRAW_SEED, articleScenario, experiments, hostUsage, runScenario } from '../experiments';
import type { Exercise } from './Exercise';
import { choiceCheck, defineExercise, numberCheck } from './defineExercise';

/*
 * Lesson 8, "Switch Independent: send on several, receive on one" (finding 5). Every expected answer is
 * computed with the experiments or by running the scenario the question describes.
 */

/** The name of the member that carried the most bytes (ties: the first in binding order). */
function busiest(gbByMember: Record<string, number>): string {
  let best = '';
  let most = -Infinity;
  for (const [name, gb] of Object.entries(gbByMember)) {
    if (gb > most) {
      best = name;
      most = gb;
    }
  }
  return best;
}

const ex08_1 = defineExercise({
  id: 'ex-08-1',
  lesson: 8,
  title: 'Predict the receive ceiling',
  answerName: 'ex08_1',
  kind: 'number',
  unit: 'Gbps',
  check: numberCheck('ex-08-1', {
    unit: 'Gbps',
    expected: () => experiments['finding-5'].run({ vms: 6 }).measured.peakReceiveGbps as number,
  }),
});

const ex08_2 = defineExercise({
  id: 'ex-08-2',
  lesson: 8,
  title: 'Which member receives?',
  answerName: 'ex08_2',
  kind: 'choice',
  options: ['NIC1', 'NIC2'],
  check: choiceCheck('ex-08-2', () => {
    const data = experiments['finding-5'].run({ vms: 4 }).data as { receivedGB: Record<string, number> };
    return busiest(data.receivedGB);
  }),
});

const ex08_3 = defineExercise({
  id: 'ex-08-3',
  lesson: 8,
  title: 'The primary fails',
  answerName: 'ex08_3',
  kind: 'choice',
  options: ['NIC1', 'NIC2', 'NIC3'],
  check: choiceCheck('ex-08-3', () => {
    const scenario = articleScenario({ teamingMode: 'SwitchIndependent', loadBalancingAlgorithm: 'TransportPorts', vms: 4, members: 3 });
    scenario.hosts[1].team.members[0].up = false;
    return busiest(hostUsage(runScenario(scenario).result, 'HV2').receivedGB);
  }),
});

const ex08_4 = defineExercise({
  id: 'ex-08-4',
  lesson: 8,
  title: 'What Switch Independent costs',
  answerName: 'ex08_4',
  kind: 'number',
  check: numberCheck('ex-08-4', {
    relative: 0.05,
    expected: () => {
      // The lesson's named draw (seed 3): in other draws the LACP connections may share a member and the ratio is 1.
      const drain = (teamingMode: 'SwitchIndependent' | 'Lacp') =>
        runScenario(articleScenario({ teamingMode, loadBalancingAlgorithm: 'TransportPorts', vms: 4, memoryGiB: 8, seed: ARTICLE_DRAW_SEED })).result.durationS;
      return drain('SwitchIndependent') / drain('Lacp');
    },
  }),
});

/** The exercises of lesson 8. */
export const lesson08: Exercise[] = [ex08_1, ex08_2, ex08_3, ex08_4];
