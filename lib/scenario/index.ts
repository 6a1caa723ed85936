export type {
  ScenarioInput,
  HostInput,
  SwitchInput,
  LiveMigrationInput,
  MigrationInput,
  ConnectionModel,
  Scenario,
} from './Scenario';
export { validateScenario, SCENARIO_DEFAULTS, CONNECTION_MODELS, EPHEMERAL_PORT_RANGE } from './validateScenario';
export { simulateScenario } from './simulateScenario';
export type { ScenarioSimulation, ScenarioLink, SimulateScenarioOptions } from './simulateScenario';
export type { SimulationResult, HostTraffic, MemberTraffic, MigrationOutcome, ConnectionRoute } from './SimulationResult';
