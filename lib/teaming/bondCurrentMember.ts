import { InputError } from '../InputError';
import type { Bond } from './Bond';

/**
 * The bond's current active member (the kernel's `curr_active_slave`), as an index into
 * `bond.members`: the one member active-backup sends and receives on, and the one balance-tlb
 * receives on. It depends on history, so it is found by replaying the members' link states.
 *
 * `history` holds the members' up flags, oldest first, one array per moment the states changed
 * (each as long as `bond.members`); the last entry is the present. Default: just the present states
 * read from `bond.members[i].up`.
 *
 * Rules (bonding.rst, `primary` and `primary_reselect` at its default `always`):
 * - at the start: the `primary` member if it is up, else the first member up;
 * - after each change: the primary if it is set and up; else the current member if it is still up;
 *   else the first member up. So without `primary`, a restored member does not take the role back.
 *
 * @throws InputError when no member is up at some moment, or a history entry has the wrong length.
 */
export function bondCurrentMember(bond: Bond, history?: boolean[][]): number {
  const states = history ?? [bond.members.map((m) => m.up !== false)];
  const primary = bond.primary === undefined ? -1 : bond.members.findIndex((m) => m.name === bond.primary);
  let current = -1;
  states.forEach((up, moment) => {
    if (!Array.isArray(up) || up.length !== bond.members.length) {
      throw new InputError(`history[${moment}]`, up, `${bond.members.length} up flags, one per member`);
    }
    if (primary >= 0 && up[primary]) current = primary;
    else if (current < 0 || !up[current]) current = up.indexOf(true);
    if (current < 0) throw new InputError('bond.members', bond.members.map((m) => m.name), 'at least one member that is up');
  });
  if (current < 0) throw new InputError('history', history, 'at least one moment');
  return current;
}
