import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../lib/cli';
import { appliedDefaults } from '../../../lib/cli/appliedDefaults';
import { formatTable, wrapText } from '../../../lib/cli/formatTable';
import { terminalColumns } from '../../../lib/cli/terminal';
import { SCENARIO_DEFAULTS, validateScenario } from '../../../lib/scenario';
import { memoryIo } from './memoryIo';

// What `simulate` prints besides the results: the defaults it filled in (issue: the schema's switch default
// src-dst-ip and dirty rate 0 were applied silently), and a layout that fits the terminal.

const scenariosDir = join(__dirname, '..', '..', '..', 'lib', 'scenarios');
const bin = join(__dirname, '..', '..', '..', 'lib', 'bin', 'teaming-lab.js');

const team = { teamingMode: 'Lacp', loadBalancingAlgorithm: 'TransportPorts', members: [{ name: 'NIC1', gbps: 10 }, { name: 'NIC2', gbps: 10 }] };
/** A scenario that leaves out every optional setting. */
const bare = {
  hosts: [
    { name: 'HV1', ip: '10.10.10.1', team },
    { name: 'HV2', ip: '10.10.10.2', team },
  ],
  migrations: [
    { vm: 'VM01', from: 'HV1', to: 'HV2', memoryGiB: 2, dirtyMBps: 40 },
    { vm: 'VM02', from: 'HV1', to: 'HV2', memoryGiB: 2 },
  ],
};

async function simulateText(scenario: unknown, columns?: number, env: Record<string, string> = {}): Promise<string> {
  const { io, stdout, stderr } = memoryIo({ 's.json': JSON.stringify(scenario) }, env);
  expect(await runCli(['simulate', 's.json'], { ...io, columns }), stderr()).toBe(0);
  return stdout();
}

describe('simulate prints the defaults it applied', () => {
  it('lists each default the file left out, with the value the run used', async () => {
    const text = await simulateText(bare, 200);
    const section = text.slice(text.indexOf('Defaults applied'), text.indexOf('Hosts and members'));
    expect(section).toMatch(new RegExp(`^ {2}switch\\s+loadBalance=${SCENARIO_DEFAULTS.switch.loadBalance}$`, 'm'));
    expect(section).toMatch(/^ {2}liveMigration\s+simultaneous=2, connections=per-vm, setupS=1, .*transport=TCP$/m);
    // One of the two migrations set its dirty rate: the default applied to the other only.
    expect(section).toMatch(/^ {2}migrations\[\]\s+dirtyMBps=0 \(1 of 2\), startS=0$/m);
    expect(section).toMatch(/^ {2}scenario\s+seed=1$/m);
    // Settings that do not apply to this run are not listed (no compression, no SMB, no Dynamic, no Hyper-V Port).
    expect(section).not.toMatch(/compression|smb|dynamic|vSwitchPortId|xmitHashPolicy/i);
  });

  it('lists nothing the file sets, and only what the transport and algorithm use', () => {
    const full = {
      ...bare,
      hosts: bare.hosts.map((host) => ({ ...host, team: { ...team, loadBalancingAlgorithm: 'Dynamic' } })),
      switch: { loadBalance: 'src-dst-port' },
      liveMigration: { transport: 'SMB', simultaneous: 4 },
      seed: 7,
    };
    const fields = appliedDefaults(full, validateScenario(full)).map((entry) => entry.field);
    expect(fields).not.toContain('switch.loadBalance');
    expect(fields).not.toContain('liveMigration.simultaneous');
    expect(fields).not.toContain('seed');
    expect(fields).toContain('liveMigration.smbConnectionsPerInterface');
    expect(fields).not.toContain('liveMigration.compressionRatio');
    expect(fields).toContain('dynamic.rebalancePeriodS');
  });

  it('says so when the file sets everything the run uses', async () => {
    const file = JSON.parse(readFileSync(join(scenariosDir, 'lacp-address-hash.json'), 'utf8'));
    const scenario = validateScenario(file);
    const complete = {
      ...file,
      liveMigration: Object.fromEntries(Object.entries(scenario.liveMigration).filter(([key]) => !/compression|smb|rdma/.test(key))),
      migrations: scenario.migrations,
      hosts: file.hosts.map((host: object) => ({ ...host, nextEphemeralPort: 49152 })),
    };
    expect(await simulateText(complete, 200)).toContain('Defaults applied (settings the file leaves out)\n  none: the file sets every setting the run uses\n');
  });
});

