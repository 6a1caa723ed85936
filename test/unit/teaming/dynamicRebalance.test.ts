import { describe, expect, it } from 'vitest';
import { dynamicRebalance, leastLoadedMember } from '../../../lib/teaming';
import { team } from './fixtures';
import { inputError } from './inputError';

// The Dynamic algorithm's moves (the model's choice; Microsoft publishes the behaviour, not the rule):
// at a flowlet boundary a flow goes to the least-loaded active member; a periodic rebalance evens out flows.

describe('leastLoadedMember(team, loads, current)', () => {
  it('a lone flow stays where it is, because every member is equally idle', () => {
    expect(leastLoadedMember(team('SwitchIndependent', 'Dynamic', 4), [0, 0, 0, 0], 2)).toBe(2);
  });

  it('goes to the member with the fewest flows; ties go to the first in member order', () => {
    expect(leastLoadedMember(team('SwitchIndependent', 'Dynamic', 4), [2, 1, 0, 0], 0)).toBe(2);
    expect(leastLoadedMember(team('SwitchIndependent', 'Dynamic', 3), [1, 1, 1])).toBe(0);
  });

  it('ignores member speed by default (New-NetLbfoTeam: the algorithms do not consider speed), weighs it on request, and skips members that are down', () => {
    const mixed = team('SwitchIndependent', 'Dynamic', 2, { 0: { gbps: 40 } });
    // By default fewer flows win: 1 flow on the 10 Gbps member beats 2 on the 40 Gbps one.
    expect(leastLoadedMember(mixed, [2, 1], 1)).toBe(1);
    // weighSpeed: 2 flows on 40 Gbps (0.05 per Gbps) beat 1 flow on 10 Gbps (0.1 per Gbps).
    expect(leastLoadedMember(mixed, [2, 1], 1, { weighSpeed: true })).toBe(0);
    // The rebalance follows the same rule: 4 flows on the fast member even out to 2 and 2 by default,
    // and stay 4 : 1 when weighing speed (4/40 < (1 + 1)/10).
    expect(dynamicRebalance(mixed, [0, 0, 0, 0, 1])).toEqual([0, 0, 0, 1, 1]);
    expect(dynamicRebalance(mixed, [0, 0, 0, 0, 1], { weighSpeed: true })).toEqual([0, 0, 0, 0, 1]);
    expect(leastLoadedMember(team('SwitchIndependent', 'Dynamic', 3, { 0: { up: false } }), [0, 3, 1])).toBe(2);
  });

  it('refuses loads of the wrong length', () => {
    inputError(() => leastLoadedMember(team('SwitchIndependent', 'Dynamic', 2), [0]), 'loads');
  });
});

describe('dynamicRebalance(team, members)', () => {
  it('evens out 4 flows on one of 2 members to 2 and 2, moving the last ones', () => {
    expect(dynamicRebalance(team('SwitchIndependent', 'Dynamic', 2), [0, 0, 0, 0])).toEqual([0, 0, 1, 1]);
  });

  it('leaves a balanced spread alone (a move would not lower the imbalance)', () => {
    expect(dynamicRebalance(team('SwitchIndependent', 'Dynamic', 2), [0, 1, 0])).toEqual([0, 1, 0]);
    expect(dynamicRebalance(team('SwitchIndependent', 'Dynamic', 4), [3])).toEqual([3]);
  });

  it('moves flows off a member that is down first', () => {
    // NIC2 (index 1) is down and carries flows 0 and 1; NIC1 has flow 2. Flow 0 goes to the idle NIC3 (index 2),
    // flow 1 then finds NIC1 and NIC3 at one flow each and takes the first, NIC1. 2 and 1 flows: no further
    // move helps ((1 + 1) / 10 is not below 2 / 10).
    expect(dynamicRebalance(team('SwitchIndependent', 'Dynamic', 3, { 1: { up: false } }), [1, 1, 0])).toEqual([2, 0, 0]);
  });

  it('refuses a team with no member up with an InputError, even with no flows to place', () => {
    // Because there is no member to balance over: this used to end in a TypeError (reduce of an empty array).
    const allDown = team('SwitchIndependent', 'Dynamic', 2, { 0: { up: false }, 1: { up: false } });
    inputError(() => dynamicRebalance(allDown, []), 'team.members');
    inputError(() => dynamicRebalance(allDown, [0]), 'team.members');
  });
});
