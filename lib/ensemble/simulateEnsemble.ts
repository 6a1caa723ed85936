import { checkNumber } from '../fieldChecks';
import { hostUsage } from '../experiments/usage';
import { simulateScenario, validateScenario } from '../scenario';
import type { ScenarioInput } from '../scenario';
import { distribution } from './Distribution';
import type { Distribution } from './Distribution';
import { drawScenario } from './drawScenario';
import { makeDraw } from './Draw';
import type { DrawOptions } from './Draw';
import { MAX_ENSEMBLE_RUNS } from './runEnsemble';
import { wilsonInterval } from './wilsonInterval';
import type { ProbabilityEstimate } from './wilsonInterval';

/** Options of `simulateEnsemble`. */
export interface SimulateEnsembleOptions extends DrawOptions {
  /** Draws to run, an integer from 1 to 10,000. */
  runs: number;
}

/** How one host fared over the draws. */
export interface HostEnsemble {
  /** Members of its team or bond. */
  members: number;
  peakSendGbps: Distribution;
  peakReceiveGbps: Distribution;
  /** Members that sent at least 1 % of the host's bytes sent. */
  sendMembers: Distribution;
  /** Members that received at least 1 % of the host's bytes received. */
  receiveMembers: Distribution;
  /** Probability that the host sent on every member (among draws in which it sent anything). */
  sendOnAllMembers: ProbabilityEstimate | null;
  /** Probability that the host received on every member (among draws in which it received anything). */
  receiveOnAllMembers: ProbabilityEstimate | null;
}

/** What `simulateEnsemble` returns. */
export interface ScenarioEnsemble {
  runs: number;
  /** Seconds until the last migration ended. */
  durationS: Distribution;
  hosts: Record<string, HostEnsemble>;
}

/**
 * Simulates a scenario over `runs` draws (`makeDraw`, `drawScenario`: each host's RSS key and first
 * ephemeral port, jitter, port skips) and returns the distribution of its drain time and of each host's
 * peaks and members used, with the probability that each host used all its members each way. What
 * `teaming-lab simulate FILE --runs N` prints.
 *
 * @throws InputError for a bad `runs` or draw option, or anything `validateScenario` refuses.
 */
export function simulateEnsemble(input: ScenarioInput, options: SimulateEnsembleOptions): ScenarioEnsemble {
  const runs = checkNumber(options.runs, 'runs', { integer: true, min: 1, max: MAX_ENSEMBLE_RUNS });
  validateScenario(input);
  const durations: number[] = [];
  const perHost = new Map<string, { members: number; usage: ReturnType<typeof hostUsage>[] }>();
  for (let i = 0; i < runs; i++) {
    const scenario = validateScenario(drawScenario(input, makeDraw(i, options)));
    const { result } = simulateScenario(scenario, { recordFlowRates: false });
    durations.push(result.durationS);
    for (const host of scenario.hosts) {
      const entry = perHost.get(host.name) ?? { members: (host.team?.members ?? host.bond?.members ?? []).length, usage: [] };
      entry.usage.push(hostUsage(result, host.name));
      perHost.set(host.name, entry);
    }
  }
  const hosts: Record<string, HostEnsemble> = {};
  for (const [name, { members, usage }] of perHost) {
    const share = (key: 'sendMembers' | 'receiveMembers') => {
      const active = usage.filter((u) => u[key] > 0);
      return active.length === 0 ? null : wilsonInterval(active.filter((u) => u[key] === members).length, active.length);
    };
    hosts[name] = {
      members,
      peakSendGbps: distribution(usage.map((u) => u.peakSendGbps)),
      peakReceiveGbps: distribution(usage.map((u) => u.peakReceiveGbps)),
      sendMembers: distribution(usage.map((u) => u.sendMembers)),
      receiveMembers: distribution(usage.map((u) => u.receiveMembers)),
      sendOnAllMembers: share('sendMembers'),
      receiveOnAllMembers: share('receiveMembers'),
    };
  }
  return { runs, durationS: distribution(durations), hosts };
}
