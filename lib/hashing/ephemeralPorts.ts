import { InputError } from '../InputError';
import { mulberry32 } from '../packet/prng';

/** Options for `ephemeralPorts` and `ephemeralPortAllocator`. */
export interface EphemeralPortsOptions {
  /** How many source ports to hand out, an integer 0 to 65536 (`ephemeralPorts` only). */
  count: number;
  /** Lowest port of the dynamic range. Default 49152 (the Windows Vista / Server 2008 and later range). */
  first?: number;
  /** Highest port of the dynamic range. Default 65535. */
  last?: number;
  /** The port the next connection will get, within `first..last`. Default `first`. */
  next?: number;
  /**
   * Other connections the host opens between two of ours, on average (a number from 0 to 1000). Each
   * takes the next port, so ours skip it. 0 (default): our connections get consecutive ports, the
   * model's old assumption, true only on an otherwise idle host. Above 0: the number of ports skipped
   * after each of ours is geometric with this mean (other connections interleave at a steady rate),
   * drawn from `seed`.
   */
  otherConnectionsPerConnection?: number;
  /** Seed of the skips when `otherConnectionsPerConnection` is above 0, an integer. Default 1. */
  seed?: number;
}

/** Most other connections per connection accepted: far more than any host, and keeps the skip loop short. */
export const MAX_OTHER_CONNECTIONS_PER_CONNECTION = 1000;

/**
 * The source ports a run of new outbound connections gets, in order. Windows hands out dynamic ports
 * from 49152 to 65535 by default and wraps from `last` back to `first`. The range is Microsoft's
 * documented default; which port a connection gets also depends on what else the host opens meanwhile,
 * so the model takes a starting point (`next`) and a rate of other connections
 * (`otherConnectionsPerConnection`, default 0: consecutive ports) as parameters.
 *
 * @example ephemeralPorts({ count: 3, next: 65534 }) // => [65534, 65535, 49152]
 * @throws InputError for a count, range, starting point, rate or seed out of bounds.
 */
export function ephemeralPorts(options: EphemeralPortsOptions): number[] {
  const { count } = options;
  const allocator = ephemeralPortAllocator(options);
  if (!Number.isInteger(count) || count < 0 || count > 65536) {
    throw new InputError('count', count, 'an integer from 0 to 65536');
  }
  const ports: number[] = [];
  for (let i = 0; i < count; i++) ports.push(allocator());
  return ports;
}

/**
 * A host's port allocator: each call returns the port of the host's next connection of ours, as
 * `ephemeralPorts` describes (its `count` is not used). Stateful; one per host per run.
 *
 * @throws InputError for a range, starting point, rate or seed out of bounds.
 */
export function ephemeralPortAllocator(options: Omit<EphemeralPortsOptions, 'count'>): () => number {
  const { first = 49152, last = 65535, otherConnectionsPerConnection: rate = 0, seed = 1 } = options;
  if (!Number.isInteger(first) || first < 0 || first > 65535) {
    throw new InputError('first', first, 'an integer port from 0 to 65535');
  }
  if (!Number.isInteger(last) || last < first || last > 65535) {
    throw new InputError('last', last, `an integer port from first (${first}) to 65535`);
  }
  const start = options.next === undefined ? first : options.next;
  if (!Number.isInteger(start) || start < first || start > last) {
    throw new InputError('next', start, `an integer port from ${first} to ${last}`);
  }
  if (typeof rate !== 'number' || !Number.isFinite(rate) || rate < 0 || rate > MAX_OTHER_CONNECTIONS_PER_CONNECTION) {
    throw new InputError('otherConnectionsPerConnection', rate, `a number from 0 to ${MAX_OTHER_CONNECTIONS_PER_CONNECTION}`);
  }
  if (!Number.isSafeInteger(seed)) throw new InputError('seed', seed, 'an integer');
  const size = last - first + 1;
  const random = rate > 0 ? mulberry32(seed) : undefined;
  // Ports skipped after one of ours: geometric on 0, 1, 2, ... with mean `rate`, P(k) = (1 - q) q^k.
  const q = rate / (1 + rate);
  let offset = start - first;
  return () => {
    const port = first + offset;
    let skip = 0;
    if (random !== undefined) skip = Math.floor(Math.log(1 - random()) / Math.log(q));
    offset = (offset + 1 + (skip % size)) % size;
    return port;
  };
}
