/**
 * The JupyterHub configuration of a classroom: one Python file, `jupyterhub_config.py`, written by
 * `teaming-lab classroom` for Debian's JupyterHub 3 (package `jupyterhub`). It defines the workshop
 * authenticator and the spawner in the file itself, so that the classroom needs no Python package of
 * its own. Pure: this module only builds text.
 */

/** Everything the configuration file fixes. Paths are absolute. */
export interface HubSettings {
  /** Address the hub listens on (the proxy's public side), e.g. `127.0.0.1`. */
  ip: string;
  /** Port participants open in their browser, e.g. 8000. */
  port: number;
  /** Port of the hub's own API behind the proxy (the proxy and servers talk to it). */
  hubPort: number;
  /** Port of the proxy's REST API (the hub configures routes through it). */
  proxyApiPort: number;
  /** The classroom folder: hub database, cookie secret, logs, homes. */
  dir: string;
  /** Folder that holds one home folder per participant, `homesDir/<name>`. */
  homesDir: string;
  /** Released student notebooks copied into each new home (files missing from the home only). */
  releaseDir: string;
  /** Folder whose `share/jupyter/kernels/tslab` is the tslab kernel every participant gets. */
  jupyterDir: string;
  /** File holding the shared workshop password (one line). */
  passwordFile: string;
  /** A roster file (`name` or `name,password` per line), or null to let any valid name in with the workshop password. */
  rosterFile: string | null;
  /** Command that starts configurable-http-proxy, e.g. `[node, .../configurable-http-proxy/bin/configurable-http-proxy]`. */
  proxyCommand: string[];
  /** Command that starts a participant's server, e.g. `['/usr/bin/jupyterhub-singleuser']`. */
  singleuserCommand: string[];
  /** Folder of the `node` the kernels must run (first on PATH: tslab's launcher starts with `env node`). */
  nodeBinDir: string;
  /** True when the hub runs as root: participants' servers then need `--allow-root`. */
  runAsRoot: boolean;
  /** Value of `TEAMING_LAB_CLASSROOM` in every process the hub starts, so `down` can find leftovers. */
  marker: string;
}

/** Participant names the classroom accepts: lowercase letters, digits, `-` and `_`, starting with a letter or digit, 1 to 32 characters. */
export const PARTICIPANT_NAME = /^[a-z0-9][a-z0-9_-]{0,31}$/;
/** Names refused although they match: a home named node_modules would sit on every other home's module path. */
export const RESERVED_PARTICIPANT_NAMES: readonly string[] = ['node_modules', 'root', 'admin', 'hub', 'user'];

/** A value as a Python literal: JSON strings, numbers, lists and objects are valid Python once true/false/null are mapped. */
function py(value: unknown): string {
  if (value === null) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (Array.isArray(value)) return `[${value.map(py).join(', ')}]`;
  if (typeof value === 'object') return `{${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${JSON.stringify(k)}: ${py(v)}`).join(', ')}}`;
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  // JSON string escapes (\", \\, \n, \uXXXX) mean the same in Python.
  return JSON.stringify(value);
}

/**
 * The workshop authenticator in Python, shared by the local hub's configuration and the Zero to JupyterHub
 * configuration in deploy/ (which must hold it verbatim; a test compares them). It needs `hmac`, `re`,
 * `Authenticator` and the names PASSWORD_FILE, ROSTER_FILE (a path or None), NAME_PATTERN and
 * RESERVED_NAMES defined before it.
 */
export const WORKSHOP_AUTHENTICATOR_PY = `def read_password():
    with open(PASSWORD_FILE, encoding='utf-8') as f:
        return f.read().strip()


