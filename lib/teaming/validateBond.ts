import { InputError } from '../InputError';
import { LINUX_XMIT_HASH_POLICIES } from '../hashing';
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
import { BOND_MODES } from './Bond';
import type { Bond, BondMember } from './Bond';
import { checkDistinct, checkMemberBasics, normalizeMac } from './memberChecks';

/** Options of `validateBond`. */
export interface ValidateBondOptions {
  /** Number of the host the bond belongs to (0 for the first host); it makes derived MACs differ between hosts. Integer from 0 to 65534. Default 0. */
  hostIndex?: number;
}

/** Defaults `validateBond` fills in. */
export const BOND_DEFAULTS = { xmitHashPolicy: 'layer2', tlbDynamicLb: true } as const;

/** Most members one bond may have here (the kernel has no small fixed limit; 32 keeps it in line with Windows teams). */
export const MAX_BOND_MEMBERS = 32;

const BOND_KEYS = ['mode', 'xmitHashPolicy', 'members', 'primary', 'tlbDynamicLb'];
const MEMBER_KEYS = ['name', 'gbps', 'up', 'mac'];

/**
 * Checks a bond as a user wrote it and returns it with the defaults filled in (`xmitHashPolicy`
 * layer2, `tlbDynamicLb` true; each member `up` true and a derived MAC `02:00:00:HH:HH:MM` as for
 * team members). Member names and speeds follow the team rules (not a `RESERVED_NAMES` name; `gbps`
 * greater than 0 and at most `MAX_MEMBER_GBPS`). `primary`, when given, must name a member. Unknown keys are errors.
 *
 * @param field path of the bond in error messages, e.g. `hosts[1].bond`. Default `bond`.
 * @throws InputError naming the offending field, e.g. `hosts[1].bond.mode`.
 */
export function validateBond(bond: unknown, field = 'bond', options: ValidateBondOptions = {}): Bond {
  const hostIndex = checkNumber(options.hostIndex ?? 0, 'hostIndex', { integer: true, min: 0, max: 65534 });
  const input = checkObject(bond, field, 'a bond object with mode and members');
  checkKnownKeys(input, field, BOND_KEYS);
  const mode = checkOneOf(input.mode, childField(field, 'mode'), BOND_MODES);
  const xmitHashPolicy =
    input.xmitHashPolicy === undefined ? BOND_DEFAULTS.xmitHashPolicy : checkOneOf(input.xmitHashPolicy, childField(field, 'xmitHashPolicy'), LINUX_XMIT_HASH_POLICIES);
  const tlbDynamicLb = input.tlbDynamicLb === undefined ? BOND_DEFAULTS.tlbDynamicLb : checkBoolean(input.tlbDynamicLb, childField(field, 'tlbDynamicLb'));
  const membersField = childField(field, 'members');
  const members = checkArray(input.members, membersField, 1, MAX_BOND_MEMBERS).map((raw, index) =>
    validateMember(raw, itemField(membersField, index), hostIndex, index),
  );
  checkDistinct(members.map((member) => member.name), membersField, 'name');
  checkDistinct(members.map((member) => member.mac), membersField, 'mac', normalizeMac);
  const validated: Bond = { mode, xmitHashPolicy, members, tlbDynamicLb };
  if (input.primary !== undefined) {
    const primary = checkString(input.primary, childField(field, 'primary'));
    if (!members.some((member) => member.name === primary)) {
      throw new InputError(childField(field, 'primary'), primary, `one of the member names ${members.map((m) => m.name).join(', ')}`);
    }
    validated.primary = primary;
  }
  return validated;
}

function validateMember(raw: unknown, field: string, hostIndex: number, index: number): Required<BondMember> {
  return checkMemberBasics(raw, field, MEMBER_KEYS, hostIndex, index).basics;
}
