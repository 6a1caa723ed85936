import { spawnSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = join(__dirname, '..', '..', '..', 'lib', 'bin', 'teaming-lab.js');

describe('lib/bin/teaming-lab.js', () => {
  it('runs as a real process: hash prints the hand-computed layer3+4 value as JSON', () => {
    // The package's bin, as `npx teaming-lab` runs it. In a fresh clone it builds dist/ first (tsc), which
    // takes a few seconds and is reported on stderr only, so stdout holds just the JSON.
    // 10.0.0.1:49152 -> 10.0.0.2:445 under layer3+4 is 0x5f5fdfbf (reference sheet, hand-derived), odd: member 1 of 2.
    const run = spawnSync(
      process.execPath,
      [bin, 'hash', '--policy', 'layer3+4', '--members', '2', '--src-ip', '10.0.0.1', '--src-port', '49152', '--dst-ip', '10.0.0.2', '--dst-port', '445', '--json'],
      { encoding: 'utf8', timeout: 170_000 },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ hash: 0x5f5fdfbf, member: 1, memberName: 'NIC2' });
  }, 180_000);

  it('is what `npx teaming-lab` finds after `npm ci`: the workspace links node_modules/.bin/teaming-lab to it', () => {
    // npm links a workspace package's bin from the lock file, so a stale lock (an old bin path) leaves npx
    // with nothing to run even though this file exists. Resolving the link catches that.
    const link = join(__dirname, '..', '..', '..', 'node_modules', '.bin', 'teaming-lab');
    expect(realpathSync(link)).toBe(realpathSync(bin));
  });
});
