import type { LinuxXmitHashPolicy } from '../hashing/linux';

/** Linux bonding `mode` values, in the order of the kernel's numbering (0 to 6). */
export type BondMode = 'balance-rr' | 'active-backup' | 'balance-xor' | 'broadcast' | '802.3ad' | 'balance-tlb' | 'balance-alb';

/** Every `BondMode`, mode 0 first. */
export const BOND_MODES: readonly BondMode[] = ['balance-rr', 'active-backup', 'balance-xor', 'broadcast', '802.3ad', 'balance-tlb', 'balance-alb'];

/**
 * The modes whose members the switch must bundle into one port-channel (static EtherChannel for
 * balance-rr, balance-xor and broadcast; LACP for 802.3ad). For these the switch's LAG hash decides
 * the member a frame arrives on; the other modes need no switch support.
 */
export const SWITCH_BUNDLED_BOND_MODES: readonly BondMode[] = ['balance-rr', 'balance-xor', 'broadcast', '802.3ad'];

/** One physical NIC enslaved to a bond. */
export interface BondMember {
  /** Interface name, e.g. `eth0`. Unique within the bond. */
  name: string;
  /** Link speed in Gbps (10^9 bit/s). Greater than 0. */
  gbps: number;
  /** False while the member's link is down (failed). Default true. */
  up?: boolean;
  /** The member's own MAC address. Default: derived from the host and member position, as for team members. */
  mac?: string;
}

/** A Linux bond (drivers/net/bonding). The bond's MAC is its first member's MAC (the kernel's default). */
export interface Bond {
  /** The bonding `mode`. */
  mode: BondMode;
  /** The bonding `xmit_hash_policy`, used by balance-xor, 802.3ad, and balance-tlb with `tlbDynamicLb` false. Default `layer2` (the kernel's default). */
  xmitHashPolicy?: LinuxXmitHashPolicy;
  /** Members in the order they were enslaved. 1 or more. */
  members: BondMember[];
  /**
   * The bonding `primary` option: the member that is the current active one whenever it is up
   * (active-backup, balance-tlb, balance-alb). Default none: the first member up is active at the
   * start, and the active member changes only when it fails.
   */
  primary?: string;
  /**
   * The bonding `tlb_dynamic_lb` option of balance-tlb. True (the kernel's default): each destination's
   * traffic goes on one member chosen by load; false: the `xmitHashPolicy` hash picks the member per
   * connection. Default true.
   */
  tlbDynamicLb?: boolean;
}
