import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONNECTION_MODELS, validateScenario } from '../../../lib/scenario';
import { LOAD_BALANCING_ALGORITHMS, TEAMING_MODES } from '../../../lib/teaming';
import { CISCO_LOAD_BALANCE, WINDOWS_ADDRESS_HASH_STAND_INS } from '../../../lib/hashing';

// The schema is the editor-facing description of a scenario file; validateScenario is what the library
// enforces. These tests keep the two in step: same enums, same defaults, same required fields, and the
// example scenarios pass both. No JSON Schema library is installed, so `schemaErrors` below checks the
// subset of draft 2020-12 the schema uses (and fails loudly on any keyword it does not know).

const libDir = join(__dirname, '..', '..', '..', 'lib');
const schema = JSON.parse(readFileSync(join(libDir, 'schema', 'scenario.schema.json'), 'utf8'));
const exampleDir = join(libDir, 'scenarios');
const exampleFiles = readdirSync(exampleDir).filter((name) => name.endsWith('.json'));
const readExample = (name: string) => JSON.parse(readFileSync(join(exampleDir, name), 'utf8'));

type Schema = Record<string, any>;
const KNOWN_KEYWORDS = new Set([
  '$schema', 'title', 'description', 'default', '$defs', '$ref', 'type', 'enum', 'required', 'properties',
  'additionalProperties', 'items', 'minItems', 'maxItems', 'minimum', 'maximum', 'exclusiveMinimum', 'minLength', 'pattern', 'oneOf',
]);

/** Paths where `value` breaks `node` (empty when it conforms), for the keywords in KNOWN_KEYWORDS. */
function schemaErrors(node: Schema, value: unknown, path = '$'): string[] {
  for (const keyword of Object.keys(node)) if (!KNOWN_KEYWORDS.has(keyword)) throw new Error(`schemaErrors does not know ${keyword}`);
  if (node.$ref) return schemaErrors(resolve(node.$ref), value, path);
  const errors: string[] = [];
  const fail = (why: string) => errors.push(`${path}: ${why}`);
  if (node.oneOf) {
    const passing = node.oneOf.filter((option: Schema) => schemaErrors(option, value, path).length === 0).length;
    if (passing !== 1) fail(`matches ${passing} of the oneOf options, not exactly 1`);
  }
  if (node.enum && !node.enum.includes(value)) fail('not in enum');
  if (node.type && !hasType(value, node.type)) return [`${path}: not ${node.type}`];
  if (typeof value === 'number') {
    if (node.minimum !== undefined && value < node.minimum) fail('below minimum');
    if (node.maximum !== undefined && value > node.maximum) fail('above maximum');
    if (node.exclusiveMinimum !== undefined && value <= node.exclusiveMinimum) fail('not above exclusiveMinimum');
  }
  if (typeof value === 'string') {
    if (node.minLength !== undefined && value.length < node.minLength) fail('too short');
    if (node.pattern !== undefined && !new RegExp(node.pattern, 'u').test(value)) fail('does not match pattern');
  }
  if (Array.isArray(value)) {
    if (node.minItems !== undefined && value.length < node.minItems) fail('too few items');
    if (node.maxItems !== undefined && value.length > node.maxItems) fail('too many items');
    if (node.items) value.forEach((item, i) => errors.push(...schemaErrors(node.items, item, `${path}[${i}]`)));
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const object = value as Record<string, unknown>;
    for (const key of node.required ?? []) if (!(key in object)) fail(`missing ${key}`);
    for (const [key, child] of Object.entries(object)) {
      const property = node.properties?.[key];
      if (property) errors.push(...schemaErrors(property, child, `${path}.${key}`));
      else if (node.additionalProperties === false) fail(`unknown ${key}`);
    }
  }
  return errors;
}

function resolve(ref: string): Schema {
  const match = /^#\/\$defs\/(\w+)$/.exec(ref);
  if (!match || !schema.$defs[match[1]]) throw new Error(`cannot resolve ${ref}`);
  return schema.$defs[match[1]];
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'object': return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'array': return Array.isArray(value);
    case 'string': return typeof value === 'string';
    case 'number': return typeof value === 'number' && Number.isFinite(value);
    case 'integer': return Number.isInteger(value);
    case 'boolean': return typeof value === 'boolean';
    default: throw new Error(`schemaErrors does not know type ${type}`);
  }
}

/** The smallest valid scenario: two hosts, one migration, no optional field. */
function minimal(): Record<string, any> {
  const team = () => ({ teamingMode: 'Lacp', loadBalancingAlgorithm: 'TransportPorts', members: [{ name: 'NIC1', gbps: 10 }] });
  return {
    hosts: [
      { name: 'HV1', ip: '10.10.10.1', team: team() },
      { name: 'HV2', ip: '10.10.10.2', team: team() },
    ],
    migrations: [{ vm: 'VM01', from: 'HV1', to: 'HV2', memoryGiB: 8 }],
  };
}

