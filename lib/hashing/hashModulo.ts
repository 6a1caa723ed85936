import { InputError } from '../InputError';

/**
 * `hash % memberCount` for a 32-bit hash read as unsigned: the member rule `linuxMember` and
 * `windowsMember` share (internal; not in the barrel). A signed 32-bit value (what JavaScript's `|`
 * and `^` give) is read as the same 32 bits unsigned.
 *
 * @throws InputError unless hash is a 32-bit integer (-2^31 to 2^32 - 1) and memberCount a positive integer.
 */
export function hashModulo(hash: number, memberCount: number): number {
  if (!Number.isInteger(hash) || hash < -0x80000000 || hash > 0xffffffff) {
    throw new InputError('hash', hash, 'a 32-bit integer hash (-2147483648 to 4294967295)');
  }
  if (!Number.isInteger(memberCount) || memberCount < 1) {
    throw new InputError('memberCount', memberCount, 'a positive integer');
  }
  return (hash >>> 0) % memberCount;
}
