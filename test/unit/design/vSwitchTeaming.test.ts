import { describe, expect, it } from 'vitest';
import { effectiveSimultaneousMigrations, vSwitchTeaming, WINDOWS_SERVER_VERSIONS } from '../../../lib/design';

// Release facts the lessons quote: SET from 2016, LBFO under a Hyper-V switch blocked from 2022
// (New-VMSwitch -AllowNetLbfoTeams), Dynamic from 2012 R2; and the cluster's MaximumParallelMigrations
// (default 1) overriding a node's own setting.

describe('vSwitchTeaming', () => {
  it('has SET from 2016 and blocks LBFO under a vSwitch from 2022', () => {
    expect(WINDOWS_SERVER_VERSIONS.filter((v) => vSwitchTeaming(v).set)).toEqual(['2016', '2019', '2022', '2025']);
    expect(WINDOWS_SERVER_VERSIONS.filter((v) => vSwitchTeaming(v).lbfoUnderVSwitch === 'blocked')).toEqual(['2022', '2025']);
    expect(vSwitchTeaming('2012').algorithms).not.toContain('Dynamic');
    expect(vSwitchTeaming('2012 R2').algorithms).toContain('Dynamic');
    expect(vSwitchTeaming('2022').algorithms).toEqual(['HyperVPort', 'Dynamic']);
  });

  it('refuses an unknown release, naming it', () => {
    expect(() => vSwitchTeaming('2008' as never)).toThrow(/version/);
  });
});

describe('effectiveSimultaneousMigrations', () => {
  it('uses the host setting on a stand-alone host and the cluster property (default 1) on a node', () => {
    expect(effectiveSimultaneousMigrations({ hostMaximumVirtualMachineMigrations: 4, clustered: false })).toBe(4);
    expect(effectiveSimultaneousMigrations({ hostMaximumVirtualMachineMigrations: 4, clustered: true })).toBe(1);
    expect(effectiveSimultaneousMigrations({ hostMaximumVirtualMachineMigrations: 4, clustered: true, clusterMaximumParallelMigrations: 2 })).toBe(2);
  });

  it('refuses bad input, naming the field', () => {
    expect(() => effectiveSimultaneousMigrations({ hostMaximumVirtualMachineMigrations: 0, clustered: false })).toThrow(/hostMaximumVirtualMachineMigrations/);
    expect(() => effectiveSimultaneousMigrations({ hostMaximumVirtualMachineMigrations: 2, clustered: 'yes' as never })).toThrow(/clustered/);
  });
});
