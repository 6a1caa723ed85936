import type { Connection } from '../Connection';
import {
  allMembersUsedProbability,
  ciscoBucketMember,
  collisionProbability,
  linuxMember,
  linuxXmitHash,
  windowsAddressHash,
  windowsMember,
} from '../hashing';
import type { CheckResult, Exercise } from './Exercise';
import { defineExercise, describe, numberCheck } from './defineExercise';
import { migrationConnection } from './migrationConnection';

/*
 * Lesson 3, "Stream hashing": hash policies, how flows land on members, and direction. Every expected
 * answer is computed with the hashing functions.
 */

/** 10.0.0.1:49152 to 10.0.0.2:445, the check flow of the lesson's Linux section. */
const SMB_CONNECTION: Connection = {
  srcMac: '02:00:00:00:00:01',
  dstMac: '02:00:00:00:00:02',
  srcIp: '10.0.0.1',
  dstIp: '10.0.0.2',
  protocol: 'tcp',
  srcPort: 49152,
  dstPort: 445,
};

/** A live-migration connection HV1 (10.10.10.1) to HV2 (10.10.10.2) from `srcPort`, and its reply. */
function migrationPair(srcPort: number): [Connection, Connection] {
  const forward = migrationConnection(srcPort);
  const reverse: Connection = {
    srcMac: forward.dstMac,
    dstMac: forward.srcMac,
    srcIp: forward.dstIp,
    dstIp: forward.srcIp,
    protocol: 'tcp',
    srcPort: forward.dstPort,
    dstPort: srcPort,
  };
  return [forward, reverse];
}

const ex03_1 = defineExercise({
  id: 'ex-03-1',
  lesson: 3,
  title: 'Do the kernel arithmetic',
  answerName: 'ex03_1',
  kind: 'number',
  check: numberCheck('ex-03-1', {
    relative: 0,
    expected: () => linuxMember(linuxXmitHash(SMB_CONNECTION, { policy: 'layer3+4' }), 3),
  }),
});

const ex03_2 = defineExercise({
  id: 'ex-03-2',
  lesson: 3,
  title: 'Two migrations, two members',
  answerName: 'ex03_2',
  kind: 'number',
  check: numberCheck('ex-03-2', { relative: 0, absolute: 0.005, expected: () => collisionProbability(2, 2) }),
});

const ex03_3 = defineExercise({
  id: 'ex-03-3',
  lesson: 3,
  title: 'The small share on a three-link EtherChannel',
  answerName: 'ex03_3',
  kind: 'number',
  check: numberCheck('ex-03-3', {
    relative: 0,
    absolute: 0.005,
    expected: () => {
      const owned = [0, 0, 0];
      for (let bucket = 0; bucket < 8; bucket++) owned[ciscoBucketMember(bucket, 3)] += 1;
      return Math.min(...owned) / 8;
    },
  }),
});

const ex03_4 = defineExercise({
  id: 'ex-03-4',
  lesson: 3,
  title: 'How many flows fill four members?',
  answerName: 'ex03_4',
  kind: 'number',
  check: numberCheck('ex-03-4', {
    relative: 0,
    expected: () => {
      let flows = 1;
      while (allMembersUsedProbability(flows, 4) < 0.9) flows++;
      return flows;
    },
  }),
});

const ex03_5 = defineExercise({
  id: 'ex-03-5',
  lesson: 3,
  title: 'A connection whose reply takes the other member',
  answerName: 'ex03_5',
  kind: 'value',
  check: (answer: unknown): CheckResult => {
    const id = 'ex-03-5';
    if (typeof answer !== 'number' || !Number.isInteger(answer) || answer < 49152 || answer > 65535) {
      return { id, pass: false, message: `${id}: expected a source port from 49152 to 65535, got ${describe(answer)}` };
    }
    const [forward, reverse] = migrationPair(answer);
    const there = windowsMember(windowsAddressHash(forward, 'TransportPorts'), 2);
    const back = windowsMember(windowsAddressHash(reverse, 'TransportPorts'), 2);
    return there !== back
      ? { id, pass: true, message: `${id}: correct: from port ${answer} the data leaves on member ${there} and the replies on member ${back}` }
      : { id, pass: false, message: `${id}: not yet: from port ${answer} both directions use member ${there}` };
  },
});

/** The exercises of lesson 3. */
export const lesson03: Exercise[] = [ex03_1, ex03_2, ex03_3, ex03_4, ex03_5];
