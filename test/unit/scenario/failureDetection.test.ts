import { describe, expect, it } from 'vitest';
import { InputError } from '../../../lib/InputError';
import { simulateScenario, validateScenario } from '../../../lib/scenario';
import type { MemberEventInput, ScenarioInput, ScenarioSimulation } from '../../../lib/scenario';
import { bytesBetween } from './bytesBetween';
import { BOND_MIIMON_S, LACP_TIMEOUT_S, failureDetectionS } from '../../../lib/teaming';
import type { TeamingMode } from '../../../lib/teaming';

// Failure detection. A member failure stops the member's traffic at once, but the team or bond acts only
// when it notices: a carrier loss at once on a Windows team (0 s, UNVERIFIED) or at the next MII poll of a
// Linux bond (miimon, 100 ms by default: bonding.rst); a failure that keeps the carrier up only when LACP
// times out: 3 s with the short timer (three missed 1 s LACPDUs), 90 s with the long one (30 s x 3), as
// AD_SHORT_TIMEOUT_TIME / AD_LONG_TIMEOUT_TIME in drivers/net/bonding/bond_3ad.c. Microsoft's NIC Teaming
// settings page: LBFO runs LACP with the short timer; bonding's lacp_rate defaults to slow. Meanwhile the
// flows hashed to the dead member make no progress; afterwards they move, and only they move.

const GiB = 2 ** 30;

function lab(options: { teamingMode?: TeamingMode; vms?: number; dirtyMBps?: number; events?: MemberEventInput[] } = {}): ScenarioInput {
  const { teamingMode = 'Lacp', vms = 1, dirtyMBps = 0, events = [] } = options;
  const host = (i: number) => ({
    name: `HV${i + 1}`,
    ip: `10.10.10.${i + 1}`,
    team: { teamingMode, loadBalancingAlgorithm: 'TransportPorts' as const, addressHash: 'toeplitz-test-key' as const, members: [{ name: 'NIC1', gbps: 10 }, { name: 'NIC2', gbps: 10 }] },
  });
  return {
    hosts: [host(0), host(1)],
    switch: { loadBalance: 'src-dst-port' },
    liveMigration: { simultaneous: vms },
    migrations: Array.from({ length: vms }, (_, i) => ({ vm: `VM${i + 1}`, from: 'HV1', to: 'HV2', memoryGiB: 8, dirtyMBps })),
    events,
  };
}
const simulate = (input: ScenarioInput) => simulateScenario(validateScenario(input));

const sent = (sim: ScenarioSimulation) => Object.values(sim.result.hosts.HV1.members).reduce((sum, m) => sum + m.sentGB, 0);
const received = (sim: ScenarioSimulation) => Object.values(sim.result.hosts.HV2.members).reduce((sum, m) => sum + m.receivedGB, 0);

describe('failureDetectionS: the sourced defaults', () => {
  const team = { teamingMode: 'Lacp' as const, loadBalancingAlgorithm: 'TransportPorts' as const, members: [{ name: 'NIC1', gbps: 10 }] };
  const bond = { mode: '802.3ad' as const, members: [{ name: 'eth0', gbps: 10 }] };
  it('LACP timeouts are three periodic times: 3 s fast, 90 s slow; a team defaults to fast, a bond to slow', () => {
    expect(LACP_TIMEOUT_S).toEqual({ fast: 3, slow: 90 });
    expect(failureDetectionS({ team }, 'lacp-timeout')).toBe(3);
    expect(failureDetectionS({ bond }, 'lacp-timeout')).toBe(90);
    expect(failureDetectionS({ bond }, 'lacp-timeout', 'fast')).toBe(3);
    expect(failureDetectionS({ team }, 'lacp-timeout', 'slow')).toBe(90);
  });
  it('a carrier loss: 0 s on a team, one miimon interval (100 ms) on a bond', () => {
    expect(failureDetectionS({ team }, 'link-down')).toBe(0);
    expect(failureDetectionS({ bond }, 'link-down')).toBe(BOND_MIIMON_S);
    expect(BOND_MIIMON_S).toBe(0.1);
  });
});

describe('validateScenario: failure detection on member events', () => {
  it('fills in the kind, the timer and the detection time of each failure', () => {
    const events = validateScenario(
      lab({
        events: [
          { atS: 1, host: 'HV1', member: 'NIC1', state: 'failed', failure: 'lacp-timeout' },
          { atS: 2, host: 'HV2', member: 'NIC1', state: 'failed', failure: 'lacp-timeout', lacpTimer: 'slow' },
        ],
      }),
    ).events;
    expect(events).toEqual([
      { atS: 1, host: 'HV1', member: 'NIC1', state: 'failed', failure: 'lacp-timeout', lacpTimer: 'fast', detectionS: 3 },
      { atS: 2, host: 'HV2', member: 'NIC1', state: 'failed', failure: 'lacp-timeout', lacpTimer: 'slow', detectionS: 90 },
    ]);
    const given = validateScenario(lab({ events: [{ atS: 3, host: 'HV1', member: 'NIC2', state: 'failed', failure: 'lacp-timeout', detectionS: 2 }] })).events;
    expect(given[0].detectionS).toBe(2);
  });

  it('names the field, the value and what is allowed for each mistake', () => {
    const fail = (extra: Partial<MemberEventInput>): MemberEventInput => ({ atS: 1, host: 'HV1', member: 'NIC1', state: 'failed', ...extra });
    const cases: Array<[ScenarioInput, string, RegExp]> = [
      [lab({ events: [fail({ failure: 'cable' as never })] }), 'events[0].failure', /one of link-down, lacp-timeout/],
      [lab({ events: [fail({ failure: 'lacp-timeout', lacpTimer: 'short' as never })] }), 'events[0].lacpTimer', /one of fast, slow/],
      [lab({ events: [fail({ lacpTimer: 'fast' })] }), 'events[0].lacpTimer', /only a lacp-timeout failure/],
      [lab({ events: [fail({ detectionS: -1 })] }), 'events[0].detectionS', /0/],
      // Static and Switch Independent teams run no LACP: nothing would ever notice such a failure.
      [lab({ teamingMode: 'Static', events: [fail({ failure: 'lacp-timeout' })] }), 'events[0].failure', /runs no LACP \(teamingMode Static\)/],
      [lab({ teamingMode: 'SwitchIndependent', events: [fail({ failure: 'lacp-timeout' })] }), 'events[0].failure', /runs no LACP/],
      // A restoration has no failure kind, and cannot come before the team noticed the failure (at 4 s).
      [lab({ events: [fail({}), { atS: 2, host: 'HV1', member: 'NIC1', state: 'up', failure: 'link-down' }] }), 'events[1].failure', /only a failure/],
      [lab({ events: [fail({ failure: 'lacp-timeout' }), { atS: 2, host: 'HV1', member: 'NIC1', state: 'up' }] }), 'events[1].atS', /at or after 4 s/],
    ];
    for (const [input, field, allowed] of cases) {
      let error: unknown;
      try {
        validateScenario(input);
      } catch (e) {
        error = e;
      }
      expect(error, field).toBeInstanceOf(InputError);
      expect((error as InputError).field).toBe(field);
      expect((error as InputError).message).toMatch(allowed);
    }
  });
});

