import { describe, expect, it } from 'vitest';
import { articleScenario, planDrainSetup } from '../../../lib/experiments';
import { InputError } from '../../../lib/InputError';

/** The InputError `action` throws (fails the test when it throws nothing or something else). */
function inputErrorOf(action: () => unknown): InputError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError, but nothing was thrown');
}

describe('articleScenario(options)', () => {
  it('builds the article lab by default: two 2 x 10 Gbps LACP teams and four 8 GiB VMs from HV1 to HV2', () => {
    // Because every experiment of findings 3 to 7 starts from this lab (the article's setup).
    const lab = articleScenario();
    expect(lab.hosts.map((h) => [h.name, h.ip, h.team?.teamingMode, h.team?.loadBalancingAlgorithm, h.team?.members.length])).toEqual([
      ['HV1', '10.10.10.1', 'Lacp', 'TransportPorts', 2],
      ['HV2', '10.10.10.2', 'Lacp', 'TransportPorts', 2],
    ]);
    expect(lab.migrations.map((m) => [m.vm, m.memoryGiB])).toEqual([['VM01', 8], ['VM02', 8], ['VM03', 8], ['VM04', 8]]);
    expect(lab.liveMigration).toEqual({ simultaneous: 2, connections: 'per-vm', setupS: 1, setupJitterS: 0 });
  });

  it('refuses counts it cannot turn into lists, naming the option', () => {
    // Because `vms: 1.5` used to build one VM and `members: -1` an empty team without a word, and a
    // count such as 1e9 would build a billion migrations before anything checked it.
    for (const vms of [0, 1.5, NaN, 1e9]) expect(inputErrorOf(() => articleScenario({ vms })).field).toBe('vms');
    for (const members of [0, -1, 2.5, 33]) expect(inputErrorOf(() => articleScenario({ members })).field).toBe('members');
  });
});

describe('planDrainSetup(options)', () => {
  it('fills the same defaults as articleScenario, plus the TCP transport', () => {
    // Because the planner plans the article's drain: its defaults come from one place.
    const lab = articleScenario();
    const setup = planDrainSetup();
    expect(setup).toEqual({
      teamingMode: lab.hosts[0].team.teamingMode,
      loadBalancingAlgorithm: lab.hosts[0].team.loadBalancingAlgorithm,
      members: lab.hosts[0].team.members.length,
      memberGbps: lab.hosts[0].team.members[0].gbps,
      vms: lab.migrations.length,
      memoryGiB: lab.migrations[0].memoryGiB,
      dirtyMBps: lab.migrations[0].dirtyMBps,
      switchLoadBalance: lab.switch?.loadBalance,
      simultaneous: lab.liveMigration?.simultaneous,
      connections: lab.liveMigration?.connections,
      transport: 'TCP',
    });
  });
});
