/**
 * The live-migration transports of Windows Server 2012 R2 (Hyper-V Settings, Live Migrations, Advanced
 * Features; `Set-VMHost -VirtualMachineMigrationPerformanceOption`) as the scenario simulation uses
 * them: how many connections a migration opens and to which port, what a migration request gets from
 * compression, and the RDMA links SMB Direct uses beside the team.
 */
import { LIVE_MIGRATION_PORT } from '../Connection';
import { InputError } from '../InputError';
import { checkBoolean, checkNumber, checkOneOf, childField } from '../fieldChecks';
import type { LiveMigrationInput, LiveMigrationTransport, Scenario, ScenarioHost } from './Scenario';

/** The transports, in the order Hyper-V Settings lists them (see `LiveMigrationInput.transport`). */
export const LIVE_MIGRATION_TRANSPORTS: readonly LiveMigrationTransport[] = ['TCP', 'Compression', 'SMB'];

/** TCP port an SMB 3.0 server listens on (the destination port of every SMB connection). */
export const SMB_PORT = 445;

/**
 * Name under which links and results show a host's RDMA NICs (SMB Direct). They are not team members here:
 * an RDMA NIC can be an LBFO team member, but RDMA is not available through the team, so SMB Direct runs on
 * RDMA NICs outside the team and its bytes bypass it.
 */
export const RDMA_MEMBER = 'RDMA';

/** What the transport settings of a validated scenario mean for one migration. */
export interface TransportPlan {
  /**
   * TCP connections one migration uses: 1 for TCP and Compression; for SMB the connections of its host
   * pair, `smbConnectionsPerInterface` (one team interface) capped at `smbMaxConnectionsPerServer`.
   */
  connectionCount: number;
  /** True when the migrations between two hosts share their connections: always under SMB (Multichannel is per client-server pair). */
  perHostPair: boolean;
  /** Their destination port: 6600 for TCP and Compression, 445 for SMB. */
  destinationPort: number;
  /** True when SMB Direct carries the bytes over each host's RDMA links instead of the team. */
  rdma: boolean;
  /** Compression settings for each migration request (empty unless the transport is Compression). */
  compression: { compressionRatio?: number; compressionGbps?: number };
}

/**
 * The transport plan of a validated scenario. Under SMB the live-migration interface of a host is its
 * one team interface (or bond), so SMB Multichannel opens `smbConnectionsPerInterface` connections (at
 * most `smbMaxConnectionsPerServer`) from the source host to the target host, each from its own ephemeral
 * port (each its own flow, hashed on its own), and every migration between the two shares them (Microsoft:
 * the SMB client's connection counts are per interface and per server, not per file or transfer); with
 * SMB Direct they all run over the RDMA links, where hashing plays no part.
 */
export function transportPlan(liveMigration: Scenario['liveMigration']): TransportPlan {
  const { transport, smbConnectionsPerInterface, smbMaxConnectionsPerServer, smbDirect, compressionRatio, compressionGbps } = liveMigration;
  const smb = transport === 'SMB';
  return {
    connectionCount: smb ? Math.min(smbConnectionsPerInterface, smbMaxConnectionsPerServer) : 1,
    perHostPair: smb || liveMigration.connections === 'per-host-pair',
    destinationPort: smb ? SMB_PORT : LIVE_MIGRATION_PORT,
    rdma: smb && smbDirect,
    compression: transport === 'Compression' ? { compressionRatio, compressionGbps } : {},
  };
}

/**
 * A host's RDMA capacity in Gbps (one direction): `liveMigration.rdmaGbps`, or under `members` the sum
 * of the speeds of the host's team (or bond) members, as if the same ports served as RDMA NICs outside
 * the team.
 */
export function hostRdmaGbps(liveMigration: Scenario['liveMigration'], host: ScenarioHost): number {
  const { rdmaGbps } = liveMigration;
  const members = host.team?.members ?? host.bond?.members ?? [];
  return rdmaGbps === 'members' ? members.reduce((sum, member) => sum + member.gbps, 0) : rdmaGbps;
}

/** Timeline link id of one direction of a host's RDMA NICs: `${host}/RDMA/send` or `.../receive`. */
export function rdmaLinkId(host: string, direction: 'send' | 'receive'): string {
  return `${host}/${RDMA_MEMBER}/${direction}`;
}

/** The slowest CPU compression rate and RDMA capacity accepted, in Gbps (1 Mbps), as for members. */
const MIN_TRANSPORT_GBPS = 0.001;

/** The transport fields of `LiveMigrationInput`. */
export type TransportSettings = Required<
  Pick<LiveMigrationInput, 'transport' | 'compressionRatio' | 'compressionGbps' | 'smbConnectionsPerInterface' | 'smbMaxConnectionsPerServer' | 'smbDirect' | 'rdmaGbps'>
>;

/**
 * Checks the transport fields of a `liveMigration` object and fills their defaults (`validateScenario`
 * passes `SCENARIO_DEFAULTS.liveMigration`). Every field is checked whatever the transport, so a
 * notebook may switch transports without dropping the others' settings; only `smbDirect: true` without
 * `transport: SMB` is refused, since it would silently do nothing.
 *
 * @throws InputError naming `liveMigration.<field>`.
 */
export function validateTransportSettings(input: Record<string, unknown>, defaults: TransportSettings): TransportSettings {
  const at = (key: string) => childField('liveMigration', key);
  const given = <T>(value: unknown, fallback: T, check: (value: unknown) => T): T => (value === undefined ? fallback : check(value));
  const transport = given(input.transport, defaults.transport, (v) => checkOneOf(v, at('transport'), LIVE_MIGRATION_TRANSPORTS));
  const smbDirect = given(input.smbDirect, defaults.smbDirect, (v) => checkBoolean(v, at('smbDirect')));
  if (smbDirect && transport !== 'SMB') {
    throw new InputError(at('smbDirect'), smbDirect, `false, or transport SMB (the transport is ${transport})`);
  }
  return {
    transport,
    compressionRatio: given(input.compressionRatio, defaults.compressionRatio, (v) => checkNumber(v, at('compressionRatio'), { min: 1, max: 100 })),
    compressionGbps: given(input.compressionGbps, defaults.compressionGbps, (v) => checkNumber(v, at('compressionGbps'), { min: MIN_TRANSPORT_GBPS, max: 10_000 })),
    smbConnectionsPerInterface: given(input.smbConnectionsPerInterface, defaults.smbConnectionsPerInterface, (v) =>
      checkNumber(v, at('smbConnectionsPerInterface'), { integer: true, min: 1, max: 16 }),
    ),
    smbMaxConnectionsPerServer: given(input.smbMaxConnectionsPerServer, defaults.smbMaxConnectionsPerServer, (v) =>
      checkNumber(v, at('smbMaxConnectionsPerServer'), { integer: true, min: 1, max: 64 }),
    ),
    smbDirect,
    rdmaGbps: given<number | 'members'>(input.rdmaGbps, defaults.rdmaGbps, (v) => {
      if (v === 'members') return v;
      if (typeof v !== 'number' || !Number.isFinite(v) || v < MIN_TRANSPORT_GBPS || v > 100_000) {
        throw new InputError(at('rdmaGbps'), v, `a number from ${MIN_TRANSPORT_GBPS} to 100000, or members`);
      }
      return v;
    }),
  };
}
