import type { Connection } from '../Connection';
import { experiments } from '../experiments';
import { frameGoodput, hashPolarization, vmqQueuesOffered, weightedShare } from '../design';
import { CISCO_LOAD_BALANCE, ephemeralPorts } from '../hashing';
import type { CiscoLoadBalance } from '../hashing';
import type { CheckResult, Exercise } from './Exercise';
import { defineExercise, describe, numberCheck } from './defineExercise';

/*
 * Lesson 11, "Designing a live-migration network today": the receive-core ceiling, jumbo frames, VMQ
 * queue modes, QoS weights and hash polarization. Every expected answer is computed by the model.
 */

const ex11_1 = defineExercise({
  id: 'ex-11-1',
  lesson: 11,
  title: 'One core on the receiving side',
  answerName: 'ex11_1',
  kind: 'number',
  unit: 'Gbps',
  check: numberCheck('ex-11-1', { unit: 'Gbps', expected: () => experiments['network-design'].run().measured.vmqTcp1500Gbps as number }),
});

const ex11_2 = defineExercise({
  id: 'ex-11-2',
  lesson: 11,
  title: 'What jumbo frames save on the wire',
  answerName: 'ex11_2',
  kind: 'number',
  check: numberCheck('ex-11-2', { relative: 0.02, expected: () => frameGoodput({ mtu: 9000 }).fraction - frameGoodput({ mtu: 1500 }).fraction }),
});

const ex11_3 = defineExercise({
  id: 'ex-11-3',
  lesson: 11,
  title: 'Queues of a mixed team',
  answerName: 'ex11_3',
  kind: 'number',
  check: numberCheck('ex-11-3', { relative: 0, expected: () => vmqQueuesOffered('Lacp', 'Dynamic', [30, 14]) }),
});

const ex11_4 = defineExercise({
  id: 'ex-11-4',
  lesson: 11,
  title: 'Live migration\'s share of a converged team',
  answerName: 'ex11_4',
  kind: 'number',
  unit: 'Gbps',
  check: numberCheck('ex-11-4', {
    unit: 'Gbps',
    expected: () =>
      weightedShare(25, [
        { name: 'LiveMigration', weight: 40, demandGbps: 25 },
        { name: 'Storage', weight: 40, demandGbps: 25 },
        { name: 'VMs', weight: 20, demandGbps: 2 },
      ])[0].gbps,
  }),
});

/** The flows of the lesson's polarization cell: 16 clients, 4 connections each, to one SMB server. */
export function polarizationFlows(): Connection[] {
  const flows: Connection[] = [];
  for (let host = 1; host <= 16; host++) {
    for (const srcPort of ephemeralPorts({ count: 4 })) {
      flows.push({ srcMac: '02:00:00:00:01:01', dstMac: '02:00:00:00:02:01', srcIp: `10.0.1.${host}`, dstIp: '10.0.2.1', protocol: 'tcp', srcPort, dstPort: 445 });
    }
  }
  return flows;
}

const ex11_5 = defineExercise({
  id: 'ex-11-5',
  lesson: 11,
  title: 'Break the polarization',
  answerName: 'ex11_5',
  kind: 'text',
  check: (answer: unknown): CheckResult => {
    const id = 'ex-11-5';
    if (typeof answer !== 'string' || !(CISCO_LOAD_BALANCE as readonly string[]).includes(answer)) {
      return { id, pass: false, message: `${id}: expected one of the port-channel load-balance settings (${CISCO_LOAD_BALANCE.join(', ')}), got ${describe(answer)}` };
    }
    const result = hashPolarization({ flows: polarizationFlows(), tier1Links: 2, tier2Links: 2, tier1LoadBalance: 'src-dst-ip', tier2LoadBalance: answer as CiscoLoadBalance });
    return result.tier2LinksUsed === result.tier2LinksAvailable
      ? { id, pass: true, message: `${id}: correct: with ${answer} at the second tier all ${result.tier2LinksAvailable} links carry traffic` }
      : { id, pass: false, message: `${id}: not yet: with ${answer} at the second tier only ${result.tier2LinksUsed} of ${result.tier2LinksAvailable} links carry traffic` };
  },
});

/** The exercises of lesson 11. */
export const lesson11: Exercise[] = [ex11_1, ex11_2, ex11_3, ex11_4, ex11_5];
