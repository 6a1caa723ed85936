import { InputError } from '../../InputError';
import { CISCO_LOAD_BALANCE } from '../../hashing';
import { CONNECTION_MODELS } from '../../scenario';
import { DEFAULT_SWITCH_LOAD_BALANCE, LOAD_BALANCING_ALGORITHMS, TEAMING_MODES } from '../../teaming';
import type { Command } from '../Command';
import { writeJson } from '../Command';
import { fixed, formatTable } from '../formatTable';
import type { ParsedArgs } from '../parseArgs';
import { PLAN_MAX_MEMBERS, PLAN_MAX_VMS, PLAN_TRANSPORTS, planDrain, planDrainSetup } from '../../experiments';
import type { DrainBottleneck, DrainEstimate, DrainPlan, PlanDrainOptions } from '../../experiments';

/** How each bottleneck reads in the text report. */
const BOTTLENECK_TEXT: Record<DrainBottleneck, string> = {
  send: 'the send side (HV1): it used fewer members, and they ran full',
  receive: 'the receive side (HV2): it used fewer members, and they ran full',
  both: 'both sides alike: the members used on each side ran full',
  neither: 'neither side: the links never ran full (compression, or too few migrations at once)',
};

/** `teaming-lab plan`: how long draining HV1 to HV2 takes, and how other settings compare. */
export const planCommand: Command = {
  name: 'plan',
  summary: 'estimate a host drain: drain time, members used, and how other settings compare',
  help: `Usage: teaming-lab plan [options]

Answers "will draining host HV1 to host HV2 use all my team members, and how long will it
take?" with the model: it builds the article's two-host scenario from the options (HV1 and
HV2, each with a team of identical members, one switch; every VM moves from HV1 to HV2),
simulates the drain, and prints the drain time, the members used on each side, the peak
send and receive rates and the side that limits the drain. Then it runs the same drain under
every teaming mode with every load-balancing algorithm, and under every other transport, and
lists them fastest first (* marks your setting).

Options (defaults: the article's setup):
  --teaming-mode M    ${TEAMING_MODES.join(', ')} (default Lacp)
  --algorithm A       ${LOAD_BALANCING_ALGORITHMS.join(', ')}
                      (default TransportPorts, i.e. Address Hash)
  --members N         members per team, 1 to ${PLAN_MAX_MEMBERS} (default 2)
  --gbps S            speed of each member in Gbps, at most 10000 (default 10)
  --vms V             VMs to drain, 1 to ${PLAN_MAX_VMS} (default 4)
  --memory-gib G      memory of each VM in GiB, 0.0009765625 (1 MiB) to 65536 (default 8)
  --dirty-mbps D      pages each VM dirties, MB/s (default 50)
  --switch P          the switch's port-channel load-balance setting, one of
                      ${CISCO_LOAD_BALANCE.join(', ')} (default ${DEFAULT_SWITCH_LOAD_BALANCE})
  --simultaneous K    simultaneous live migrations per host, 1 to 64 (default 2)
  --connections C     ${CONNECTION_MODELS.join(' or ')}: one TCP connection per VM migration, or
                      one shared by all migrations between the two hosts (default per-vm)
  --transport T       ${PLAN_TRANSPORTS.join(', ')} (default TCP; SMB uses SMB Multichannel
                      over the team, SMBDirect uses RDMA NICs of the same total speed
                      outside the team)
  --json              print the plan as JSON (below)
  --help              show this help

JSON: {
  "setup":      { teamingMode, loadBalancingAlgorithm, members, memberGbps, vms, memoryGiB,
                  dirtyMBps, switchLoadBalance, simultaneous, connections, transport },
  "estimate":   ESTIMATE,
  "comparison": [ESTIMATE, ...]   fastest first; yours once, with "chosen": true
}
ESTIMATE = { teamingMode, loadBalancingAlgorithm, transport, drainS, sendMembers,
             receiveMembers, peakSendGbps, peakReceiveGbps, bottleneck, chosen }
  drainS: seconds until the last VM resumed on HV2; sendMembers / receiveMembers: members
  that carried at least 1 % of the bytes (0 under SMBDirect); bottleneck: send, receive,
  both or neither (the side that used fewer members, when it ran full).

Units: Gbps = 10^9 bit/s, GiB = 2^30 bytes, MB = 10^6 bytes. The model's Windows hash is a
stand-in (Microsoft does not publish its own), so which member a connection takes may differ
on real hosts; counts and times are what the model gives for its ports.

Example: a four-member team, twelve 16 GiB VMs, Hyper-V Port
  teaming-lab plan --members 4 --vms 12 --memory-gib 16 --algorithm HyperVPort
`,
  flags: {
    'teaming-mode': 'string',
    algorithm: 'string',
    members: 'string',
    gbps: 'string',
    vms: 'string',
    'memory-gib': 'string',
    'dirty-mbps': 'string',
    switch: 'string',
    simultaneous: 'string',
    connections: 'string',
    transport: 'string',
    json: 'boolean',
  },
  run(args, { io }) {
    if (args.positionals.length > 0) {
      throw new InputError('plan arguments', args.positionals[0], 'flags only (see teaming-lab plan --help)');
    }
    const options = planOptions(args);
    const plan = inFlagTerms(args, () => planDrain(options));
    if (args.booleans.json) writeJson(io, plan);
    else io.stdout(formatPlan(plan));
    return 0;
  },
};

