import { ARTICLE_DRAW_SEED, articleScenario, runScenario } from '../experiments';
import { precopyModel } from '../migration';
import type { PrecopyModelOptions } from '../migration';
import { SCENARIO_DEFAULTS } from '../scenario';
import type { CheckResult, Exercise } from './Exercise';
import { defineExercise, describe, numberCheck } from './defineExercise';

/*
 * Lesson 5, "Anatomy of a live migration": pre-copy rounds, downtime, convergence, the simultaneous
 * setting and the two connection hypotheses. Expected answers come from `precopyModel` and from
 * simulating `articleScenario`.
 */

const GIB = 2 ** 30;

/** The lesson's VM: 8 GiB over one 10 Gbps member, with the scenario defaults' stop threshold and resume time. */
function lessonVm(dirtyMBps: number): PrecopyModelOptions {
  return {
    memoryBytes: 8 * GIB,
    dirtyBytesPerS: dirtyMBps * 1e6,
    bandwidthBytesPerS: 10e9 / 8,
    stopThresholdBytes: SCENARIO_DEFAULTS.liveMigration.stopThresholdMB * 1e6,
    resumeS: SCENARIO_DEFAULTS.liveMigration.resumeS,
  };
}

const ex05_1 = defineExercise({
  id: 'ex-05-1',
  lesson: 5,
  title: 'Count the passes',
  answerName: 'ex05_1',
  kind: 'number',
  check: numberCheck('ex-05-1', { relative: 0, expected: () => precopyModel(lessonVm(50)).precopyRounds }),
});

const ex05_2 = defineExercise({
  id: 'ex-05-2',
  lesson: 5,
  title: 'How long is the VM paused?',
  answerName: 'ex05_2',
  kind: 'number',
  unit: 'ms',
  check: numberCheck('ex-05-2', { relative: 0.02, unit: 'ms', expected: () => precopyModel(lessonVm(50)).downtimeS * 1000 }),
});

const ex05_3 = defineExercise({
  id: 'ex-05-3',
  lesson: 5,
  title: 'When does the third VM start?',
  answerName: 'ex05_3',
  kind: 'number',
  unit: 's',
  check: numberCheck('ex-05-3', {
    relative: 0.02,
    unit: 's',
    expected: () => {
      // One named draw (seed 3), in which VM01 and VM02 land on different members: the lesson says so.
      const outcome = runScenario(articleScenario({ seed: ARTICLE_DRAW_SEED })).result.migrations.find((m) => m.vm === 'VM03');
      if (outcome === undefined) throw new Error('ex-05-3: the article scenario has no VM03');
      return outcome.startS;
    },
  }),
});

/** Largest dirty rate ex-05-4 takes, MB/s (1 PB/s): far above the link, and small enough to stay a finite number of bytes. */
const MAX_DIRTY_MBPS = 1e9;

const ex05_4 = defineExercise({
  id: 'ex-05-4',
  lesson: 5,
  title: 'A VM that never converges',
  answerName: 'ex05_4',
  kind: 'number',
  unit: 'MB/s',
  check: (answer: unknown): CheckResult => {
    const id = 'ex-05-4';
    if (typeof answer !== 'number' || !Number.isFinite(answer) || answer < 0 || answer > MAX_DIRTY_MBPS) {
      return { id, pass: false, message: `${id}: expected a dirty rate in MB/s from 0 to ${MAX_DIRTY_MBPS}, got ${describe(answer)}` };
    }
    const model = precopyModel(lessonVm(answer));
    return model.converged
      ? { id, pass: false, message: `${id}: not yet: at ${answer} MB/s pre-copy still converges in ${model.precopyRounds} rounds` }
      : { id, pass: true, message: `${id}: correct: at ${answer} MB/s the round cap, not the threshold, ends pre-copy` };
  },
});

const ex05_5 = defineExercise({
  id: 'ex-05-5',
  lesson: 5,
  title: 'The one-connection hypothesis',
  answerName: 'ex05_5',
  kind: 'number',
  unit: 'Gbps',
  check: numberCheck('ex-05-5', {
    relative: 0.02,
    unit: 'Gbps',
    expected: () => runScenario(articleScenario({ connections: 'per-host-pair' })).result.hosts.HV1.peakSendGbps,
  }),
});

/** The exercises of lesson 5. */
export const lesson05: Exercise[] = [ex05_1, ex05_2, ex05_3, ex05_4, ex05_5];
