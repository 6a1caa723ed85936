import { InputError } from '../InputError';

/** Options for `ephemeralPorts`. */
export interface EphemeralPortsOptions {
  /** How many source ports to hand out, an integer 0 to 65536. */
  count: number;
  /** Lowest port of the dynamic range. Default 49152 (the Windows Vista / Server 2008 and later range). */
  first?: number;
  /** Highest port of the dynamic range. Default 65535. */
  last?: number;
  /** The port the next connection will get, within `first..last`. Default `first`. */
  next?: number;
}

/**
 * The source ports a run of new outbound connections gets, in order. Windows hands out dynamic
 * ports from 49152 to 65535 by default; the model takes them one after another and wraps from
 * `last` back to `first`. The range is Microsoft's documented default; strictly sequential
 * allocation is a model assumption, which is why the starting point `next` is a parameter.
 *
 * @example ephemeralPorts({ count: 3, next: 65534 }) // => [65534, 65535, 49152]
 * @throws InputError for a count, range or starting point out of bounds.
 */
export function ephemeralPorts(options: EphemeralPortsOptions): number[] {
  const { count, first = 49152, last = 65535 } = options;
  if (!Number.isInteger(first) || first < 0 || first > 65535) {
    throw new InputError('first', first, 'an integer port from 0 to 65535');
  }
  if (!Number.isInteger(last) || last < first || last > 65535) {
    throw new InputError('last', last, `an integer port from first (${first}) to 65535`);
  }
  const next = options.next === undefined ? first : options.next;
  if (!Number.isInteger(next) || next < first || next > last) {
    throw new InputError('next', next, `an integer port from ${first} to ${last}`);
  }
  if (!Number.isInteger(count) || count < 0 || count > 65536) {
    throw new InputError('count', count, 'an integer from 0 to 65536');
  }
  const size = last - first + 1;
  const ports: number[] = [];
  for (let i = 0; i < count; i++) ports.push(first + ((next - first + i) % size));
  return ports;
}