/** Each flag of `plan` and the planner option it sets. */
const OPTION_OF_FLAG: Record<string, keyof PlanDrainOptions> = {
  'teaming-mode': 'teamingMode',
  algorithm: 'loadBalancingAlgorithm',
  members: 'members',
  gbps: 'memberGbps',
  vms: 'vms',
  'memory-gib': 'memoryGiB',
  'dirty-mbps': 'dirtyMBps',
  switch: 'switchLoadBalance',
  simultaneous: 'simultaneous',
  connections: 'connections',
  transport: 'transport',
};

/** The flags that take a number. */
const NUMBER_FLAGS: readonly string[] = ['members', 'gbps', 'vms', 'memory-gib', 'dirty-mbps', 'simultaneous'];

/**
 * The planner's setup from the flags, checked by `planDrainSetup` (one set of rules for the CLI and the
 * library) and reported under the flag's own name and text, e.g. `--gbps: got "1e3"; expected ...`.
 * A number flag takes plain decimals only (`12`, `2.5`; no `1e3`, no `0x10`).
 */
export function planOptions(args: ParsedArgs): Required<PlanDrainOptions> {
  const options: Record<string, unknown> = {};
  for (const [flag, option] of Object.entries(OPTION_OF_FLAG)) {
    const text = args.strings[flag];
    if (text === undefined) continue;
    options[option] = NUMBER_FLAGS.includes(flag) ? (/^\d+(\.\d+)?$/.test(text) ? Number(text) : NaN) : text;
  }
  try {
    return planDrainSetup(options as PlanDrainOptions);
  } catch (error) {
    const flag = Object.keys(OPTION_OF_FLAG).find((name) => error instanceof InputError && OPTION_OF_FLAG[name] === error.field);
    if (error instanceof InputError && flag !== undefined) throw new InputError(`--${flag}`, args.strings[flag], error.allowed);
    throw error;
  }
}

/**
 * The scenario field each flag becomes inside the planner (`planDrain` builds a scenario and validates
 * it), so that a value the scenario's own rules refuse is reported under the flag the user typed, not
 * as `migrations[0].dirtyMBps`.
 */
