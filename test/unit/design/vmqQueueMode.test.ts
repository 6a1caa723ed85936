import { describe, expect, it } from 'vitest';
import { vmqQueueMode, vmqQueuesOffered } from '../../../lib/design';
import { LOAD_BALANCING_ALGORITHMS, TEAMING_MODES } from '../../../lib/teaming';

// Microsoft's rule ("NIC Teaming", Virtual Machine Queues): Sum-of-Queues only for Switch Independent with
// Hyper-V Port or Dynamic, because only there the team knows the member a port's traffic arrives on.

describe('vmqQueueMode', () => {
  it('is Sum-of-Queues for exactly the two Switch Independent per-port algorithms', () => {
    const sum = [];
    for (const mode of TEAMING_MODES) for (const algorithm of LOAD_BALANCING_ALGORITHMS) {
      if (vmqQueueMode(mode, algorithm) === 'Sum-of-Queues') sum.push(`${mode} ${algorithm}`);
    }
    expect(sum).toEqual(['SwitchIndependent HyperVPort', 'SwitchIndependent Dynamic']);
  });

  it('offers the sum of the members\' queues in Sum-of-Queues and the smallest count in Min-Queues', () => {
    expect(vmqQueuesOffered('SwitchIndependent', 'Dynamic', [30, 14])).toBe(44);
    expect(vmqQueuesOffered('Lacp', 'Dynamic', [30, 14])).toBe(14);
    expect(vmqQueuesOffered('SwitchIndependent', 'TransportPorts', [30, 14])).toBe(14);
  });

  it('refuses unknown modes and bad queue counts, naming the field', () => {
    expect(() => vmqQueueMode('LACP' as never, 'Dynamic')).toThrow(/teamingMode/);
    expect(() => vmqQueuesOffered('Lacp', 'Dynamic', [])).toThrow(/queuesPerMember/);
    expect(() => vmqQueuesOffered('Lacp', 'Dynamic', [4, -1])).toThrow(/queuesPerMember\[1\]/);
  });
});
