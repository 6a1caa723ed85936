import type { MigrationEngine } from '../migration';
import type { Scenario } from './Scenario';
import type { ScenarioRouting } from './scenarioRouting';

/**
 * Schedules the scenario's member failures and restorations on the engine's timeline. At each event time
 * every migration in flight is routed again as its teams or bonds now route it (hash modulo the members
 * left, Switch Independent inbound following the primary, a standby taking over only on failure, a Dynamic
 * team keeping a flow on its member while that member is up) and moved in place when its route changed:
 * it keeps the bytes it has left and nothing is lost. Migrations that start at the event's instant already
 * see the new member states. Events after the last migration has ended change nothing and do not lengthen
 * the run.
 */
export function scheduleMemberEvents(scenario: Scenario, engine: MigrationEngine, routing: ScenarioRouting): void {
  const times = [...new Set(scenario.events.map((event) => event.atS))];
  for (const atS of times) {
    engine.timeline.at(
      atS,
      (nowS) => {
        // One load function per event, not per migration (routeAt reads it during the call only).
        let current = -1;
        const load = (id: string) => engine.linkLoad(id, current);
        for (const index of engine.inFlight()) {
          const migration = engine.migrations[index];
          if (!(migration.run.startS < nowS)) continue;
          current = index;
          const chosen = routing.routeAt(index, nowS, 'event', load, migration.route);
          engine.reroute(index, chosen.route);
        }
      },
      { keepAlive: false },
    );
  }
}
