import { checkNumber } from '../fieldChecks';
import { InputError } from '../InputError';
import type { SimulationResult } from '../scenario';

/** How a host's members were used in a simulation. */
export interface HostUsage {
  /** Members that sent at least `shareThreshold` of the host's bytes sent. */
  sendMembers: number;
  /** Members that received at least `shareThreshold` of the host's bytes received. */
  receiveMembers: number;
  /** Highest instantaneous send rate of the host (sum over members), Gbps. */
  peakSendGbps: number;
  /** Highest instantaneous receive rate of the host, Gbps. */
  peakReceiveGbps: number;
  /** GB sent by each member, by name. */
  sentGB: Record<string, number>;
  /** GB received by each member, by name. */
  receivedGB: Record<string, number>;
}

/**
 * Reads a host's member usage off a simulation result. A member counts as used when it carried at
 * least `shareThreshold` (default 1 %) of the host's bytes in that direction, so a stray byte does not
 * count as "using all members".
 *
 * @param shareThreshold a fraction from 0 to 1. Default 0.01.
 * @throws InputError for a host that is not in the result or a threshold outside 0..1.
 */
export function hostUsage(result: SimulationResult, host: string, shareThreshold = 0.01): HostUsage {
  const hosts = Object.keys(result.hosts);
  if (!hosts.includes(host)) throw new InputError('host', host, `one of the hosts in the result (${hosts.join(', ')})`);
  checkNumber(shareThreshold, 'shareThreshold', { min: 0, max: 1 });
  const h = result.hosts[host];
  const sentGB: Record<string, number> = {};
  const receivedGB: Record<string, number> = {};
  for (const [name, m] of Object.entries(h.members)) {
    sentGB[name] = m.sentGB;
    receivedGB[name] = m.receivedGB;
  }
  const count = (values: Record<string, number>) => {
    const total = Object.values(values).reduce((s, v) => s + v, 0);
    return total === 0 ? 0 : Object.values(values).filter((v) => v >= shareThreshold * total).length;
  };
  return {
    sendMembers: count(sentGB),
    receiveMembers: count(receivedGB),
    peakSendGbps: h.peakSendGbps,
    peakReceiveGbps: h.peakReceiveGbps,
    sentGB,
    receivedGB,
  };
}

/** Rounds for display in summaries: one decimal for rates, none for counts. */
export function fmt(value: number, digits = 1): string {
  return value.toFixed(digits);
}

/** A tolerance for "at most one member's speed": the fluid model is exact, so only float noise. */
export function atMost(value: number, limit: number): boolean {
  return value <= limit * (1 + 1e-9) + 1e-9;
}