describe('simulateScenario: flows stall until the failure is detected', () => {
  // One idle 8 GiB VM: with nothing dirtied, one pass; it runs alone on a 10 Gbps member before and after.
  const base = simulate(lab());
  const member = base.result.migrations[0].connections[0].sendMember;
  const other = member === 'NIC1' ? 'NIC2' : 'NIC1';
  const failAt = (failure: MemberEventInput['failure'], extra: Partial<MemberEventInput> = {}) =>
    simulate(lab({ events: [{ atS: 2, host: 'HV1', member, state: 'failed', failure, ...extra }] }));

  it('link-down on a team: the flow moves at once and the drain takes as long as without the failure', () => {
    const sim = failAt('link-down');
    expect(sim.result.durationS).toBeCloseTo(base.result.durationS, 9);
    expect(sim.result.migrations[0].reroutes).toEqual([{ atS: 2, sendMember: other, receiveMember: sim.result.migrations[0].connections[0].receiveMember }]);
  });

  it('lacp-timeout, fast timer: nothing moves for 3 s, then the flow goes on on the survivor; the drain ends 3 s later', () => {
    const sim = failAt('lacp-timeout');
    expect(sim.result.durationS).toBeCloseTo(base.result.durationS + 3, 9);
    expect(sim.result.migrations[0].reroutes?.[0]).toMatchObject({ atS: 5, sendMember: other });
    for (const link of [`HV1/${member}/send`, `HV1/${other}/send`]) expect(bytesBetween(sim, link, 2, 5)).toBe(0);
    expect(bytesBetween(sim, `HV1/${other}/send`, 5, sim.result.durationS)).toBeGreaterThan(0);
    // Nothing is lost: every byte of memory is sent once and received once.
    expect(sent(sim)).toBeCloseTo((8 * GiB) / 1e9, 6);
    expect(received(sim)).toBeCloseTo(sent(sim), 9);
  });

  it('lacp-timeout, slow timer (or a given detection time): the stall lasts 90 s (or that time)', () => {
    expect(failAt('lacp-timeout', { lacpTimer: 'slow' }).result.durationS).toBeCloseTo(base.result.durationS + 90, 9);
    expect(failAt('lacp-timeout', { detectionS: 2.5 }).result.durationS).toBeCloseTo(base.result.durationS + 2.5, 9);
  });

  it('a member of the receiving host fails silently: the flows the switch sends to it stall too', () => {
    const receive = base.result.migrations[0].connections[0].receiveMember;
    const sim = simulate(lab({ events: [{ atS: 2, host: 'HV2', member: receive, state: 'failed', failure: 'lacp-timeout' }] }));
    expect(sim.result.durationS).toBeCloseTo(base.result.durationS + 3, 9);
    expect(bytesBetween(sim, `HV2/${receive}/receive`, 2, 5)).toBe(0);
  });

  it('only the flows on the failed member stall and move; the others keep their member and their pace', () => {
    // Four VMs spread by the hash; the ones on the other member run on during the 3 s and never move.
    const four = simulate(lab({ vms: 4 }));
    const onFailed = four.result.migrations.filter((m) => m.connections[0].sendMember === member).map((m) => m.vm);
    const onOther = four.result.migrations.filter((m) => m.connections[0].sendMember === other).map((m) => m.vm);
    expect(onFailed.length).toBeGreaterThan(0);
    expect(onOther.length).toBeGreaterThan(0);
    const sim = simulate(lab({ vms: 4, events: [{ atS: 2, host: 'HV1', member, state: 'failed', failure: 'lacp-timeout' }] }));
    for (const m of sim.result.migrations) {
      if (onOther.includes(m.vm)) expect(m.reroutes, m.vm).toBeUndefined();
      else expect(m.reroutes?.[0], m.vm).toMatchObject({ atS: 5, sendMember: other });
    }
    expect(bytesBetween(sim, `HV1/${member}/send`, 2, sim.result.durationS)).toBe(0);
    expect(bytesBetween(sim, `HV1/${other}/send`, 2, 5)).toBeCloseTo(10e9 / 8 * 3, 0);
    expect(received(sim)).toBeCloseTo(sent(sim), 9);
    expect(sent(sim)).toBeCloseTo((4 * 8 * GiB) / 1e9, 6);
  });
});
