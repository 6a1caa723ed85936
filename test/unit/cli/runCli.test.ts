import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../lib/cli';
import { memoryIo } from './memoryIo';

const scenariosDir = join(__dirname, '..', '..', '..', 'lib', 'scenarios');


/** A scenario written by hand: one idle 8 GiB VM moving from HV1 to HV2 over 2 x 10 Gbps LACP teams. */
const oneIdleVm = {
  hosts: [
    { name: 'HV1', ip: '10.10.10.1', team: { teamingMode: 'Lacp', loadBalancingAlgorithm: 'TransportPorts', members: [{ name: 'NIC1', gbps: 10 }, { name: 'NIC2', gbps: 10 }] } },
    { name: 'HV2', ip: '10.10.10.2', team: { teamingMode: 'Lacp', loadBalancingAlgorithm: 'TransportPorts', members: [{ name: 'NIC1', gbps: 10 }, { name: 'NIC2', gbps: 10 }] } },
  ],
  migrations: [{ vm: 'VM01', from: 'HV1', to: 'HV2', memoryGiB: 8 }],
};

/** `oneIdleVm` with one change, as a JSON file text. */
function scenarioText(edit: (scenario: any) => void = () => {}): string {
  const scenario = JSON.parse(JSON.stringify(oneIdleVm));
  edit(scenario);
  return JSON.stringify(scenario, null, 2);
}

/** Runs the CLI and checks it failed with exit 2 and exactly one stderr line, which it returns without `teaming-lab: `. */
async function badInputLine(argv: string[], files: Record<string, string> = {}): Promise<string> {
  const { io, stdout, stderr } = memoryIo(files);
  const code = await runCli(argv, io);
  expect(code, stderr()).toBe(2);
  expect(stdout()).toBe('');
  const lines = stderr().split('\n');
  expect(lines, 'one line, then the final newline').toHaveLength(2);
  expect(lines[1]).toBe('');
  expect(lines[0]).toMatch(/^teaming-lab: .+: got .+; expected .+$/);
  return lines[0].slice('teaming-lab: '.length);
}

describe('runCli: help, version, usage errors', () => {
  it('prints the global help for --help, -h and help, listing every command', async () => {
    for (const argv of [['--help'], ['-h'], ['help']]) {
      const { io, stdout } = memoryIo();
      expect(await runCli(argv, io)).toBe(0);
      for (const command of ['reproduce', 'simulate', 'hash', 'share']) expect(stdout()).toContain(`  ${command} `);
    }
  });

  it('prints each command help for COMMAND --help and help COMMAND', async () => {
    for (const command of ['reproduce', 'simulate', 'hash', 'share']) {
      const { io, stdout } = memoryIo();
      expect(await runCli([command, '--help'], io)).toBe(0);
      expect(stdout()).toMatch(new RegExp(`^Usage: teaming-lab ${command} `));
      const other = memoryIo();
      expect(await runCli(['help', command], other.io)).toBe(0);
      expect(other.stdout()).toBe(stdout());
    }
  });

  it('prints the version it is given', async () => {
    const { io, stdout } = memoryIo();
    expect(await runCli(['--version'], io, { version: '1.2.3' })).toBe(0);
    expect(stdout()).toBe('1.2.3\n');
  });

  it('exits 2 with one line and a hint to --help for no command, an unknown command or an unknown flag', async () => {
    expect(await badInputLine([])).toBe('command: got nothing; expected one of reproduce, simulate, hash, share, workshop, plan, classroom (see teaming-lab --help)');
    expect(await badInputLine(['simulat'])).toContain('command: got "simulat"; expected one of reproduce, simulate, hash, share, workshop, plan, classroom (see teaming-lab --help)');
    expect(await badInputLine(['--verbose'])).toContain('--help');
    const flag = await badInputLine(['hash', '--polcy', 'layer2']);
    expect(flag).toMatch(/^hash options: got "--polcy"; expected one of --policy, .*\(see teaming-lab hash --help\)$/);
  });
});

// `reproduce` is tested in reproduceCommand.test.ts.


