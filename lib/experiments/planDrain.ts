import { articleScenario, articleSetup } from './articleScenario';
import type { ArticleScenarioOptions } from './articleScenario';
import { runScenario } from './runScenario';
import { hostUsage } from './usage';
import { makeDraw } from '../ensemble/Draw';
import { CISCO_LOAD_BALANCE } from '../hashing';
import { CONNECTION_MODELS } from '../scenario';
import type { ScenarioInput, SimulationResult } from '../scenario';
import { LOAD_BALANCING_ALGORITHMS, TEAMING_MODES } from '../teaming';
import type { LoadBalancingAlgorithm, TeamingMode } from '../teaming';
import { checkNumber, checkOneOf } from '../fieldChecks';

/**
 * How live migration moves memory, as the planner offers it: the three Windows Server 2012 R2
 * performance options (`TCP`, `Compression`, `SMB`, the last with SMB Multichannel over the team), plus
 * `SMBDirect`: SMB over RDMA NICs outside the team.
 */
export type PlanTransport = 'TCP' | 'Compression' | 'SMB' | 'SMBDirect';

/** Every `PlanTransport`, in the order Hyper-V Settings lists the options. */
export const PLAN_TRANSPORTS: readonly PlanTransport[] = ['TCP', 'Compression', 'SMB', 'SMBDirect'];

/** Most members per team the planner takes: the switch model shares 8 EtherChannel buckets among the links. */
export const PLAN_MAX_MEMBERS = 8;

/** Most VMs the planner drains (each setting compared is a full simulation). */
export const PLAN_MAX_VMS = 200;

/** What to plan: the article's two-host drain, every field defaulting to the article's setup (see
 * `ArticleScenarioOptions`; `members` 1 to 8, `memberGbps` at most 10000, `vms` 1 to 200, `memoryGiB`
 * 1/1024 to 65536, `simultaneous` 1 to 64), plus the transport. */
export interface PlanDrainOptions extends Omit<ArticleScenarioOptions, 'setupS' | 'setupJitterS' | 'seed'> {
  /** Live-migration transport. Default `TCP` (the article's Windows Server 2012 hosts). */
  transport?: PlanTransport;
}

/** Which side limits a drain. */
export type DrainBottleneck = 'send' | 'receive' | 'both' | 'neither';

/** The model's estimate of one drain. */
export interface DrainEstimate {
  /** Teaming mode of both teams. */
  teamingMode: TeamingMode;
  /** Load-balancing algorithm of both teams. */
  loadBalancingAlgorithm: LoadBalancingAlgorithm;
  /** Transport of the migrations. */
  transport: PlanTransport;
  /** Seconds from the start until the last VM has resumed on HV2. */
  drainS: number;
  /** Members of HV1's team that sent at least 1 % of its bytes (0 under SMB Direct, which bypasses the team). */
  sendMembers: number;
  /** Members of HV2's team that received at least 1 % of its bytes (0 under SMB Direct). */
  receiveMembers: number;
  /** Highest instantaneous send rate of HV1, Gbps (RDMA included). */
  peakSendGbps: number;
  /** Highest instantaneous receive rate of HV2, Gbps (RDMA included). */
  peakReceiveGbps: number;
  /**
   * What limits the drain. The narrower side is the one that used fewer members (both when they used as
   * many; under SMB Direct both hosts' RDMA links count as one equal path). It is the bottleneck when it
   * ran full at some moment (`send`, `receive` or `both`); otherwise `neither`: the links never filled,
   * so something else set the pace (compression's CPU, or too few migrations at once).
   */
  bottleneck: DrainBottleneck;
  /** True for the setting that was asked about. */
  chosen: boolean;
  /**
   * The drain time over the `PLAN_DRAWS` draws of the hosts' RSS keys and first ephemeral ports: the
   * estimate above is the draw with the median drain time; `minS` and `maxS` bound what the other draws gave.
   */
  drainRangeS: { minS: number; maxS: number };
}

/** Draws of the hosts' keys and ports `planDrain` runs per setting (odd, so one draw is the median). */
export const PLAN_DRAWS = 5;

/** What `planDrain` returns. */
export interface DrainPlan {
  /** The setup planned, every default filled in. */
  setup: Required<PlanDrainOptions>;
  /** The estimate for that setup. */
  estimate: DrainEstimate;
  /**
   * The same drain under every teaming mode with every load-balancing algorithm (with the chosen
   * transport), then under every other transport (with the chosen team), fastest first. Ties keep that
   * order. The chosen setting appears once, with `chosen: true`.
   */
  comparison: DrainEstimate[];
}

/** Fastest member the planner takes, Gbps (the model loses precision far beyond any real link). */
const PLAN_MAX_GBPS = 10_000;

/** Most simultaneous live migrations the planner takes: the most a scenario allows. */
const PLAN_MAX_SIMULTANEOUS = 64;

/** Smallest and largest VM memory the planner takes, GiB (1 MiB to 64 TiB). */
const PLAN_MEMORY_GIB = { min: 1 / 1024, max: 65_536 };

