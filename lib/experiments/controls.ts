import type { ExperimentControl } from './Experiment';

/*
 * The controls most experiments share, built in one place so their names, labels and ranges read the
 * same on every figure. Each takes only what differs between experiments.
 */

/** `vms`: how many VMs migrate, a whole number in [min, max]. */
export function vmsControl(defaultValue: number, min = 1, max = 12): ExperimentControl {
  return { name: 'vms', label: 'VMs migrating', kind: 'number', min, max, step: 1, default: defaultValue };
}

/** "1 VM", "4 VMs": a count of VMs for titles and summaries. */
export function vmsText(count: number): string {
  return `${count} ${count === 1 ? 'VM' : 'VMs'}`;
}

/** `memoryGiB`: memory of each VM, 1 to 64 GiB. */
export function memoryGiBControl(defaultValue: number): ExperimentControl {
  return { name: 'memoryGiB', label: 'VM memory (GiB)', kind: 'number', min: 1, max: 64, step: 1, default: defaultValue };
}

/** `members`: members per team, 2 to 8 (EtherChannel's bundle limit). */
export function membersControl(defaultValue: number): ExperimentControl {
  return { name: 'members', label: 'Members per team', kind: 'number', min: 2, max: 8, step: 1, default: defaultValue };
}

/**
 * `seed`: which draw of the things a real lab does not control (each host's RSS key, the setup jitter, the
 * other connections' port skips) one run shows, as the scenario seed, 1 to 1,000,000. Default 1, an
 * arbitrary draw with no claim to be typical: lessons that walk through one run name the seed they show,
 * and an ensemble (`runEnsemble`, `reproduce`) replaces it with many draws and reports how often each
 * outcome appears.
 */
export function seedControl(): ExperimentControl {
  return { name: 'seed', label: 'Draw (scenario seed)', kind: 'number', min: 1, max: 1_000_000, step: 1, default: 1 };
}
