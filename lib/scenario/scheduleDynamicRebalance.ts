import type { MigrationEngine, MigrationRoute } from '../migration';
import { dynamicRebalance } from '../teaming';
import type { Scenario } from './Scenario';
import { linkId } from './scenarioRouting';
import type { ScenarioRouting } from './scenarioRouting';

/**
 * Schedules the Dynamic algorithm's periodic rebalance (`dynamic.rebalancePeriodS`, 0 = off) on the
 * engine's timeline: every period, on each host whose team is Dynamic, the flows in flight that leave on
 * the team are spread again over its active members (`dynamicRebalance`, which moves as few as it can)
 * and moved in place. Each path is one connection's flow (several per migration under SMB Multichannel),
 * balanced on its own. The rebalance runs only while migrations run; it never lengthens the run.
 */
export function scheduleDynamicRebalance(scenario: Scenario, engine: MigrationEngine, routing: ScenarioRouting): void {
  const period = scenario.dynamic.rebalancePeriodS;
  const dynamicHosts = scenario.hosts.flatMap((host, h) => (host.team?.loadBalancingAlgorithm === 'Dynamic' ? [h] : []));
  if (!(period > 0) || dynamicHosts.length === 0) return;
  engine.timeline.every(period, (nowS) => {
    const inFlight = engine.inFlight().filter((index) => engine.migrations[index].run.startS < nowS);
    const newRoute = new Map<number, Required<MigrationRoute>>();
    const routeOf = (index: number) => newRoute.get(index) ?? (engine.migrations[index].route as Required<MigrationRoute>);
    for (const h of dynamicHosts) {
      const team = routing.teamAt(h, nowS);
      if (team === undefined) continue;
      const sendLinks = team.members.map((member) => linkId(routing.hostName(h), member.name, 'send'));
      const onHost: Array<{ index: number; path: number }> = [];
      const members: number[] = [];
      for (const index of inFlight) {
        routeOf(index).paths.forEach((path, p) => {
          const member = sendLinks.indexOf(path[0]);
          if (member < 0) return;
          onHost.push({ index, path: p });
          members.push(member);
        });
      }
      if (onHost.length === 0) continue;
      const moved = dynamicRebalance(team, members);
      onHost.forEach(({ index, path }, k) => {
        if (moved[k] === members[k]) return;
        const route = routeOf(index);
        const paths = route.paths.map((links, i) => (i === path ? [sendLinks[moved[k]], ...links.slice(1)] : links));
        newRoute.set(index, { paths, spread: route.spread });
      });
    }
    for (const [index, route] of newRoute) engine.reroute(index, route);
  });
}
