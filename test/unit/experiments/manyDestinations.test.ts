import { describe, expect, it } from 'vitest';
import { manyDestinationsScenario } from '../../../lib/experiments';
import { InputError } from '../../../lib/InputError';

describe('manyDestinationsScenario(destinations, members, algorithm, connections)', () => {
  it('builds HV1 plus one host per destination, one VM to each', () => {
    // Because finding 2 needs one stream per destination: 3 destinations are HV2..HV4 at 10.10.10.2..4.
    const scenario = manyDestinationsScenario(3, 4, 'TransportPorts', 'per-vm');
    expect(scenario.hosts.map((h) => h.ip)).toEqual(['10.10.10.1', '10.10.10.2', '10.10.10.3', '10.10.10.4']);
    expect(scenario.migrations.map((m) => m.to)).toEqual(['HV2', 'HV3', 'HV4']);
  });

  it('refuses counts that cannot make hosts, naming the argument', () => {
    // Because NaN or -1 destinations used to give a scenario with no host at all, and 254 destinations
    // would need the address 10.10.10.255.
    const fieldOf = (action: () => unknown) => {
      try {
        action();
      } catch (error) {
        expect(error).toBeInstanceOf(InputError);
        return (error as InputError).field;
      }
      return 'nothing thrown';
    };
    for (const destinations of [NaN, -1, 0, 2.5, 254]) {
      expect(fieldOf(() => manyDestinationsScenario(destinations, 2, 'TransportPorts', 'per-vm'))).toBe('destinations');
    }
    expect(fieldOf(() => manyDestinationsScenario(2, 0, 'TransportPorts', 'per-vm'))).toBe('members');
  });
});