describe('simulate fits the terminal', () => {
  it('keeps every line within the terminal width, from 40 to 200 columns, without losing a value', async () => {
    const file = JSON.parse(readFileSync(join(scenariosDir, 'smb-multichannel.json'), 'utf8'));
    const wide = await simulateText(file, 200);
    for (const columns of [40, 60, 80, 120]) {
      const text = await simulateText(file, columns);
      for (const line of text.split('\n')) expect(line.length, `${columns} columns: ${line}`).toBeLessThanOrEqual(columns);
      // Wrapping moves characters, it drops none: the same characters (spaces and rules aside) as the wide layout.
      const characters = (value: string) => value.replace(/[\s-]/g, '').split('').sort().join('');
      expect(characters(text)).toBe(characters(wide));
    }
  });

  it('uses the terminal width, else COLUMNS, else 80 columns (output to a file or pipe), never under 40', () => {
    expect(terminalColumns(132, { COLUMNS: '60' })).toBe(132);
    expect(terminalColumns(undefined, { COLUMNS: '60' })).toBe(60);
    expect(terminalColumns(undefined, { COLUMNS: 'wide' })).toBe(80);
    expect(terminalColumns(undefined, {})).toBe(80);
    expect(terminalColumns(10, {})).toBe(40);
  });

  it('as a real process writing to a pipe: 80 columns, or COLUMNS', () => {
    const file = join(scenariosDir, 'smb-multichannel.json');
    for (const [env, width] of [[{}, 80], [{ COLUMNS: '50' }, 50]] as const) {
      const run = spawnSync(process.execPath, [bin, 'simulate', file], { encoding: 'utf8', env: { ...process.env, COLUMNS: undefined, ...env }, timeout: 170_000 });
      expect(run.status, run.stderr).toBe(0);
      const lines = run.stdout.split('\n');
      expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(width);
      expect(run.stdout).toContain('Defaults applied');
    }
  }, 180_000);
});

describe('formatTable and wrapText', () => {
  it('narrows the widest column first, wrapping at spaces, keeping the other columns whole', () => {
    const table = formatTable(['name', 'notes'], [['a', 'one two three four five six'], ['b', 'x']], { maxWidth: 16 });
    expect(table).toBe(['name  notes', '----  ----------', 'a     one two', '      three four', '      five six', 'b     x', ''].join('\n'));
  });

  it('leaves a table that fits as it was, and breaks a word longer than its column only when it must', () => {
    const rows = [['VM01', '1.00']];
    expect(formatTable(['vm', 'Gbps'], rows, { maxWidth: 80 })).toBe(formatTable(['vm', 'Gbps'], rows));
    expect(wrapText('abcdefghij', 4)).toBe('abcd\nefgh\nij');
    expect(wrapText('ab cd', 80)).toBe('ab cd');
  });
});

describe('a multi-host example scenario', () => {
  it('cluster-two-drains.json: two hosts drain at once into two others, which each receive from both', async () => {
    const { io, stdout, stderr } = memoryIo();
    expect(await runCli(['simulate', join(scenariosDir, 'cluster-two-drains.json'), '--json'], io), stderr()).toBe(0);
    const result = JSON.parse(stdout());
    expect(Object.keys(result.hosts)).toEqual(['HV1', 'HV2', 'HV3', 'HV4']);
    const input = JSON.parse(readFileSync(join(scenariosDir, 'cluster-two-drains.json'), 'utf8'));
    for (const receiver of ['HV3', 'HV4']) {
      const senders = new Set(input.migrations.filter((m: { to: string }) => m.to === receiver).map((m: { from: string }) => m.from));
      expect([...senders].sort()).toEqual(['HV1', 'HV2']);
      expect(result.hosts[receiver].peakSendGbps).toBe(0);
    }
    // What the drains send is what the receivers get (bytes are conserved across the cluster).
    const total = (host: string, key: 'sentGB' | 'receivedGB') =>
      Object.values(result.hosts[host].members as Record<string, { sentGB: number; receivedGB: number }>).reduce((sum, member) => sum + member[key], 0);
    expect(total('HV1', 'sentGB') + total('HV2', 'sentGB')).toBeCloseTo(total('HV3', 'receivedGB') + total('HV4', 'receivedGB'), 6);
    // Two migrations at a time per source host: four VMs start at 0.
    expect(result.migrations.filter((m: { startS: number }) => m.startS === 0)).toHaveLength(4);
  });
});
