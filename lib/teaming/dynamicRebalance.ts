import { InputError } from '../InputError';
import { requireActiveMembers } from './activeMembers';
import type { Team } from './Team';

/** Options of `leastLoadedMember` and `dynamicRebalance`. */
export interface DynamicRuleOptions {
  /**
   * True to weigh each member's load by its speed (`loads[i] / gbps`); false (default) to compare the
   * loads as they are. UNVERIFIED either way: Microsoft publishes no rule, and New-NetLbfoTeam says the
   * distribution algorithms do not take member speed into consideration, so the default ignores speed.
   */
  weighSpeed?: boolean;
}

/**
 * The member the Dynamic algorithm moves a flow to at a flowlet boundary: the active member with the
 * least load (`loads[i]`, the number of flows member i sends now, the flow being placed left out; per
 * Gbps with `weighSpeed`). On a tie the flow stays on `current` if `current` is among the least loaded,
 * else it goes to the first of them in member order. So a lone flow never moves: all members are
 * equally idle.
 *
 * Microsoft publishes neither the flowlet gap nor the rebalancing rule ("Dynamic's rule" is contested);
 * this is the model's choice (least loaded, as in FLARE-style flowlet switching), a parameter in effect.
 *
 * @param loads flows per member, one entry per `team.members` entry (non-negative).
 * @param current the member the flow is on now, if any.
 * @throws InputError when `loads` has the wrong length or a negative entry, or no member is up.
 */
export function leastLoadedMember(team: Team, loads: number[], current?: number, options: DynamicRuleOptions = {}): number {
  checkLoads(team, loads);
  const active = requireActiveMembers(team);
  const load = (i: number) => (options.weighSpeed === true ? loads[i] / team.members[i].gbps : loads[i]);
  const least = Math.min(...active.map(load));
  const tied = active.filter((i) => load(i) <= least * (1 + 1e-12));
  return current !== undefined && tied.includes(current) ? current : tied[0];
}

/**
 * Dynamic's periodic rebalance of flows that have no flowlet gaps: given the member each flow sends on
 * (`members[k]` for flow k), moves flows one at a time from the most loaded active member to the least
 * loaded while that lowers the imbalance, i.e. while `loadOfLeast + 1 < loadOfMost` (each load per Gbps
 * with `weighSpeed`; see `DynamicRuleOptions` for why speed is ignored by default). The flow moved is the last one (highest
 * k) on the most loaded member. Flows on a member that is not active move first, each to the least
 * loaded member. Returns the new member of every flow (same order); unchanged entries mean no move.
 *
 * @throws InputError when a flow's member is not a member index, or no member is up.
 */
export function dynamicRebalance(team: Team, members: number[], options: DynamicRuleOptions = {}): number[] {
  const result = members.slice();
  const loads = team.members.map(() => 0);
  members.forEach((m, k) => {
    if (!Number.isInteger(m) || m < 0 || m >= team.members.length) throw new InputError(`members[${k}]`, m, `a member index from 0 to ${team.members.length - 1}`);
    loads[m]++;
  });
  const active = requireActiveMembers(team);
  members.forEach((m, k) => {
    if (active.includes(m)) return;
    loads[m]--;
    const to = leastLoadedMember(team, loads, undefined, options);
    loads[to]++;
    result[k] = to;
  });
  const speed = (i: number) => (options.weighSpeed === true ? team.members[i].gbps : 1);
  const load = (i: number) => loads[i] / speed(i);
  for (let guard = 0; guard < members.length * team.members.length + 1; guard++) {
    const most = active.reduce((a, b) => (load(b) > load(a) ? b : a));
    const least = active.reduce((a, b) => (load(b) < load(a) ? b : a));
    if (!((loads[least] + 1) / speed(least) < load(most))) break;
    let k = result.length - 1;
    while (result[k] !== most) k--;
    result[k] = least;
    loads[most]--;
    loads[least]++;
  }
  return result;
}

function checkLoads(team: Team, loads: number[]): void {
  if (!Array.isArray(loads) || loads.length !== team.members.length || loads.some((x) => !(Number.isFinite(x) && x >= 0))) {
    throw new InputError('loads', loads, `${team.members.length} non-negative numbers, one per member`);
  }
}