/** Each object schema of a scenario, with where an instance of it sits in `minimal()`'s validated form. */
const objectSchemas: Array<{ name: string; node: Schema; at: (scenario: any) => any }> = [
  { name: 'scenario', node: schema, at: (s) => s },
  { name: 'switch', node: schema.properties.switch, at: (s) => s.switch },
  { name: 'liveMigration', node: schema.properties.liveMigration, at: (s) => s.liveMigration },
  { name: 'host', node: schema.$defs.host, at: (s) => s.hosts[0] },
  { name: 'team', node: schema.$defs.team, at: (s) => s.hosts[0].team },
  { name: 'member', node: schema.$defs.member, at: (s) => s.hosts[0].team.members[0] },
  { name: 'migration', node: schema.$defs.migration, at: (s) => s.migrations[0] },
  { name: 'dynamic', node: schema.properties.dynamic, at: (s) => s.dynamic },
];

describe('lib/schema/scenario.schema.json', () => {
  it('lists the same enum values as the library constants', () => {
    expect(schema.$defs.team.properties.addressHash.enum).toEqual([...WINDOWS_ADDRESS_HASH_STAND_INS]);
    expect(schema.$defs.team.properties.teamingMode.enum).toEqual([...TEAMING_MODES]);
    expect(schema.$defs.team.properties.loadBalancingAlgorithm.enum).toEqual([...LOAD_BALANCING_ALGORITHMS]);
    expect(schema.properties.switch.properties.loadBalance.enum).toEqual([...CISCO_LOAD_BALANCE]);
    expect(schema.properties.liveMigration.properties.connections.enum).toEqual([...CONNECTION_MODELS]);
  });

  it('gives the defaults validateScenario fills in, for every optional field', () => {
    // Because a field absent from minimal() takes validateScenario's default, and the schema must promise the same.
    // The member MAC is the one optional field without a constant default (it is derived per host and member).
    const validated: any = validateScenario(minimal());
    const checked: string[] = [];
    for (const { name, node, at } of objectSchemas) {
      const instance = at(validated);
      for (const [key, property] of Object.entries<Schema>(node.properties)) {
        const optional = !(node.required ?? []).includes(key);
        if (!optional || key === '$schema' || key === 'description' || (name === 'member' && key === 'mac')) continue;
        if (property.type === 'object') continue; // switch, liveMigration, dynamic: their own fields carry the defaults
        if (property.$ref) continue; // team or bond: one of the two is given (the oneOf rule)
        if (name === 'team' && key === 'kind') continue; // absent means LBFO; validateTeam keeps kind only when given
        if (name === 'team' && key === 'addressHash') continue; // absent means toeplitz; kept only when given, like kind
        if (name === 'team' && key === 'rssKey') continue; // drawn from the seed per host: no constant default
        if (name === 'team' && key === 'dynamicInbound') continue; // absent means affinitized; kept only when given
        expect(property, `${name}.${key} has a default`).toHaveProperty('default');
        expect(instance[key], `${name}.${key}`).toEqual(property.default);
        checked.push(`${name}.${key}`);
      }
    }
    // 1 seed + 1 events + 1 switch + 15 liveMigration (8 + 7 transport settings) + 3 host + 2 member + 2 migration
    // + 2 dynamic defaults, as in Scenario.ts and Team.ts.
    expect(checked).toHaveLength(27);
  });

  it('requires exactly the fields validateScenario requires', () => {
    for (const { name, node } of objectSchemas) {
      for (const key of node.required ?? []) {
        const scenario = minimal();
        const container = name === 'scenario' ? scenario : objectSchemas.find((o) => o.name === name)!.at(scenario);
        delete container[key];
        expect(() => validateScenario(scenario), `${name} without ${key}`).toThrow(key);
        expect(schemaErrors(schema, scenario).length, `${name} without ${key}`).toBeGreaterThan(0);
      }
    }
  });

  it('describes every field', () => {
    for (const { name, node } of objectSchemas) {
      for (const [key, property] of Object.entries<Schema>(node.properties)) {
        const described = property.description ?? (property.$ref ? resolve(property.$ref).description : undefined);
        expect(typeof described, `${name}.${key}`).toBe('string');
      }
    }
  });

  it('accepts values at the upper bounds, as validateScenario does', () => {
    // Because a schema maximum below the validator's would flag valid files in editors.
    const scenario = minimal();
    scenario.hosts[0].team.members[0].gbps = 10_000;
    scenario.migrations[0].memoryGiB = 65_536;
    scenario.migrations[0].dirtyMBps = 1_000_000;
    scenario.hosts[0].team.members[0].name = 'constructor-NIC';
    expect(schemaErrors(schema, scenario)).toEqual([]);
    expect(() => validateScenario(scenario)).not.toThrow();
  });

  it('accepts the minimal scenario and rejects what validateScenario rejects', () => {
    expect(schemaErrors(schema, minimal())).toEqual([]);
    const broken: Array<(s: Record<string, any>) => void> = [
      (s) => (s.hosts[0].team.members[0].gbps = 0),
      (s) => (s.hosts[0].team.teamingMode = 'LACP'),
      (s) => (s.hosts[0].ip = '10.10.10.256'),
      (s) => (s.hosts[0].nextEphemeralPort = 49151),
      (s) => (s.liveMigration = { simultaneous: 65 }),
      (s) => (s.liveMigration = { stopThresholdMB: 0 }),
      (s) => (s.liveMigration = { maxRounds: 0 }),
      (s) => (s.switch = { loadBalance: 'src-dst-mixed-ip-port' }),
      (s) => (s.migrations[0].memoryGB = 8),
      (s) => (s.seed = 0.5),
      (s) => delete s.hosts[0].team,
      (s) => (s.hosts[0].bond = { mode: '802.3ad', members: [{ name: 'eth0', gbps: 10 }] }),
      (s) => (s.hosts[0] = { name: 'LX1', ip: '10.10.10.1', bond: { mode: 'balance-rr', members: [{ name: 'eth0', gbps: 10, standby: true }] } }),
      (s) => (s.hosts[0] = { name: 'LX1', ip: '10.10.10.1', bond: { mode: 'round-robin', members: [{ name: 'eth0', gbps: 10 }] } }),
      (s) => (s.hosts[0].team.kind = 'VMQ'),
      (s) => (s.hosts[0].team.addressHash = 'murmur'),
      (s) => (s.events = [{ atS: -1, host: 'HV1', member: 'NIC1', state: 'failed' }]),
      (s) => (s.events = [{ atS: 1, host: 'HV1', member: 'NIC1', state: 'down' }]),
      (s) => (s.events = [{ atS: 1, host: 'HV1', member: 'NIC1' }]),
      (s) => (s.dynamic = { flowletGapMs: -1 }),
      (s) => (s.liveMigration = { roundPauseMs: -5 }),
      // The upper bounds and reserved names (SCENARIO_LIMITS, MAX_MEMBER_GBPS, RESERVED_NAMES) are in both.
      (s) => (s.hosts[0].team.members[0].gbps = 10_001),
      (s) => (s.hosts[0] = { name: 'LX1', ip: '10.10.10.1', bond: { mode: '802.3ad', members: [{ name: 'eth0', gbps: 1e308 }] } }),
      (s) => (s.migrations[0].memoryGiB = 65_537),
      (s) => (s.migrations[0].dirtyMBps = 1_000_001),
      (s) => (s.hosts[0].name = '__proto__'),
      (s) => (s.hosts[0].team.members[0].name = 'constructor'),
      (s) => (s.hosts[0] = { name: 'LX1', ip: '10.10.10.1', bond: { mode: '802.3ad', members: [{ name: 'toString', gbps: 10 }] } }),
      (s) => (s.migrations[0].vm = 'prototype'),
    ];
    for (const breakIt of broken) {
      const scenario = minimal();
      breakIt(scenario);
      expect(() => validateScenario(scenario), breakIt.toString()).toThrow();
      expect(schemaErrors(schema, scenario), breakIt.toString()).not.toEqual([]);
    }
  });
});

