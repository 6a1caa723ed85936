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
}

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
 * - balance-tlb: with `tlbDynamicLb` false like balance-xor; with it true (default) per destination,
 *   `up[peerIndex % n]`.
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
    case 'balance-tlb':
      return { members: [bond.tlbDynamicLb === false ? hashed() : up[peerIndex % n]], spread: 'one' };
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

/** Indices of the members whose link is up, in member order. @throws InputError when none is. */
export function upMembers(bond: Bond): number[] {
  const up = bond.members.flatMap((member, i) => (member.up === false ? [] : [i]));
  if (up.length === 0) throw new InputError('bond.members', bond.members.map((m) => m.name), 'at least one member that is up');
  return up;
}
