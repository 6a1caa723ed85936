import { concurrentUse, perfmonView, taskManagerView } from '../counters';
import { articleScenario, experiments, runScenario } from '../experiments';
import type { CheckResult, Exercise } from './Exercise';
import { choiceCheck, defineExercise, describe, numberCheck } from './defineExercise';

/*
 * Lesson 9, "Seeing it: counters and sampling" (finding 6). Every expected answer is computed with the
 * counter views on a simulated run, set up as the finding's experiment sets it up.
 */

/** Member speed of the lesson's teams, Gbps; a member counts as busy above a tenth of it (as in finding 6). */
const MEMBER_GBPS = 10;
const BUSY_GBPS = MEMBER_GBPS / 10;

/** Two VMs of `memoryGiB` from HV1 to HV2 over LACP + Address Hash, with finding 6's setup jitter. */
function twoVmRun(memoryGiB: number) {
  const sim = runScenario(
    articleScenario({ teamingMode: 'Lacp', loadBalancingAlgorithm: 'TransportPorts', vms: 2, memoryGiB, memberGbps: MEMBER_GBPS, setupJitterS: 0.5, seed: 3 }),
  );
  const links = sim.links.filter((l) => l.host === 'HV1' && l.direction === 'send').map((l) => l.id);
  return { sim, links };
}

/** Highest sample of HV1's total send rate (sum over members) in a Performance Monitor log at `intervalS`. */
function highestTotalSample(memoryGiB: number, intervalS: number): number {
  const { sim, links } = twoVmRun(memoryGiB);
  const log = perfmonView(sim.timeline, { links, intervalS });
  return Math.max(...log.timesS.map((_, k) => links.reduce((sum, id) => sum + log.gbps[id][k], 0)));
}

/** Whether a person watching Task Manager (1 s updates, 3 s to notice) sees both members busy. */
function taskManagerNotices(memoryGiB: number): boolean {
  const { sim, links } = twoVmRun(memoryGiB);
  return concurrentUse(taskManagerView(sim.timeline, { links, updateIntervalS: 1, minVisibleS: 3 }), { thresholdGbps: BUSY_GBPS }).seen;
}

const ex09_1 = defineExercise({
  id: 'ex-09-1',
  lesson: 9,
  title: 'The highest one-second sample',
  answerName: 'ex09_1',
  kind: 'number',
  unit: 'Gbps',
  check: numberCheck('ex-09-1', { unit: 'Gbps', expected: () => highestTotalSample(1, 1) }),
});

const ex09_2 = defineExercise({
  id: 'ex-09-2',
  lesson: 9,
  title: 'Four-second samples',
  answerName: 'ex09_2',
  kind: 'number',
  unit: 'Gbps',
  check: numberCheck('ex-09-2', { unit: 'Gbps', expected: () => highestTotalSample(1, 4) }),
});

const ex09_3 = defineExercise({
  id: 'ex-09-3',
  lesson: 9,
  title: 'Would you have noticed?',
  answerName: 'ex09_3',
  kind: 'choice',
  options: ['yes', 'no'],
  check: choiceCheck('ex-09-3', () => (experiments['finding-6'].run({ vms: 2, smallMemoryGiB: 1 }).measured.smallTaskManagerSees ? 'yes' : 'no')),
});

/** Largest memory size the open exercise searches, GiB. */
const MAX_SEARCH_GIB = 64;

const ex09_4 = defineExercise({
  id: 'ex-09-4',
  lesson: 9,
  title: 'Big enough to see',
  answerName: 'ex09_4',
  kind: 'value',
  check: (answer: unknown): CheckResult => {
    const id = 'ex-09-4';
    if (typeof answer !== 'number' || !Number.isInteger(answer) || answer < 1 || answer > MAX_SEARCH_GIB) {
      return { id, pass: false, message: `${id}: expected a whole number of GiB from 1 to ${MAX_SEARCH_GIB}, got ${describe(answer)}` };
    }
    if (!taskManagerNotices(answer)) {
      return { id, pass: false, message: `${id}: not yet: with two ${answer} GiB VMs the watcher does not notice both members busy` };
    }
    for (let smaller = 1; smaller < answer; smaller++) {
      if (taskManagerNotices(smaller)) {
        return { id, pass: false, message: `${id}: not yet: ${answer} GiB is big enough, but a smaller size is too` };
      }
    }
    return { id, pass: true, message: `${id}: correct: ${answer} GiB is the smallest size Task Manager shows` };
  },
});

/** The exercises of lesson 9. */
export const lesson09: Exercise[] = [ex09_1, ex09_2, ex09_3, ex09_4];
