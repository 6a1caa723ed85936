import { InputError } from '../InputError';

/**
 * Parses a dotted-quad IPv4 address (`10.0.0.1`) into its four bytes in network order.
 * Each part is a decimal number 0 to 255 without leading zeros (so `010` is refused rather than
 * guessed as octal).
 *
 * @param field Name of the field the text came from, used in the error. Default `ip`.
 * @throws InputError when the text is not a dotted quad.
 */
export function parseIpv4(text: string, field = 'ip'): Uint8Array {
  const bytes = tryIpv4(text);
  if (!bytes) throw new InputError(field, text, 'an IPv4 address such as 10.0.0.1');
  return bytes;
}

/**
 * Parses an IPv4 address (4 bytes) or an IPv6 address (16 bytes, `::` compression and a trailing
 * dotted quad such as `::ffff:10.0.0.1` allowed; zone IDs such as `%eth0` are not).
 *
 * @param field Name of the field the text came from, used in the error. Default `ip`.
 * @throws InputError when the text is neither.
 */
export function parseIp(text: string, field = 'ip'): Uint8Array {
  const bytes = typeof text === 'string' ? (text.includes(':') ? tryIpv6(text) : tryIpv4(text)) : undefined;
  if (!bytes) throw new InputError(field, text, 'an IPv4 address (10.0.0.1) or an IPv6 address (fe80::1)');
  return bytes;
}

/**
 * Parses a MAC address written as six two-digit hex bytes separated by `:` or `-` (one kind of
 * separator throughout), e.g. `00:15:5d:01:02:03` or `00-15-5D-01-02-03` as Windows shows it.
 *
 * @param field Name of the field the text came from, used in the error. Default `mac`.
 * @throws InputError when the text is not such an address.
 */
export function parseMac(text: string, field = 'mac'): number[] {
  if (typeof text !== 'string' || !/^[0-9a-fA-F]{2}([:-])[0-9a-fA-F]{2}(\1[0-9a-fA-F]{2}){4}$/.test(text)) {
    throw new InputError(field, text, 'a MAC address of six hex bytes, e.g. 00:15:5d:01:02:03');
  }
  return text.split(/[:-]/).map((part) => parseInt(part, 16));
}

/**
 * Checks a TCP/UDP port number and returns it.
 *
 * @param field Name of the field, used in the error. Default `port`.
 * @throws InputError unless the value is an integer 0 to 65535.
 */
export function parsePort(value: number, field = 'port'): number {
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    throw new InputError(field, value, 'an integer port from 0 to 65535');
  }
  return value;
}

/**
 * Reads four bytes as the Linux kernel does on x86: network-order bytes loaded into a little-endian
 * 32-bit register, so the first byte becomes the lowest. `10.0.0.1` reads as 0x0100000a.
 *
 * @param offset Index of the first of the four bytes. Default 0.
 */
export function readHostU32(bytes: ArrayLike<number>, offset = 0): number {
  return (bytes[offset] | (bytes[offset + 1] << 8) | (bytes[offset + 2] << 16) | (bytes[offset + 3] << 24)) >>> 0;
}

/**
 * An IPv4 address as an x86 Linux kernel holds it in a `u32` (see `readHostU32`):
 * 192.168.122.30 becomes 0x1e7aa8c0.
 *
 * @param field Name of the field the text came from, used in the error. Default `ip`.
 */
export function ipv4ToHostU32(text: string, field = 'ip'): number {
  return readHostU32(parseIpv4(text, field));
}

function tryIpv4(text: string): Uint8Array | undefined {
  if (typeof text !== 'string') return undefined;
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const bytes = new Uint8Array(4);
  for (let i = 0; i < 4; i++) {
    const part = parts[i];
    if (!/^(0|[1-9][0-9]{0,2})$/.test(part)) return undefined;
    const value = Number(part);
    if (value > 255) return undefined;
    bytes[i] = value;
  }
  return bytes;
}

function tryIpv6(text: string): Uint8Array | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] === '' ? [] : halves[0].split(':');
  const tail = halves.length === 2 ? (halves[1] === '' ? [] : halves[1].split(':')) : [];
  // A trailing dotted quad stands for the last two groups.
  const last = halves.length === 2 ? tail : head;
  let quad: Uint8Array | undefined;
  if (last.length > 0 && last[last.length - 1].includes('.')) {
    quad = tryIpv4(last.pop() as string);
    if (!quad) return undefined;
  }
  const groups = [...head, ...tail];
  if (!groups.every((group) => /^[0-9a-fA-F]{1,4}$/.test(group))) return undefined;
  const wanted = quad ? 6 : 8;
  if (halves.length === 1 ? groups.length !== wanted : groups.length > wanted - 1) return undefined;
  const words: number[] = [
    ...head.map((group) => parseInt(group, 16)),
    ...new Array<number>(wanted - groups.length).fill(0),
    ...tail.map((group) => parseInt(group, 16)),
  ];
  const bytes = new Uint8Array(16);
  words.forEach((word, i) => {
    bytes[2 * i] = word >> 8;
    bytes[2 * i + 1] = word & 0xff;
  });
  if (quad) bytes.set(quad, 12);
  return bytes;
}