const FLAG_OF_SCENARIO_FIELD: Array<[RegExp, string]> = [
  [/^migrations\[\d+\]\.dirtyMBps$/, 'dirty-mbps'],
  [/^migrations\[\d+\]\.memoryGiB$/, 'memory-gib'],
  [/^migrations(\[\d+\])?$/, 'vms'],
  [/^hosts\[\d+\]\.team\.members\[\d+\]\.gbps$/, 'gbps'],
  [/^hosts\[\d+\]\.team\.members$/, 'members'],
  [/^hosts\[\d+\]\.team\.teamingMode$/, 'teaming-mode'],
  [/^hosts\[\d+\]\.team\.loadBalancingAlgorithm$/, 'algorithm'],
  [/^switch\.loadBalance$/, 'switch'],
  [/^liveMigration\.simultaneous$/, 'simultaneous'],
  [/^liveMigration\.connections$/, 'connections'],
  [/^liveMigration\.transport$/, 'transport'],
];

/**
 * Runs the planner, reporting an InputError on a scenario field that a flag set under that flag, with
 * the text the user typed (`--dirty-mbps: got "99999999999"; expected a number from 0 to 1000000`).
 */
function inFlagTerms<T>(args: ParsedArgs, action: () => T): T {
  try {
    return action();
  } catch (error) {
    if (error instanceof InputError) {
      const field = error.field;
      const flag = FLAG_OF_SCENARIO_FIELD.find(([pattern]) => pattern.test(field))?.[1];
      if (flag !== undefined) {
        const given = args.strings[flag];
        throw new InputError(`--${flag}`, given ?? error.value, given === undefined ? `${error.allowed} (the default was refused)` : error.allowed);
      }
    }
    throw error;
  }
}

/** Members used on one side, in words. */
function membersUsed(used: number, plan: DrainPlan): string {
  return used === 0 && plan.estimate.transport === 'SMBDirect' ? 'RDMA NICs (outside the team)' : `${used} of ${plan.setup.members} members`;
}

/** The text report: the setup, the estimate, and the comparison table. */
export function formatPlan(plan: DrainPlan): string {
  const { setup, estimate } = plan;
  const lines = [
    `Drain HV1 -> HV2: ${setup.vms} VM(s) of ${setup.memoryGiB} GiB, each dirtying ${setup.dirtyMBps} MB/s`,
    `Teams: ${setup.members} x ${setup.memberGbps} Gbps, ${setup.teamingMode}, ${setup.loadBalancingAlgorithm}; switch ${setup.switchLoadBalance}; ` +
      `${setup.simultaneous} simultaneous; ${setup.connections} connections; transport ${setup.transport}`,
    '',
    `Drain time        ${fixed(estimate.drainS, 1)} s`,
    `HV1 sends on      ${membersUsed(estimate.sendMembers, plan)}, peak ${fixed(estimate.peakSendGbps, 1)} Gbps`,
    `HV2 receives on   ${membersUsed(estimate.receiveMembers, plan)}, peak ${fixed(estimate.peakReceiveGbps, 1)} Gbps`,
    `Bottleneck        ${BOTTLENECK_TEXT[estimate.bottleneck]}`,
    '',
    'The same drain with other settings, fastest first (* = yours)',
  ];
  const rows = plan.comparison.map((row: DrainEstimate) => [
    row.chosen ? '*' : '',
    row.teamingMode,
    row.loadBalancingAlgorithm,
    row.transport,
    fixed(row.drainS, 1),
    row.transport === 'SMBDirect' ? 'RDMA' : String(row.sendMembers),
    row.transport === 'SMBDirect' ? 'RDMA' : String(row.receiveMembers),
    fixed(row.peakSendGbps, 1),
    fixed(row.peakReceiveGbps, 1),
    row.bottleneck,
  ]);
  const table = formatTable(
    ['', 'teaming mode', 'algorithm', 'transport', 'drain s', 'send members', 'receive members', 'peak send Gbps', 'peak receive Gbps', 'bottleneck'],
    rows,
    { alignRight: [4, 5, 6, 7, 8] },
  );
  return `${lines.join('\n')}\n${table}`;
}
