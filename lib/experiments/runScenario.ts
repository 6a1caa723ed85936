import { simulateScenario, validateScenario } from '../scenario';
import type { ScenarioInput, ScenarioSimulation } from '../scenario';

/** Validates a scenario and simulates it: what every experiment does with the scenarios it builds. */
export function runScenario(input: ScenarioInput): ScenarioSimulation {
  return simulateScenario(validateScenario(input));
}
