import { checkNumber } from '../fieldChecks';
import type { CiscoLoadBalance } from '../hashing';
import type { ConnectionModel, HostInput, ScenarioInput } from '../scenario';
import { MAX_TEAM_MEMBERS } from '../teaming';
import type { LoadBalancingAlgorithm, Team, TeamingMode } from '../teaming';
import { DEFAULT_SWITCH_LOAD_BALANCE } from '../teaming/defaultSwitchLoadBalance';

/** Options for the article's two-host lab, with the article's setup as defaults. */
export interface ArticleScenarioOptions {
  /** Teaming mode of both hosts' teams. Default `Lacp`. */
  teamingMode?: TeamingMode;
  /** Load-balancing algorithm of both teams. Default `TransportPorts` (Address Hash). */
  loadBalancingAlgorithm?: LoadBalancingAlgorithm;
  /** Members per team. Default 2 (the article's dual-port cards). */
  members?: number;
  /** Speed of each member in Gbps. Default 10. */
  memberGbps?: number;
  /** How many VMs move from HV1 to HV2. Default 4. */
  vms?: number;
  /** Memory of each VM in GiB. Default 8. */
  memoryGiB?: number;
  /** Page dirty rate of each VM in MB/s. Default 50. */
  dirtyMBps?: number;
  /** The switch's `port-channel load-balance` setting. Default `src-dst-port`. */
  switchLoadBalance?: CiscoLoadBalance;
  /** Simultaneous live migrations per host. Default 2 (Hyper-V's default). */
  simultaneous?: number;
  /** Connection model: `per-vm` (default) or `per-host-pair`. */
  connections?: ConnectionModel;
  /** Setup time before the first memory byte, in seconds. Default 1. */
  setupS?: number;
  /** Seeded random extra setup time, uniform in [0, setupJitterS] seconds. Default 0. */
  setupJitterS?: number;
  /** Seed for the jitter. Default 1. */
  seed?: number;
}

/**
 * A named draw of the article's lab, the scenario seed 3: in it every draw-dependent observation of the
 * article appears with the experiments' defaults (two VMs' connections land on different members of both
 * hosts, Switch Independent sends on both members, the simultaneous setting 2 already reaches both, a
 * Performance Monitor log shows the overlap). It is one draw, picked for that reason: lessons that walk
 * through one run use it and say so, and report how often the observation appears over many draws
 * (`findingDraws`, `runEnsemble`). A test checks that the seed still shows every observation.
 */
export const ARTICLE_DRAW_SEED = 3;

/** Most VMs `articleScenario` builds migrations for: a bound against a typo such as 1e9, far above any lab. */
const ARTICLE_MAX_VMS = 10_000;

/** Every option of `articleScenario` filled in: the value given, or the article's setup where none is (internal). */
export function articleSetup(options: ArticleScenarioOptions = {}): Required<ArticleScenarioOptions> {
  const {
    teamingMode = 'Lacp',
    loadBalancingAlgorithm = 'TransportPorts',
    members = 2,
    memberGbps = 10,
    vms = 4,
    memoryGiB = 8,
    dirtyMBps = 50,
    switchLoadBalance = DEFAULT_SWITCH_LOAD_BALANCE,
    simultaneous = 2,
    connections = 'per-vm',
    setupS = 1,
    setupJitterS = 0,
    seed = 1,
  } = options;
  return { teamingMode, loadBalancingAlgorithm, members, memberGbps, vms, memoryGiB, dirtyMBps, switchLoadBalance, simultaneous, connections, setupS, setupJitterS, seed };
}

/**
 * The article's lab as a scenario: two Hyper-V hosts, HV1 (10.10.10.1) and HV2 (10.10.10.2), each with a
 * team of identical members, and `vms` VMs live-migrating from HV1 to HV2 ("drain roles"). Every
 * experiment of findings 3 to 7 starts from here and changes one thing.
 *
 * The two counts it turns into lists are checked here; every other value is checked by `validateScenario`
 * when the scenario runs, under the scenario's field names.
 *
 * @throws InputError unless `members` is an integer from 1 to 32 and `vms` an integer from 1 to 10000.
 */
export function articleScenario(options: ArticleScenarioOptions = {}): ScenarioInput & { hosts: Array<HostInput & { team: Team }> } {
  const setup = articleSetup(options);
  const { teamingMode, loadBalancingAlgorithm, members, memberGbps, vms, memoryGiB, dirtyMBps, switchLoadBalance, simultaneous, connections, setupS, setupJitterS, seed } = setup;
  checkNumber(members, 'members', { integer: true, min: 1, max: MAX_TEAM_MEMBERS });
  checkNumber(vms, 'vms', { integer: true, min: 1, max: ARTICLE_MAX_VMS });
  const team = () => ({
    teamingMode,
    loadBalancingAlgorithm,
    members: Array.from({ length: members }, (_, i) => ({ name: `NIC${i + 1}`, gbps: memberGbps })),
  });
  return {
    hosts: [
      { name: 'HV1', ip: '10.10.10.1', team: team() },
      { name: 'HV2', ip: '10.10.10.2', team: team() },
    ],
    switch: { loadBalance: switchLoadBalance },
    liveMigration: { simultaneous, connections, setupS, setupJitterS },
    migrations: Array.from({ length: vms }, (_, i) => ({
      vm: `VM${String(i + 1).padStart(2, '0')}`,
      from: 'HV1',
      to: 'HV2',
      memoryGiB,
      dirtyMBps,
    })),
    seed,
  };
}
