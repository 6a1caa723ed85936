import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkHubInstalled, hubConfig, parseRoster, startClassroom } from '../../../lib/classroom';
import type { HubSettings } from '../../../lib/classroom';
import { runCli } from '../../../lib/cli';
import { InputError } from '../../../lib/InputError';
import { JupyterSetupError } from '../../../lib/workshop';
import { memoryIo } from '../cli/memoryIo';

// The classroom's JupyterHub configuration is Python that JupyterHub executes: these tests run it in Debian's
// Python with JupyterHub's own classes (the jupyterhub package), calling the authenticator the way the hub's
// login handler does and starting the spawner's home set-up, so a login rule or a path that is wrong fails
// here, not in front of a class.

const dir = mkdtempSync(join(tmpdir(), 'teaming-lab-hubconfig-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function settings(overrides: Partial<HubSettings> = {}): HubSettings {
  return {
    ip: '127.0.0.1',
    port: 18000,
    hubPort: 18001,
    proxyApiPort: 18002,
    dir,
    homesDir: join(dir, 'homes'),
    releaseDir: join(dir, 'release'),
    jupyterDir: join(dir, 'jupyter'),
    passwordFile: join(dir, 'workshop-password'),
    rosterFile: null,
    proxyCommand: ['/usr/bin/node', '/x/configurable-http-proxy'],
    singleuserCommand: ['/usr/bin/jupyterhub-singleuser'],
    nodeBinDir: '/usr/bin',
    runAsRoot: false,
    marker: dir,
    ...overrides,
  };
}

/** Loads the config with traitlets as JupyterHub does, then runs `body` (Python) with `c` and the file's names. */
function runConfig(config: string, body: string): { status: number | null; stdout: string; stderr: string } {
  const file = join(dir, `config-${Math.random().toString(36).slice(2)}.py`);
  writeFileSync(file, config);
  const program = `
import asyncio, json, sys
from traitlets.config import Config
ns = {'get_config': lambda: c, '__file__': sys.argv[1]}
c = Config()
exec(compile(open(sys.argv[1]).read(), sys.argv[1], 'exec'), ns)
${body}
`;
  const result = spawnSync('/usr/bin/python3', ['-c', program, file], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The user name the hub would log in for each (name, password) attempt, or null when refused. */
function logins(config: string, attempts: Array<[string, string]>): Array<string | null> {
  const body = `
auth = ns['WorkshopAuthenticator']()
for name, password in json.loads(${JSON.stringify(JSON.stringify(attempts))}):
    print(json.dumps(asyncio.run(auth.authenticate(None, {'username': name, 'password': password}))))
`;
  const result = runConfig(config, body);
  expect(result.status, result.stderr).toBe(0);
  return result.stdout.trim().split('\n').map((line) => JSON.parse(line));
}

describe('hubConfig: the authenticator', { timeout: 120_000 }, () => {
  writeFileSync(join(dir, 'workshop-password'), 'shared-secret-1\n');

  it('lets any valid name in with the workshop password, and nobody without it', () => {
    expect(
      logins(hubConfig(settings()), [
        ['ada', 'shared-secret-1'],
        ['Ada', 'shared-secret-1'],
        ['ada', 'shared-secret-2'],
        ['ada', ''],
        ['../etc', 'shared-secret-1'],
        ['node_modules', 'shared-secret-1'],
        ['a'.repeat(33), 'shared-secret-1'],
        ['', 'shared-secret-1'],
      ]),
    ).toEqual(['ada', 'ada', null, null, null, null, null, null]);
  });

  it('with a roster, lets in only its names, each with their own password or the workshop one', () => {
    const roster = join(dir, 'roster.csv');
    writeFileSync(roster, '# workshop\nada\nbao,bao-own-password\n');
    expect(
      logins(hubConfig(settings({ rosterFile: roster })), [
        ['ada', 'shared-secret-1'],
        ['bao', 'bao-own-password'],
        ['bao', 'shared-secret-1'],
        ['chen', 'shared-secret-1'],
      ]),
    ).toEqual(['ada', 'bao', null, null]);
  });

  it('reads the password at each login, so the instructor can change it without a restart', () => {
    const config = hubConfig(settings());
    writeFileSync(join(dir, 'workshop-password'), 'changed-secret\n');
    expect(logins(config, [['ada', 'shared-secret-1'], ['ada', 'changed-secret']])).toEqual([null, 'ada']);
    writeFileSync(join(dir, 'workshop-password'), 'shared-secret-1\n');
  });
});

describe('hubConfig: the spawner and the hub settings', { timeout: 120_000 }, () => {
  it('fills a new home with the released notebooks, and never overwrites what a participant saved', () => {
    mkdirSync(join(dir, 'release', 'extra'), { recursive: true });
    writeFileSync(join(dir, 'release', '02-lesson.ipynb'), 'released 2');
    writeFileSync(join(dir, 'release', 'extra', '06-lesson.ipynb'), 'released 6');
    const body = `
from unittest import mock
spawner = ns['WorkshopSpawner'](user=mock.Mock(name='user'))
spawner.user.name = 'ada'
spawner.fill_home()
open(spawner.home_dir + '/02-lesson.ipynb', 'w').write('ada saved')
spawner.fill_home()
print(spawner.home_dir)
`;
    const result = runConfig(hubConfig(settings()), body);
    expect(result.status, result.stderr).toBe(0);
    const home = result.stdout.trim();
    expect(home).toBe(join(dir, 'homes', 'ada'));
    expect(readFileSync(join(home, '02-lesson.ipynb'), 'utf8')).toBe('ada saved');
    expect(readFileSync(join(home, 'extra', '06-lesson.ipynb'), 'utf8')).toBe('released 6');
  });

  it('sets the ports, the proxy from npm, the kernel path and --allow-root only as root', () => {
    const body = `
print(json.dumps({'port': c.JupyterHub.port, 'hub_port': c.JupyterHub.hub_port, 'api': c.ConfigurableHTTPProxy.api_url,
  'proxy': c.ConfigurableHTTPProxy.command, 'args': c.Spawner.args, 'env': c.Spawner.environment}))
`;
    const asUser = runConfig(hubConfig(settings()), body);
    expect(asUser.status, asUser.stderr).toBe(0);
    const values = JSON.parse(asUser.stdout);
    expect(values).toMatchObject({ port: 18000, hub_port: 18001, api: 'http://127.0.0.1:18002', proxy: ['/usr/bin/node', '/x/configurable-http-proxy'], args: [] });
    expect(values.env.JUPYTER_PATH).toBe(join(dir, 'jupyter', 'share', 'jupyter'));
    expect(values.env.TEAMING_LAB_CLASSROOM).toBe(dir);
    expect(JSON.parse(runConfig(hubConfig(settings({ runAsRoot: true })), body).stdout).args).toEqual(['--allow-root']);
  });

  it('keeps a path with quotes and backslashes intact in the Python text', () => {
    const odd = join(dir, `it's "odd" \\ dir`);
    const result = runConfig(hubConfig(settings({ homesDir: odd })), 'print(ns["HOMES_DIR"])');
    expect(result.stdout.trim()).toBe(odd);
  });
});

describe('parseRoster', () => {
  it('reads names, with or without a password of their own, skipping comments and blank lines', () => {
    expect(parseRoster('# room 1\nAda\n\nbao, bao-password-1\r\n', 'r.csv')).toEqual([
      { name: 'ada', hasOwnPassword: false },
      { name: 'bao', hasOwnPassword: true },
    ]);
  });

  it('names the line of a bad name, a repeated name or a short password, and never shows the password', () => {
    const error = (text: string) => {
      try {
        parseRoster(text, 'r.csv');
      } catch (caught) {
        expect(caught).toBeInstanceOf(InputError);
        return (caught as InputError).message;
      }
      throw new Error('expected an InputError');
    };
    expect(error('ada\nBob Smith\n')).toMatch(/^r\.csv:2: got "bob smith"; expected a name of 1 to 32 lowercase letters/);
    expect(error('ada\nbao\nada\n')).toBe('r.csv:3: got "ada"; expected a name not already on the roster (line 1 has it)');
    expect(error('ada,short\n')).not.toContain('short"');
    expect(error('# nobody\n')).toMatch(/at least one name/);
    expect(error('node_modules\n')).toMatch(/not node_modules/);
  });
});

describe('classroom up: clear errors before anything starts', { timeout: 120_000 }, () => {
  it('exits 2 naming --port when the port is taken', async () => {
    const server: Server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    try {
      const { io, stdout, stderr } = memoryIo();
      expect(await runCli(['classroom', 'up', '--dir', join(dir, 'taken'), '--port', String(port)], io)).toBe(2);
      expect(stdout()).toBe('');
      expect(stderr()).toBe(`teaming-lab: --port: got ${port}; expected a free port (another program listens on it; choose another with --port)\n`);
      // Nothing was written for the classroom that could not start.
      expect(readdirSync(dir)).not.toContain('taken');
    } finally {
      server.close();
    }
  });

  it('down and status say so when nothing runs', async () => {
    const down = memoryIo();
    expect(await runCli(['classroom', 'down', '--dir', join(dir, 'idle')], down.io)).toBe(0);
    expect(down.stdout()).toBe(`No classroom was running from ${join(dir, 'idle')}.\n`);
    const status = memoryIo();
    expect(await runCli(['classroom', 'status', '--dir', join(dir, 'idle')], status.io)).toBe(1);
    expect(status.stdout()).toBe(`Not running (${join(dir, 'idle')}).\nParticipants with a home: none\n`);
  });

  it('names the Debian package to install when JupyterHub or Jupyter Notebook is missing', () => {
    expect(() => checkHubInstalled({ jupyterhub: join(dir, 'no-jupyterhub') })).toThrow(JupyterSetupError);
    expect(() => checkHubInstalled({ jupyterhub: join(dir, 'no-jupyterhub') })).toThrow(/apt-get install -y jupyterhub\b/);
    expect(() => checkHubInstalled({ python: join(dir, 'no-python') })).toThrow(/apt-get install -y jupyter-notebook/);
  });

  it('refuses bad flags, a bad roster and a second classroom in a running folder with exit 2', async () => {
    const bad = async (argv: string[]) => {
      const { io, stderr } = memoryIo();
      expect(await runCli(argv, io), stderr()).toBe(2);
      return stderr();
    };
    expect(await bad(['classroom', 'up', '--port', '80000'])).toMatch(/^teaming-lab: --port: got "80000"; expected a port from 1 to 65533/);
    expect(await bad(['classroom', 'start'])).toMatch(/expected up, down, status or config/);
    expect(await bad(['classroom', 'down', '--port', '8000'])).toMatch(/classroom down options: got "--port"; expected one of --dir/);
    writeFileSync(join(dir, 'bad-roster.csv'), 'Bob Smith\n');
    expect(await bad(['classroom', 'up', '--dir', join(dir, 'r'), '--roster', join(dir, 'bad-roster.csv')])).toMatch(/bad-roster\.csv:1: got "bob smith"/);
    // A folder whose pid file names a live process (this test's own) counts as a running classroom.
    mkdirSync(join(dir, 'busy'));
    writeFileSync(join(dir, 'busy', 'hub.pid'), `${process.pid}\n`);
    await expect(startClassroom({ dir: join(dir, 'busy') })).rejects.toThrow(/--dir: .*a folder with no running classroom/);
  });
});
