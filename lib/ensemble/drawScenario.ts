import { mixSeed } from '../hashing/hostRssKey';
import { mulberry32 } from '../packet/prng';
import type { ScenarioInput } from '../scenario';
import type { Draw } from './Draw';

/** The dynamic port range every draw's first port comes from (Windows' default). */
const FIRST_PORT = 49152;
const PORT_COUNT = 65536 - FIRST_PORT;

/**
 * The scenario as it runs in one draw: the draw's seed (so each host's RSS key, the setup jitter and the
 * port skips are drawn from it), each host's first ephemeral port drawn uniformly (when
 * `draw.drawFirstPort`), and the draw's stand-in hash and port-skip rate, when it sets them, on every
 * host. A team's explicit `rssKey` is kept (it is a fixed key, not a draw). The input is not changed.
 * Without a draw the scenario is returned as it is.
 */
export function drawScenario(input: ScenarioInput, draw?: Draw): ScenarioInput {
  if (draw === undefined) return input;
  const hosts = input.hosts.map((host, h) => {
    const drawn = { ...host };
    if (draw.drawFirstPort) drawn.nextEphemeralPort = FIRST_PORT + Math.floor(mulberry32(mixSeed(draw.seed, 0x10000 + h))() * PORT_COUNT);
    if (draw.otherConnectionsPerConnection !== undefined) drawn.otherConnectionsPerConnection = draw.otherConnectionsPerConnection;
    if (draw.addressHash !== undefined && host.team !== undefined) drawn.team = { ...host.team, addressHash: draw.addressHash };
    return drawn;
  });
  return { ...input, hosts, seed: draw.seed };
}
