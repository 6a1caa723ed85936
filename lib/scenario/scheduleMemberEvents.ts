import type { MigrationEngine } from '../migration';
import type { Scenario } from './Scenario';
import { linkId } from './scenarioRouting';
import type { ScenarioRouting } from './scenarioRouting';

/**
 * Schedules the scenario's member failures and restorations on the engine's timeline.
 *
 * - A failure takes the member's two links (send and receive) down at `atS`: the flows crossing them,
 *   from this host or from the switch towards it, are held (they move nothing) while the team or bond
 *   has not noticed (`detectionS`, see `failureDetectionS`).
 * - When the team or bond acts on an event (a failure at `atS + detectionS`, a restoration at `atS`) every
 *   migration in flight is routed again as its teams or bonds now route it (hash modulo the members left,
 *   Switch Independent inbound following the primary, a standby taking over only on failure, a Dynamic
 *   team keeping a flow on its member while that member is up) and moved in place when its route changed:
 *   it keeps the bytes it has left and nothing is lost; held flows go on from there.
 * - A restoration brings the links up at `atS`, before the migrations are routed again.
 *
 * Migrations that start at such an instant already see the new member states. Events after the last
 * migration has ended change nothing; a failure during the run keeps the run going until it is detected
 * (held flows would otherwise never finish).
 */
export function scheduleMemberEvents(scenario: Scenario, engine: MigrationEngine, routing: ScenarioRouting): void {
  const timeline = engine.timeline;
  const linksOf = (host: string, member: string) => [linkId(host, member, 'send'), linkId(host, member, 'receive')];
  const times = [...new Set(scenario.events.flatMap((event) => [event.atS, event.atS + event.detectionS]))].sort((a, b) => a - b);
  for (const t of times) {
    const restored = scenario.events.filter((event) => event.state === 'up' && event.atS === t);
    const acted = scenario.events.some((event) => event.atS + event.detectionS === t);
    const failed = scenario.events.filter((event) => event.state === 'failed' && event.atS === t);
    timeline.at(
      t,
      (nowS) => {
        if (restored.length > 0) engine.setLinksDown(restored.flatMap((event) => linksOf(event.host, event.member)), false);
        if (acted) {
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
        }
        if (failed.length > 0) {
          engine.setLinksDown(failed.flatMap((event) => linksOf(event.host, event.member)), true);
          // The run goes on until each failure is detected, so that the flows held meanwhile move on.
          for (const event of failed) if (event.detectionS > 0) timeline.at(nowS + event.detectionS, () => undefined);
        }
      },
      { keepAlive: false },
    );
  }
}
