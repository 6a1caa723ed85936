/**
 * The whole fluid simulation in one call, for flows known up front or chained when others end: a thin
 * wrapper over `Timeline` (see there for the model, the order of events and the cost).
 */
import { InputError } from '../InputError';
import { Timeline } from './Timeline';
import type { CompletedFlow, TimelineFlowInput, TimelineLink, TimelineResult } from './TimelineResult';

/** Input of {@link simulateTimeline}. */
export interface TimelineInput {
  /** The links, with unique ids. */
  links: TimelineLink[];
  /** The flows known at the start (more may come from `onFlowEnd`). */
  flows: TimelineFlowInput[];
  /**
   * Called when a flow ends, at simulated time `nowS`; the flows it returns join the run. They must
   * start at `nowS` or later. Called once per ended flow, in the order the flows ended (ties: in the
   * order the flows were given). Default: nothing is chained.
   */
  onFlowEnd?: (ended: CompletedFlow, nowS: number) => TimelineFlowInput[] | void;
  /** Stop with an error after this many events, a guard against runaway chaining. Default 10,000,000. */
  maxEvents?: number;
  /** Record each flow's rate in every segment (`Segment.flowGbps`). Default true; turn off for big runs. */
  recordFlowRates?: boolean;
  /** Ids of the links whose rates go into segments. Default: every link. `[]` records none (fastest). */
  recordLinks?: string[];
}

/**
 * Runs the fluid simulation to the end.
 *
 * @example
 * simulateTimeline({
 *   links: [{ id: 'L', gbps: 10 }],
 *   flows: [{ id: 'a', links: ['L'], bytes: 1.25e9, startS: 0 }, { id: 'b', links: ['L'], bytes: 1.25e9, startS: 0 }],
 * }).durationS // => 2: each gets 5 Gbps = 0.625 GB/s
 */
export function simulateTimeline(input: TimelineInput): TimelineResult {
  if (input === null || typeof input !== 'object') throw new InputError('input', input, 'an object with links and flows');
  const { links, flows, onFlowEnd, maxEvents } = input;
  const recordFlowRates = input.recordFlowRates ?? true;
  if (!Array.isArray(flows)) throw new InputError('flows', flows, 'an array of flows');
  if (onFlowEnd !== undefined && typeof onFlowEnd !== 'function') throw new InputError('onFlowEnd', onFlowEnd, 'a function, or nothing');
  if (typeof recordFlowRates !== 'boolean') throw new InputError('recordFlowRates', recordFlowRates, 'true or false');
  if (input.recordLinks !== undefined) {
    if (!Array.isArray(input.recordLinks)) throw new InputError('recordLinks', input.recordLinks, 'an array of link ids');
    const known = new Set(Array.isArray(links) ? links.map((link) => link?.id) : []);
    input.recordLinks.forEach((id, k) => {
      if (!known.has(id)) throw new InputError(`recordLinks[${k}]`, id, 'the id of a link in links');
    });
  }
  const timeline = new Timeline({
    links,
    maxEvents,
    record: { segments: true, segmentLinks: input.recordLinks, flowRates: recordFlowRates },
  });
  const chain =
    onFlowEnd === undefined
      ? undefined
      : (ended: CompletedFlow, nowS: number): void => {
          const next = onFlowEnd(ended, nowS);
          if (next === undefined) return;
          if (!Array.isArray(next)) throw new InputError(`onFlowEnd(${ended.id})`, next, 'an array of flows, or nothing');
          next.forEach((flow, k) => timeline.add(flow, chain, `onFlowEnd(${ended.id})[${k}]`));
        };
  flows.forEach((flow, i) => timeline.add(flow, chain, `flows[${i}]`));
  return timeline.run();
}
