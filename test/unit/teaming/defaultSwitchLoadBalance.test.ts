import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { experiments } from '../../../lib/experiments';
import { articleSetup } from '../../../lib/experiments/articleScenario';
import { planDrainSetup } from '../../../lib/experiments/planDrain';
import { SCENARIO_DEFAULTS } from '../../../lib/scenario';
import { DEFAULT_SWITCH_LOAD_BALANCE, receiveMember } from '../../../lib/teaming';
import { migrationConn, PORTS, team } from './fixtures';

// One default for the switch's port-channel load-balance everywhere. Scenario files, receiveMember,
// bondReceiveMember, `teaming-lab plan` and the experiments must agree, or a scenario file and the experiment
// it mirrors would give different receive members for the same lab (the scenario default was src-dst-ip while
// the experiments and plan used src-dst-port). src-dst-port: Cisco's platform defaults differ, and the
// article's switch spread two hosts' migrations over both receive members, which only a port hash does.

describe('DEFAULT_SWITCH_LOAD_BALANCE', () => {
  it('is src-dst-port, and every place that defaults the switch hash uses it', () => {
    const schema = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'lib', 'schema', 'scenario.schema.json'), 'utf8'));
    expect(DEFAULT_SWITCH_LOAD_BALANCE).toBe('src-dst-port');
    expect(SCENARIO_DEFAULTS.switch.loadBalance).toBe(DEFAULT_SWITCH_LOAD_BALANCE);
    expect(schema.properties.switch.properties.loadBalance.default).toBe(DEFAULT_SWITCH_LOAD_BALANCE);
    expect(articleSetup({}).switchLoadBalance).toBe(DEFAULT_SWITCH_LOAD_BALANCE);
    expect(planDrainSetup({}).switchLoadBalance).toBe(DEFAULT_SWITCH_LOAD_BALANCE);
    let controls = 0;
    for (const experiment of Object.values(experiments)) {
      for (const control of experiment.controls) {
        if (control.name !== 'switchLoadBalance') continue;
        controls++;
        expect(control.default, experiment.id).toBe(DEFAULT_SWITCH_LOAD_BALANCE);
      }
    }
    expect(controls).toBeGreaterThan(0);
  });

  it('is what receiveMember uses when no switch hash is given: with src-dst-port, even source ports to NIC1, odd to NIC2', () => {
    const t = team('Lacp', 'TransportPorts');
    for (const p of PORTS) expect(receiveMember(t, migrationConn(p))).toBe(p % 2);
  });
});
