import { InputError } from '../InputError';
import { checkBoolean, checkKnownKeys, checkName, checkNumber, checkObject, childField, checkString, itemField } from '../fieldChecks';
import { parseMac } from '../hashing';

/*
 * Checks and defaults shared by `validateTeam` and `validateBond` (internal; not in the barrel): a team
 * member and a bond member are the same kind of physical NIC.
 */

/**
 * A member's MAC: the one given (checked), or for a member without one the derived
 * `02:00:00:HH:HH:MM`, locally administered, host number hostIndex + 1, member number index + 1.
 *
 * @param field path of the member's `mac`, e.g. `hosts[0].team.members[1].mac`
 */
export function memberMac(value: unknown, field: string, hostIndex: number, index: number): string {
  if (value === undefined) return derivedMac(hostIndex, index);
  const mac = checkString(value, field);
  parseMac(mac, field);
  return mac;
}

function derivedMac(hostIndex: number, index: number): string {
  const host = hostIndex + 1;
  const bytes = [0x02, 0x00, 0x00, host >> 8, host & 0xff, index + 1];
  return bytes.map((byte) => byte.toString(16).padStart(2, '0')).join(':');
}

/** A MAC address in one spelling (lower case, `:` separators), so that `00-15-5D-..` and `00:15:5d:..` compare equal. */
export function normalizeMac(mac: string): string {
  return mac.toLowerCase().replace(/-/g, ':');
}

/**
 * Refuses two members with the same value of `key` (after `normalize`), naming the second one.
 *
 * @param membersField path of the members array, e.g. `hosts[0].team.members`
 */
export function checkDistinct(values: string[], membersField: string, key: string, normalize = (value: string) => value): void {
  const normalized = values.map(normalize);
  values.forEach((value, index) => {
    const first = normalized.indexOf(normalized[index]);
    if (first !== index) {
      throw new InputError(
        `${itemField(membersField, index)}.${key}`,
        value,
        `a ${key} not used by another member (${itemField(membersField, first)} has it)`,
      );
    }
  });
}

/**
 * Fastest member speed accepted, in Gbps: 10,000 (10 Tbps), far above any NIC (800 GbE is the fastest
 * Ethernet standardized). The bound keeps transfer times well above float noise next to setup times.
 */
export const MAX_MEMBER_GBPS = 10_000;

/** The fields every member has, team or bond: checked, with `up` and `mac` defaulted. */
export interface MemberBasics {
  name: string;
  gbps: number;
  up: boolean;
  mac: string;
}

/**
 * Checks a member object's common fields (`name`, `gbps` in (0, MAX_MEMBER_GBPS], `up`, `mac`) and
 * refuses keys outside `knownKeys`. Returns the basics and the raw object, for the caller's own fields
 * (a team member's `standby`).
 *
 * @param field path of the member, e.g. `hosts[0].team.members[1]`
 */
export function checkMemberBasics(
  raw: unknown,
  field: string,
  knownKeys: readonly string[],
  hostIndex: number,
  index: number,
): { basics: MemberBasics; input: Record<string, unknown> } {
  const input = checkObject(raw, field, 'a member object with name and gbps');
  checkKnownKeys(input, field, knownKeys);
  const name = checkName(input.name, childField(field, 'name'));
  const gbps = checkNumber(input.gbps, childField(field, 'gbps'), { greaterThan: 0, max: MAX_MEMBER_GBPS });
  const up = input.up === undefined ? true : checkBoolean(input.up, childField(field, 'up'));
  const mac = memberMac(input.mac, childField(field, 'mac'), hostIndex, index);
  return { basics: { name, gbps, up, mac }, input };
}
