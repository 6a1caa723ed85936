import type { Connection } from '../Connection';
import { InputError } from '../InputError';
import { parseIp, parseMac, parsePort, readHostU32 } from './addresses';
import { hashModulo } from './hashModulo';

/** Linux bonding `xmit_hash_policy` values (balance-xor, 802.3ad and balance-tlb modes). */
export type LinuxXmitHashPolicy = 'layer2' | 'layer2+3' | 'layer3+4' | 'encap2+3' | 'encap3+4' | 'vlan+srcmac';

/** Every `xmit_hash_policy`, in the order bonding.rst lists them. */
export const LINUX_XMIT_HASH_POLICIES: readonly LinuxXmitHashPolicy[] = [
  'layer2',
  'layer2+3',
  'layer3+4',
  'encap2+3',
  'encap3+4',
  'vlan+srcmac',
];

/** Options for `linuxXmitHash`. The defaults give the current kernel on x86. */
export interface LinuxXmitHashOptions {
  /** The bond's `xmit_hash_policy`. */
  policy: LinuxXmitHashPolicy;
  /**
   * True to also drop the lowest hash bit for layer2+3 and encap2+3, as kernels did between the
   * November 2017 patch that added the `>> 1` (about v4.15) and commit 49aefd131739 (2022), which
   * limited it to layer3+4 again. Default false (current kernels).
   */
  layer23ShiftsLowBit?: boolean;
  /**
   * False to keep the lowest bit for layer3+4 and encap3+4, as kernels did before the November
   * 2017 patch (about v4.15). Default true (current kernels).
   */
  layer34ShiftsLowBit?: boolean;
  /**
   * True to use the EtherType as stored in the frame, read without a byte swap, as kernels did
   * before the 2021 XDP rework of bonding (about v5.15): the IPv4 term is then 0x0008 on x86, not
   * 0x0800. Default false (current kernels).
   */
  rawEtherType?: boolean;
  /** VLAN ID of the frame, 0 to 4095, used only by `vlan+srcmac`. Default 0 (untagged, which hashes the same). */
  vlanId?: number;
}

/**
 * The 32-bit value the Linux bonding driver computes to pick a member for one frame of the
 * connection, reproducing `bond_xmit_hash` in drivers/net/bonding/bond_main.c on a little-endian
 * (x86) machine. Addresses and the ports word are network-order bytes read as a host `u32`
 * (see `readHostU32`).
 *
 * - layer2: last byte of destination MAC ^ last byte of source MAC ^ EtherType (0x0800 for IPv4,
 *   0x86dd for IPv6).
 * - layer2+3: the layer2 value, then XOR both addresses (an IPv6 address is folded to 32 bits by
 *   XOR of its four words), then `h ^= h >> 16; h ^= h >> 8`.
 * - layer3+4: the same fold, seeded with the ports word instead of the layer2 value, then `>> 1`
 *   to discard the lowest bit.
 * - encap2+3, encap3+4: the layer2+3 and layer3+4 formulas. The kernel applies them to the inner
 *   headers of a tunnelled frame, so pass the inner headers; the shortcut of reusing a hash the
 *   stack already computed (`skb->l4_hash`) is not modelled.
 * - vlan+srcmac: VLAN ID ^ first three source MAC bytes ^ last three source MAC bytes, each
 *   three-byte half read as a big-endian number.
 *
 * @throws InputError for a bad address, port, policy or VLAN ID.
 */
export function linuxXmitHash(conn: Connection, options: LinuxXmitHashOptions): number {
  const { policy, layer23ShiftsLowBit = false, layer34ShiftsLowBit = true, rawEtherType = false, vlanId = 0 } = options;
  if (!LINUX_XMIT_HASH_POLICIES.includes(policy)) {
    throw new InputError('policy', policy, `one of ${LINUX_XMIT_HASH_POLICIES.join(', ')}`);
  }
  if (!Number.isInteger(vlanId) || vlanId < 0 || vlanId > 4095) {
    throw new InputError('vlanId', vlanId, 'an integer from 0 to 4095');
  }
  const srcMac = parseMac(conn.srcMac, 'srcMac');
  const dstMac = parseMac(conn.dstMac, 'dstMac');

  if (policy === 'vlan+srcmac') {
    const vendor = (srcMac[0] << 16) | (srcMac[1] << 8) | srcMac[2];
    const device = (srcMac[3] << 16) | (srcMac[4] << 8) | srcMac[5];
    return (vlanId ^ vendor ^ device) >>> 0;
  }

  const srcIp = parseIp(conn.srcIp, 'srcIp');
  const dstIp = parseIp(conn.dstIp, 'dstIp');
  if (srcIp.length !== dstIp.length) {
    throw new InputError('dstIp', conn.dstIp, `an address of the same family as srcIp (${conn.srcIp})`);
  }
  const etherType = srcIp.length === 4 ? 0x0800 : 0x86dd;
  const protoTerm = rawEtherType ? ((etherType & 0xff) << 8) | (etherType >> 8) : etherType;
  const ethHash = (dstMac[5] ^ srcMac[5] ^ protoTerm) >>> 0;
  if (policy === 'layer2') return ethHash;

  const withPorts = policy === 'layer3+4' || policy === 'encap3+4';
  let hash: number;
  if (withPorts) {
    const sport = parsePort(conn.srcPort, 'srcPort');
    const dport = parsePort(conn.dstPort, 'dstPort');
    hash = readHostU32([sport >> 8, sport & 0xff, dport >> 8, dport & 0xff]);
  } else {
    hash = ethHash;
  }
  hash = (hash ^ foldAddress(dstIp) ^ foldAddress(srcIp)) >>> 0;
  hash = (hash ^ (hash >>> 16)) >>> 0;
  hash = (hash ^ (hash >>> 8)) >>> 0;
  const shift = withPorts ? layer34ShiftsLowBit : layer23ShiftsLowBit;
  return shift ? hash >>> 1 : hash;
}

/**
 * The member a bond in balance-xor or 802.3ad mode sends on: `hash % memberCount` over the
 * usable members (0-based), so a change in the member count re-maps flows.
 *
 * @throws InputError unless hash is a 32-bit integer and memberCount a positive integer.
 */
export function linuxMember(hash: number, memberCount: number): number {
  return hashModulo(hash, memberCount);
}

/** An address as a `u32`: IPv4 read directly, IPv6 folded by XOR of its four words (ipv6_addr_hash). */
function foldAddress(bytes: Uint8Array): number {
  let folded = 0;
  for (let offset = 0; offset < bytes.length; offset += 4) folded ^= readHostU32(bytes, offset);
  return folded >>> 0;
}