describe('lib/scenarios/*.json', () => {
  it('holds the thirteen example scenarios of the findings and four beyond the article', () => {
    expect(exampleFiles.sort()).toEqual([
      'cluster-two-drains.json',
      'compression.json',
      'hyperv-port-lacp.json',
      'hyperv-port-static.json',
      'hyperv-port-switch-independent.json',
      'lacp-address-hash-per-host-pair.json',
      'lacp-address-hash.json',
      'lacp-src-dst-ip.json',
      'large-vms-task-manager.json',
      'linux-bond-802.3ad.json',
      'many-destinations.json',
      'one-vm-one-member.json',
      'simultaneous-12.json',
      'small-vms-task-manager.json',
      'smb-multichannel.json',
      'static-address-hash.json',
      'switch-independent-address-hash.json',
    ]);
  });

  it.each(exampleFiles)('%s conforms to the schema and passes validateScenario', (name) => {
    const example = readExample(name);
    expect(schemaErrors(schema, example)).toEqual([]);
    expect(() => validateScenario(example)).not.toThrow();
    expect(example.$schema).toBe('../schema/scenario.schema.json');
    expect(example.description).toMatch(/^(Finding \d|Beyond the article)/);
  });

  it.each(exampleFiles.filter((name) => !['many-destinations.json', 'linux-bond-802.3ad.json', 'cluster-two-drains.json'].includes(name)))('%s is the article lab: HV1 and HV2, 2 x 10 Gbps each', (name) => {
    const scenario = validateScenario(readExample(name));
    expect(scenario.hosts.map((host) => [host.name, host.ip])).toEqual([
      ['HV1', '10.10.10.1'],
      ['HV2', '10.10.10.2'],
    ]);
    for (const host of scenario.hosts) expect(host.team!.members.map((member) => member.gbps)).toEqual([10, 10]);
  });
});
