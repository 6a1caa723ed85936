import { experiments } from '../experiments';
import { simulateTcpStream, sprayingCalibration, sprayingDetectors } from '../packet';
import type { TcpStreamOptions } from '../packet';
import type { CheckResult, Exercise } from './Exercise';
import { choiceCheck, defineExercise, describe, numberCheck } from './defineExercise';

/*
 * Lesson 4, "One stream, one member": the fluid model's finding 1 and the packet-level model of
 * spraying one TCP connection over several members. Expected answers come from those models.
 */

/** The lesson's sprayed stream: four members at the study's calibrated rate and delays, 0.2 s measured after 0.05 s. */
function lessonStream(changes: Partial<TcpStreamOptions>): TcpStreamOptions {
  return {
    members: Array.from({ length: 4 }, () => ({ gbps: sprayingCalibration.memberGbps })),
    baseDelayUs: sprayingCalibration.baseDelayUs,
    jitterUs: sprayingCalibration.delaySpreadUs,
    durationS: 0.25,
    warmupS: 0.05,
    ...changes,
  };
}

const ex04_1 = defineExercise({
  id: 'ex-04-1',
  lesson: 4,
  title: 'One migration, four members',
  answerName: 'ex04_1',
  kind: 'number',
  unit: 'Gbps',
  check: numberCheck('ex-04-1', {
    unit: 'Gbps',
    expected: () => Number(experiments['finding-1'].run({ members: 4, memberGbps: 10 }).measured.maxPeakGbps),
  }),
});

const ex04_2 = defineExercise({
  id: 'ex-04-2',
  lesson: 4,
  title: 'Reordering on one member',
  answerName: 'ex04_2',
  kind: 'number',
  check: numberCheck('ex-04-2', {
    relative: 0,
    expected: () => simulateTcpStream(lessonStream({ scheduling: 'perFlow' })).reorderedArrivals,
  }),
});

const ex04_3 = defineExercise({
  id: 'ex-04-3',
  lesson: 4,
  title: 'Which loss detector copes with spraying?',
  answerName: 'ex04_3',
  kind: 'choice',
  options: sprayingDetectors.map((d) => d.label),
  check: choiceCheck('ex-04-3', () => {
    let best = sprayingDetectors[0];
    let bestGoodput = -Infinity;
    for (const detector of sprayingDetectors) {
      const { goodputGbps } = simulateTcpStream(
        lessonStream({ scheduling: 'roundRobin', lossDetection: detector.lossDetection, dupAckThreshold: detector.dupAckThreshold }),
      );
      if (goodputGbps > bestGoodput) {
        best = detector;
        bestGoodput = goodputGbps;
      }
    }
    return best.label;
  }),
});

const ex04_4 = defineExercise({
  id: 'ex-04-4',
  lesson: 4,
  title: 'When spraying loses to one member',
  answerName: 'ex04_4',
  kind: 'number',
  unit: 'µs',
  check: (answer: unknown): CheckResult => {
    const id = 'ex-04-4';
    if (typeof answer !== 'number' || !Number.isFinite(answer) || answer < 0 || answer > 1000) {
      return { id, pass: false, message: `${id}: expected a delay spread from 0 to 1000 µs, got ${describe(answer)}` };
    }
    const sprayed = simulateTcpStream(lessonStream({ scheduling: 'roundRobin', jitterUs: answer })).goodputGbps;
    const pinned = simulateTcpStream(lessonStream({ scheduling: 'perFlow', jitterUs: answer })).goodputGbps;
    return sprayed < pinned
      ? { id, pass: true, message: `${id}: correct: at ${answer} µs the sprayed stream is slower than one member` }
      : { id, pass: false, message: `${id}: not yet: at ${answer} µs spraying still beats one member` };
  },
});

/** The exercises of lesson 4. */
export const lesson04: Exercise[] = [ex04_1, ex04_2, ex04_3, ex04_4];
