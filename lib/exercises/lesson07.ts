import { ARTICLE_DRAW_SEED, articleScenario, experiments, hostUsage, runScenario } from '../experiments';
import { CISCO_LOAD_BALANCE } from '../hashing';
import type { CiscoLoadBalance } from '../hashing';
import { EPHEMERAL_PORT_RANGE } from '../scenario';
import type { CheckResult, Exercise } from './Exercise';
import { choiceCheck, defineExercise, describe, numberCheck } from './defineExercise';

/*
 * Lesson 7, "Address Hash between two hosts" (findings 4 and 7). Every expected answer is computed
 * with the experiments, or by running the scenario the answer describes.
 */

const ex07_1 = defineExercise({
  id: 'ex-07-1',
  lesson: 7,
  title: 'Which hypothesis fits?',
  answerName: 'ex07_1',
  kind: 'choice',
  options: ['per-vm', 'per-host-pair'],
  check: choiceCheck('ex-07-1', () => String(experiments['finding-4'].run({ vms: 2 }).measured.hypothesisThatFitsArticle)),
});

const ex07_2 = defineExercise({
  id: 'ex-07-2',
  lesson: 7,
  title: 'A switch that ignores ports',
  answerName: 'ex07_2',
  kind: 'number',
  unit: 'Gbps',
  check: numberCheck('ex-07-2', {
    unit: 'Gbps',
    expected: () => experiments['finding-4'].run({ vms: 4, switchLoadBalance: 'src-dst-ip' }).measured.perVmPeakReceiveGbps as number,
  }),
});

const ex07_3 = defineExercise({
  id: 'ex-07-3',
  lesson: 7,
  title: 'Twelve at once',
  answerName: 'ex07_3',
  kind: 'number',
  unit: 'Gbps',
  check: numberCheck('ex-07-3', {
    unit: 'Gbps',
    // The lesson's named draw (seed 3): its answer, the whole team, needs two connections on different members.
    expected: () => experiments['finding-7'].run({ vms: 12, seed: ARTICLE_DRAW_SEED }).measured.peakSendGbpsAt12 as number,
  }),
});

/** Reads a starting ephemeral port from an answer; null when it is not a valid port. */
function startingPort(value: unknown): number | null {
  const { min, max } = EPHEMERAL_PORT_RANGE;
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? value : null;
}

/** Two 8 GiB VMs from HV1 to HV2 over LACP + Address Hash, with HV1 handing out ports from `nextEphemeralPort`. */
function twoVmRun(switchLoadBalance: CiscoLoadBalance, nextEphemeralPort: number) {
  const scenario = articleScenario({ teamingMode: 'Lacp', loadBalancingAlgorithm: 'TransportPorts', vms: 2, switchLoadBalance });
  scenario.hosts[0].nextEphemeralPort = nextEphemeralPort;
  return runScenario(scenario);
}

const ex07_4 = defineExercise({
  id: 'ex-07-4',
  lesson: 7,
  title: 'Make two migrations collide at the switch',
  answerName: 'ex07_4',
  kind: 'value',
  check: (answer: unknown): CheckResult => {
    const id = 'ex-07-4';
    const given = typeof answer === 'object' && answer !== null ? (answer as Record<string, unknown>) : null;
    const policy = given?.switchLoadBalance;
    const port = startingPort(given?.nextEphemeralPort);
    if (given === null || typeof policy !== 'string' || !(CISCO_LOAD_BALANCE as readonly string[]).includes(policy) || port === null) {
      return {
        id,
        pass: false,
        message: `${id}: expected an object { switchLoadBalance, nextEphemeralPort } with a port-channel load-balance setting and a port from ${EPHEMERAL_PORT_RANGE.min} to ${EPHEMERAL_PORT_RANGE.max}, got ${describe(answer)}`,
      };
    }
    const routes = twoVmRun(policy as CiscoLoadBalance, port).result.migrations.map((m) => m.connections[0].receiveMember);
    return routes[0] === routes[1]
      ? { id, pass: true, message: `${id}: correct: with ${policy}, both migrations arrive at HV2 on ${routes[0]}` }
      : { id, pass: false, message: `${id}: not yet: with ${policy} from port ${port}, the migrations arrive on ${routes.join(' and ')}` };
  },
});

const ex07_5 = defineExercise({
  id: 'ex-07-5',
  lesson: 7,
  title: 'Two VMs, one send member',
  answerName: 'ex07_5',
  kind: 'value',
  check: (answer: unknown): CheckResult => {
    const id = 'ex-07-5';
    const port = startingPort(answer);
    if (port === null) {
      return { id, pass: false, message: `${id}: expected a starting port from ${EPHEMERAL_PORT_RANGE.min} to ${EPHEMERAL_PORT_RANGE.max}, got ${describe(answer)}` };
    }
    const source = hostUsage(twoVmRun('src-dst-port', port).result, 'HV1');
    return source.sendMembers === 1
      ? { id, pass: true, message: `${id}: correct: from port ${port}, both migrations leave HV1 on one member` }
      : { id, pass: false, message: `${id}: not yet: from port ${port}, HV1 sends on ${source.sendMembers} members` };
  },
});

/** The exercises of lesson 7. */
export const lesson07: Exercise[] = [ex07_1, ex07_2, ex07_3, ex07_4, ex07_5];
