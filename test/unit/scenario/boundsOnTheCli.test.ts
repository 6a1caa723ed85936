import { describe, expect, it } from 'vitest';
import { runCli } from '../../../lib/cli';
import { memoryIo } from '../cli/memoryIo';

// The engine's bounds reach the user of `teaming-lab simulate` as exit status 2 and one line naming the
// field, its value and the allowed range: never a hang, a stack trace or an out-of-memory abort.

const team = { teamingMode: 'SwitchIndependent', loadBalancingAlgorithm: 'Dynamic', members: [{ name: 'NIC1', gbps: 10 }, { name: 'NIC2', gbps: 10 }] };
const base = {
  hosts: [
    { name: 'HV1', ip: '10.10.10.1', team },
    { name: 'HV2', ip: '10.10.10.2', team },
  ],
  migrations: [{ vm: 'VM01', from: 'HV1', to: 'HV2', memoryGiB: 8 }],
};

describe('teaming-lab simulate: engine bounds', () => {
  const cases: Array<[string, Record<string, unknown>, RegExp]> = [
    ['a rebalance period of 1e-9 s', { dynamic: { rebalancePeriodS: 1e-9 } }, /^teaming-lab: dynamic\.rebalancePeriodS: got 1e-9; expected 0 .* from 0\.01 to 86400\n$/],
    ['a setup time of 1e300 s', { liveMigration: { setupS: 1e300 } }, /^teaming-lab: liveMigration\.setupS: got 1e\+300; expected a number from 0 to 86400\n$/],
    ['a member of 1e-300 Gbps', { hosts: [{ ...base.hosts[0], team: { ...team, members: [{ name: 'NIC1', gbps: 1e-300 }] } }, base.hosts[1]] }, /^teaming-lab: hosts\[0\]\.team\.members\[0\]\.gbps: got 1e-300; expected a speed of at least 0\.001 Gbps/],
  ];
  for (const [name, change, line] of cases) {
    it(`refuses ${name} with exit 2 and one line`, async () => {
      const { io, stdout, stderr } = memoryIo({ 'bad.json': JSON.stringify({ ...base, ...change }) });
      expect(await runCli(['simulate', 'bad.json'], io)).toBe(2);
      expect(stdout()).toBe('');
      expect(stderr()).toMatch(line);
      expect(stderr().split('\n')).toHaveLength(2);
    });
  }
});
