/**
 * Max-min fair sharing of independent links by flows, solved by progressive filling.
 *
 * The problem. Each flow crosses some links and may have a cap of its own. Rates must satisfy, for
 * every link, "sum of the rates of the flows crossing it <= its capacity", and, for every flow,
 * "rate <= cap". Among all such rates, max-min fairness picks the one where no flow can get more
 * without taking from a flow that has the same rate or less. Progressive filling finds it: raise every
 * flow's rate together; when a link is full, the flows crossing it stop (they are "frozen") at the
 * current rate; when a flow reaches its cap, it stops there; the others keep rising.
 *
 * Vocabulary (after SimGrid's lmm solver, where links are "constraints" and flows "variables"):
 * - link (input): a resource with an `id` and a `capacity`. Links are independent of each other: a
 *   full-duplex NIC is two links, one for sending and one for receiving.
 * - flow (input): an `id`, the `links` it crosses (an "element" is one flow-link pair) and an optional
 *   `cap`, a bound on its own rate (e.g. a TCP window limit).
 * - rate (computed): the flow's share, in the same unit as capacities (the library uses Gbps).
 * - saturated link (computed): a link whose flows use all of its capacity.
 * - bottleneck (computed): for each flow, the saturated link that froze it, or `null` when its cap did.
 *   On a tie the cap wins, and among links the one given first wins.
 *
 * The solver knows nothing of NICs, teams or TCP: the models turn those into links and flows.
 * Cost: O(E log L + F log F) for E elements, L links, F flows (see {@link maxMinFairIndexed}).
 */
import { InputError } from '../InputError';
import { RESERVED_NAMES } from '../fieldChecks';
import { maxMinFairIndexed } from './maxMinFairIndexed';

/** A resource that flows share. */
export interface SharedLink {
  /** Unique name of the link, e.g. `hostA/nic1/send`. */
  id: string;
  /** What it can carry, > 0 and finite, in the caller's unit (Gbps in this library). */
  capacity: number;
}

/** Something that wants as much of its links as it can get. */
export interface SharedFlow {
  /**
   * Unique name of the flow; it keys the result objects, so not one of the names every plain object
   * inherits (`__proto__`, `constructor`, `toString`, ... : `RESERVED_NAMES`).
   */
  id: string;
  /** Ids of the links it crosses, each at most once. May be empty when `cap` is given. */
  links: string[];
  /** Highest rate the flow could use on its own, > 0 and finite; none by default. */
  cap?: number;
}

/** Input of {@link maxMinFair}. */
export interface MaxMinFairInput {
  /** The links, with unique ids. */
  links: SharedLink[];
  /** The flows, with unique ids. */
  flows: SharedFlow[];
}

/** Output of {@link maxMinFair}. */
export interface MaxMinFairResult {
  /** Rate of each flow by id, in the unit of the capacities. */
  rates: Record<string, number>;
  /** For each flow, the id of the saturated link that froze it, or `null` when its cap froze it. */
  bottlenecks: Record<string, string | null>;
}

/**
 * Max-min fair rates of flows over independent links (progressive filling).
 *
 * @example
 * maxMinFair({ links: [{ id: 'a', capacity: 10 }], flows: [{ id: 'x', links: ['a'] }, { id: 'y', links: ['a'] }] })
 * // => { rates: { x: 5, y: 5 }, bottlenecks: { x: 'a', y: 'a' } }
 */
