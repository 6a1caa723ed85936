import { checkArray, checkNumber, checkOneOf } from '../fieldChecks';
import { LOAD_BALANCING_ALGORITHMS, TEAMING_MODES } from '../teaming';
import type { LoadBalancingAlgorithm, TeamingMode } from '../teaming';

/**
 * How a Windows team under a Hyper-V switch offers its members' virtual machine queues (VMQs):
 * - `Sum-of-Queues`: every member's queues add up, because the team knows on which member each vSwitch
 *   port's traffic arrives and programs the port's queue there only.
 * - `Min-Queues`: the team offers as many queues as its smallest member, because the same queue must be
 *   programmed on every member (the switch may deliver a port's traffic on any of them, or, in Switch
 *   Independent Address Hash, everything arrives on the primary and the others stand ready to take over).
 */
export type VmqQueueMode = 'Sum-of-Queues' | 'Min-Queues';

/**
 * The VMQ mode of a team, by Microsoft's rule ("NIC Teaming", section Virtual Machine Queues):
 * Sum-of-Queues for a Switch Independent team with Hyper-V Port or Dynamic, Min-Queues for everything
 * else.
 * @throws InputError for an unknown teaming mode or algorithm.
 */
export function vmqQueueMode(teamingMode: TeamingMode, loadBalancingAlgorithm: LoadBalancingAlgorithm): VmqQueueMode {
  const mode = checkOneOf(teamingMode, 'teamingMode', TEAMING_MODES);
  const algorithm = checkOneOf(loadBalancingAlgorithm, 'loadBalancingAlgorithm', LOAD_BALANCING_ALGORITHMS);
  return mode === 'SwitchIndependent' && (algorithm === 'HyperVPort' || algorithm === 'Dynamic') ? 'Sum-of-Queues' : 'Min-Queues';
}

/**
 * How many VMQs the team offers to the Hyper-V switch: the sum of its members' queues in Sum-of-Queues
 * mode, the smallest member's count in Min-Queues mode. Each VM network adapter or host vNIC that gets a
 * queue has its receive traffic handled by the queue's core; the others share the default queue.
 * @param queuesPerMember VMQs each member offers (`Get-NetAdapterVmq`, NumberOfReceiveQueues), 1 to 32 members, each 0 to 1024.
 * @throws InputError naming the field for bad input.
 */
export function vmqQueuesOffered(
  teamingMode: TeamingMode,
  loadBalancingAlgorithm: LoadBalancingAlgorithm,
  queuesPerMember: readonly number[],
): number {
  const queues = checkArray(queuesPerMember, 'queuesPerMember', 1, 32).map((q, i) =>
    checkNumber(q, `queuesPerMember[${i}]`, { min: 0, max: 1024, integer: true }),
  );
  return vmqQueueMode(teamingMode, loadBalancingAlgorithm) === 'Sum-of-Queues'
    ? queues.reduce((sum, q) => sum + q, 0)
    : Math.min(...queues);
}
