import type { Connection } from '../../Connection';
import { InputError } from '../../InputError';
import {
  CISCO_LOAD_BALANCE,
  HASH_POLICIES,
  MICROSOFT_RSS_KEY,
  WINDOWS_ADDRESS_HASH_ALGORITHMS,
  isHashPolicy,
  parseHexKey,
  parseIp,
  parseMac,
  selectMember,
} from '../../hashing';
import type { Command } from '../Command';
import { writeJson } from '../Command';

/** The policies that hash with a Toeplitz key, so the only ones `--key` applies to. */
const KEYED_POLICIES: readonly string[] = ['toeplitz', ...WINDOWS_ADDRESS_HASH_ALGORITHMS];

/** Flag of each connection field, to report the library's errors in the user's terms. */
const FLAG_OF_FIELD: Record<string, string> = {
  policy: '--policy',
  members: '--members',
  srcIp: '--src-ip',
  dstIp: '--dst-ip',
  srcPort: '--src-port',
  dstPort: '--dst-port',
  srcMac: '--src-mac',
  dstMac: '--dst-mac',
  protocol: '--protocol',
  key: '--key',
};

/** `teaming-lab hash`: the hash of one connection under a policy, and the member it picks. */
export const hashCommand: Command = {
  name: 'hash',
  summary: 'hash one connection under a policy and show the member it picks',
  help: `Usage: teaming-lab hash --policy P --members N --src-ip A --dst-ip B [options]

Computes the 32-bit hash a policy gives one connection and the member it picks among N
active members, named NIC1 to NICN in team order as in the scenario files and plan. For
Cisco policies the hash is the EtherChannel bucket, 0 to 7.

Required:
  --policy P        one of ${HASH_POLICIES.join(', ')}
  --members N       number of active members, 1 to 32 (1 to 8 for Cisco policies)
  --src-ip A        source IPv4 or IPv6 address
  --dst-ip B        destination address, same family as --src-ip

Options:
  --src-port N      source TCP/UDP port (default 0)
  --dst-port N      destination port (default 0; live migration uses 6600)
  --src-mac M       source MAC, e.g. 00:15:5d:01:02:03 (default 00:00:00:00:00:00)
  --dst-mac M       destination MAC (default 00:00:00:00:00:00)
  --protocol tcp|udp  transport protocol (default tcp)
  --key HEX         Toeplitz key for toeplitz and the Windows policies, hex bytes
                    (default: Microsoft's RSS verification key)
  --json            print { "hash", "member", "memberName" } (member: the 0-based
                    index, memberName: NIC1 for index 0)
  --help            show this help

Example (Microsoft's first RSS verification vector):
  teaming-lab hash --policy toeplitz --members 4 --src-ip 66.9.149.187 --src-port 2794 \\
    --dst-ip 161.142.100.80 --dst-port 1766
`,
  flags: {
    policy: 'string',
    members: 'string',
    'src-ip': 'string',
    'dst-ip': 'string',
    'src-port': 'string',
    'dst-port': 'string',
    'src-mac': 'string',
    'dst-mac': 'string',
    protocol: 'string',
    key: 'string',
    json: 'boolean',
  },
  run(args, { io }) {
    if (args.positionals.length > 0) {
      throw new InputError('hash arguments', args.positionals[0], 'flags only (see teaming-lab hash --help)');
    }
    const { strings } = args;
    const policy = strings.policy;
    if (!isHashPolicy(policy)) throw new InputError('--policy', policy, `one of ${HASH_POLICIES.join(', ')}`);
    const members = integerFlag(strings.members, '--members', 'an integer from 1 to 32');
    const srcIp = required(strings['src-ip'], '--src-ip', 'an IPv4 or IPv6 address');
    const dstIp = required(strings['dst-ip'], '--dst-ip', 'an IPv4 or IPv6 address');
    parseIp(srcIp, '--src-ip');
    parseIp(dstIp, '--dst-ip');
    const srcMac = strings['src-mac'] ?? '00:00:00:00:00:00';
    const dstMac = strings['dst-mac'] ?? '00:00:00:00:00:00';
    parseMac(srcMac, '--src-mac');
    parseMac(dstMac, '--dst-mac');
    const protocol = strings.protocol ?? 'tcp';
    if (protocol !== 'tcp' && protocol !== 'udp') throw new InputError('--protocol', protocol, 'tcp or udp');
    // Checked here whatever the policy: a layer2 or MAC hash never reads the ports, and would take 99999.
    const srcPort = strings['src-port'] === undefined ? 0 : portFlag(strings['src-port'], '--src-port');
    const dstPort = strings['dst-port'] === undefined ? 0 : portFlag(strings['dst-port'], '--dst-port');
    let key = MICROSOFT_RSS_KEY;
    if (strings.key !== undefined) {
      if (!KEYED_POLICIES.includes(policy)) {
        throw new InputError('--key', strings.key, `no key with --policy ${policy} (only ${KEYED_POLICIES.join(', ')} use one)`);
      }
      key = parseHexKey(strings.key, '--key');
    }

    const conn: Connection = { srcMac, dstMac, srcIp, dstIp, protocol, srcPort, dstPort };
    const { hash, member } = inUserTerms(() => selectMember(conn, { policy, members, key }));
    const memberName = memberNameOf(member);
    if (args.booleans.json) {
      writeJson(io, { hash, member, memberName });
    } else {
      const isCisco = (CISCO_LOAD_BALANCE as readonly string[]).includes(policy);
      const hex = `0x${(hash >>> 0).toString(16).padStart(8, '0')}`;
      io.stdout(`policy  ${policy}\n`);
      io.stdout(`hash    ${hash} (${hex})${isCisco ? ', the EtherChannel bucket (0 to 7)' : ''}\n`);
      io.stdout(`member  ${memberName} of ${members === 1 ? 'NIC1' : `NIC1 to ${memberNameOf(members - 1)}`}\n`);
    }
    return 0;
  },
};

/** The name the kit gives the member at `index` of a team: NIC1 for 0, NIC2 for 1, ... */
function memberNameOf(index: number): string {
  return `NIC${index + 1}`;
}

function required(value: string | undefined, flag: string, allowed: string): string {
  if (value === undefined || value === '') throw new InputError(flag, value, allowed);
  return value;
}

/** A flag's value as an integer; only plain decimal digits are accepted (no `1e3`, no `0x10`). */
function integerFlag(value: string | undefined, flag: string, allowed: string): number {
  if (value === undefined || !/^\d+$/.test(value)) throw new InputError(flag, value, allowed);
  return Number(value);
}

/** A port flag's value: plain decimal digits, 0 to 65535. */
function portFlag(value: string, flag: string): number {
  const allowed = 'an integer port from 0 to 65535';
  const port = integerFlag(value, flag, allowed);
  if (port > 65535) throw new InputError(flag, port, allowed);
  return port;
}

/** Runs `action`, renaming the library's field names in InputErrors to the flags the user typed. */
function inUserTerms<T>(action: () => T): T {
  try {
    return action();
  } catch (error) {
    if (error instanceof InputError && FLAG_OF_FIELD[error.field] !== undefined) {
      throw new InputError(FLAG_OF_FIELD[error.field], error.value, error.allowed);
    }
    throw error;
  }
}
