import { hostRssKey, MICROSOFT_RSS_KEY, parseHexKey } from '../hashing';
import type { WindowsAddressHashOptions } from '../hashing';
import type { Team } from './Team';

/** Parsed keys by their hex text: a scenario run looks the same few keys up once per connection. */
const parsedKeys = new Map<string, Uint8Array>();

/** The key a team without `rssKey` uses: the first host's key of seed 1. */
let fallbackKey: Uint8Array | undefined;

/**
 * The `windowsAddressHash` options (key and mixing) of a team's stand-in hash, `team.addressHash`:
 * `toeplitz` (default) and `mixed` use the team's own `rssKey`, `toeplitz-test-key` Microsoft's test key.
 *
 * @throws InputError for an `rssKey` that is not hex bytes.
 */
export function teamHashOptions(team: Team): WindowsAddressHashOptions {
  const standIn = team.addressHash ?? 'toeplitz';
  if (standIn === 'toeplitz-test-key') return { key: MICROSOFT_RSS_KEY, mixing: 'toeplitz' };
  return { key: teamKey(team), mixing: standIn === 'mixed' ? 'mixed' : 'toeplitz' };
}

function teamKey(team: Team): Uint8Array {
  if (team.rssKey === undefined) return (fallbackKey ??= hostRssKey(1, 0));
  let key = parsedKeys.get(team.rssKey);
  if (key === undefined) {
    key = parseHexKey(team.rssKey, 'team.rssKey');
    if (parsedKeys.size > 4096) parsedKeys.clear();
    parsedKeys.set(team.rssKey, key);
  }
  return key;
}
