import { InputError } from '../InputError';
import {
  checkArray,
  checkBoolean,
  checkKnownKeys,
  checkNumber,
  checkObject,
  checkOneOf,
  checkString,
  childField,
  itemField,
} from '../fieldChecks';
import { formatHexKey, hostRssKey, parseHexKey, WINDOWS_ADDRESS_HASH_STAND_INS } from '../hashing';
import { LOAD_BALANCING_ALGORITHMS, TEAMING_MODES, TEAM_KINDS } from './Team';
import type { Team, TeamMember } from './Team';
import { checkSetTeam } from './checkSetTeam';
import { checkDistinct, checkMemberBasics, normalizeMac } from './memberChecks';

/** Options of `validateTeam`. */
export interface ValidateTeamOptions {
  /**
   * Number of the host the team belongs to (0 for the first host of a scenario). It makes the MAC
   * addresses derived for members without one differ between hosts. Integer from 0 to 65534. Default 0.
   */
  hostIndex?: number;
  /**
   * The scenario's seed. When given, a team whose stand-in hash uses a host key (`addressHash` toeplitz
   * or mixed) and has no `rssKey` gets `hostRssKey(seed, hostIndex)`, so each host of a scenario has its
   * own key and another seed draws other keys. An integer. Default: none (no key filled in).
   */
  seed?: number;
  /**
   * `accept` (default) or `refuse` a standby member in a Static or Lacp team. Microsoft's cmdlet
   * documentation states no restriction (Add-NetLbfoTeamMember -AdministrativeMode Standby); a third-party
   * guide reports that the NIC Teaming GUI offers standby only in Switch Independent mode. UNVERIFIED,
   * hence a choice.
   */
  standbyInSwitchDependent?: 'accept' | 'refuse';
}

const TEAM_KEYS = ['kind', 'teamingMode', 'loadBalancingAlgorithm', 'members', 'addressHash', 'rssKey', 'dynamicInbound'] as const;
const MEMBER_KEYS = ['name', 'gbps', 'standby', 'up', 'mac'] as const;

/** Most members a Windows Server 2012 team may have (NIC Teaming limits: 1 to 32 physical NICs). */
export const MAX_TEAM_MEMBERS = 32;

export { MAX_MEMBER_GBPS } from './memberChecks';

/**
 * Checks a team as a user wrote it and returns it with every member default filled in
 * (`standby` false, `up` true, `mac` derived when absent). Nothing is changed in the input.
 *
 * Rules: `teamingMode` and `loadBalancingAlgorithm` are PowerShell values; 1 to 32 members with unique
 * names (not one of `RESERVED_NAMES`) and unique MACs; `gbps` a number greater than 0 and at most
 * `MAX_MEMBER_GBPS`; at most one standby member, and never only
 * standby members. Unknown keys are errors (they are usually typos). `kind` is kept when given (absent
 * means `LBFO`); a `SET` team must also pass the Switch Embedded Teaming rules (see `checkSetTeam`).
 * `addressHash` (`toeplitz`, `toeplitz-test-key` or `mixed`) is likewise kept only when given (absent means
 * `toeplitz`); `rssKey` (hex bytes, at least 16) is kept when given and drawn from `options.seed` when a
 * seed is given and the stand-in uses a host key.
 *
 * A derived MAC is locally administered (first byte 02) and encodes the host and member position:
 * `02:00:00:HH:HH:MM`, with HHHH = hostIndex + 1 and MM = member position + 1.
 *
 * @param team the team, e.g. parsed from a scenario file
 * @param field path of the team in the input, used in error messages, e.g. `hosts[1].team`
 * @throws InputError naming the offending field, e.g. `hosts[1].team.members[0].gbps`
 */
