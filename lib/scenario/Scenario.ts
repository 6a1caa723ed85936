import type { Team } from '../teaming/Team';
import type { Bond } from '../teaming/Bond';
import type { CiscoLoadBalance } from '../hashing/cisco';
import type { LacpTimer, MemberFailure } from '../teaming/failureDetectionS';

/**
 * A scenario as the CLI reads it from a JSON file and as notebooks and pages build it in code.
 * `validateScenario` checks one and fills in every default, returning a `Scenario` whose optional
 * fields are all set.
 */
export interface ScenarioInput {
  /** The Hyper-V hosts, each with its team. At least one; names and IPs unique. */
  hosts: HostInput[];
  /** The physical switch both teams connect to. */
  switch?: SwitchInput;
  /** Live-migration settings shared by all hosts (Hyper-V Settings, Live Migrations). */
  liveMigration?: LiveMigrationInput;
  /** The migrations to run. */
  migrations: MigrationInput[];
  /** Seed for every random choice (setup-time jitter). Default 1. Same seed, same result. */
  seed?: number;
  /** Member failures and restorations during the run, in any order (they are applied in time order). Default none. */
  events?: MemberEventInput[];
  /** Parameters of the Dynamic load-balancing algorithm, which Microsoft does not publish. */
  dynamic?: DynamicInput;
}

/**
 * A member's link going down or coming back at a moment of the run. A failure stops the member's traffic
 * at `atS`; the team or bond notices it `detectionS` later and only then moves the flows that were on the
 * failed member to the members left (as the team or bond does it). Meanwhile the flows hashed to the
 * failed member, in either direction, are stalled: they move no byte and keep what they have left. No
 * byte is lost and migrations in flight carry on. A restoration takes effect at `atS`.
 */
export interface MemberEventInput {
  /** When, in seconds from the start. 0 or more. */
  atS: number;
  /** Name of the host. */
  host: string;
  /** Name of the member in that host's team or bond. */
  member: string;
  /** `failed`: the link goes down (it must be up); `up`: it comes back (it must be down, its failure detected). */
  state: 'failed' | 'up';
  /**
   * Failures only: how the failure shows. `link-down` (carrier loss): noticed at once on a Windows team
   * (`TEAM_LINK_DOWN_DETECTION_S`, 0, UNVERIFIED) and at the next MII poll on a Linux bond (`BOND_MIIMON_S`,
   * bonding's miimon default of 100 ms). `lacp-timeout` (the link stays up, the partner's LACPDUs stop):
   * noticed when the LACP timeout runs out (`lacpTimer`); only on an `Lacp` team or an `802.3ad` bond.
   * Default `link-down`.
   */
  failure?: MemberFailure;
  /**
   * `lacp-timeout` failures only: the LACP timer, `fast` (3 s timeout: three missed 1 s LACPDUs) or `slow`
   * (90 s: three missed 30 s LACPDUs); bond_3ad.c. Default: `fast` on a Windows team (Microsoft: LBFO runs
   * LACP with the short timer), `slow` on a Linux bond (bonding's `lacp_rate` default).
   */
  lacpTimer?: LacpTimer;
  /**
   * Failures only: seconds from `atS` until the team or bond notices the failure, overriding the value
   * `failure` and `lacpTimer` give (e.g. a bond's own miimon, or LACP's best case of two periodic times).
   * 0 to 86,400.
   */
  detectionS?: number;
}

/**
 * The Dynamic algorithm's two unpublished parameters (UNVERIFIED: Microsoft documents the behaviour,
 * not the numbers). A flow may move to the least-loaded member at a flowlet boundary, and flows
 * without such gaps may be moved by a periodic rebalance.
 */
export interface DynamicInput {
  /**
   * Flowlet gap threshold in milliseconds: a pause in a flow at least this long is a flowlet boundary.
   * Live migration pauses `liveMigration.roundPauseMs` between pre-copy rounds, so its round boundaries
   * are flowlet boundaries when `roundPauseMs >= flowletGapMs`. 0 or more. Default 0 (every round
   * boundary is one).
   */
  flowletGapMs?: number;
  /** Seconds between periodic rebalances of the flows in flight; 0 turns them off. 0 or more. Default 0. */
  rebalancePeriodS?: number;
}

