import type { Connection } from '../Connection';
import { InputError } from '../InputError';
import { CISCO_LOAD_BALANCE, ciscoBucket, ciscoBucketMember } from './cisco';
import type { CiscoLoadBalance } from './cisco';
import { LINUX_XMIT_HASH_POLICIES, linuxMember, linuxXmitHash } from './linux';
import type { LinuxXmitHashOptions, LinuxXmitHashPolicy } from './linux';
import { rssHash } from './toeplitz';
import { WINDOWS_ADDRESS_HASH_ALGORITHMS, windowsAddressHash, windowsMember } from './windows';
import type { WindowsAddressHashAlgorithm } from './windows';

/**
 * Every hash policy the kit can apply to a connection: Linux `xmit_hash_policy` values, `toeplitz`
 * (RSS with an indirection table), Cisco `port-channel load-balance` settings, and the Windows
 * Address Hash sub-modes (a stand-in hash; see `windowsAddressHash`).
 */
export type HashPolicy = LinuxXmitHashPolicy | 'toeplitz' | CiscoLoadBalance | WindowsAddressHashAlgorithm;

/** Every `HashPolicy`: Linux, then toeplitz, then Cisco, then Windows. */
export const HASH_POLICIES: readonly HashPolicy[] = [
  ...LINUX_XMIT_HASH_POLICIES,
  'toeplitz',
  ...CISCO_LOAD_BALANCE,
  ...WINDOWS_ADDRESS_HASH_ALGORITHMS,
];

/** Size of the RSS indirection table the `toeplitz` policy maps through. */
export const RSS_INDIRECTION_TABLE_SIZE = 128;

/** True when `x` is one of `HASH_POLICIES`. */
export function isHashPolicy(x: unknown): x is HashPolicy {
  return typeof x === 'string' && (HASH_POLICIES as readonly string[]).includes(x);
}

/** Options for `selectMember`. */
export interface SelectMemberOptions {
  /** The hash policy. */
  policy: HashPolicy;
  /** Number of active members, an integer 1 to 32 (1 to 8 for Cisco policies, the EtherChannel limit). */
  members: number;
  /** Toeplitz key for `toeplitz` and the Windows policies. Default `MICROSOFT_RSS_KEY`. */
  key?: Uint8Array;
  /** Kernel-variant options for the Linux policies (see `LinuxXmitHashOptions`). Default: current kernel, untagged. */
  linux?: Omit<LinuxXmitHashOptions, 'policy'>;
}

/** What `selectMember` returns. */
export interface MemberChoice {
  /** The policy's hash: the unsigned 32-bit value, or for Cisco policies the bucket 0 to 7. */
  hash: number;
  /** The chosen member, 0-based, below `members`. */
  member: number;
}

/**
 * The member a connection is sent on under a hash policy.
 *
 * - Linux policies: `linuxXmitHash`, then `hash % members`.
 * - `toeplitz`: `rssHash` with ports, then a 128-entry indirection table filled round-robin
 *   (entry i holds member i % members), so member = `(hash & 127) % members`.
 * - Cisco policies: `ciscoBucket` (returned as `hash`), then `bucket % members`.
 * - Windows policies: `windowsAddressHash`, then `hash % members`.
 *
 * @throws InputError for an unknown policy, a bad member count, or bad connection fields.
 */
export function selectMember(conn: Connection, options: SelectMemberOptions): MemberChoice {
  checkSelectMemberOptions(options);
  const { policy, members, key } = options;
  if ((LINUX_XMIT_HASH_POLICIES as readonly string[]).includes(policy)) {
    const hash = linuxXmitHash(conn, { ...options.linux, policy: policy as LinuxXmitHashPolicy });
    return { hash, member: linuxMember(hash, members) };
  }
  if (policy === 'toeplitz') {
    const hash = rssHash(conn, { key });
    return { hash, member: (hash & (RSS_INDIRECTION_TABLE_SIZE - 1)) % members };
  }
  if ((CISCO_LOAD_BALANCE as readonly string[]).includes(policy)) {
    const bucket = ciscoBucket(conn, policy as CiscoLoadBalance);
    return { hash: bucket, member: ciscoBucketMember(bucket, members) };
  }
  const hash = windowsAddressHash(conn, policy as WindowsAddressHashAlgorithm, { key });
  return { hash, member: windowsMember(hash, members) };
}

/**
 * Checks the policy and member count of `SelectMemberOptions` (internal; not in the barrel).
 *
 * @throws InputError for an unknown policy, or a member count outside 1..32 (1..8 for Cisco).
 */
export function checkSelectMemberOptions(options: SelectMemberOptions): void {
  const { policy, members } = options;
  if (!isHashPolicy(policy)) {
    throw new InputError('policy', policy, `one of ${HASH_POLICIES.join(', ')}`);
  }
  if (!Number.isInteger(members) || members < 1 || members > 32) {
    throw new InputError('members', members, 'an integer from 1 to 32');
  }
  if ((CISCO_LOAD_BALANCE as readonly string[]).includes(policy) && members > 8) {
    throw new InputError('members', members, 'an integer from 1 to 8 for a Cisco EtherChannel');
  }
}
