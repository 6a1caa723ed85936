import { checkNumber, checkOneOf } from '../fieldChecks';
import { MAX_OTHER_CONNECTIONS_PER_CONNECTION, WINDOWS_ADDRESS_HASH_STAND_INS } from '../hashing';
import type { WindowsAddressHashStandIn } from '../hashing';
import { mixSeed } from '../hashing/hostRssKey';

/**
 * One draw of the things a real lab does not control: each host's RSS key, each host's first ephemeral
 * port, the setup-time jitter and the other connections' port skips. A scenario plus a draw is one
 * possible run of the article's lab; an ensemble runs many draws (`runEnsemble`).
 */
export interface Draw {
  /** Which draw of the ensemble, from 0. */
  index: number;
  /** The scenario seed of this draw: it draws the hosts' RSS keys, the setup jitter and the port skips. */
  seed: number;
  /**
   * True (default): each host's first ephemeral port is drawn uniformly from 49152 to 65535 (a host has
   * opened an unknown number of connections since it started); false keeps the scenario's.
   */
  drawFirstPort: boolean;
  /** The stand-in hash every team uses in this draw, replacing the team's own. Absent: each team's own. */
  addressHash?: WindowsAddressHashStandIn;
  /** Other connections each host opens between two of live migration's (`HostInput.otherConnectionsPerConnection`). Absent: each host's own. */
  otherConnectionsPerConnection?: number;
}

/** Options of `makeDraw`: what every draw of an ensemble shares. */
export interface DrawOptions {
  /** Seed of the ensemble, an integer: draw k's seed is mixed from it and k. Default 1. */
  seed?: number;
  /** See `Draw.drawFirstPort`. Default true. */
  drawFirstPort?: boolean;
  /** See `Draw.addressHash`. Default: each team's own stand-in (`toeplitz` with the host's key unless set). */
  addressHash?: WindowsAddressHashStandIn;
  /** See `Draw.otherConnectionsPerConnection`, 0 to 1000. Default: each host's own (0 unless set). */
  otherConnectionsPerConnection?: number;
}

/**
 * Draw number `index` of an ensemble: its seed is mixed from the ensemble's seed and the index, so draws
 * are reproducible and unrelated to each other.
 *
 * @throws InputError naming the field for a negative or fractional index, a seed that is not an integer,
 *   an unknown stand-in or a rate outside 0..1000.
 */
export function makeDraw(index: number, options: DrawOptions = {}): Draw {
  checkNumber(index, 'index', { integer: true, min: 0 });
  const seed = checkNumber(options.seed ?? 1, 'seed', { integer: true });
  const draw: Draw = { index, seed: mixSeed(seed, index), drawFirstPort: options.drawFirstPort !== false };
  if (options.addressHash !== undefined) draw.addressHash = checkOneOf(options.addressHash, 'addressHash', WINDOWS_ADDRESS_HASH_STAND_INS);
  if (options.otherConnectionsPerConnection !== undefined) {
    draw.otherConnectionsPerConnection = checkNumber(options.otherConnectionsPerConnection, 'otherConnectionsPerConnection', {
      min: 0,
      max: MAX_OTHER_CONNECTIONS_PER_CONNECTION,
    });
  }
  return draw;
}
