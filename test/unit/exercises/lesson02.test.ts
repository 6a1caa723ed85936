import { describe, expect, it } from 'vitest';
import type { Connection } from '../../../lib/Connection';
import { exercises } from '../../../lib/exercises';
import { ephemeralPorts } from '../../../lib/hashing';
import { sendMember, validateTeam } from '../../../lib/teaming';
import { expectRegistered, expectRight, expectWrong } from './exerciseAsserts';

// Lesson 2's exercise checks: each lesson solution must pass and a plausible wrong answer must fail,
// so a learner is never told "correct" for a mistake nor "not yet" for the model's answer.

describe('lesson 2 exercises', () => {
  it('are registered for lesson 2 with ids ex-02-N and answer names ex02_N', () => {
    const ids = expectRegistered(2, ['ex-02-1', 'ex-02-2', 'ex-02-3', 'ex-02-4']);
    for (const id of ids) expect(exercises[id].answerName).toBe(id.replace('ex-', 'ex').replace('-', '_'));
  });

  it('ex-02-1: four uploads reach a Switch Independent Address Hash team on one member', () => {
    // Because peers resolve the team IP to the primary member's MAC, all inbound traffic lands there.
    expectRight('ex-02-1', 1);
    expectWrong('ex-02-1', 2, 4, undefined);
  });

  it('ex-02-2: the switch picks the receive member of an Lacp team', () => {
    // Because in switch-dependent modes the port channel's own hash spreads frames towards the team.
    expectRight('ex-02-2', 'switch', ' Switch ');
    expectWrong('ex-02-2', 'team', 'sender', 3);
  });

  it('ex-02-3: NIC2 becomes primary when NIC1 fails and NIC3 is standby', () => {
    // Because the primary is the first active (non-standby) member that is up, in binding order.
    expectRight('ex-02-3', 'NIC2');
    expectWrong('ex-02-3', 'NIC3', 'NIC1');
  });

  it('ex-02-4: accepts exactly the source ports the team sends on NIC2', () => {
    // The check must agree with sendMember for every port: find one port on each member and try both.
    const team = validateTeam({
      teamingMode: 'Lacp',
      loadBalancingAlgorithm: 'TransportPorts',
      members: [{ name: 'NIC1', gbps: 10 }, { name: 'NIC2', gbps: 10 }],
    });
    const conn = (srcPort: number): Connection => ({
      srcMac: '02:00:00:00:01:01', dstMac: '02:00:00:00:02:01',
      srcIp: '10.10.10.1', dstIp: '10.10.10.2', protocol: 'tcp', srcPort, dstPort: 6600,
    });
    const ports = ephemeralPorts({ count: 64 });
    const onNic2 = ports.find((p) => sendMember(team, conn(p)) === 1);
    const onNic1 = ports.find((p) => sendMember(team, conn(p)) === 0);
    expect(onNic2).toBeDefined();
    expect(onNic1).toBeDefined();
    expectRight('ex-02-4', onNic2);
    expectWrong('ex-02-4', onNic1);
    expectWrong('ex-02-4', 6600); // not an ephemeral port
    expectWrong('ex-02-4', 'NIC2');
  });
});
