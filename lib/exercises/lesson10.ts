import { articleScenario, experiments, runScenario } from '../experiments';
import { LOAD_BALANCING_ALGORITHMS, TEAMING_MODES } from '../teaming';
import type { LoadBalancingAlgorithm, TeamingMode } from '../teaming';
import type { CheckResult, Exercise } from './Exercise';
import { defineExercise, describe, numberCheck } from './defineExercise';

/*
 * Lesson 10, "After 2012": Dynamic, SET, transports, Linux bonding, and planning a drain. Every
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
      const scenario = articleScenario({ vms: 1 });
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

/** The capstone's setup: four 10 Gbps members, twelve 16 GiB VMs (the article's dirty rate and switch). */
const CAPSTONE = { members: 4, memberGbps: 10, vms: 12, memoryGiB: 16 } as const;

/** The simultaneous settings the capstone offers (the article's 4, 6 and 12, Hyper-V's default 2, and 1). */
const CAPSTONE_SIMULTANEOUS: readonly number[] = [1, 2, 4, 6, 12];

/** Drain time of the capstone's drain with one setting, in seconds. */
function capstoneDrainS(teamingMode: TeamingMode, loadBalancingAlgorithm: LoadBalancingAlgorithm, simultaneous: number): number {
  return runScenario(articleScenario({ ...CAPSTONE, teamingMode, loadBalancingAlgorithm, simultaneous })).result.durationS;
}

/** The fastest drain time, once computed (the model is deterministic, so it cannot change within a run). */
let fastestS: number | undefined;

/** The fastest drain time over every setting the capstone offers (75 simulations, run once). */
function capstoneFastestS(): number {
  if (fastestS !== undefined) return fastestS;
  let fastest = Infinity;
  for (const simultaneous of CAPSTONE_SIMULTANEOUS) {
    for (const teamingMode of TEAMING_MODES) {
      for (const loadBalancingAlgorithm of LOAD_BALANCING_ALGORITHMS) {
        fastest = Math.min(fastest, capstoneDrainS(teamingMode, loadBalancingAlgorithm, simultaneous));
      }
    }
  }
  fastestS = fastest;
  return fastest;
}

/** Settings whose drain time is within this fraction of the fastest count as (one of) the fastest. */
const TIE = 0.005;

const ex10_4 = defineExercise({
  id: 'ex-10-4',
  lesson: 10,
  title: 'Plan your drain',
  answerName: 'ex10_4',
  kind: 'value',
  check: (answer: unknown): CheckResult => {
    const id = 'ex-10-4';
    const given = typeof answer === 'object' && answer !== null ? (answer as Record<string, unknown>) : null;
    const mode = given?.teamingMode;
    const algorithm = given?.loadBalancingAlgorithm;
    const simultaneous = given?.simultaneous;
    const drainS = given?.drainS;
    if (
      given === null ||
      typeof mode !== 'string' ||
      !(TEAMING_MODES as readonly string[]).includes(mode) ||
      typeof algorithm !== 'string' ||
      !(LOAD_BALANCING_ALGORITHMS as readonly string[]).includes(algorithm) ||
      typeof simultaneous !== 'number' ||
      !CAPSTONE_SIMULTANEOUS.includes(simultaneous) ||
      typeof drainS !== 'number' ||
      !Number.isFinite(drainS)
    ) {
      return {
        id,
        pass: false,
        message:
          `${id}: expected an object { teamingMode, loadBalancingAlgorithm, simultaneous, drainS } with a TeamingMode, a LoadBalancingAlgorithm, ` +
          `a simultaneous setting among ${CAPSTONE_SIMULTANEOUS.join(', ')} and a time in seconds, got ${describe(answer)}`,
      };
    }
    const yours = capstoneDrainS(mode as TeamingMode, algorithm as LoadBalancingAlgorithm, simultaneous);
    const fastest = capstoneFastestS();
    const setting = `${mode} ${algorithm} with ${simultaneous} at once`;
    if (yours > fastest * (1 + TIE)) {
      return { id, pass: false, message: `${id}: not yet: ${setting} is not the fastest setting; look for one that uses all four members on both sides` };
    }
    if (Math.abs(drainS - yours) > yours * 0.02) {
      return { id, pass: false, message: `${id}: not yet: ${setting} is (one of) the fastest, but ${drainS} s is ${drainS > yours ? 'too long' : 'too short'}` };
    }
    return { id, pass: true, message: `${id}: correct: ${setting} drains the host fastest, in about ${yours.toFixed(1)} s` };
  },
});

/** The exercises of lesson 10. */
export const lesson10: Exercise[] = [ex10_1, ex10_2, ex10_3, ex10_4];
