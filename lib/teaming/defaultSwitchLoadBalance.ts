import type { CiscoLoadBalance } from '../hashing/cisco';

/**
 * The switch's `port-channel load-balance` setting the course assumes when none is given: `src-dst-port`.
 * Used by scenarios (`switch.loadBalance`), `receiveMember`, `bondReceiveMember`, `teaming-lab plan` and
 * the experiments, so that every part of the course hashes the switch side the same way.
 *
 * Why this one: Cisco's platform defaults differ (Catalyst 2950/3560-X/3750-X `src-mac`, Catalyst 6500
 * `src-dst-ip`, Nexus 5000 source and destination MAC and IP), so no single vendor default exists, and the
 * article's switch is not named. Its observations pin it down: with Static and LACP teams, live migrations
 * between two hosts arrived on both of the target's members. Every connection between two hosts has the
 * same MACs and IPs, so a MAC or IP hash would put them all on one member; only a hash over the TCP ports
 * spreads them. `src-dst-port` is the setting that does so on the Catalyst platforms that accept L4 ports.
 */
export const DEFAULT_SWITCH_LOAD_BALANCE: CiscoLoadBalance = 'src-dst-port';
