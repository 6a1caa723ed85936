import { checkArray, checkNumber, checkObject, checkString, childField, itemField } from '../fieldChecks';
import { InputError } from '../InputError';

/** One kind of traffic sharing a link, as Hyper-V QoS sees it (a host vNIC, or an SMB category). */
export interface TrafficClass {
  /** A name for the class, e.g. `LiveMigration`, `Storage`, `VMs`. Unique within one call. */
  name: string;
  /** Relative minimum-bandwidth weight, e.g. `Set-VMNetworkAdapter -MinimumBandwidthWeight`; 1 to 100. */
  weight: number;
  /** How much the class would send if it could, Gbps, at least 0. */
  demandGbps: number;
  /** A hard cap on the class, Gbps, e.g. `Set-SmbBandwidthLimit -Category LiveMigration`; default none. */
  limitGbps?: number;
}

/** A class's share of the link. */
export interface TrafficShare {
  /** The class's name. */
  name: string;
  /** The rate it gets, Gbps. */
  gbps: number;
  /** What stopped it: its own demand, its limit, or the link (shared by weight). */
  limitedBy: 'demand' | 'limit' | 'link';
}

/**
 * Weighted max-min sharing of one link, the way minimum-bandwidth weights behave: when every class wants
 * more than the link can give, each gets the link in proportion to its weight; a class that wants less
 * (or is capped by a limit) keeps only what it uses, and the rest is shared by weight among the others.
 * Weights are minimums, not caps: an idle link gives one busy class all of it. A limit is a cap.
 * @param capacityGbps the link's usable rate, Gbps, greater than 0.
 * @throws InputError naming the field for bad input.
 */
export function weightedShare(capacityGbps: number, classes: readonly TrafficClass[]): TrafficShare[] {
  const capacity = checkNumber(capacityGbps, 'capacityGbps', { greaterThan: 0, max: 10_000 });
  const list = checkArray(classes, 'classes', 1, 64).map((raw, i) => {
    const field = itemField('classes', i);
    const c = checkObject(raw, field);
    const name = checkString(c.name, childField(field, 'name'));
    const weight = checkNumber(c.weight, childField(field, 'weight'), { min: 1, max: 100 });
    const demand = checkNumber(c.demandGbps, childField(field, 'demandGbps'), { min: 0, max: 10_000 });
    const limit = c.limitGbps === undefined ? Infinity : checkNumber(c.limitGbps, childField(field, 'limitGbps'), { min: 0, max: 10_000 });
    return { name, weight, want: Math.min(demand, limit), cappedByLimit: limit < demand };
  });
  const names = new Set<string>();
  for (const c of list) {
    if (names.has(c.name)) throw new InputError('classes', c.name, 'classes with unique names');
    names.add(c.name);
  }
  const rate = new Map<string, number>();
  let open = list.filter((c) => c.want > 0);
  for (const c of list) if (c.want === 0) rate.set(c.name, 0);
  let left = capacity;
  // Water-filling by weight: give each open class its weighted share of what is left; classes that want
  // less keep what they want and leave the game; repeat until no class is satisfied early.
  while (open.length > 0) {
    const totalWeight = open.reduce((s, c) => s + c.weight, 0);
    const satisfied = open.filter((c) => c.want <= (left * c.weight) / totalWeight);
    if (satisfied.length === 0) {
      for (const c of open) rate.set(c.name, (left * c.weight) / totalWeight);
      break;
    }
    for (const c of satisfied) {
      rate.set(c.name, c.want);
      left -= c.want;
    }
    open = open.filter((c) => !satisfied.includes(c));
  }
  return list.map((c) => {
    const gbps = rate.get(c.name) ?? 0;
    const full = gbps >= c.want - 1e-12;
    return { name: c.name, gbps, limitedBy: !full ? 'link' : c.cappedByLimit ? 'limit' : 'demand' };
  });
}
