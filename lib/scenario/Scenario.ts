import type { Team } from '../teaming/Team';
import type { CiscoLoadBalance } from '../hashing/cisco';

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
}

export interface HostInput {
  /** Host name, e.g. `HV1`. */
  name: string;
  /** IPv4 address of the host's live-migration interface, e.g. `10.10.10.1`. */
  ip: string;
  /** The host's NIC team. */
  team: Team;
  /** vSwitch port ID of the host vNIC that carries live migration (matters for HyperVPort and Dynamic). Default 0. */
  vSwitchPortId?: number;
  /** The next dynamic (ephemeral) TCP source port this host will hand out, 49152 to 65535. Default 49152. */
  nextEphemeralPort?: number;
}

export interface SwitchInput {
  /** Cisco `port-channel load-balance` setting used for switch-dependent teams. Default `src-dst-ip`. */
  loadBalance?: CiscoLoadBalance;
}

/** How many TCP connections live migration opens. `per-vm`: one per VM migration, each from a new
 * ephemeral source port (the default, and what the article's measurements fit). `per-host-pair`: all
 * migrations between two hosts share one connection (the competing claim). */
export type ConnectionModel = 'per-vm' | 'per-host-pair';

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
   * stop-and-copy. Default 5 (Windows Server 2012 R2 and later). */
  maxRounds?: number;
  /** Pre-copy stops when the bytes left to send fall below this many MB (10^6 bytes). Default 30. */
  stopThresholdMB?: number;
  /** Seconds to resume the VM on the target after the last bytes arrive. Default 0.05. */
  resumeS?: number;
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

/** A validated scenario: every default filled in. */
export interface Scenario {
  hosts: Array<Required<HostInput>>;
  switch: Required<SwitchInput>;
  liveMigration: Required<LiveMigrationInput>;
  migrations: Array<Required<MigrationInput>>;
  seed: number;
}
