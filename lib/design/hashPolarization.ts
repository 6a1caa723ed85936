import type { Connection } from '../Connection';
import { checkArray, checkNumber } from '../fieldChecks';
import { CISCO_LOAD_BALANCE, ciscoMember } from '../hashing';
import type { CiscoLoadBalance } from '../hashing';
import { checkOneOf } from '../fieldChecks';

/** Options for `hashPolarization`. */
export interface HashPolarizationOptions {
  /** The flows crossing both tiers (each hashed once per tier), 1 to 100,000. */
  flows: readonly Connection[];
  /** Links of the first switch's bundle towards the second tier, 1 to 8: one second-tier switch (or bundle) per link. */
  tier1Links: number;
  /** Links of each second-tier switch's bundle onward, 1 to 8. */
  tier2Links: number;
  /** `port-channel load-balance` of the first tier. */
  tier1LoadBalance: CiscoLoadBalance;
  /** `port-channel load-balance` of the second tier; the same as the first is what polarizes. */
  tier2LoadBalance: CiscoLoadBalance;
}

/** How the flows spread at each tier. */
export interface HashPolarization {
  /** Flows per first-tier link. */
  tier1FlowsPerLink: number[];
  /** For each first-tier link (so each second-tier switch), the flows per onward link. */
  tier2FlowsPerLink: number[][];
  /** Second-tier links that carry at least one flow, over all second-tier switches that received flows. */
  tier2LinksUsed: number;
  /** Second-tier links available on the switches that received flows. */
  tier2LinksAvailable: number;
}

/**
 * Hash polarization: two tiers of switches that hash the same fields the same way. The first switch sends
 * each flow to the link its bucket maps to, so every flow that reaches a given second-tier switch shares
 * the bucket bits that picked that link. If the second switch hashes the same fields, those bits pick its
 * onward link too, and part of its bundle never carries anything. Hashing other fields at the second tier
 * (or, on real switches, a per-switch hash seed) breaks the correlation. Uses the model's Catalyst hash
 * (`ciscoMember`), so the numbers show the mechanism, not a particular platform.
 * @throws InputError naming the field for bad input.
 */
export function hashPolarization(options: HashPolarizationOptions): HashPolarization {
  const flows = checkArray(options.flows, 'flows', 1, 100_000) as Connection[];
  const tier1Links = checkNumber(options.tier1Links, 'tier1Links', { min: 1, max: 8, integer: true });
  const tier2Links = checkNumber(options.tier2Links, 'tier2Links', { min: 1, max: 8, integer: true });
  const tier1 = checkOneOf(options.tier1LoadBalance, 'tier1LoadBalance', CISCO_LOAD_BALANCE);
  const tier2 = checkOneOf(options.tier2LoadBalance, 'tier2LoadBalance', CISCO_LOAD_BALANCE);
  const tier1FlowsPerLink = new Array<number>(tier1Links).fill(0);
  const tier2FlowsPerLink = Array.from({ length: tier1Links }, () => new Array<number>(tier2Links).fill(0));
  for (const flow of flows) {
    const first = ciscoMember(flow, tier1, tier1Links);
    tier1FlowsPerLink[first] += 1;
    tier2FlowsPerLink[first][ciscoMember(flow, tier2, tier2Links)] += 1;
  }
  const reached = tier2FlowsPerLink.filter((_, i) => tier1FlowsPerLink[i] > 0);
  return {
    tier1FlowsPerLink,
    tier2FlowsPerLink,
    tier2LinksUsed: reached.reduce((sum, links) => sum + links.filter((n) => n > 0).length, 0),
    tier2LinksAvailable: reached.length * tier2Links,
  };
}
