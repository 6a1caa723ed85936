import { articleScenario, runScenario, experiments } from '../experiments';
import { effectiveSimultaneousMigrations } from '../design';
import { LOAD_BALANCING_ALGORITHMS, TEAMING_MODES } from '../teaming';
import type { LoadBalancingAlgorithm, TeamingMode } from '../teaming';
import type { ScenarioInput } from '../scenario';
import type { CheckResult, Exercise } from './Exercise';
import { choiceCheck, defineExercise, describe, numberCheck } from './defineExercise';

/*
 * Lesson 12, "Planning a drain with your own cluster": the fastest setting for a drain, a scenario of the
 * reader's own (a three-host cluster that never raised MaximumParallelMigrations), and the side that limits
 * a drain. Every expected answer is computed by running the model, so the checks follow it.
 */

/** The planning exercise's setup: four 10 Gbps members, twelve 16 GiB VMs (the article's dirty rate and switch). */
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

const ex12_1 = defineExercise({
  id: 'ex-12-1',
  lesson: 12,
  title: 'Plan your drain',
  answerName: 'ex12_1',
  kind: 'value',
  check: (answer: unknown): CheckResult => {
    const id = 'ex-12-1';
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

/** The cluster of exercise 12-2: HV1 drains six 8 GiB VMs, alternately to HV2 and HV3, over LACP teams. */
export function clusterDrainScenario(simultaneous: number): ScenarioInput {
  const team = { teamingMode: 'Lacp' as const, loadBalancingAlgorithm: 'TransportPorts' as const, members: [{ name: 'NIC1', gbps: 10 }, { name: 'NIC2', gbps: 10 }] };
  return {
    hosts: [
      { name: 'HV1', ip: '10.10.10.1', team },
      { name: 'HV2', ip: '10.10.10.2', team },
      { name: 'HV3', ip: '10.10.10.3', team },
    ],
    switch: { loadBalance: 'src-dst-port' },
    liveMigration: { simultaneous },
    migrations: ['VM01', 'VM02', 'VM03', 'VM04', 'VM05', 'VM06'].map((vm, i) => ({ vm, from: 'HV1', to: i % 2 === 0 ? 'HV2' : 'HV3', memoryGiB: 8, dirtyMBps: 50 })),
  };
}

const ex12_2 = defineExercise({
  id: 'ex-12-2',
  lesson: 12,
  title: 'A cluster that was never tuned',
  answerName: 'ex12_2',
  kind: 'number',
  unit: 's',
  check: numberCheck('ex-12-2', {
    unit: 's',
    expected: () =>
      runScenario(clusterDrainScenario(effectiveSimultaneousMigrations({ hostMaximumVirtualMachineMigrations: 4, clustered: true }))).result.durationS,
  }),
});

const ex12_3 = defineExercise({
  id: 'ex-12-3',
  lesson: 12,
  title: 'Which side limits?',
  answerName: 'ex12_3',
  kind: 'choice',
  options: ['send', 'receive', 'both', 'neither'],
  check: choiceCheck('ex-12-3', () =>
    String(experiments['drain-plan'].run({ teamingMode: 'SwitchIndependent', loadBalancingAlgorithm: 'TransportPorts' }).measured.yourBottleneck),
  ),
});

/** The exercises of lesson 12. */
export const lesson12: Exercise[] = [ex12_1, ex12_2, ex12_3];
