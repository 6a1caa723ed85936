import type { Connection } from '../Connection';
import { selectMember } from '../hashing';
import type { Exercise } from './Exercise';
import { defineExercise, numberCheck } from './defineExercise';

/*
 * Lesson 1, "How to use this kit": the first hashing cell with ten source ports. The expected answer is
 * computed with selectMember, as the lesson's cell does.
 */

/** The lesson's migration HV1 (10.10.10.1) to HV2 (10.10.10.2) on port 6600, from `srcPort`. */
function lessonMigration(srcPort: number): Connection {
  return {
    srcMac: '00:15:5d:0a:0a:01',
    dstMac: '00:15:5d:0a:0a:02',
    srcIp: '10.10.10.1',
    dstIp: '10.10.10.2',
    protocol: 'tcp',
    srcPort,
    dstPort: 6600,
  };
}

const ex01_1 = defineExercise({
  id: 'ex-01-1',
  lesson: 1,
  title: 'Ten source ports',
  answerName: 'ex01_1',
  kind: 'number',
  check: numberCheck('ex-01-1', {
    relative: 0,
    expected: () =>
      Array.from({ length: 10 }, (_, i) => 49200 + i).filter(
        (srcPort) => selectMember(lessonMigration(srcPort), { policy: 'TransportPorts', members: 2 }).member === 0,
      ).length,
  }),
});

/** Lesson 1's exercises. */
export const lesson01: Exercise[] = [ex01_1];
