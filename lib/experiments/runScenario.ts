import type { Draw } from '../ensemble/Draw';
import { drawScenario } from '../ensemble/drawScenario';
import { simulateScenario, validateScenario } from '../scenario';
import type { ScenarioInput, ScenarioSimulation } from '../scenario';

/**
 * Validates a scenario and simulates it: what every experiment does with the scenarios it builds. With a
 * `draw`, the scenario runs as that draw of an ensemble (`drawScenario`: the draw's seed, RSS keys and
 * first ephemeral ports), without recording per-flow rates (no experiment reads them; ensembles run
 * thousands of scenarios).
 */
export function runScenario(input: ScenarioInput, draw?: Draw): ScenarioSimulation {
  return simulateScenario(validateScenario(drawScenario(input, draw)), draw === undefined ? {} : { recordFlowRates: false });
}
