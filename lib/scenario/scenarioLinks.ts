import { hostRdmaGbps, RDMA_MEMBER, rdmaLinkId, transportPlan } from './liveMigrationTransports';
import type { Scenario } from './Scenario';
import { hostMembers, linkId } from './scenarioRouting';

/** One link of the simulation: one direction of one team member (members are full duplex), or of a host's RDMA NICs. */
export interface ScenarioLink {
  /** Timeline link id, `${host}/${member}/send` or `${host}/${member}/receive`. */
  id: string;
  /** Host name. */
  host: string;
  /** Member name (`RDMA` for the RDMA links of SMB Direct). */
  member: string;
  /** Which direction of the member, from the host's point of view. */
  direction: 'send' | 'receive';
  /** Capacity, the member's speed in Gbps. */
  gbps: number;
}

/**
 * Every link of a validated scenario: each member of each host, send and receive, in host then member
 * order; then, under SMB Direct, each host's RDMA links.
 */
export function scenarioLinks(scenario: Scenario): ScenarioLink[] {
  const links: ScenarioLink[] = [];
  for (const host of scenario.hosts) {
    for (const member of hostMembers(host)) {
      for (const direction of ['send', 'receive'] as const) {
        links.push({ id: linkId(host.name, member.name, direction), host: host.name, member: member.name, direction, gbps: member.gbps });
      }
    }
  }
  if (transportPlan(scenario.liveMigration).rdma) {
    for (const host of scenario.hosts) {
      for (const direction of ['send', 'receive'] as const) {
        links.push({ id: rdmaLinkId(host.name, direction), host: host.name, member: RDMA_MEMBER, direction, gbps: hostRdmaGbps(scenario.liveMigration, host) });
      }
    }
  }
  return links;
}