def read_roster():
    """{name: password or None} from the roster file: 'name' or 'name,password' per line, # comments."""
    roster = {}
    with open(ROSTER_FILE, encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith('#'):
                continue
            name, _, password = line.partition(',')
            roster[name.strip().lower()] = password.strip() or None
    return roster


class WorkshopAuthenticator(Authenticator):
    """A shared workshop password, or a roster of names (each with its own password or the shared one)."""

    async def authenticate(self, handler, data):
        name = self.normalize_username((data or {}).get('username', '').strip())
        password = (data or {}).get('password', '')
        if not NAME_PATTERN.fullmatch(name) or name in RESERVED_NAMES:
            self.log.warning('Refused login: invalid participant name %r', name)
            return None
        expected = read_password()
        if ROSTER_FILE is not None:
            roster = read_roster()
            if name not in roster:
                self.log.warning('Refused login: %s is not on the roster', name)
                return None
            expected = roster[name] or expected
        if not expected or not hmac.compare_digest(password.encode('utf-8'), expected.encode('utf-8')):
            self.log.warning('Refused login for %s: wrong password', name)
            return None
        return name
`;

/**
 * The text of `jupyterhub_config.py` for these settings.
 *
 * - Authenticator: `WorkshopAuthenticator` (defined in the file). With a roster only its names log in,
 *   each with its own password from the roster or else the workshop password; without one, any name that
 *   matches PARTICIPANT_NAME logs in with the workshop password. Passwords are compared in constant time
 *   and re-read from their files at each login, so the instructor can change them without a restart.
 * - Spawner: `WorkshopSpawner`, JupyterHub's local-process spawner without system accounts: each
 *   participant's server runs as the hub's own user in `homesDir/<name>`, which it creates on first login
 *   and fills with the released notebooks it lacks (never overwriting a participant's file).
 * - The tslab kernel comes from `jupyterDir` (JUPYTER_PATH); `teaming-lab` resolves from
 *   `dir/node_modules`, above every home.
 */
export function hubConfig(settings: HubSettings): string {
  const s = settings;
  return `# jupyterhub_config.py for a Teaming Lab classroom. Written by \`teaming-lab classroom\`; edits are
# overwritten on the next \`teaming-lab classroom up\`. Start it with: jupyterhub -f <this file>
import hmac
import os
import re
import shutil

from jupyterhub.auth import Authenticator
from jupyterhub.spawner import SimpleLocalProcessSpawner
from traitlets import Unicode

c = get_config()  # noqa: F821 (JupyterHub provides it)

CLASSROOM_DIR = ${py(s.dir)}
HOMES_DIR = ${py(s.homesDir)}
RELEASE_DIR = ${py(s.releaseDir)}
PASSWORD_FILE = ${py(s.passwordFile)}
ROSTER_FILE = ${py(s.rosterFile)}
NAME_PATTERN = re.compile(${py(PARTICIPANT_NAME.source)})
RESERVED_NAMES = set(${py(RESERVED_PARTICIPANT_NAMES)})


${WORKSHOP_AUTHENTICATOR_PY}
class WorkshopSpawner(SimpleLocalProcessSpawner):
    """Each participant's server in HOMES_DIR/<name>, holding the released notebooks from the first login on."""

    home_dir_template = Unicode(os.path.join(HOMES_DIR, '{username}'), config=True)

    def fill_home(self):
        home = self.home_dir
        if os.path.islink(home):
            raise RuntimeError('home of %s is a symbolic link: %s' % (self.user.name, home))
        os.makedirs(home, 0o755, exist_ok=True)
        for folder, dirs, files in os.walk(RELEASE_DIR):
            dirs[:] = [d for d in dirs if not d.startswith('.')]
            target = os.path.join(home, os.path.relpath(folder, RELEASE_DIR))
            os.makedirs(target, exist_ok=True)
            for name in files:
                if name.startswith('.'):
                    continue
                destination = os.path.join(target, name)
                if not os.path.lexists(destination):
                    shutil.copyfile(os.path.join(folder, name), destination)

    async def start(self):
        self.fill_home()
        return await super().start()


c.JupyterHub.ip = ${py(s.ip)}
c.JupyterHub.port = ${s.port}
c.JupyterHub.hub_ip = '127.0.0.1'
c.JupyterHub.hub_port = ${s.hubPort}
c.JupyterHub.db_url = 'sqlite:///' + os.path.join(CLASSROOM_DIR, 'jupyterhub.sqlite')
c.JupyterHub.cookie_secret_file = os.path.join(CLASSROOM_DIR, 'jupyterhub_cookie_secret')
c.JupyterHub.cleanup_servers = True
c.JupyterHub.cleanup_proxy = True
c.JupyterHub.template_vars = {'announcement_login': 'Teaming Lab workshop: log in with your name and the workshop password.'}

c.ConfigurableHTTPProxy.command = ${py(s.proxyCommand)}
c.ConfigurableHTTPProxy.api_url = 'http://127.0.0.1:${s.proxyApiPort}'
c.ConfigurableHTTPProxy.pid_file = os.path.join(CLASSROOM_DIR, 'proxy.pid')

c.JupyterHub.authenticator_class = WorkshopAuthenticator
c.JupyterHub.spawner_class = WorkshopSpawner
c.Spawner.cmd = ${py(s.singleuserCommand)}
c.Spawner.args = ${py(s.runAsRoot ? ['--allow-root'] : [])}
c.Spawner.default_url = '/tree'
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120
c.Spawner.environment = {
    'JUPYTERHUB_SINGLEUSER_APP': 'notebook.notebookapp.NotebookApp',
    'JUPYTER_PATH': ${py(`${s.jupyterDir}/share/jupyter`)},
    'PATH': ${py(`${s.nodeBinDir}:/usr/local/bin:/usr/bin:/bin`)},
    'PYTHONNOUSERSITE': '1',
    'TEAMING_LAB_CLASSROOM': ${py(s.marker)},
}
`;
}
