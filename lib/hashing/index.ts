export { parseIpv4, parseIp, parseMac, parsePort, readHostU32, ipv4ToHostU32 } from './addresses';
export { ephemeralPorts, ephemeralPortAllocator, MAX_OTHER_CONNECTIONS_PER_CONNECTION } from './ephemeralPorts';
export type { EphemeralPortsOptions } from './ephemeralPorts';
export { LINUX_XMIT_HASH_POLICIES, linuxXmitHash, linuxMember } from './linux';
export type { LinuxXmitHashPolicy, LinuxXmitHashOptions } from './linux';
export { MICROSOFT_RSS_KEY, toeplitzHash, parseHexKey, rssHash } from './toeplitz';
export type { RssHashOptions } from './toeplitz';
export { CISCO_LOAD_BALANCE, ciscoBucket, ciscoBucketMember, ciscoMember } from './cisco';
export type { CiscoLoadBalance } from './cisco';
export { WINDOWS_ADDRESS_HASH_ALGORITHMS, WINDOWS_HASH_MIXINGS, WINDOWS_ADDRESS_HASH_STAND_INS, windowsAddressHash, windowsMember } from './windows';
export type { WindowsAddressHashAlgorithm, WindowsAddressHashOptions, WindowsHashMixing, WindowsAddressHashStandIn } from './windows';
export { hostRssKey, formatHexKey, RSS_KEY_BYTES } from './hostRssKey';
export { HASH_POLICIES, RSS_INDIRECTION_TABLE_SIZE, isHashPolicy, selectMember } from './selectMember';
export type { HashPolicy, SelectMemberOptions, MemberChoice } from './selectMember';
export {
  collisionProbability,
  allMembersUsedProbability,
  expectedMembersUsed,
  busiestMemberDistribution,
  membersUsedDistribution,
  spreadOverMembers,
} from './spread';
export type { SpreadOverMembersOptions } from './spread';
