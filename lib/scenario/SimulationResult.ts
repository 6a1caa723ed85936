/**
 * What `simulateScenario` reports: the CLI's public JSON contract (`teaming-lab simulate`).
 *
 * Units: rates in Gbps (10^9 bit/s), volumes in GB (10^9 bytes), times in seconds from the start of
 * the scenario except `downtimeMs`. Peaks are the highest INSTANTANEOUS rates of the fluid model
 * (rates are piecewise constant, so the peak is exact, not sampled). Numbers keep full precision;
 * rounding is left to whoever prints them.
 */
export interface SimulationResult {
  /** Seconds from the start until the last migration has ended (its VM resumed on the target). */
  durationS: number;
  /** Per host, by host name. Every host of the scenario appears, even an idle one. */
  hosts: Record<string, HostTraffic>;
  /** One entry per migration, in the scenario's input order. */
  migrations: MigrationOutcome[];
}

/** Traffic of one host's team. */
export interface HostTraffic {
  /** Highest total send rate of the team, Gbps: the maximum over time of the sum over its members. */
  peakSendGbps: number;
  /** Highest total receive rate of the team, Gbps: the maximum over time of the sum over its members. */
  peakReceiveGbps: number;
  /** Per team member, by member name (every member, including standby and failed ones, which carry nothing). */
  members: Record<string, MemberTraffic>;
  /**
   * Present only under SMB Direct (`liveMigration.smbDirect`): the host's RDMA NICs, which are not team
   * members and carry the migrations beside the team. The host's peaks above include them.
   */
  rdma?: MemberTraffic;
}

/** Traffic of one team member (one physical NIC; full duplex, so send and receive are separate). */
export interface MemberTraffic {
  /** Highest send rate of this member, Gbps. */
  peakSendGbps: number;
  /** Highest receive rate of this member, Gbps. */
  peakReceiveGbps: number;
  /** Bytes this member sent over the whole run, in GB (10^9 bytes). */
  sentGB: number;
  /** Bytes this member received over the whole run, in GB (10^9 bytes). */
  receivedGB: number;
}

/** What happened to one VM migration. */
export interface MigrationOutcome {
  /** VM name, as in the scenario. */
  vm: string;
  /**
   * When the migration started, in seconds: its requested `startS`, or later if it had to wait
   * for a free simultaneous-migration slot on its source or target host.
   */
  startS: number;
  /** When the migration ended: the VM resumed on the target (last byte received + resume time). */
  endS: number;
  /** How long the VM was paused, in milliseconds: stop-and-copy time plus resume time. */
  downtimeMs: number;
  /**
   * The TCP connections that carried the migration: one under the TCP and Compression transports,
   * `smbConnectionsPerInterface` under SMB (Multichannel), each with its own source port and members.
   * Under `per-host-pair`, and always under SMB, they are shared with the other migrations between the
   * same two hosts.
   */
  connections: ConnectionRoute[];
  /**
   * Present only when the migration's flow moved during the run (a member failed or came back, or a
   * Dynamic team moved it at a flowlet boundary or a periodic rebalance): each move, in time order.
   */
  reroutes?: RouteChange[];
}

/** A migration's flow moving to other members. */
export interface RouteChange {
  /** When the flow continued on the new members, seconds. */
  atS: number;
  /** Name of the source member it sends on from then (the first, when `sendMembers` is present). */
  sendMember: string;
  /** Name of the target member it arrives on from then. */
  receiveMember: string;
  /**
   * Present when the flow is sprayed or copied over several source members (Linux balance-rr, broadcast), or
   * the migration has several connections (SMB Multichannel): the source member of each path, in order.
   */
  sendMembers?: string[];
}

/** One live-migration TCP connection and the members it used. */
export interface ConnectionRoute {
  /** The source host's ephemeral TCP port (the destination port is 6600 unless `destinationPort` says otherwise). */
  sourcePort: number;
  /** Name of the source team's member that sent the connection's frames (`RDMA` under SMB Direct, which bypasses the team). */
  sendMember: string;
  /** Name of the target team's member that received them (`RDMA` under SMB Direct). */
  receiveMember: string;
  /** Present only when the destination port is not live migration's 6600: 445 under the SMB transport. */
  destinationPort?: number;
  /**
   * Present only when the connection's frames were spread over several source members (a Linux bond in
   * balance-rr, which sprays, or broadcast, which copies): all of them; `sendMember` is the first.
   */
  sendMembers?: string[];
}
