export type {
  ScenarioInput,
  HostInput,
  SwitchInput,
  LiveMigrationInput,
  MigrationInput,
  ConnectionModel,
  LiveMigrationTransport,
  Scenario,
  ScenarioHost,
  MemberEventInput,
  MemberEvent,
  DynamicInput,
} from './Scenario';
export { validateScenario, SCENARIO_DEFAULTS, SCENARIO_LIMITS, CONNECTION_MODELS, EPHEMERAL_PORT_RANGE, MEMBER_EVENT_STATES } from './validateScenario';
export { simulateScenario } from './simulateScenario';
export type { ScenarioSimulation, SimulateScenarioOptions } from './simulateScenario';
export { scenarioLinks } from './scenarioLinks';
export type { ScenarioLink } from './scenarioLinks';
export { scheduleMemberEvents } from './scheduleMemberEvents';
export { scheduleDynamicRebalance } from './scheduleDynamicRebalance';
export type { SimulationResult, HostTraffic, MemberTraffic, MigrationOutcome, ConnectionRoute, RouteChange } from './SimulationResult';
export { LIVE_MIGRATION_TRANSPORTS, SMB_PORT, RDMA_MEMBER, transportPlan, hostRdmaGbps, rdmaLinkId, validateTransportSettings } from './liveMigrationTransports';
export type { TransportPlan, TransportSettings } from './liveMigrationTransports';
