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
