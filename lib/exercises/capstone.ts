import { ARTICLE_DRAW_SEED, articleScenario, runScenario } from '../experiments';
import type { ArticleScenarioOptions } from '../experiments';
import type { CheckResult, Exercise } from './Exercise';
import { defineExercise, describe } from './defineExercise';

/*
 * The workshop's capstone (content/facilitator-guide.mdx): one drain of the article's lab, HV1 to HV2 over
 * two 10 Gbps members per team, in six setups that between them replay findings 1, 3, 4, 5 and 7 and the
 * two connection hypotheses. The learner answers HV2's peak receive rate in each; every expected value is
 * the model's, computed at check time, in the course's named draw (`ARTICLE_DRAW_SEED`): the setups whose
 * outcome depends on where the connections land (lacpAddressHash, simultaneous12) give one member's rate
 * in other draws, and the facilitator guide says so.
 */

/** The six setups, by the key the answer object uses. Each changes the article's lab in one or two ways. */
const CAPSTONE_SETUPS: Record<string, { finding: string; options: ArticleScenarioOptions }> = {
  /** Finding 1: one VM is one connection, so one member, even on LACP with Address Hash. */
  oneVm: { finding: 'finding 1', options: { teamingMode: 'Lacp', loadBalancingAlgorithm: 'TransportPorts', vms: 1 } },
  /** Finding 3: Hyper-V Port pins the host vNIC to one member. */
  hyperVPort: { finding: 'finding 3', options: { teamingMode: 'Lacp', loadBalancingAlgorithm: 'HyperVPort', vms: 4 } },
  /** Finding 5: Switch Independent receives on the primary member only. */
  switchIndependent: { finding: 'finding 5', options: { teamingMode: 'SwitchIndependent', loadBalancingAlgorithm: 'TransportPorts', vms: 4 } },
  /** Finding 4: LACP with Address Hash, one connection per VM. */
  lacpAddressHash: { finding: 'finding 4', options: { teamingMode: 'Lacp', loadBalancingAlgorithm: 'TransportPorts', vms: 4 } },
  /** The competing hypothesis: one connection per host pair. */
  onePerHostPair: { finding: 'finding 4 (the other hypothesis)', options: { teamingMode: 'Lacp', loadBalancingAlgorithm: 'TransportPorts', vms: 4, connections: 'per-host-pair' } },
  /** Finding 7: twelve simultaneous migrations instead of two. */
  simultaneous12: { finding: 'finding 7', options: { teamingMode: 'Lacp', loadBalancingAlgorithm: 'TransportPorts', vms: 4, simultaneous: 12 } },
};

/** HV2's peak receive rate, Gbps, in one capstone setup: what the model says the answer is. */
function capstonePeakReceiveGbps(setup: string): number {
  return runScenario(articleScenario({ ...CAPSTONE_SETUPS[setup].options, seed: ARTICLE_DRAW_SEED })).result.hosts.HV2.peakReceiveGbps;
}

const ID = 'ex-10-capstone';
/** Relative tolerance on each rate (2 %, as the lessons' number checks). */
const RELATIVE = 0.02;

function checkCapstone(answer: unknown): CheckResult {
  const keys = Object.keys(CAPSTONE_SETUPS);
  if (answer === null || typeof answer !== 'object' || Array.isArray(answer)) {
    return { id: ID, pass: false, message: `${ID}: expected an object with ${keys.join(', ')} (Gbps each), got ${describe(answer)}` };
  }
  const given = answer as Record<string, unknown>;
  const missing = keys.filter((k) => typeof given[k] !== 'number' || !Number.isFinite(given[k]));
  if (missing.length > 0) return { id: ID, pass: false, message: `${ID}: not yet: give a number (Gbps) for ${missing.join(', ')}` };
  const off = keys.filter((k) => {
    const want = capstonePeakReceiveGbps(k);
    return Math.abs((given[k] as number) - want) > Math.abs(want) * RELATIVE;
  });
  if (off.length > 0) {
    return { id: ID, pass: false, message: `${ID}: not yet: ${off.map((k) => `${k} (${CAPSTONE_SETUPS[k].finding})`).join(', ')} ${off.length === 1 ? 'is' : 'are'} off` };
  }
  return { id: ID, pass: true, message: `${ID}: correct: all six setups match the model` };
}

const capstoneExercise = defineExercise({
  id: ID,
  lesson: 10,
  title: 'Plan the drain',
  answerName: 'ex10_capstone',
  kind: 'value',
  unit: 'Gbps',
  check: checkCapstone,
});

/** The workshop capstone exercise. */
export const capstone: Exercise[] = [capstoneExercise];
