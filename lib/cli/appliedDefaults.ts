import { SCENARIO_DEFAULTS } from '../scenario';
import type { Scenario } from '../scenario';
import { BOND_DEFAULTS } from '../teaming';
import { wrapText } from './formatTable';

/** One default `validateScenario` filled in because the file left the field out. */
export interface AppliedDefault {
  /** Path of the field, with `[]` for a field of every item of a list, e.g. `migrations[].dirtyMBps`. */
  field: string;
  /** The value used. */
  value: string | number | boolean;
  /** For a field of list items: how many items took the default, and how many there are. */
  items?: { defaulted: number; total: number };
}

/** A plain object's own field, or undefined. */
function get(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
}

/** The live-migration settings that matter under each transport (others are checked but unused). */
function liveMigrationFieldsInUse(liveMigration: Scenario['liveMigration']): string[] {
  const fields = ['simultaneous', 'connections', 'setupS', 'setupJitterS', 'maxRounds', 'stopThresholdMB', 'resumeS', 'roundPauseMs', 'transport'];
  if (liveMigration.transport === 'Compression') fields.push('compressionRatio', 'compressionGbps');
  if (liveMigration.transport === 'SMB') fields.push('smbConnectionsPerInterface', 'smbMaxConnectionsPerServer', 'smbDirect');
  if (liveMigration.smbDirect) fields.push('rdmaGbps');
  return fields;
}

/**
 * The defaults a scenario run used: every setting that matters to the run (the switch hash, the
 * live-migration settings of the chosen transport, per-migration dirty rate and start, per-host port
 * numbering, the seed, Dynamic and bond settings where they apply) that the input left out, with the
 * value `validateScenario` put in (read from the validated scenario, so it is what actually ran).
 *
 * @param input the scenario as written (parsed JSON)
 * @param scenario the same scenario after `validateScenario`
 */
export function appliedDefaults(input: unknown, scenario: Scenario): AppliedDefault[] {
  const applied: AppliedDefault[] = [];
  if (get(get(input, 'switch'), 'loadBalance') === undefined) applied.push({ field: 'switch.loadBalance', value: scenario.switch.loadBalance });

  const liveMigration = get(input, 'liveMigration');
  for (const key of liveMigrationFieldsInUse(scenario.liveMigration)) {
    if (get(liveMigration, key) === undefined) {
      applied.push({ field: `liveMigration.${key}`, value: scenario.liveMigration[key as keyof Scenario['liveMigration']] });
    }
  }

  const listDefault = (list: string, items: unknown, key: string, value: string | number | boolean, applies: (index: number) => boolean = () => true) => {
    const raw = Array.isArray(items) ? items : [];
    const candidates = raw.map((_, index) => index).filter(applies);
    const defaulted = candidates.filter((index) => get(raw[index], key) === undefined).length;
    if (defaulted > 0) applied.push({ field: `${list}[].${key}`, value, items: { defaulted, total: candidates.length } });
  };
  const migrations = get(input, 'migrations');
  listDefault('migrations', migrations, 'dirtyMBps', SCENARIO_DEFAULTS.migration.dirtyMBps);
  listDefault('migrations', migrations, 'startS', SCENARIO_DEFAULTS.migration.startS);
  const hosts = get(input, 'hosts');
  listDefault('hosts', hosts, 'nextEphemeralPort', SCENARIO_DEFAULTS.host.nextEphemeralPort);
  const hyperVPort = (index: number) => scenario.hosts[index]?.team?.loadBalancingAlgorithm === 'HyperVPort';
  listDefault('hosts', hosts, 'vSwitchPortId', SCENARIO_DEFAULTS.host.vSwitchPortId, hyperVPort);
  const bondHosts = Array.isArray(hosts) ? hosts.map((host) => get(host, 'bond')) : [];
  listDefault('hosts[].bond', bondHosts, 'xmitHashPolicy', BOND_DEFAULTS.xmitHashPolicy, (index) => bondHosts[index] !== undefined);

  if (get(input, 'seed') === undefined) applied.push({ field: 'seed', value: scenario.seed });
  if (scenario.hosts.some((host) => host.team?.loadBalancingAlgorithm === 'Dynamic')) {
    const dynamic = get(input, 'dynamic');
    for (const key of ['flowletGapMs', 'rebalancePeriodS'] as const) {
      if (get(dynamic, key) === undefined) applied.push({ field: `dynamic.${key}`, value: scenario.dynamic[key] });
    }
  }
  return applied;
}

/**
 * The defaults as text lines grouped by section, e.g. `  liveMigration  simultaneous=2, setupS=1`,
 * wrapped under their section to `columns` characters (no wrapping when absent).
 */
export function formatAppliedDefaults(applied: readonly AppliedDefault[], columns?: number): string[] {
  if (applied.length === 0) return ['  none: the file sets every setting the run uses'];
  const groups = new Map<string, string[]>();
  for (const { field, value, items } of applied) {
    const dot = field.lastIndexOf('.');
    const group = dot < 0 ? 'scenario' : field.slice(0, dot);
    const name = dot < 0 ? field : field.slice(dot + 1);
    const partial = items && items.defaulted < items.total ? ` (${items.defaulted} of ${items.total})` : '';
    groups.set(group, [...(groups.get(group) ?? []), `${name}=${value}${partial}`]);
  }
  const labelWidth = Math.max(...[...groups.keys()].map((group) => group.length));
  const indent = 2 + labelWidth + 2;
  return [...groups].flatMap(([group, settings]) => {
    const text = settings.join(', ');
    const lines = columns === undefined ? [text] : wrapText(text, Math.max(20, columns - indent)).split('\n');
    return lines.map((line, i) => `${i === 0 ? `  ${group.padEnd(labelWidth)}  ` : ' '.repeat(indent)}${line}`);
  });
}
