import type { Connection } from '../Connection';
import { ciscoBucket, ciscoBucketMember } from '../hashing';
import type { CiscoLoadBalance } from '../hashing';
import { InputError } from '../InputError';
import { BOND_MODES } from './Bond';
import type { Bond } from './Bond';
import { currentMemberOption, upMembers } from './bondSendMembers';
import { DEFAULT_SWITCH_LOAD_BALANCE } from './defaultSwitchLoadBalance';

/** Options of `bondReceiveMember`. */
export interface BondReceiveOptions {
  /** The switch's `port-channel load-balance`, which decides for the switch-bundled modes. Default `DEFAULT_SWITCH_LOAD_BALANCE` (`src-dst-port`). */
  switchLoadBalance?: CiscoLoadBalance;
  /** The current active member (see `bondCurrentMember`), used by active-backup and balance-tlb: an index of a member that is up. Default: `bondCurrentMember(bond)`. */
  currentMember?: number;
  /**
   * Which of this host's peers sends the connection, counting from 0 (balance-alb: receive load is
   * handed out round robin, one peer per member, by answering each peer's ARP with a different member's
   * MAC). A non-negative integer. Default 0.
   */
  peerIndex?: number;
}

/**
 * The member (index into `bond.members`) of the RECEIVING host's bond on which a connection's frames
 * arrive. `conn` is the frame as the sender puts it on the wire.
 *
 * - balance-rr, balance-xor, broadcast, 802.3ad: the switch bundles the members and its LAG hash
 *   decides, `up[ciscoBucketMember(ciscoBucket(conn, switchLoadBalance), n)]`.
 * - active-backup and balance-tlb: the current active member (tlb receives on it only).
 * - balance-alb: peer k arrives on member k mod m of the fastest members up (`m` of them).
 *
 * @throws InputError when no member is up, for an unknown mode, a bad `peerIndex`, a `currentMember` that is not up, or more than 8
 *   members up behind a switch-bundled mode (an EtherChannel bundles at most 8).
 */
export function bondReceiveMember(bond: Bond, conn: Connection, options: BondReceiveOptions = {}): number {
  const { switchLoadBalance = DEFAULT_SWITCH_LOAD_BALANCE, peerIndex = 0 } = options;
  if (!Number.isInteger(peerIndex) || peerIndex < 0) throw new InputError('peerIndex', peerIndex, 'a non-negative integer');
  const up = upMembers(bond);
  switch (bond.mode) {
    case 'balance-rr':
    case 'balance-xor':
    case 'broadcast':
    case '802.3ad':
      return up[ciscoBucketMember(ciscoBucket(conn, switchLoadBalance), up.length)];
    case 'active-backup':
    case 'balance-tlb':
      return currentMemberOption(bond, options.currentMember, up);
    case 'balance-alb': {
      const fastest = Math.max(...up.map((i) => bond.members[i].gbps));
      const candidates = up.filter((i) => bond.members[i].gbps === fastest);
      return candidates[peerIndex % candidates.length];
    }
    default:
      throw new InputError('bond.mode', bond.mode, `one of ${BOND_MODES.join(', ')}`);
  }
}
