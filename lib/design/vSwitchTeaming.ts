import { checkOneOf } from '../fieldChecks';

/** Windows Server releases the course compares. */
export type WindowsServerVersion = '2012' | '2012 R2' | '2016' | '2019' | '2022' | '2025';

/** The releases, oldest first. */
export const WINDOWS_SERVER_VERSIONS: readonly WindowsServerVersion[] = ['2012', '2012 R2', '2016', '2019', '2022', '2025'];

/** Which teaming a Hyper-V switch can sit on in one Windows Server release. */
export interface VSwitchTeaming {
  /** The release. */
  version: WindowsServerVersion;
  /** Whether Switch Embedded Teaming exists (`New-VMSwitch -EnableEmbeddedTeaming`). */
  set: boolean;
  /**
   * Binding a Hyper-V switch to an LBFO team (`New-NetLbfoTeam`, then `New-VMSwitch -NetAdapterName <team>`):
   * `supported`; `supported, SET recommended`; or `blocked` (refused unless `-AllowNetLbfoTeams $true`).
   */
  lbfoUnderVSwitch: 'supported' | 'supported, SET recommended' | 'blocked';
  /** Load-balancing algorithms the release offers a team under a Hyper-V switch (SET's where it exists). */
  algorithms: string[];
}

/**
 * What a Hyper-V switch can be bound to, by release. 2012 has LBFO only (four algorithms); 2012 R2 adds
 * Dynamic; 2016 adds SET (Hyper-V Port and Dynamic, Switch Independent only) and Microsoft recommends it for
 * Hyper-V; from 2022 `New-VMSwitch` refuses an LBFO team unless `-AllowNetLbfoTeams $true` is given.
 * LBFO itself stays available for hosts without a Hyper-V switch. Sources: Microsoft, "Remote Direct Memory
 * Access (RDMA) and Switch Embedded Teaming (SET)"; New-VMSwitch (windowsserver2022-ps), parameter
 * AllowNetLbfoTeams; the Convert-LBFO2SET project's notice (github.com/microsoft/Convert-LBFO2SET).
 * @throws InputError for an unknown release.
 */
export function vSwitchTeaming(version: WindowsServerVersion): VSwitchTeaming {
  const v = checkOneOf(version, 'version', WINDOWS_SERVER_VERSIONS);
  if (v === '2012') return { version: v, set: false, lbfoUnderVSwitch: 'supported', algorithms: ['TransportPorts', 'IPAddresses', 'MacAddresses', 'HyperVPort'] };
  if (v === '2012 R2') return { version: v, set: false, lbfoUnderVSwitch: 'supported', algorithms: ['TransportPorts', 'IPAddresses', 'MacAddresses', 'HyperVPort', 'Dynamic'] };
  if (v === '2016' || v === '2019') return { version: v, set: true, lbfoUnderVSwitch: 'supported, SET recommended', algorithms: ['HyperVPort', 'Dynamic'] };
  return { version: v, set: true, lbfoUnderVSwitch: 'blocked', algorithms: ['HyperVPort', 'Dynamic'] };
}