describe('runCli: simulate', () => {
  it('--json prints the SimulationResult, with the numbers a hand calculation gives for one idle VM', async () => {
    // One idle 8 GiB VM: one connection, so one member sends and one receives, at 10 Gbps. The copy moves
    // 8 x 2^30 bytes = 8.589934592 GB in 8.589934592 x 8 / 10 = 6.8719476736 s, after 1 s of setup and before
    // 0.05 s of resume (the defaults), so it ends at 7.9219476736 s.
    const { io, stdout } = memoryIo({ 'one.json': scenarioText() });
    expect(await runCli(['simulate', 'one.json', '--json'], io)).toBe(0);
    const result = JSON.parse(stdout());
    expect(Object.keys(result).sort()).toEqual(['durationS', 'hosts', 'migrations']);
    expect(result.durationS).toBeCloseTo(7.9219476736, 6);
    const hv1 = result.hosts.HV1;
    expect(hv1.peakSendGbps).toBeCloseTo(10, 9);
    const sent = hv1.members.NIC1.sentGB + hv1.members.NIC2.sentGB;
    expect(sent).toBeCloseTo(8.589934592, 6);
    expect(Math.min(hv1.members.NIC1.sentGB, hv1.members.NIC2.sentGB)).toBe(0);
    expect(result.hosts.HV2.peakReceiveGbps).toBeCloseTo(10, 9);
    expect(result.migrations).toHaveLength(1);
    expect(result.migrations[0]).toMatchObject({ vm: 'VM01', startS: 0 });
    expect(result.migrations[0].connections).toEqual([expect.objectContaining({ sourcePort: 49152 })]);
  });

  it('prints readable tables of hosts, members and migrations', async () => {
    const { io, stdout } = memoryIo();
    const file = join(scenariosDir, 'lacp-address-hash.json');
    expect(await runCli(['simulate', file], io)).toBe(0);
    const text = stdout();
    expect(text).toContain('4 migration(s)');
    expect(text).toContain('Finding 4: LACP team');
    expect(text).toMatch(/^host \/ member\s+peak send Gbps\s+peak receive Gbps\s+sent GB\s+received GB$/m);
    // Two 10 Gbps members per team and two migrations at a time, on different members: 20 Gbps peaks.
    expect(text).toMatch(/^HV1\s+20\.00\s+0\.00\s/m);
    expect(text).toMatch(/^HV2\s+0\.00\s+20\.00\s/m);
    expect(text).toMatch(/^ {2}NIC2\s+10\.00\s/m);
    expect(text).toMatch(/^vm\s+start s\s+end s\s+downtime ms\s+source port\s+send member\s+receive member$/m);
    expect(text).toMatch(/^VM01\s+0\.00\s+\S+\s+\S+\s+49152\s+NIC\d\s+NIC\d$/m);
    expect(text).toMatch(/^VM04\s.*49155/m);
  });

  it('accepts every example scenario', async () => {
    for (const name of ['one-vm-one-member.json', 'many-destinations.json', 'simultaneous-12.json']) {
      const { io, stderr } = memoryIo();
      expect(await runCli(['simulate', join(scenariosDir, name), '--json'], io), stderr()).toBe(0);
    }
  });

  it('exits 2 with one line naming field, value and allowed values for bad scenarios', async () => {
    const cases: Array<[(s: any) => void, string]> = [
      [(s) => (s.hosts[0].team.teamingMode = 'LACP'), 'hosts[0].team.teamingMode: got "LACP"; expected one of SwitchIndependent, Static, Lacp'],
      [(s) => (s.hosts[1].team.members[0].gbps = -10), 'hosts[1].team.members[0].gbps: got -10; expected a number greater than 0'],
      [(s) => (s.hosts[1].team.members[1].gbps = 0), 'hosts[1].team.members[1].gbps: got 0; expected a number greater than 0'],
      [(s) => (s.migrations[0].from = 'HV9'), 'migrations[0].from: got "HV9"; expected one of HV1, HV2'],
      [(s) => (s.switch = { loadBalance: 'src-dst-mixed-ip-port' }), 'switch.loadBalance: got "src-dst-mixed-ip-port"; expected one of src-mac,'],
      // Failure detection (member events): the kind, the LACP timer and the detection time.
      [(s) => (s.events = [{ atS: 1, host: 'HV1', member: 'NIC1', state: 'failed', failure: 'silent' }]), 'events[0].failure: got "silent"; expected one of link-down, lacp-timeout'],
      [(s) => (s.events = [{ atS: 1, host: 'HV1', member: 'NIC1', state: 'failed', failure: 'lacp-timeout', lacpTimer: 'short' }]), 'events[0].lacpTimer: got "short"; expected one of fast, slow'],
      [(s) => (s.events = [{ atS: 1, host: 'HV1', member: 'NIC1', state: 'failed', detectionS: -3 }]), 'events[0].detectionS: got -3; expected'],
      [
        (s) => {
          s.hosts[0].team.teamingMode = 'Static';
          s.events = [{ atS: 1, host: 'HV1', member: 'NIC1', state: 'failed', failure: 'lacp-timeout' }];
        },
        'events[0].failure: got "lacp-timeout"; expected link-down: HV1 runs no LACP (teamingMode Static)',
      ],
    ];
    for (const [edit, expected] of cases) {
      expect(await badInputLine(['simulate', 's.json'], { 's.json': scenarioText(edit) })).toContain(expected);
    }
    const twoStandby = scenarioText((s) => {
      s.hosts[0].team.members = [
        { name: 'NIC1', gbps: 10 },
        { name: 'NIC2', gbps: 10, standby: true },
        { name: 'NIC3', gbps: 10, standby: true },
      ];
    });
    expect(await badInputLine(['simulate', 's.json'], { 's.json': twoStandby })).toMatch(
      /^hosts\[0\]\.team\.members\[2\]\.standby: got true; expected false: at most one standby member/,
    );
  });

  it('exits 2 for malformed JSON, giving line and column, and for a missing file', async () => {
    const malformed = '{\n  "hosts": [\n    }\n';
    expect(await badInputLine(['simulate', 'bad.json'], { 'bad.json': malformed })).toMatch(/^bad\.json:3:5: got "\}"; expected valid JSON \(/);
    expect(await badInputLine(['simulate', '/no/such/scenario.json'])).toBe('FILE: got "/no/such/scenario.json"; expected a readable file (ENOENT)');
    expect(await badInputLine(['simulate'])).toContain('FILE: got nothing; expected one scenario file path');
  });
});

describe('runCli: hash', () => {
  it("matches Microsoft's first IPv4+TCP RSS verification vector", async () => {
    // Published: 66.9.149.187:2794 -> 161.142.100.80:1766 hashes to 0x51ccc178 with the verification key.
    // The member is entry (hash & 127) of a round-robin indirection table: 0x78 = 120, 120 % 4 = 0.
    const argv = ['hash', '--policy', 'toeplitz', '--members', '4', '--src-ip', '66.9.149.187', '--src-port', '2794', '--dst-ip', '161.142.100.80', '--dst-port', '1766'];
    const text = memoryIo();
    expect(await runCli(argv, text.io)).toBe(0);
    expect(text.stdout()).toContain(`${0x51ccc178} (0x51ccc178)`);
    // Members are named as everywhere else in the kit (scenarios, plan): index 0 is NIC1.
    expect(text.stdout()).toMatch(/^member\s+NIC1 of NIC1 to NIC4$/m);
    const json = memoryIo();
    expect(await runCli([...argv, '--json'], json.io)).toBe(0);
    expect(JSON.parse(json.stdout())).toEqual({ hash: 0x51ccc178, member: 0, memberName: 'NIC1' });
  });

  it('gives the same toeplitz hash when the Microsoft key is passed explicitly with --key', async () => {
    const key = '6d5a56da255b0ec24167253d43a38fb0d0ca2bcbae7b30b477cb2da38030f20c6a42b73bbeac01fa';
    const { io, stdout } = memoryIo();
    const argv = ['hash', '--policy', 'toeplitz', '--members', '4', '--src-ip', '66.9.149.187', '--src-port', '2794', '--dst-ip', '161.142.100.80', '--dst-port', '1766', '--key', key, '--json'];
    expect(await runCli(argv, io)).toBe(0);
    expect(JSON.parse(stdout()).hash).toBe(0x51ccc178);
  });

  it('matches a hand-computed layer3+4 value: 10.0.0.1:49152 -> 10.0.0.2:445 is 0x5f5fdfbf, member 1 of 2', async () => {
    const { io, stdout } = memoryIo();
    const argv = ['hash', '--policy', 'layer3+4', '--members=2', '--src-ip', '10.0.0.1', '--src-port', '49152', '--dst-ip', '10.0.0.2', '--dst-port=445', '--json'];
    expect(await runCli(argv, io)).toBe(0);
    expect(JSON.parse(stdout())).toEqual({ hash: 0x5f5fdfbf, member: 1, memberName: 'NIC2' });
  });

  it('defaults the ports to 0', async () => {
    // layer3+4 with both ports 0: the addresses read little-endian are 0x0100000a and 0x0200000a; their XOR is
    // 0x03000000; ^= >>16 gives 0x03000300; ^= >>8 gives 0x03030303; >>1 gives 0x01818181 (odd: member 1 of 2).
    const { io, stdout } = memoryIo();
    expect(await runCli(['hash', '--policy', 'layer3+4', '--members', '2', '--src-ip', '10.0.0.1', '--dst-ip', '10.0.0.2', '--json'], io)).toBe(0);
    expect(JSON.parse(stdout())).toEqual({ hash: 0x01818181, member: 1, memberName: 'NIC2' });
  });

  it('exits 2 with one line for bad flags', async () => {
    const base = ['hash', '--policy', 'layer3+4', '--members', '2', '--src-ip', '10.0.0.1', '--dst-ip', '10.0.0.2'];
    const replace = (flag: string, value: string) => {
      const argv = [...base];
      const at = argv.indexOf(flag);
      if (at >= 0) argv[at + 1] = value;
      else argv.push(flag, value);
      return argv;
    };
    expect(await badInputLine(replace('--policy', 'layer5'))).toMatch(/^--policy: got "layer5"; expected one of layer2, /);
    expect(await badInputLine(replace('--members', '0'))).toBe('--members: got 0; expected an integer from 1 to 32');
    expect(await badInputLine(replace('--members', 'two'))).toBe('--members: got "two"; expected an integer from 1 to 32');
    expect(await badInputLine(replace('--src-ip', '10.0.0.300'))).toMatch(/^--src-ip: got "10\.0\.0\.300"; expected an IPv4 address/);
    expect(await badInputLine(replace('--src-port', '70000'))).toBe('--src-port: got 70000; expected an integer port from 0 to 65535');
    // Also for policies that never read the ports (layer2, MAC hashes): a wrong port used to be taken silently.
    for (const policy of ['layer2', 'src-mac', 'IPAddresses']) {
      expect(await badInputLine([...replace('--policy', policy), '--dst-port', '99999'])).toBe('--dst-port: got 99999; expected an integer port from 0 to 65535');
    }
    expect(await badInputLine(replace('--src-mac', '00:11:22'))).toMatch(/^--src-mac: got "00:11:22"; expected a MAC address/);
    expect(await badInputLine(replace('--protocol', 'sctp'))).toBe('--protocol: got "sctp"; expected tcp or udp');
    expect(await badInputLine(replace('--key', 'zz'))).toMatch(/^--key: got "zz"; expected no key with --policy layer3\+4/);
    expect(await badInputLine(['hash', '--policy', 'toeplitz', '--members', '2', '--dst-ip', '10.0.0.2'])).toBe(
      '--src-ip: got nothing; expected an IPv4 or IPv6 address',
    );
    expect(await badInputLine(['hash', '--policy', 'src-dst-ip', '--members', '9', '--src-ip', '10.0.0.1', '--dst-ip', '10.0.0.2'])).toBe(
      '--members: got 9; expected an integer from 1 to 8 for a Cisco EtherChannel',
    );
  });
});

describe('runCli: share', () => {
  /** Hand-solved: link A 10, link B 4; f1 crosses A and B, f2 only A, f3 only B. All rise together until B is
   * full at 2 + 2 = 4 (f1 = f3 = 2); f2 alone keeps rising until A is full at 2 + 8 = 10. */
  const input = {
    links: [
      { id: 'A', gbps: 10 },
      { id: 'B', gbps: 4 },
    ],
    flows: [
      { id: 'f1', links: ['A', 'B'] },
      { id: 'f2', links: ['A'] },
      { id: 'f3', links: ['B'] },
    ],
  };

  it('--json prints the max-min fair rates of a hand-solved case', async () => {
    const { io, stdout } = memoryIo({ 'share.json': JSON.stringify(input) });
    expect(await runCli(['share', 'share.json', '--json'], io)).toBe(0);
    const { rates } = JSON.parse(stdout());
    expect(Object.keys(JSON.parse(stdout()))).toEqual(['rates']);
    expect(rates.f1).toBeCloseTo(2, 9);
    expect(rates.f2).toBeCloseTo(8, 9);
    expect(rates.f3).toBeCloseTo(2, 9);
  });

  it('honours a flow cap (capGbps) and says what limited each flow', async () => {
    // f3 capped at 1: B then fills only when f1 reaches 3 (3 + 1 = 4); f2 takes A's remaining 7.
    const capped = { ...input, flows: [...input.flows.slice(0, 2), { id: 'f3', links: ['B'], capGbps: 1 }] };
    const json = memoryIo({ 'share.json': JSON.stringify(capped) });
    expect(await runCli(['share', 'share.json', '--json'], json.io)).toBe(0);
    const { rates } = JSON.parse(json.stdout());
    expect([rates.f1, rates.f2, rates.f3].map((rate: number) => Number(rate.toFixed(9)))).toEqual([3, 7, 1]);
    const text = memoryIo({ 'share.json': JSON.stringify(capped) });
    expect(await runCli(['share', 'share.json'], text.io)).toBe(0);
    expect(text.stdout()).toMatch(/^f1\s+3\.000\s+B$/m);
    expect(text.stdout()).toMatch(/^f2\s+7\.000\s+A$/m);
    expect(text.stdout()).toMatch(/^f3\s+1\.000\s+its own cap$/m);
  });

  it('exits 2 with one line for bad share files', async () => {
    const bad = (edit: (value: any) => void) => {
      const value = JSON.parse(JSON.stringify(input));
      edit(value);
      return { 's.json': JSON.stringify(value) };
    };
    expect(await badInputLine(['share', 's.json'], bad((v) => (v.links[1].gbps = 0)))).toBe('links[1].gbps: got 0; expected a number greater than 0');
    expect(await badInputLine(['share', 's.json'], bad((v) => (v.flows[2].links = ['C'])))).toBe('flows[2].links[0]: got "C"; expected one of the link ids A, B');
    expect(await badInputLine(['share', 's.json'], bad((v) => (v.flows[0].cap = 3)))).toMatch(/^flows\[0\]\.cap: got 3; expected no field named cap here .*did you mean capGbps\?$/);
    expect(await badInputLine(['share', 's.json'], bad((v) => (v.flows[1].id = 'f1')))).toBe('flows[1].id: got "f1"; expected an id no other flow has');
  });

  it('exits 2 for the id __proto__, which used to lose the flow rate and end in an internal error', async () => {
    // Because a rate keyed __proto__ cannot be stored in the plain object of rates: the text report
    // read the object prototype as the rate (exit 3) and --json printed no rate at all.
    const proto = JSON.stringify({ links: [{ id: 'A', gbps: 10 }], flows: [{ id: '__proto__', links: ['A'] }] });
    expect(await badInputLine(['share', 's.json'], { 's.json': proto })).toBe('flows[0].id: got "__proto__"; expected a non-empty string other than __proto__');
    const protoLink = JSON.stringify({ links: [{ id: '__proto__', gbps: 10 }], flows: [{ id: 'f', links: ['__proto__'] }] });
    expect(await badInputLine(['share', 's.json'], { 's.json': protoLink })).toBe('links[0].id: got "__proto__"; expected a non-empty string other than __proto__');
  });
});

describe('runCli with real files', () => {
  it('reads the example scenarios from disk', () => {
    // Guards the test setup itself: memoryIo falls through to the file system.
    expect(JSON.parse(readFileSync(join(scenariosDir, 'one-vm-one-member.json'), 'utf8')).migrations).toHaveLength(1);
  });
});
