/**
 * Live migrations run to the end in one call: a thin wrapper that builds a `Timeline` and a
 * `MigrationEngine` (see there and `LiveMigration` for the model), lets the caller schedule its own
 * callbacks, runs, and returns what happened.
 */
import { InputError } from '../InputError';
import { Timeline } from '../timeline';
import type { TimelineLink, TimelineRecording, TimelineResult } from '../timeline';
import { MigrationEngine } from './MigrationEngine';
import type { MigrationOptions } from './MigrationEngine';
import type { MigrationRun } from './MigrationRun';

/** Options for `simulateMigrations`. */
export interface SimulateMigrationsOptions extends MigrationOptions {
  /** Every link flows may cross (one direction of one member each), with unique ids. */
  links: TimelineLink[];
  /** Passed to the timeline: record each flow's rate per segment. Default true. */
  recordFlowRates?: boolean;
  /** What the timeline records besides flow rates. Default: segments of every link. */
  record?: Omit<TimelineRecording, 'flowRates'>;
  /**
   * Called before the run with the engine and its timeline, to schedule callbacks that move migrations
   * in flight (`timeline.at`, `timeline.every`, `engine.reroute`). Default none.
   */
  schedule?: (engine: MigrationEngine, timeline: Timeline) => void;
  /** Stop with an InputError after this many timeline events. Default 10,000,000. */
  maxEvents?: number;
}

/** What `simulateMigrations` returns. */
export interface MigrationsSimulation {
  /** The timeline run: every pass of every migration as flows (`VM1/round-0`, ..., `VM1/stop-and-copy`), tagged with the migration id. */
  timeline: TimelineResult;
  /** One entry per migration, in input order. */
  migrations: MigrationRun[];
  /** Indices of the migrations in the order they started. */
  startOrder: number[];
  /** Seconds until the last migration ended (0 without migrations). */
  durationS: number;
}

/**
 * Runs live migrations on the fluid timeline, with the simultaneous-migration limit and FIFO queueing
 * (see `MigrationScheduler`).
 *
 * @throws InputError for bad options, a migration onto its own host, or a route naming unknown links.
 */
export function simulateMigrations(options: SimulateMigrationsOptions): MigrationsSimulation {
  if (options === null || typeof options !== 'object') throw new InputError('options', options, 'an object with links, migrations and route');
  const { links, recordFlowRates = true, record = {}, schedule, maxEvents } = options;
  if (typeof recordFlowRates !== 'boolean') throw new InputError('recordFlowRates', recordFlowRates, 'true or false');
  if (schedule !== undefined && typeof schedule !== 'function') throw new InputError('schedule', schedule, 'a function, or nothing');
  const timeline = new Timeline({ links, maxEvents, record: { ...record, flowRates: recordFlowRates } });
  const engine = new MigrationEngine(timeline, options);
  schedule?.(engine, timeline);
  const result = timeline.run();
  const migrations = engine.runs();
  return {
    timeline: result,
    migrations,
    startOrder: engine.startOrder,
    durationS: migrations.reduce((max, run) => Math.max(max, run.endS), 0),
  };
}
