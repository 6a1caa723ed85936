import type { Bond } from './Bond';
import type { Team } from './Team';

/**
 * How a member failure shows to the team or bond. `link-down`: the carrier drops (cable pulled, port
 * shut): the NIC driver reports it and the member leaves the team at once, or at the next MII poll of a
 * Linux bond. `lacp-timeout`: the link stays up but the partner stops sending LACPDUs (a hung switch
 * port, a miscabled or misconfigured partner); only LACP notices, when its timeout runs out.
 */
export type MemberFailure = 'link-down' | 'lacp-timeout';

/** Every `MemberFailure`. */
export const MEMBER_FAILURES: readonly MemberFailure[] = ['link-down', 'lacp-timeout'];

/**
 * The LACP timeout in use: `fast` (short timeout) or `slow` (long timeout). PowerShell: `Set-NetLbfoTeam
 * -LacpTimer Fast|Slow` (Windows Server versions after 2012 R2); bonding: `lacp_rate fast|slow`.
 */
export type LacpTimer = 'fast' | 'slow';

/** Every `LacpTimer`. */
export const LACP_TIMERS: readonly LacpTimer[] = ['fast', 'slow'];

/**
 * Seconds between two LACPDUs the partner sends (IEEE 802.1AX periodic times): fast 1 s, slow 30 s.
 * Source: drivers/net/bonding/bond_3ad.c, `AD_FAST_PERIODIC_TIME` and `AD_SLOW_PERIODIC_TIME`.
 */
export const LACP_PERIODIC_S: Readonly<Record<LacpTimer, number>> = { fast: 1, slow: 30 };

/**
 * Seconds without an LACPDU after which LACP declares the partner gone: three periodic times, 3 s (short
 * timeout) or 90 s (long timeout). Source: drivers/net/bonding/bond_3ad.c, `AD_SHORT_TIMEOUT_TIME` and
 * `AD_LONG_TIMEOUT_TIME`, used for the receive machine's current_while timer (`__ad_timer_to_ticks`).
 * The timer restarts at each LACPDU, so a failure between two LACPDUs is noticed between two and three
 * periodic times after it; the model takes the full timeout (the worst case).
 */
export const LACP_TIMEOUT_S: Readonly<Record<LacpTimer, number>> = { fast: 3 * LACP_PERIODIC_S.fast, slow: 3 * LACP_PERIODIC_S.slow };

/**
 * The LACP timer a team or bond uses when none is given. A Windows LACP team: `fast`, since Microsoft's
 * NIC Teaming settings page says LBFO always runs LACP in active mode with the short timer (Windows Server
 * 2012 and 2012 R2 offer no setting). A Linux 802.3ad bond: `slow`, bonding's `lacp_rate` default
 * (Documentation/networking/bonding.rst).
 */
export function defaultLacpTimer(nic: { team?: Team; bond?: Bond }): LacpTimer {
  return nic.team !== undefined ? 'fast' : 'slow';
}

/**
 * Seconds from a carrier loss to the moment a Linux bond notices it: its MII monitoring interval,
 * bonding's `miimon`, whose default is 100 ms when `arp_interval` is not set (bonding.rst); the link is
 * polled every interval, so the model takes one whole interval (the worst case; `downdelay` 0).
 */
export const BOND_MIIMON_S = 0.1;

/**
 * Seconds from a carrier loss to the moment a Windows team notices it. UNVERIFIED: Microsoft publishes no
 * figure; the NIC driver reports a media disconnect to NDIS as it happens, so the model takes 0.
 */
export const TEAM_LINK_DOWN_DETECTION_S = 0;

/** True when the team or bond runs LACP: a `Lacp` team or an `802.3ad` bond. Only those can notice a `lacp-timeout` failure. */
export function runsLacp(nic: { team?: Team; bond?: Bond }): boolean {
  return nic.team !== undefined ? nic.team.teamingMode === 'Lacp' : nic.bond?.mode === '802.3ad';
}

/**
 * Seconds from a member failure to the moment the team or bond notices it and moves the failed member's
 * traffic: `link-down` takes `TEAM_LINK_DOWN_DETECTION_S` on a team and `BOND_MIIMON_S` on a bond;
 * `lacp-timeout` takes `LACP_TIMEOUT_S[timer]` (`timer` defaults to `defaultLacpTimer`). The caller
 * checks that a `lacp-timeout` failure is on a team or bond that runs LACP (`runsLacp`).
 */
export function failureDetectionS(nic: { team?: Team; bond?: Bond }, failure: MemberFailure, timer: LacpTimer = defaultLacpTimer(nic)): number {
  if (failure === 'lacp-timeout') return LACP_TIMEOUT_S[timer];
  return nic.team !== undefined ? TEAM_LINK_DOWN_DETECTION_S : BOND_MIIMON_S;
}
