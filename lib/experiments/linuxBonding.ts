import { barFigure } from '../figures';
import type { LinuxXmitHashPolicy } from '../hashing';
import { simulateTcpStream, sprayingCalibration } from '../packet';
import type { ScenarioInput } from '../scenario';
import { BOND_MODES } from '../teaming/Bond';
import type { BondMode } from '../teaming/Bond';
import { memoryGiBControl } from './controls';
import { defineExperiment } from './defineExperiment';
import { runScenario } from './runScenario';
import { fmt, hostUsage } from './usage';
import { DEFAULT_SWITCH_LOAD_BALANCE } from '../teaming/defaultSwitchLoadBalance';

/** Options of `linuxBonding`; each defaults to its control's default. */
export interface LinuxBondingOptions extends Record<string, unknown> {
  /** Members per bond (10 Gbps each), 2 to 8. Default 2. */
  members: number;
  /** VMs migrating at once, 2 to 12. Default 4. */
  vms: number;
  /** Memory of each VM, GiB, 1 to 64. Default 8. */
  memoryGiB: number;
  /** Both bonds' `xmit_hash_policy` (not vlan+srcmac). Default layer3+4. */
  xmitHashPolicy: string;
  /** The switch's `port-channel load-balance`: src-dst-port, src-dst-ip or src-dst-mac. Default src-dst-port. */
  switchLoadBalance: string;
}

/** How one bonding mode did on the two-host drain. */
export interface LinuxBondingRow {
  /** The bonds' `mode`. */
  mode: BondMode;
  /** Members of the source bond that sent at least 1 % of its bytes. */
  sendMembers: number;
  /** Members of the target bond that received at least 1 % of its bytes. */
  receiveMembers: number;
  /** Highest send rate of LX1, Gbps. */
  peakSendGbps: number;
  /** Highest receive rate of LX2, Gbps. */
  peakReceiveGbps: number;
  /** Seconds until the last VM resumed on LX2. */
  drainS: number;
  /** GB the source sent, over all members (broadcast sends every byte on every member). */
  sentGB: number;
  /**
   * What the kernel documentation leads one to expect on each side: `all` members (by construction),
   * `copy` (every member carries a copy of every frame: broadcast, one member's worth of goodput),
   * `hashed` (a hash that looks at the ports decides, so the connections may land on one member or
   * several), or `one` (every connection between the two hosts goes the same way).
   */
  expectedSend: Expected;
  /** The same for the receive side. */
  expectedReceive: Expected;
}

type Expected = 'all' | 'copy' | 'hashed' | 'one';

/** Policies whose hash includes the TCP ports, so connections between two hosts can land on different members. */
const PORT_POLICIES: readonly string[] = ['layer3+4', 'encap3+4'];

/**
 * What bonding.rst leads one to expect for the drain between two hosts (one peer, one connection per VM):
 * - balance-rr sprays every connection over all members; broadcast copies every frame to all (duplicates,
 *   not more goodput); the switch's port-channel hash spreads the receive side of both when it looks at ports.
 * - balance-xor and 802.3ad hash each connection; only a policy with ports tells two hosts' connections apart.
 * - balance-tlb (tlb_dynamic_lb=1) hashes each connection with xmit_hash_policy into one of 256 buckets and
 *   gives each bucket the least-loaded member (bond_alb.c), so with a port-aware policy it spreads even
 *   between two hosts; it receives on the current active member only.
 * - active-backup uses one member; balance-alb balances its sends by destination address and its receives
 *   by peer, so with one peer each side uses one member.
 */
function expectation(mode: BondMode, policy: string, switchUsesPorts: boolean): { send: Expected; receive: Expected } {
  const ports = PORT_POLICIES.includes(policy);
  const switchSide = switchUsesPorts ? 'hashed' : 'one';
  switch (mode) {
    case 'balance-rr':
      return { send: 'all', receive: switchSide };
    case 'broadcast':
      return { send: 'copy', receive: switchSide };
    case 'balance-xor':
    case '802.3ad':
      return { send: ports ? 'hashed' : 'one', receive: switchSide };
    case 'balance-tlb':
      return { send: ports ? 'hashed' : 'one', receive: 'one' };
    default:
      return { send: 'one', receive: 'one' };
  }
}

