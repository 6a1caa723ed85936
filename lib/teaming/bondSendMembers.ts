import type { Connection } from '../Connection';
import { linuxMember, linuxXmitHash } from '../hashing';
import { InputError } from '../InputError';
import { BOND_MODES } from './Bond';
import type { Bond } from './Bond';
import { bondCurrentMember } from './bondCurrentMember';
import { BOND_DEFAULTS } from './validateBond';

/** How a bond puts one connection's frames on its members. */
export interface BondSend {
  /** Indices into `bond.members`, in member order. One member unless `spread` is `split` or `copy`. */
  members: number[];
  /**
   * `one`: every frame on `members[0]`; `split`: frames go round robin over `members`, each carrying an
   * equal share of the bytes (balance-rr); `copy`: every frame is sent on every member (broadcast).
   */
  spread: 'one' | 'split' | 'copy';
  /**
   * balance-tlb with `tlbDynamicLb`: the connection's bucket, `linuxXmitHash & 0xFF` (0 to 255). The
   * caller keeps the bucket on `members[0]` in its `tlbTable` until the next rebalance.
   */
  tlbBucket?: number;
}

/** Buckets of balance-tlb's transmit table (`TLB_HASH_TABLE_SIZE` in bond_alb.h). */
export const TLB_BUCKETS = 256;

/** Options of `bondSendMembers`. */
export interface BondSendOptions {
  /** The current active member (see `bondCurrentMember`), used by active-backup: an index of a member that is up. Default: `bondCurrentMember(bond)`. */
  currentMember?: number;
  /**
   * Which of this host's peers the connection goes to, counting from 0 in a fixed order (a scenario
   * uses its host order, this host left out). balance-tlb with `tlbDynamicLb` and balance-alb keep all
   * traffic to one destination on one member; destination k goes on up-member k mod n (the kernel
   * gives each new destination the least-loaded member; with destinations of equal load that is round
   * robin). A non-negative integer. Default 0.
   */
  peerIndex?: number;
  /**
   * balance-tlb with `tlbDynamicLb`: the host's transmit table, bucket -> member index, as assigned since
   * the last rebalance (the kernel's `tx_hashtbl`). A bucket not in it goes to the least-loaded member.
   * Default: empty (just after a rebalance).
   */
  tlbTable?: ReadonlyMap<number, number>;
  /**
   * balance-tlb: each member's load (one entry per `bond.members` entry, non-negative), e.g. the flows it
   * sends now; the least-loaded member is the one with the lowest load per Gbps, the first in member order
   * on a tie. Default: all 0.
   */
  loads?: readonly number[];
}

/**
 * The member(s) a Linux bond sends a connection's frames on (bonding.rst, "Bonding Driver Options",
 * mode). `up` is the members whose link is up, in member order; `n` its length.
 *
 * - balance-rr: round robin over `up` (`split`): one connection uses every member, and is reordered.
 * - active-backup: the current active member only.
 * - balance-xor, 802.3ad: `up[linuxXmitHash(conn, xmitHashPolicy) % n]`, so a change in the number of
 *   members up re-maps connections.
 * - broadcast: every member up (`copy`).
 * - balance-tlb: with `tlbDynamicLb` false like balance-xor. With it true (the kernel's default) the
 *   kernel (bond_alb.c, `bond_xmit_tlb_slave_get`) takes `bond_xmit_hash(skb) & 0xFF` as a bucket of a
 *   256-entry table and sends on the member the bucket is assigned to; an unassigned bucket goes to the
 *   least-loaded member (`tlb_get_least_loaded_slave`: the largest gap between speed and the bytes sent in
 *   the last interval), and the whole table is cleared and reassigned every rebalance interval (10 s). So
 *   with `layer3+4` the connections between just two hosts land in different buckets and spread over the
 *   members. Here: `tlbTable.get(bucket)` if that member is up, else the least-loaded member up by
 *   `loads` per Gbps (`tlbBucket` tells the caller which bucket to record). The kernel weighs bytes of the
 *   last interval; a caller passing flows in flight models the steady state after a rebalance, not the
 *   first interval after start-up (when every bucket's history is empty and new buckets go to the first
 *   member).
 * - balance-alb: like balance-tlb with `tlbDynamicLb` true (alb balances by destination address).
 *
 * @throws InputError when no member is up, for an unknown mode, a bad `peerIndex` or a `currentMember` that is not up.
 */
export function bondSendMembers(bond: Bond, conn: Connection, options: BondSendOptions = {}): BondSend {
  const { peerIndex = 0 } = options;
  if (!Number.isInteger(peerIndex) || peerIndex < 0) throw new InputError('peerIndex', peerIndex, 'a non-negative integer');
  const up = upMembers(bond);
  const n = up.length;
  const hashed = () => up[linuxMember(linuxXmitHash(conn, { policy: bond.xmitHashPolicy ?? BOND_DEFAULTS.xmitHashPolicy }), n)];
  switch (bond.mode) {
    case 'balance-rr':
      return { members: up, spread: 'split' };
    case 'broadcast':
      return { members: up, spread: 'copy' };
    case 'active-backup':
      return { members: [currentMemberOption(bond, options.currentMember, up)], spread: 'one' };
    case 'balance-xor':
    case '802.3ad':
      return { members: [hashed()], spread: 'one' };
    case 'balance-tlb': {
      if (bond.tlbDynamicLb === false) return { members: [hashed()], spread: 'one' };
      const bucket = linuxXmitHash(conn, { policy: bond.xmitHashPolicy ?? BOND_DEFAULTS.xmitHashPolicy }) & (TLB_BUCKETS - 1);
      const assigned = options.tlbTable?.get(bucket);
      const member = assigned !== undefined && up.includes(assigned) ? assigned : leastLoadedUp(bond, up, options.loads);
      return { members: [member], spread: 'one', tlbBucket: bucket };
    }
    case 'balance-alb':
      return { members: [up[peerIndex % n]], spread: 'one' };
    default:
      throw new InputError('bond.mode', bond.mode, `one of ${BOND_MODES.join(', ')}`);
  }
}

/**
 * The `currentMember` option of `bondSendMembers` and `bondReceiveMember`: the index given, which must
 * be a member that is up (the kernel's active member always is), or else `bondCurrentMember(bond)`.
 * Internal; not in the barrel.
 */
export function currentMemberOption(bond: Bond, currentMember: number | undefined, up: number[]): number {
  if (currentMember === undefined) return bondCurrentMember(bond);
  if (!up.includes(currentMember)) {
    throw new InputError('currentMember', currentMember, `the index of a member that is up (${up.join(', ')})`);
  }
  return currentMember;
}

/** The member up with the lowest load per Gbps, the first in member order on a tie. */
function leastLoadedUp(bond: Bond, up: number[], loads: readonly number[] | undefined): number {
  if (loads === undefined) return up[0];
  if (loads.length !== bond.members.length || loads.some((x) => !(Number.isFinite(x) && x >= 0))) {
    throw new InputError('loads', loads, `${bond.members.length} non-negative numbers, one per member`);
  }
  let best = up[0];
  for (const i of up) if (loads[i] / bond.members[i].gbps < loads[best] / bond.members[best].gbps) best = i;
  return best;
}

/** Indices of the members whose link is up, in member order. @throws InputError when none is. */
export function upMembers(bond: Bond): number[] {
  const up = bond.members.flatMap((member, i) => (member.up === false ? [] : [i]));
  if (up.length === 0) throw new InputError('bond.members', bond.members.map((m) => m.name), 'at least one member that is up');
  return up;
}
