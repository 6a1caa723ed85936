// Shared by the grading tests: the sandbox tool installed the way a fresh clone gets it (npm test runs
// scripts/ensure-system-deps.sh first; a single test file run may not have), and the CLI run as a user runs it.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../scripts/jupyter-env';

/** Installs bubblewrap through the project's setup script when it is missing; throws when it cannot. */
export function ensureBubblewrap(): void {
  if (existsSync('/usr/bin/bwrap')) return;
  const result = spawnSync('bash', [join(REPO_ROOT, 'scripts', 'ensure-system-deps.sh')], { stdio: 'inherit' });
  if (result.status !== 0 || !existsSync('/usr/bin/bwrap')) throw new Error('bubblewrap is missing and scripts/ensure-system-deps.sh could not install it: apt-get install -y bubblewrap');
}

/** Runs the built CLI (`lib/bin/teaming-lab.js`) in `cwd` and collects its exit code and output. */
export function runTeamingLab(args: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(REPO_ROOT, 'lib', 'bin', 'teaming-lab.js'), ...args], { cwd });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
