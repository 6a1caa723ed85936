import { describe, expect, it } from 'vitest';
import { dynamicMode, experiments } from '../../../lib/experiments';
import { InputError } from '../../../lib/InputError';

// The dynamic-mode experiment: under Dynamic, one live migration stays on one member (it is one flow, and
// alone it has nothing to be balanced against), several spread over every member.

describe('dynamicMode.run(options)', () => {
  it('holds with its defaults: 1 VM on 1 member without moves, 6 VMs on all 4 members', () => {
    const result = dynamicMode.run();
    expect(result.id).toBe('dynamic-mode');
    expect(result.holds).toBe(true);
    expect(result.measured).toMatchObject({ members: 4, vms: 6, oneVmSendMembers: 1, oneVmMoves: 0, severalVmsSendMembers: 4 });
    // Switch Independent Dynamic receives per vSwitch port (like Hyper-V Port): one member of HV2, so the
    // sending side cannot beat one member's 10 Gbps in total either.
    expect(result.measured.severalVmsReceiveMembers).toBe(1);
    expect(result.measured.severalVmsPeakSendGbps).toBeCloseTo(10, 9);
    // Address Hash leaves members idle with these 6 connections; Dynamic needed moves to reach all 4.
    expect(result.measured.addressHashSeveralVmsSendMembers).toBeLessThan(4);
    expect(result.measured.severalVmsMoves).toBeGreaterThan(0);
  });

  it('with LACP the switch spreads the receive side, so the spread sends faster than one member', () => {
    const result = dynamicMode.run({ teamingMode: 'Lacp' });
    expect(result.holds).toBe(true);
    expect(result.measured.severalVmsPeakSendGbps as number).toBeGreaterThan(10);
  });

  it('draws GB sent per member for each algorithm and VM count, and is registered', () => {
    const result = dynamicMode.run({ members: 2, vms: 4 });
    expect(result.figure.data).toHaveLength(4);
    expect(result.figure.data[0].x).toEqual(['NIC1', 'NIC2']);
    expect(result.data).toHaveLength(4);
    expect(experiments['dynamic-mode']).toBe(dynamicMode);
  });

  it('refuses options outside its controls', () => {
    expect(() => dynamicMode.run({ members: 9 })).toThrow(InputError);
    expect(() => dynamicMode.run({ teamingMode: 'Dynamic' })).toThrow(InputError);
  });
});