export function maxMinFair(input: MaxMinFairInput): MaxMinFairResult {
  if (input === null || typeof input !== 'object') throw new InputError('input', input, 'an object with links and flows');
  const { links, flows } = input;
  if (!Array.isArray(links)) throw new InputError('links', links, 'an array of { id, capacity }');
  if (!Array.isArray(flows)) throw new InputError('flows', flows, 'an array of { id, links, cap? }');

  const linkIndex = new Map<string, number>();
  const linkCapacity = new Float64Array(links.length);
  links.forEach((link, i) => {
    checkId(link?.id, `links[${i}].id`);
    if (linkIndex.has(link.id)) throw new InputError(`links[${i}].id`, link.id, 'an id not used by another link');
    if (!isPositiveFinite(link.capacity)) {
      throw new InputError(`links[${i}].capacity`, link.capacity, 'a finite number greater than 0');
    }
    linkIndex.set(link.id, i);
    linkCapacity[i] = link.capacity;
  });

  // One pass over the flows: ids checked, links turned into indices in compressed rows (CSR). `rates` gets
  // its keys here (rate 0 for now): a key already there is a duplicate id. Filling an object keyed by id
  // is most of this wrapper's cost (about 1 us per key), so no other set of ids is kept, and `bottlenecks`,
  // which many callers never read, is built on first read.
  const rates = idKeyedObject<number>();
  const flowIds: string[] = new Array(flows.length);
  const flowLinkStart = new Int32Array(flows.length + 1);
  let flowLinkList = new Int32Array(Math.max(16, flows.length * 2));
  let elements = 0;
  const flowCap = new Float64Array(flows.length);
  for (let f = 0; f < flows.length; f++) {
    const flow = flows[f];
    const id = flow?.id;
    if (typeof id !== 'string' || id === '') throw new InputError(`flows[${f}].id`, id, 'a non-empty string');
    if (RESERVED.has(id)) {
      throw new InputError(`flows[${f}].id`, id, `an id other than ${RESERVED_NAMES.join(', ')} (ids become object keys)`);
    }
    if (rates[id] !== undefined) throw new InputError(`flows[${f}].id`, id, 'an id not used by another flow');
    rates[id] = 0;
    flowIds[f] = id;
    const ids = flow.links;
    if (!Array.isArray(ids)) throw new InputError(`flows[${f}].links`, ids, 'an array of link ids');
    if (elements + ids.length > flowLinkList.length) {
      const grown = new Int32Array((elements + ids.length) * 2);
      grown.set(flowLinkList.subarray(0, elements));
      flowLinkList = grown;
    }
    const first = elements;
    for (let k = 0; k < ids.length; k++) {
      const l = linkIndex.get(ids[k]);
      if (l === undefined) throw new InputError(`flows[${f}].links[${k}]`, ids[k], 'the id of a link in links');
      for (let j = first; j < elements; j++) {
        if (flowLinkList[j] === l) throw new InputError(`flows[${f}].links[${k}]`, ids[k], 'a link not already listed for this flow');
      }
      flowLinkList[elements++] = l;
    }
    flowLinkStart[f + 1] = elements;
    if (flow.cap === undefined) {
      if (ids.length === 0) throw new InputError(`flows[${f}]`, flow, 'a flow with at least one link or a cap');
      flowCap[f] = Infinity;
    } else if (!isPositiveFinite(flow.cap)) {
      throw new InputError(`flows[${f}].cap`, flow.cap, 'a finite number greater than 0, or no cap');
    } else {
      flowCap[f] = flow.cap;
    }
  }

  const { rate, bottleneck } = maxMinFairIndexed({
    linkCapacity,
    flowCap,
    flowLinkStart,
    flowLinks: flowLinkList,
  });
  for (let f = 0; f < flowIds.length; f++) rates[flowIds[f]] = rate[f];
  // The ids are copied, so that a caller changing its input afterwards cannot change the answer.
  const linkIds = links.map((link) => link.id);
  const result = { rates } as MaxMinFairResult;
  // An ordinary enumerable property once read (JSON, equality and spreading see it like any other).
  Object.defineProperty(result, 'bottlenecks', {
    enumerable: true,
    configurable: true,
    get(): Record<string, string | null> {
      const bottlenecks = idKeyedObject<string | null>();
      for (let f = 0; f < flowIds.length; f++) bottlenecks[flowIds[f]] = bottleneck[f] < 0 ? null : linkIds[bottleneck[f]];
      Object.defineProperty(result, 'bottlenecks', { value: bottlenecks, enumerable: true, configurable: true, writable: true });
      return bottlenecks;
    },
  });
  return result;
}

/**
 * An empty ordinary object already in V8's dictionary mode, for keys by flow id. Added to one key at a
 * time, a plain `{}` first goes through a new hidden class per key (about 13 ms for the first 1,000 ids,
 * and again whenever those transitions were collected) before V8 turns it into a dictionary anyway;
 * deleting a property other than the last one added makes it a dictionary at once. Same object otherwise.
 */
function idKeyedObject<T>(): Record<string, T> {
  const object: Record<string, unknown> = { a: 0, b: 0 };
  delete object.a;
  delete object.b;
  return object as Record<string, T>;
}

/** The reserved names as a set, for a constant-time check per flow. */
const RESERVED = new Set(RESERVED_NAMES);

function checkId(id: unknown, field: string): asserts id is string {
  if (typeof id !== 'string' || id === '') throw new InputError(field, id, 'a non-empty string');
}

function isPositiveFinite(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}
