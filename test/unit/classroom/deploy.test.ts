import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PARTICIPANT_NAME, RESERVED_PARTICIPANT_NAMES, WORKSHOP_AUTHENTICATOR_PY, hubConfig } from '../../../lib/classroom';

// deploy/ cannot be run here (no docker, no cluster). What can be checked is checked: the Zero to JupyterHub
// values parse as YAML, their authenticator is the local classroom's verbatim and logs people in the same way
// when run with JupyterHub's classes, and the image recipe, the values and the local hub agree on the paths
// and settings they share.

const root = join(__dirname, '..', '..', '..');
const configYaml = join(root, 'deploy', 'z2jh', 'config.yaml');
const dockerfile = readFileSync(join(root, 'deploy', 'singleuser', 'Dockerfile'), 'utf8');
const work = mkdtempSync(join(tmpdir(), 'teaming-lab-deploy-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs Python with the parsed values as `values`. */
function withValues(body: string): { status: number | null; stdout: string; stderr: string } {
  const program = `import json, sys, yaml\nvalues = yaml.safe_load(open(sys.argv[1]))\n${body}`;
  const result = spawnSync('/usr/bin/python3', ['-c', program, configYaml], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('deploy/z2jh/config.yaml', { timeout: 120_000 }, () => {
  const parsed = withValues(`print(json.dumps(values))`);
  const values = JSON.parse(parsed.stdout || '{}');
  const authenticator: string = values.hub?.extraConfig?.['teaming-lab-authenticator'] ?? '';

  it('is valid YAML with the hub, singleuser and cull sections', () => {
    expect(parsed.status, parsed.stderr).toBe(0);
    expect(Object.keys(values).sort()).toEqual(['cull', 'hub', 'singleuser']);
  });

  it("holds the local classroom's authenticator verbatim, with the same name rules", () => {
    expect(authenticator).toContain(WORKSHOP_AUTHENTICATOR_PY);
    expect(authenticator).toContain(`NAME_PATTERN = re.compile(r'${PARTICIPANT_NAME.source}')`);
    expect(authenticator).toContain(`RESERVED_NAMES = set(${JSON.stringify(RESERVED_PARTICIPANT_NAMES)})`);
  });

  it('logs in like the local hub when run with JupyterHub 3 (secret files moved to a temporary folder)', () => {
    writeFileSync(join(work, 'workshop-password'), 'cluster-secret-1\n');
    writeFileSync(join(work, 'roster.csv'), 'ada\nbao,bao-own-password\n');
    const code = authenticator.replaceAll('/etc/teaming-lab', work);
    const body = `
import asyncio
from traitlets.config import Config
c = Config()
ns = {'c': c}
exec(compile(${JSON.stringify(code)}, 'extraConfig', 'exec'), ns)
auth = c.JupyterHub.authenticator_class()
for name, password in [('ada', 'cluster-secret-1'), ('bao', 'bao-own-password'), ('bao', 'cluster-secret-1'), ('chen', 'cluster-secret-1')]:
    print(json.dumps(asyncio.run(auth.authenticate(None, {'username': name, 'password': password}))))
`;
    const result = withValues(body);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout.trim().split('\n').map((line) => JSON.parse(line))).toEqual(['ada', 'bao', null, null]);
  });

  it('agrees with the image recipe and the local hub on the notebooks folder, the home and the server app', () => {
    const release = /workshop release (\S+)/.exec(dockerfile)?.[1];
    expect(release).toBe('/opt/teaming-lab/release');
    expect(values.singleuser.lifecycleHooks.postStart.exec.command.join(' ')).toContain(`cp -rn ${release}/. ${values.singleuser.storage.homeMountPath}/`);
    expect(dockerfile).toContain(`--home ${values.singleuser.storage.homeMountPath}`);
    const app = values.singleuser.extraEnv.JUPYTERHUB_SINGLEUSER_APP;
    expect(dockerfile).toContain(`JUPYTERHUB_SINGLEUSER_APP=${app}`);
    const local = hubConfig({
      ip: '127.0.0.1', port: 1, hubPort: 2, proxyApiPort: 3, dir: '/d', homesDir: '/d/h', releaseDir: '/d/r', jupyterDir: '/d/j',
      passwordFile: '/d/p', rosterFile: null, proxyCommand: [], singleuserCommand: [], nodeBinDir: '/n', runAsRoot: false, marker: '/d',
    });
    expect(local).toContain(`'JUPYTERHUB_SINGLEUSER_APP': '${app}'`);
    expect(local).toContain(`c.Spawner.default_url = '${values.singleuser.defaultUrl}'`);
    // The library sits in node_modules above the homes, in the image as on one machine.
    expect(dockerfile).toMatch(/ln -s \/opt\/teaming-lab\/lib \/home\/node_modules\/teaming-lab/);
  });

  it('builds on a Node the kit supports (engines field of package.json)', () => {
    const engines = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).engines.node as string;
    const required = Number(/(\d+)/.exec(engines)![1]);
    const image = Number(/^FROM node:(\d+)/m.exec(dockerfile)![1]);
    expect(image).toBeGreaterThanOrEqual(required);
  });
});