export interface HostInput {
  /** Host name, e.g. `HV1`. */
  name: string;
  /** IPv4 address of the host's live-migration interface, e.g. `10.10.10.1`. */
  ip: string;
  /** The host's Windows NIC team. Give either `team` or `bond`. */
  team?: Team;
  /** The host's Linux bond, instead of a team. */
  bond?: Bond;
  /** vSwitch port ID of the host vNIC that carries live migration (matters for HyperVPort and Dynamic). Default 0. */
  vSwitchPortId?: number;
  /** The next dynamic (ephemeral) TCP source port this host will hand out, 49152 to 65535. Default 49152. */
  nextEphemeralPort?: number;
  /**
   * Other connections this host opens between two live-migration connections, on average (0 to 1000):
   * each takes the next ephemeral port, so live migration's ports are not consecutive. The skips are
   * geometric with this mean, drawn from the scenario seed (see `ephemeralPortAllocator`). Default 0
   * (consecutive ports: an otherwise idle host).
   */
  otherConnectionsPerConnection?: number;
}

export interface SwitchInput {
  /** Cisco `port-channel load-balance` setting used for switch-dependent teams. Default `src-dst-port` (`DEFAULT_SWITCH_LOAD_BALANCE`, which says why). */
  loadBalance?: CiscoLoadBalance;
}

/** How many TCP connections live migration opens over TCP or Compression. `per-vm`: one per VM migration,
 * each from a new ephemeral source port (the default, and what the article's measurements fit).
 * `per-host-pair`: all migrations between two hosts share one connection (the competing claim). Under
 * SMB the connections are always per host pair (SMB Multichannel's own rule), whatever this says. */
export type ConnectionModel = 'per-vm' | 'per-host-pair';

/**
 * How live migration moves memory (Windows Server 2012 R2 performance options, `Set-VMHost
 * -VirtualMachineMigrationPerformanceOption TCPIP|Compression|SMB`). `TCP`: over one TCP connection to
 * port 6600 (the only option in Windows Server 2012). `Compression`: compressed with spare CPU, then sent
 * over that TCP connection (Hyper-V's default from Windows Server 2012 R2). `SMB`: over SMB 3.0 to port
 * 445, where SMB Multichannel opens several connections and SMB Direct uses RDMA NICs outside the team.
 */
export type LiveMigrationTransport = 'TCP' | 'Compression' | 'SMB';