export function validateTeam(team: unknown, field = 'team', options: ValidateTeamOptions = {}): Team {
  const hostIndex = checkNumber(options.hostIndex ?? 0, 'hostIndex', { integer: true, min: 0, max: 65534 });
  const input = checkObject(team, field, 'a team object with teamingMode, loadBalancingAlgorithm and members');
  checkKnownKeys(input, field, TEAM_KEYS);

  const teamingMode = checkOneOf(input.teamingMode, childField(field, 'teamingMode'), TEAMING_MODES);
  const loadBalancingAlgorithm = checkOneOf(
    input.loadBalancingAlgorithm,
    childField(field, 'loadBalancingAlgorithm'),
    LOAD_BALANCING_ALGORITHMS,
  );
  const membersField = childField(field, 'members');
  const rawMembers = checkArray(input.members, membersField, 1, MAX_TEAM_MEMBERS);
  const members = rawMembers.map((member, index) => validateMember(member, itemField(membersField, index), hostIndex, index));

  checkDistinct(members.map((member) => member.name), membersField, 'name');
  checkDistinct(members.map((member) => member.mac), membersField, 'mac', normalizeMac);

  const standbyIndexes = members.flatMap((member, index) => (member.standby ? [index] : []));
  if (standbyIndexes.length > 1) {
    const second = standbyIndexes[1];
    throw new InputError(
      `${itemField(membersField, second)}.standby`,
      true,
      `false: at most one standby member per team, and ${itemField(membersField, standbyIndexes[0])} is already standby`,
    );
  }
  if (standbyIndexes.length === members.length) {
    throw new InputError(
      `${itemField(membersField, standbyIndexes[0])}.standby`,
      true,
      'false: a team needs at least one active member besides the standby one',
    );
  }

  if (standbyIndexes.length > 0 && teamingMode !== 'SwitchIndependent' && options.standbyInSwitchDependent === 'refuse') {
    throw new InputError(`${itemField(membersField, standbyIndexes[0])}.standby`, true, `false: standby members are refused in a ${teamingMode} team (standbyInSwitchDependent: refuse)`);
  }
  const addressHash =
    input.addressHash === undefined ? undefined : checkOneOf(input.addressHash, childField(field, 'addressHash'), WINDOWS_ADDRESS_HASH_STAND_INS);
  const hashField: Pick<Team, 'addressHash' | 'rssKey'> = addressHash === undefined ? {} : { addressHash };
  if (input.rssKey !== undefined) {
    const rssKey = checkString(input.rssKey, childField(field, 'rssKey'));
    if (parseHexKey(rssKey, childField(field, 'rssKey')).length < 16) {
      throw new InputError(childField(field, 'rssKey'), rssKey, 'at least 16 hex bytes (an IPv4 4-tuple needs 12 + 4)');
    }
    hashField.rssKey = rssKey;
  } else if (options.seed !== undefined && addressHash !== 'toeplitz-test-key') {
    hashField.rssKey = formatHexKey(hostRssKey(checkNumber(options.seed, 'seed', { integer: true }), hostIndex));
  }
  const dynamicInbound = input.dynamicInbound === undefined ? undefined : checkOneOf(input.dynamicInbound, childField(field, 'dynamicInbound'), ['affinitized', 'hashed'] as const);
  const extra: Pick<Team, 'dynamicInbound'> = dynamicInbound === undefined ? {} : { dynamicInbound };
  if (input.kind === undefined) return { teamingMode, loadBalancingAlgorithm, members, ...hashField, ...extra };
  const kind = checkOneOf(input.kind, childField(field, 'kind'), TEAM_KINDS);
  const validated: Team = { kind, teamingMode, loadBalancingAlgorithm, members, ...hashField, ...extra };
  if (kind === 'SET') checkSetTeam(validated, field);
  return validated;
}

function validateMember(member: unknown, field: string, hostIndex: number, index: number): Required<TeamMember> {
  const { basics, input } = checkMemberBasics(member, field, MEMBER_KEYS, hostIndex, index);
  const standby = input.standby === undefined ? false : checkBoolean(input.standby, childField(field, 'standby'));
  return { ...basics, standby };
}
