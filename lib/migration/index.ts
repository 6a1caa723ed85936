export { MAX_PRECOPY_ROUNDS, precopyModel } from './precopyModel';
export type { PrecopyModelOptions, PrecopyModelResult, PrecopyRound } from './precopyModel';
export { simulateMigrations, TIMER_TAG } from './simulateMigrations';
export type {
  MigrationRequest,
  SimulateMigrationsOptions,
  MigrationPass,
  MigrationRun,
  MigrationsSimulation,
  MigrationRoute,
  MigrationRouteContext,
  MigrationSplit,
  MigrationGeneration,
} from './simulateMigrations';
