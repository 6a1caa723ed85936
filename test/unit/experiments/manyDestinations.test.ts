import { describe, expect, it } from 'vitest';
import { experiments, manyDestinationsScenario } from '../../../lib/experiments';
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

  it('reports the drain\'s setup and GB totals that lesson 3 quotes', () => {
    // Because lesson 3 states the setup and the two totals as computed values: the setup must be the
    // scenario's own, and each total the sum of the per-member GB the figure draws.
    const r = experiments['finding-2'].run();
    const scenario = manyDestinationsScenario(8, 4, 'TransportPorts', 'per-host-pair');
    expect([r.measured.memoryGiB, r.measured.dirtyMBps, r.measured.memberGbps, r.measured.simultaneous])
      .toEqual([scenario.migrations[0].memoryGiB, scenario.migrations[0].dirtyMBps, scenario.hosts[0].team?.members[0].gbps,
        scenario.liveMigration?.simultaneous]);
    const data = r.data as { sentGB: Record<string, number>; hyperVPortSentGB: Record<string, number> };
    const sum = (record: Record<string, number>) => Object.values(record).reduce((a, b) => a + b, 0);
    expect(r.measured.totalSentGB).toBeCloseTo(sum(data.sentGB), 9);
    expect(r.measured.hyperVPortTotalSentGB).toBeCloseTo(sum(data.hyperVPortSentGB), 9);
    // Under Hyper-V Port every migration shares one member, so each resends more dirty memory.
    expect(r.measured.hyperVPortTotalSentGB as number).toBeGreaterThan(r.measured.totalSentGB as number);
  });
});