export interface LiveMigrationInput {
  /** Simultaneous live migrations a host may take part in (Set-VMHost -MaximumVirtualMachineMigrations). Default 2. */
  simultaneous?: number;
  /** Connection model. Default `per-vm`. */
  connections?: ConnectionModel;
  /** Seconds from a migration's start to its first memory byte (skeleton VM, handshake). Default 1. */
  setupS?: number;
  /** Random extra setup time, uniform in [0, setupJitterS], seeded. Default 0. */
  setupJitterS?: number;
  /** Pre-copy round cap: memory-copy passes while the VM runs, the first full copy included, before
   * stop-and-copy. Default 5 (Windows Server 2012 R2 and later, after John Savill's *Mastering Hyper-V*; not
   * stated in Microsoft's documentation, hence a parameter). */
  maxRounds?: number;
  /** Pre-copy stops when the bytes left to send fall below this many MB (10^6 bytes). Default 30. */
  stopThresholdMB?: number;
  /** Seconds to resume the VM on the target after the last bytes arrive. Default 0.05. */
  resumeS?: number;
  /**
   * Milliseconds between two passes in which the migration sends nothing (scanning the dirty-page
   * bitmap; UNVERIFIED, a parameter): a gap in its TCP stream. The VM runs on and dirties pages meanwhile.
   * 0 or more. Default 0.
   */
  roundPauseMs?: number;
  /**
   * Live-migration transport (performance option). Default `TCP`: the article's Windows Server 2012
   * hosts had no other. Windows Server 2012 R2 and later default to `Compression`.
   */
  transport?: LiveMigrationTransport;
  /**
   * Compression: memory bytes per wire byte (UNVERIFIED: no source gives Hyper-V's ratio, and it depends
   * on the guest's memory). 1 or more. Default 2 (Microsoft expected compression to roughly halve
   * migration times).
   */
  compressionRatio?: number;
  /**
   * Compression: how fast the CPU compresses one migration's memory, in Gbps of uncompressed memory; a
   * migration moves memory at min(its network share x compressionRatio, compressionGbps). UNVERIFIED.
   * Greater than 0. Default 10, so that compression stops paying off at 10 Gbps links, in line with
   * Microsoft's advice (compression below 10 Gbps, SMB above).
   */
  compressionGbps?: number;
  /**
   * SMB: TCP connections SMB Multichannel opens per RSS-capable interface to one server
   * (`Set-SmbClientConfiguration -ConnectionCountPerRssNetworkInterface`; Microsoft's file-server tuning
   * guide: default 4, valid 1 to 16). SMB Multichannel opens its connections per client-server pair, not
   * per transfer: the source host (client) opens them to the target host (server) with its first SMB
   * migration there, each from its own ephemeral port, and every migration between the two hosts, at once
   * or later, shares them. A host's team interface is one interface, so a host pair has this many
   * connections (at most `smbMaxConnectionsPerServer`). An integer from 1 to 16. Default 4.
   */
  smbConnectionsPerInterface?: number;
  /**
   * SMB: most connections a client opens to one server over all its interfaces
   * (`Set-SmbClientConfiguration -MaximumConnectionCountPerServer`; default 32, valid 1 to 64). It caps
   * `smbConnectionsPerInterface` per host pair. An integer from 1 to 64. Default 32.
   */
  smbMaxConnectionsPerServer?: number;
  /**
   * SMB: use SMB Direct (RDMA). RDMA is not available through an LBFO team (an RDMA NIC may be a member, but
   * then without RDMA), so the bytes bypass the team on each host's RDMA links outside it (`rdmaGbps`). Only with `transport: SMB`. Default false.
   */
  smbDirect?: boolean;
  /**
   * SMB Direct: each host's RDMA capacity in Gbps (one direction, all its RDMA NICs together), or
   * `members`: the sum of the host's team member speeds, as if the same ports were RDMA NICs outside the
   * team. Greater than 0, or `members`. Default `members`.
   */
  rdmaGbps?: number | 'members';
}

export interface MigrationInput {
  /** VM name, unique in the scenario. */
  vm: string;
  /** Source host name. */
  from: string;
  /** Target host name. */
  to: string;
  /** VM memory in GiB (2^30 bytes), as Hyper-V shows it. */
  memoryGiB: number;
  /** Page dirty rate in MB/s (10^6 bytes per second). Default 0 (idle VM). */
  dirtyMBps?: number;
  /** When the migration is requested, in seconds from the start. Default 0. */
  startS?: number;
}

/** A validated host: exactly one of `team` and `bond` is present, with its defaults filled in. */
export type ScenarioHost = Required<Omit<HostInput, 'team' | 'bond'>> & { team?: Team; bond?: Bond };

/** A validated member event: a failure has its `failure` and `detectionS` (and `lacpTimer` for `lacp-timeout`) filled in; a restoration has `detectionS` 0. */
export type MemberEvent = Omit<MemberEventInput, 'detectionS'> & {
  /** Seconds from `atS` until the team or bond acts on the event (0 for a restoration). */
  detectionS: number;
};

/** A validated scenario: every default filled in. */
export interface Scenario {
  hosts: ScenarioHost[];
  switch: Required<SwitchInput>;
  liveMigration: Required<LiveMigrationInput>;
  migrations: Array<Required<MigrationInput>>;
  seed: number;
  /** The events, sorted by `atS` (ties keep their input order). */
  events: MemberEvent[];
  dynamic: Required<DynamicInput>;
}
