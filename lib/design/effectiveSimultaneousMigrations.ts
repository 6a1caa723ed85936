import { checkBoolean, checkNumber } from '../fieldChecks';

/** Options for `effectiveSimultaneousMigrations`. */
export interface EffectiveSimultaneousOptions {
  /** The host's own setting, `Set-VMHost -MaximumVirtualMachineMigrations`, 1 to 64 (Hyper-V's default is 2). */
  hostMaximumVirtualMachineMigrations: number;
  /** Whether the host is a node of a failover cluster that has the cluster-wide property (Windows Server 2022 with the 2022-09 update or later). */
  clustered: boolean;
  /** The cluster's `(Get-Cluster).MaximumParallelMigrations`, 1 to 64. Default 1, the value the update sets. */
  clusterMaximumParallelMigrations?: number;
}

/**
 * How many live migrations a host takes part in at once. A stand-alone host uses its own setting. From
 * the September 2022 cumulative update, a Windows Server 2022 (and later) cluster has the property
 * MaximumParallelMigrations, default 1, and every node inherits it, overwriting the host's own value
 * (Microsoft Failover Clustering blog, "New Cluster-Wide Control For Virtual Machine Live Migrations in
 * Windows Server and Azure Stack HCI", January 2023). So a cluster that was never tuned drains one VM at a
 * time, which on a team fills one member at most.
 * @throws InputError naming the field for bad input.
 */
export function effectiveSimultaneousMigrations(options: EffectiveSimultaneousOptions): number {
  const host = checkNumber(options.hostMaximumVirtualMachineMigrations, 'hostMaximumVirtualMachineMigrations', { min: 1, max: 64, integer: true });
  const clustered = checkBoolean(options.clustered, 'clustered');
  const cluster = options.clusterMaximumParallelMigrations === undefined
    ? 1
    : checkNumber(options.clusterMaximumParallelMigrations, 'clusterMaximumParallelMigrations', { min: 1, max: 64, integer: true });
  return clustered ? cluster : host;
}
