import { describe, expect, it } from 'vitest';
import { articleScenario, runScenario } from '../../../lib/experiments';
import { memberRatesFigure } from '../../../lib/figures';
import { InputError } from '../../../lib/InputError';

describe('memberRatesFigure(simulation, options)', () => {
  // The article's lab: HV1 sends four VMs to HV2 over two members each.
  const simulation = runScenario(articleScenario());

  it('draws one line per member of each host asked for, in the direction asked for', () => {
    // Because HV1 has two members (NIC1, NIC2) and only its send rates were asked for.
    const figure = memberRatesFigure(simulation, { hosts: ['HV1'], direction: 'send' });
    expect(figure.data.map((trace) => trace.name)).toEqual(['HV1 NIC1 send', 'HV1 NIC2 send']);
  });

  it('picks each host\'s busier direction by default: HV1 sends, HV2 receives', () => {
    // Because in a drain from HV1 to HV2 HV1 only sends and HV2 only receives.
    const figure = memberRatesFigure(simulation);
    expect(figure.data.map((trace) => trace.name)).toEqual(['HV1 NIC1 send', 'HV1 NIC2 send', 'HV2 NIC1 receive', 'HV2 NIC2 receive']);
  });

  it('refuses a host that is not in the simulation and an unknown direction with InputError', () => {
    // Because both used to give an empty figure without a word (a typo such as `hv1` drew nothing).
    const fieldOf = (action: () => unknown) => {
      try {
        action();
      } catch (error) {
        expect(error).toBeInstanceOf(InputError);
        return (error as InputError).field;
      }
      return 'nothing thrown';
    };
    expect(fieldOf(() => memberRatesFigure(simulation, { hosts: ['HV1', 'hv2'] }))).toBe('hosts[1]');
    expect(fieldOf(() => memberRatesFigure(simulation, { direction: 'both' as never }))).toBe('direction');
  });
});
