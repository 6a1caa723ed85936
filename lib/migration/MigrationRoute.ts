import { InputError } from '../InputError';

/**
 * The member paths a migration's bytes take. A connection pinned to one member has one path (the
 * source member's send link, the target member's receive link); a Linux bond that sprays (balance-rr)
 * or copies (broadcast) gives one path per member, and SMB Multichannel one per connection.
 */
export interface MigrationRoute {
  /** One list of link ids per path; at least one path, each crossing its links at most once. */
  paths: string[][];
  /**
   * `split` (default): a pass's bytes are divided equally over the paths, as round robin spraying
   * divides packets; `copy`: every path carries all the bytes (broadcast), and the pass ends when the
   * slowest copy has arrived.
   */
  spread?: 'split' | 'copy';
}

/** What routing callbacks may look at when they choose members. */
export interface MigrationRouteContext {
  /**
   * How many migration flows are assigned to a link right now: started or waiting to start, not yet
   * ended (a sprayed or copied pass counts once per path). The migration being routed is not counted.
   */
  linkLoad(linkId: string): number;
}

/** A route from a callback as a checked `MigrationRoute` with `spread` filled in. */
export function normalizeRoute(given: string[] | MigrationRoute, field: string): Required<MigrationRoute> {
  if (Array.isArray(given)) {
    if (!given.every((link) => typeof link === 'string')) throw new InputError(field, given, 'an array of link ids or a route { paths, spread }');
    return { paths: [given.slice()], spread: 'split' };
  }
  const ok =
    typeof given === 'object' &&
    given !== null &&
    Array.isArray(given.paths) &&
    given.paths.length > 0 &&
    given.paths.every((path) => Array.isArray(path) && path.every((link) => typeof link === 'string')) &&
    (given.spread === undefined || given.spread === 'split' || given.spread === 'copy');
  if (!ok) throw new InputError(field, given, 'an array of link ids or a route { paths: at least one array of link ids, spread: split or copy }');
  return { paths: given.paths.map((path) => path.slice()), spread: given.spread ?? 'split' };
}

/** True when `given` (a route or a link list, as callbacks return them) normalizes to `route`. */
export function routeMatches(route: Required<MigrationRoute>, given: string[] | MigrationRoute): boolean {
  if (Array.isArray(given)) {
    if (route.spread !== 'split' || route.paths.length !== 1 || route.paths[0].length !== given.length) return false;
    for (let k = 0; k < given.length; k++) if (route.paths[0][k] !== given[k]) return false;
    return true;
  }
  if ((given.spread ?? 'split') !== route.spread || !Array.isArray(given.paths) || given.paths.length !== route.paths.length) return false;
  for (let p = 0; p < route.paths.length; p++) {
    const path = given.paths[p];
    if (!Array.isArray(path) || path.length !== route.paths[p].length) return false;
    for (let k = 0; k < path.length; k++) if (route.paths[p][k] !== path[k]) return false;
  }
  return true;
}

/** Same spread and same paths, link by link. */
export function sameRoute(a: Required<MigrationRoute>, b: Required<MigrationRoute>): boolean {
  if (a.spread !== b.spread || a.paths.length !== b.paths.length) return false;
  for (let p = 0; p < a.paths.length; p++) {
    if (a.paths[p].length !== b.paths[p].length) return false;
    for (let k = 0; k < a.paths[p].length; k++) if (a.paths[p][k] !== b.paths[p][k]) return false;
  }
  return true;
}