/**
 * Beyond the article: the article's two-host drain on Linux terms. Both hosts carry a Linux bond instead
 * of a Windows team, and every bonding mode runs the same drain. Which modes use all members each way?
 * balance-rr does it by spraying each connection over every member, which the packet model says costs
 * throughput (finding 8): its cost for one stream over this many members is reported alongside.
 */
export const linuxBonding = defineExperiment<LinuxBondingOptions, LinuxBondingRow[]>({
  id: 'linux-bonding',
  finding: null,
  title: 'Linux bonding modes on the two-host drain: which use all members each way',
  controls: [
    { name: 'members', label: 'Members per bond', kind: 'number', min: 2, max: 8, step: 1, default: 2 },
    { name: 'vms', label: 'VMs migrating at once', kind: 'number', min: 2, max: 12, step: 1, default: 4 },
    memoryGiBControl(8),
    { name: 'xmitHashPolicy', label: 'xmit_hash_policy', kind: 'select', options: ['layer2', 'layer2+3', 'layer3+4', 'encap2+3', 'encap3+4'], default: 'layer3+4' },
    { name: 'switchLoadBalance', label: 'Switch load-balance', kind: 'select', options: ['src-dst-port', 'src-dst-ip', 'src-dst-mac'], default: DEFAULT_SWITCH_LOAD_BALANCE },
  ],
  run({ members, vms, memoryGiB, xmitHashPolicy, switchLoadBalance }, draw) {
    const memberGbps = 10;
    const switchUsesPorts = switchLoadBalance === 'src-dst-port';
    const rows: LinuxBondingRow[] = BOND_MODES.map((mode) => {
      const bond = () => ({
        mode,
        xmitHashPolicy: xmitHashPolicy as LinuxXmitHashPolicy,
        members: Array.from({ length: members }, (_, i) => ({ name: `eth${i}`, gbps: memberGbps })),
      });
      const input: ScenarioInput = {
        hosts: [
          { name: 'LX1', ip: '10.10.10.1', bond: bond() },
          { name: 'LX2', ip: '10.10.10.2', bond: bond() },
        ],
        switch: { loadBalance: switchLoadBalance as 'src-dst-port' },
        liveMigration: { simultaneous: vms },
        migrations: Array.from({ length: vms }, (_, i) => ({ vm: `VM${String(i + 1).padStart(2, '0')}`, from: 'LX1', to: 'LX2', memoryGiB, dirtyMBps: 50 })),
      };
      const sim = runScenario(input, draw);
      const source = hostUsage(sim.result, 'LX1');
      const target = hostUsage(sim.result, 'LX2');
      const expected = expectation(mode, xmitHashPolicy, switchUsesPorts);
      return {
        mode,
        sendMembers: source.sendMembers,
        receiveMembers: target.receiveMembers,
        peakSendGbps: source.peakSendGbps,
        peakReceiveGbps: target.peakReceiveGbps,
        drainS: sim.result.durationS,
        sentGB: Object.values(source.sentGB).reduce((a, b) => a + b, 0),
        expectedSend: expected.send,
        expectedReceive: expected.receive,
      };
    });
    const fits = (used: number, expected: Expected) =>
      expected === 'all' || expected === 'copy' ? used === members : expected === 'one' ? used === 1 : used >= 1 && used <= Math.min(vms, members);
    const matches = (row: LinuxBondingRow) => fits(row.sendMembers, row.expectedSend) && fits(row.receiveMembers, row.expectedReceive);
    const holds = rows.every(matches);
    // What spraying costs one stream: the packet model at its calibrated setting (1 Gbps members).
    const sprayed = sprayedStream(members);
    const memberWorthGbps = (sprayingCalibration.memberGbps * 1448) / 1500;
    const roundRobinMembersWorth = sprayed.goodputGbps / memberWorthGbps;
    // broadcast puts a copy of every frame on every member: all members busy, one member's worth of goodput.
    const allBothWays = rows.filter((r) => r.mode !== 'broadcast' && r.sendMembers === members && r.receiveMembers === members).map((r) => r.mode);
    const lacp = rows.find((r) => r.mode === '802.3ad') as LinuxBondingRow;
    const measured: Record<string, number | string | boolean> = {
      members,
      vms,
      xmitHashPolicy,
      switchLoadBalance,
      modesUsingAllMembersBothWays: allBothWays.join(', '),
      balanceRrOneStreamMembersWorth: roundRobinMembersWorth,
    };
    for (const row of rows) {
      measured[`${row.mode}SendMembers`] = row.sendMembers;
      measured[`${row.mode}ReceiveMembers`] = row.receiveMembers;
    }
    return {
      id: 'linux-bonding',
      claim:
        'Between two Linux hosts, balance-rr sprays every connection over every bond member and broadcast copies every frame to each (duplicates, not goodput); ' +
        'balance-xor, 802.3ad and balance-tlb can spread the migrations\' connections only with a port-aware xmit_hash_policy (layer3+4), where each ' +
        'connection\'s member is a draw, and the receive side only when the switch hashes ports (balance-tlb receives on one member); active-backup and ' +
        'balance-alb use one member each way, because there is one peer.',
      holds,
      anyHash: {
        statement: 'Every mode uses the members bonding.rst and bond_alb.c lead one to expect: all for balance-rr and broadcast, one for active-backup and balance-alb, one to as many as there are connections for the hashed modes.',
        holds,
      },
      observation: {
        statement: `802.3ad with ${xmitHashPolicy} and the switch hashing ${switchLoadBalance} used all ${members} members both ways.`,
        appeared: lacp.sendMembers === members && lacp.receiveMembers === members,
      },
      measured,
      summary:
        `With ${members} x ${memberGbps} Gbps members, ${vms} VMs, ${xmitHashPolicy} and a switch hashing ${switchLoadBalance}: ` +
        `${allBothWays.length > 0 ? allBothWays.join(', ') : 'no mode'} used all members both ways. ` +
        `balance-rr sprays each connection; the packet model gives one sprayed stream ${fmt(roundRobinMembersWorth, 2)} members' worth of ${members}.`,
      data: rows,
      figure: barFigure({
        title: `Bond members used, LX1 to LX2 (${members} members, ${xmitHashPolicy})`,
        categories: rows.map((r) => r.mode),
        series: [
          { name: 'send members (LX1)', values: rows.map((r) => r.sendMembers) },
          { name: 'receive members (LX2)', values: rows.map((r) => r.receiveMembers) },
        ],
        yTitle: 'members used',
        reference: { value: members, label: 'all members' },
      }),
    };
  },
});

/** One stream sprayed round robin over `members` 1 Gbps members, the packet model at its calibrated setting. It does not depend on the draw, so it is computed once per team size. */
const sprayedStreams = new Map<number, ReturnType<typeof simulateTcpStream>>();
function sprayedStream(members: number): ReturnType<typeof simulateTcpStream> {
  const known = sprayedStreams.get(members);
  if (known !== undefined) return known;
  const stream = simulateTcpStream({
    baseDelayUs: sprayingCalibration.baseDelayUs,
    members: Array.from({ length: members }, () => ({ gbps: sprayingCalibration.memberGbps })),
    scheduling: 'roundRobin',
    lossDetection: 'dupack',
    dupAckThreshold: 3,
    jitterUs: sprayingCalibration.delaySpreadUs,
    durationS: 0.15,
    warmupS: 0.05,
    seed: 1,
  });
  sprayedStreams.set(members, stream);
  return stream;
}
