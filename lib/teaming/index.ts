export type { LoadBalancingAlgorithm, Team, TeamMember, TeamingMode } from './Team';
export { LOAD_BALANCING_ALGORITHMS, TEAMING_MODES } from './Team';
export { activeMembers } from './activeMembers';
export { primaryMember } from './primaryMember';
export { teamMac } from './teamMac';
export { sendMember } from './sendMember';
export type { SendMemberOptions } from './sendMember';
export { receiveMember } from './receiveMember';
export type { ReceiveMemberOptions } from './receiveMember';
export { outboundInboundTable } from './outboundInboundTable';
export type { OutboundInboundRow } from './outboundInboundTable';
export { MAX_MEMBER_GBPS, MAX_TEAM_MEMBERS, validateTeam } from './validateTeam';
export type { ValidateTeamOptions } from './validateTeam';
export { TEAM_KINDS, MAX_SET_MEMBERS } from './Team';
export type { TeamKind } from './Team';
export { checkSetTeam } from './checkSetTeam';
export { BOND_MODES, SWITCH_BUNDLED_BOND_MODES } from './Bond';
export type { Bond, BondMember, BondMode } from './Bond';
export { validateBond, BOND_DEFAULTS, MAX_BOND_MEMBERS } from './validateBond';
export type { ValidateBondOptions } from './validateBond';
export { bondCurrentMember } from './bondCurrentMember';
export { bondSendMembers, upMembers, TLB_BUCKETS } from './bondSendMembers';
export type { BondSend, BondSendOptions } from './bondSendMembers';
export { bondReceiveMember } from './bondReceiveMember';
export type { BondReceiveOptions } from './bondReceiveMember';
export { leastLoadedMember, dynamicRebalance } from './dynamicRebalance';
export { teamHashOptions } from './teamHashOptions';
export { frameSourceMac } from './frameSourceMac';
export {
  BOND_MIIMON_S,
  LACP_PERIODIC_S,
  LACP_TIMEOUT_S,
  LACP_TIMERS,
  MEMBER_FAILURES,
  TEAM_LINK_DOWN_DETECTION_S,
  defaultLacpTimer,
  failureDetectionS,
  runsLacp,
} from './failureDetectionS';
export type { LacpTimer, MemberFailure } from './failureDetectionS';
export { DEFAULT_SWITCH_LOAD_BALANCE } from './defaultSwitchLoadBalance';