/** Checks the options and fills in the article's defaults. @throws InputError naming the option. */
export function planDrainSetup(options: PlanDrainOptions = {}): Required<PlanDrainOptions> {
  const { teamingMode, loadBalancingAlgorithm, members, memberGbps, vms, memoryGiB, dirtyMBps, switchLoadBalance, simultaneous, connections } =
    articleSetup(options);
  return {
    teamingMode: checkOneOf(teamingMode, 'teamingMode', TEAMING_MODES),
    loadBalancingAlgorithm: checkOneOf(loadBalancingAlgorithm, 'loadBalancingAlgorithm', LOAD_BALANCING_ALGORITHMS),
    members: checkNumber(members, 'members', { integer: true, min: 1, max: PLAN_MAX_MEMBERS }),
    memberGbps: checkNumber(memberGbps, 'memberGbps', { greaterThan: 0, max: PLAN_MAX_GBPS }),
    vms: checkNumber(vms, 'vms', { integer: true, min: 1, max: PLAN_MAX_VMS }),
    memoryGiB: checkNumber(memoryGiB, 'memoryGiB', PLAN_MEMORY_GIB),
    dirtyMBps: checkNumber(dirtyMBps, 'dirtyMBps', { min: 0 }),
    switchLoadBalance: checkOneOf(switchLoadBalance, 'switchLoadBalance', CISCO_LOAD_BALANCE),
    simultaneous: checkNumber(simultaneous, 'simultaneous', { integer: true, min: 1, max: PLAN_MAX_SIMULTANEOUS }),
    connections: checkOneOf(connections, 'connections', CONNECTION_MODELS),
    transport: checkOneOf(options.transport ?? 'TCP', 'transport', PLAN_TRANSPORTS),
  };
}

/** The article's two-host scenario for a planner setup: HV1 drains `vms` VMs to HV2. */
export function planScenario(setup: Required<PlanDrainOptions>): ScenarioInput {
  const { transport, ...article } = setup;
  const input = articleScenario(article);
  if (transport !== 'TCP') {
    input.liveMigration = {
      ...input.liveMigration,
      transport: transport === 'SMBDirect' ? 'SMB' : transport,
      ...(transport === 'SMBDirect' ? { smbDirect: true } : {}),
    };
  }
  return input;
}

/** The estimate of one simulated drain. */
function estimate(setup: Required<PlanDrainOptions>, result: SimulationResult, chosen: boolean): DrainEstimate {
  const source = hostUsage(result, 'HV1');
  const target = hostUsage(result, 'HV2');
  const rdma = result.hosts.HV1.rdma !== undefined;
  const sendWidth = rdma ? 1 : source.sendMembers;
  const receiveWidth = rdma ? 1 : target.receiveMembers;
  const pathGbps = rdma ? setup.members * setup.memberGbps : setup.memberGbps;
  const full = (peakGbps: number, width: number) => width > 0 && peakGbps >= width * pathGbps * (1 - 1e-6);
  const sendFull = full(source.peakSendGbps, sendWidth);
  const receiveFull = full(target.peakReceiveGbps, receiveWidth);
  let bottleneck: DrainBottleneck;
  if (sendWidth < receiveWidth) bottleneck = sendFull ? 'send' : 'neither';
  else if (receiveWidth < sendWidth) bottleneck = receiveFull ? 'receive' : 'neither';
  else bottleneck = sendFull && receiveFull ? 'both' : sendFull ? 'send' : receiveFull ? 'receive' : 'neither';
  return {
    teamingMode: setup.teamingMode,
    loadBalancingAlgorithm: setup.loadBalancingAlgorithm,
    transport: setup.transport,
    drainS: result.durationS,
    sendMembers: rdma ? 0 : source.sendMembers,
    receiveMembers: rdma ? 0 : target.receiveMembers,
    peakSendGbps: source.peakSendGbps,
    peakReceiveGbps: target.peakReceiveGbps,
    bottleneck,
    chosen,
    drainRangeS: { minS: result.durationS, maxS: result.durationS },
  };
}

/**
 * Simulates one setup over `PLAN_DRAWS` draws of the hosts' RSS keys and first ephemeral ports and returns
 * the estimate of the median draw, with the range of all draws: which members a drain uses is a draw, so
 * a single run would be one host's luck.
 */
function runSetup(setup: Required<PlanDrainOptions>, chosen: boolean): DrainEstimate {
  const input = planScenario(setup);
  const runs = Array.from({ length: PLAN_DRAWS }, (_, i) => estimate(setup, runScenario(input, makeDraw(i)).result, chosen));
  const sorted = runs.slice().sort((a, b) => a.drainS - b.drainS);
  const median = sorted[(PLAN_DRAWS - 1) / 2];
  return { ...median, drainRangeS: { minS: sorted[0].drainS, maxS: sorted[PLAN_DRAWS - 1].drainS } };
}

/**
 * Answers an administrator's question: "will draining host HV1 to HV2 use all my team members, and how
 * long will it take?" Builds the article's two-host scenario from the options (defaults: the article's
 * setup), simulates the drain over `PLAN_DRAWS` draws of the hosts' keys and ports (reporting the median
 * draw and the range), and does the same under every other teaming mode, load-balancing algorithm and
 * transport for comparison. Pure and deterministic.
 *
 * Lesson 12 (planning a drain) introduces it; the CLI's `teaming-lab plan` prints it.
 *
 * @throws InputError naming the option (`teamingMode`, `vms`, ...) for a bad value.
 */
export function planDrain(options: PlanDrainOptions = {}): DrainPlan {
  const setup = planDrainSetup(options);
  const chosen = runSetup(setup, true);
  const others: DrainEstimate[] = [];
  for (const teamingMode of TEAMING_MODES) {
    for (const loadBalancingAlgorithm of LOAD_BALANCING_ALGORITHMS) {
      if (teamingMode === setup.teamingMode && loadBalancingAlgorithm === setup.loadBalancingAlgorithm) others.push(chosen);
      else others.push(runSetup({ ...setup, teamingMode, loadBalancingAlgorithm }, false));
    }
  }
  for (const transport of PLAN_TRANSPORTS) {
    if (transport !== setup.transport) others.push(runSetup({ ...setup, transport }, false));
  }
  // Array.prototype.sort is stable, so equal drain times keep the order above.
  const comparison = others.slice().sort((a, b) => a.drainS - b.drainS);
  return { setup, estimate: chosen, comparison };
}
