import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { InputError } from '../InputError';
import { JupyterSetupError, SYSTEM_PYTHON, packageRoot, registerTslabKernel, tslabLauncher } from '../workshop/jupyterKernel';
import { defaultCourseNotebooksDir, releaseStudentNotebooks } from '../workshop/releaseStudentNotebooks';
import { hubConfig } from './hubConfig';
import type { HubSettings } from './hubConfig';
import { readRoster } from './roster';

/** Debian's JupyterHub 3 commands (package `jupyterhub`). */
export const JUPYTERHUB_BIN = '/usr/bin/jupyterhub';
export const SINGLEUSER_BIN = '/usr/bin/jupyterhub-singleuser';

/** Where `classroom up` keeps its state when no `--dir` is given (relative to the working folder). */
export const DEFAULT_CLASSROOM_DIR = '.cache/classroom';
/** The port participants open when no `--port` is given (JupyterHub's own default). */
export const DEFAULT_CLASSROOM_PORT = 8000;

/** Options of `startClassroom`. */
export interface StartClassroomOptions {
  /** The classroom folder (created if missing): configuration, hub database, logs, homes. */
  dir: string;
  /** Port participants open. Default 8000. The hub's API uses port + 1 and the proxy's API port + 2. */
  port?: number;
  /** Address to listen on. Default `127.0.0.1` (this machine only); `0.0.0.0` serves the room's network. */
  ip?: string;
  /** A roster file (`name` or `name,password` per line); absent: any valid name with the workshop password. */
  rosterFile?: string;
  /** Released student notebooks to copy into each home. Default: release the course notebooks into `dir/release`. */
  notebooksDir?: string;
  /** The workshop password. Default: `dir/workshop-password` if it exists, else a new random one saved there. */
  password?: string;
  /** Seconds to wait for the hub to answer. Default 90. */
  startupSeconds?: number;
  /** Only write the configuration; do not start the hub. Default false. */
  configOnly?: boolean;
}

/** What `startClassroom` returns. */
export interface ClassroomInfo {
  /** The address participants open, e.g. `http://127.0.0.1:8000/`. */
  url: string;
  /** The configuration file written. */
  configFile: string;
  /** The workshop password, and the file that holds it. */
  password: string;
  passwordFile: string;
  /** Roster names, when a roster is used. */
  roster: string[] | null;
  /** The hub's process id (absent with `configOnly`). */
  pid?: number;
  /** The hub's log file. */
  logFile: string;
  /** The folder of the participants' homes. */
  homesDir: string;
}

/** The classroom folder's files. */
export function classroomPaths(dir: string) {
  const root = resolve(dir);
  return {
    root,
    configFile: join(root, 'jupyterhub_config.py'),
    pidFile: join(root, 'hub.pid'),
    proxyPidFile: join(root, 'proxy.pid'),
    logFile: join(root, 'hub.log'),
    passwordFile: join(root, 'workshop-password'),
    settingsFile: join(root, 'classroom.json'),
    homesDir: join(root, 'homes'),
    releaseDir: join(root, 'release'),
    jupyterDir: join(root, 'jupyter'),
    modulesDir: join(root, 'node_modules'),
  };
}

/** True when a process with this id exists (and may be signalled by us). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readPid(file: string): number | undefined {
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/** Resolves when `port` on `ip` is free, rejects with the reason otherwise. */
function checkPortFree(port: number, ip: string): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, ip, () => server.close(() => resolvePromise()));
  });
}

/** The command that starts configurable-http-proxy from npm (JupyterHub's Debian proxy does not run under this Node). */
export function proxyCommand(root: string = packageRoot()): string[] {
  let manifest: string;
  try {
    const load: NodeRequire = require;
    manifest = load.resolve('configurable-http-proxy/package.json', { paths: [root, process.cwd()] });
  } catch {
    throw new JupyterSetupError('configurable-http-proxy is not installed: run npm install configurable-http-proxy (npm ci in the repository)');
  }
  const bin = (JSON.parse(readFileSync(manifest, 'utf8')) as { bin?: Record<string, string> }).bin?.['configurable-http-proxy'];
  if (bin === undefined) throw new JupyterSetupError(`configurable-http-proxy has no launcher in ${manifest}`);
  return [process.execPath, join(dirname(manifest), bin)];
}

/**
 * Throws a JupyterSetupError naming the Debian packages to install when a piece of the hub is missing.
 *
 * @param commands where to look (defaults: Debian's paths), for tests
 */
export function checkHubInstalled(commands: { jupyterhub?: string; singleuser?: string; python?: string } = {}): void {
  const python = commands.python ?? SYSTEM_PYTHON;
  const missing: string[] = [];
  if (!existsSync(commands.jupyterhub ?? JUPYTERHUB_BIN) || !existsSync(commands.singleuser ?? SINGLEUSER_BIN)) missing.push('jupyterhub');
  if (!existsSync(python) || spawnSync(python, ['-c', 'import notebook.notebookapp'], { stdio: 'ignore' }).status !== 0) missing.push('jupyter-notebook');
  if (missing.length > 0) {
    throw new JupyterSetupError(`Debian packages missing for the classroom hub: ${missing.join(', ')} (install: apt-get install -y ${missing.join(' ')}, or run scripts/ensure-system-deps.sh)`);
  }
}

/** The workshop password: given, else the saved one, else a new random one (saved, readable by the owner only). */
function workshopPassword(file: string, given: string | undefined): string {
  let password = given;
  if (password === undefined && existsSync(file)) password = readFileSync(file, 'utf8').trim();
  if (password === undefined || password === '') {
    const letters = 'abcdefghjkmnpqrstuvwxyz23456789';
    const bytes = randomBytes(12);
    password = Array.from(bytes, (b, i) => `${i > 0 && i % 4 === 0 ? '-' : ''}${letters[b % letters.length]}`).join('');
  }
  if (password.length < 8) throw new InputError('workshop password', '(hidden)', 'at least 8 characters (TEAMING_LAB_WORKSHOP_PASSWORD)');
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return password;
}

/** Links `dir/node_modules/teaming-lab` to the package, so every home below `dir` imports it. */
function linkLibrary(modulesDir: string, root: string): void {
  const link = join(modulesDir, 'teaming-lab');
  mkdirSync(modulesDir, { recursive: true });
  try {
    if (readlinkSync(link) === root) return;
  } catch {
    // Missing or not a link: (re)made below.
  }
  rmSync(link, { recursive: true, force: true });
  symlinkSync(root, link, 'dir');
}

/**
 * Writes the classroom's JupyterHub configuration and, unless `configOnly`, starts Debian's JupyterHub
 * with it in the background (its own process group, output in `dir/hub.log`), then waits until the hub
 * answers. The released notebooks, the tslab kernel and a link to the library are set up in `dir` first.
 *
 * @throws InputError for a bad option, a taken port, a bad roster or a classroom already running in `dir`;
 * JupyterSetupError when JupyterHub, Jupyter Notebook, configurable-http-proxy, tslab or the built library
 * is missing, or the hub does not start (with the end of its log).
 */
export async function startClassroom(options: StartClassroomOptions): Promise<ClassroomInfo> {
  const port = options.port ?? DEFAULT_CLASSROOM_PORT;
  const ip = options.ip ?? '127.0.0.1';
  if (!Number.isInteger(port) || port < 1 || port > 65533) throw new InputError('--port', port, 'a port from 1 to 65533 (the hub also uses the next two)');
  const paths = classroomPaths(options.dir);
  const running = readPid(paths.pidFile);
  if (running !== undefined && alive(running)) {
    throw new InputError('--dir', options.dir, `a folder with no running classroom (hub process ${running} runs from it: teaming-lab classroom down --dir ${options.dir})`);
  }
  const roster = options.rosterFile === undefined ? null : readRoster(options.rosterFile);
  if (!options.configOnly) {
    for (const [flag, candidate] of [['--port', port], ['hub API port (--port + 1)', port + 1], ['proxy API port (--port + 2)', port + 2]] as const) {
      try {
        await checkPortFree(candidate, flag === '--port' ? ip : '127.0.0.1');
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? String(error);
        throw new InputError(flag, candidate, `a free port (${code === 'EADDRINUSE' ? 'another program listens on it' : code}; choose another with --port)`);
      }
    }
  }

  checkHubInstalled();
  const root = packageRoot();
  if (!existsSync(join(root, 'dist', 'index.js'))) throw new JupyterSetupError(`the teaming-lab library is not built (${join(root, 'dist')}): run npm run build`);
  const proxy = proxyCommand(root);
  const launcher = tslabLauncher(root);

  mkdirSync(paths.homesDir, { recursive: true });
  let releaseDir = paths.releaseDir;
  if (options.notebooksDir !== undefined) {
    releaseDir = resolve(options.notebooksDir);
    if (!existsSync(releaseDir) || !statSync(releaseDir).isDirectory() || !readdirSync(releaseDir).some((name) => name.endsWith('.ipynb'))) {
      throw new InputError('--notebooks', options.notebooksDir, 'a folder of released student notebooks (teaming-lab workshop release OUT_DIR)');
    }
  } else {
    releaseStudentNotebooks({ outDir: paths.releaseDir, fromDir: defaultCourseNotebooksDir(), force: true });
  }
  registerTslabKernel(paths.jupyterDir, { launcher });
  linkLibrary(paths.modulesDir, root);
  const password = workshopPassword(paths.passwordFile, options.password);
  const settings: HubSettings = {
    ip,
    port,
    hubPort: port + 1,
    proxyApiPort: port + 2,
    dir: paths.root,
    homesDir: paths.homesDir,
    releaseDir,
    jupyterDir: paths.jupyterDir,
    passwordFile: paths.passwordFile,
    rosterFile: options.rosterFile === undefined ? null : resolve(options.rosterFile),
    proxyCommand: proxy,
    singleuserCommand: [SINGLEUSER_BIN],
    nodeBinDir: dirname(process.execPath),
    runAsRoot: process.getuid?.() === 0,
    marker: paths.root,
  };
  writeFileSync(paths.configFile, hubConfig(settings));
  writeFileSync(paths.settingsFile, `${JSON.stringify({ ip, port, hubPort: port + 1, proxyApiPort: port + 2 }, null, 2)}\n`);
  const host = ip === '0.0.0.0' ? '127.0.0.1' : ip;
  const info: ClassroomInfo = {
    url: `http://${host}:${port}/`,
    configFile: paths.configFile,
    password,
    passwordFile: paths.passwordFile,
    roster: roster === null ? null : roster.map((entry) => entry.name),
    logFile: paths.logFile,
    homesDir: paths.homesDir,
  };
  if (options.configOnly) return info;

  const log = openSync(paths.logFile, 'a');
  const child = spawn(JUPYTERHUB_BIN, ['-f', paths.configFile], {
    cwd: paths.root,
    detached: true,
    stdio: ['ignore', log, log],
    env: { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH ?? '/usr/bin:/bin'}`, PYTHONNOUSERSITE: '1', TEAMING_LAB_CLASSROOM: paths.root },
  });
  closeSync(log);
  const pid = child.pid;
  if (pid === undefined) throw new JupyterSetupError(`${JUPYTERHUB_BIN} did not start`);
  writeFileSync(paths.pidFile, `${pid}\n`);
  let exited: number | null | undefined;
  child.on('exit', (code) => (exited = code));
  child.unref();

  const deadline = Date.now() + (options.startupSeconds ?? 90) * 1000;
  for (;;) {
    if (exited !== undefined) {
      rmSync(paths.pidFile, { force: true });
      throw new JupyterSetupError(`JupyterHub exited during startup (exit ${exited}); the end of ${paths.logFile}: ${logTail(paths.logFile)}`);
    }
    try {
      const response = await fetch(`http://${host}:${port}/hub/api/`);
      if (response.ok) break;
    } catch {
      // Not answering yet.
    }
    if (Date.now() > deadline) {
      await stopClassroom(options.dir);
      throw new JupyterSetupError(`JupyterHub did not answer on ${info.url} within ${options.startupSeconds ?? 90} s; the end of ${paths.logFile}: ${logTail(paths.logFile)}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return { ...info, pid };
}

/** The last error-looking line of a log (or its last line), for one-line messages. */
function logTail(file: string): string {
  if (!existsSync(file)) return '(no log)';
  const lines = readFileSync(file, 'utf8').trim().split('\n');
  const errors = lines.filter((line) => /error|exception|denied|address already in use/i.test(line));
  return (errors.pop() ?? lines.pop() ?? '').slice(0, 200);
}

/** Processes of this user whose environment carries `TEAMING_LAB_CLASSROOM=marker` (servers, kernels, proxy). */
export function classroomProcesses(marker: string): number[] {
  const found: number[] = [];
  const wanted = `TEAMING_LAB_CLASSROOM=${marker}`;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${entry}/environ`, 'latin1').split('\0').includes(wanted)) found.push(Number(entry));
    } catch {
      // Gone, or not ours to read.
    }
  }
  return found;
}

/** What `stopClassroom` did. */
export interface StopClassroomResult {
  /** The hub's process id, when one was running. */
  hubPid?: number;
  /** Processes left by the hub (servers, kernels, proxy) that had to be ended by `down` itself. */
  leftovers: number[];
}

/**
 * Stops the classroom running from `dir`: SIGTERM to the hub's process group (JupyterHub then stops every
 * participant's server and the proxy), SIGKILL after 30 s; then ends any process the hub left behind
 * (found by the TEAMING_LAB_CLASSROOM marker in its environment). Homes, notebooks and the password stay.
 */
export async function stopClassroom(dir: string, options: { graceSeconds?: number } = {}): Promise<StopClassroomResult> {
  const paths = classroomPaths(dir);
  const hubPid = readPid(paths.pidFile);
  const waitGone = async (pids: () => number[], seconds: number) => {
    const deadline = Date.now() + seconds * 1000;
    while (pids().length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    return pids();
  };
  if (hubPid !== undefined && alive(hubPid)) {
    signal(-hubPid, 'SIGTERM');
    const left = await waitGone(() => (alive(hubPid) ? [hubPid] : []), options.graceSeconds ?? 30);
    if (left.length > 0) signal(-hubPid, 'SIGKILL');
  }
  rmSync(paths.pidFile, { force: true });
  let leftovers = classroomProcesses(paths.root);
  for (const pid of leftovers) signal(pid, 'SIGTERM');
  const stubborn = await waitGone(() => classroomProcesses(paths.root), 10);
  for (const pid of stubborn) signal(pid, 'SIGKILL');
  await waitGone(() => classroomProcesses(paths.root), 5);
  leftovers = [...new Set(leftovers)];
  return { ...(hubPid !== undefined ? { hubPid } : {}), leftovers };
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // Already gone.
  }
}

/** Whether a classroom runs from `dir`, with its address. */
export function classroomStatus(dir: string): { running: boolean; pid?: number; url?: string; homes: string[] } {
  const paths = classroomPaths(dir);
  const pid = readPid(paths.pidFile);
  const running = pid !== undefined && alive(pid);
  let url: string | undefined;
  if (existsSync(paths.settingsFile)) {
    const settings = JSON.parse(readFileSync(paths.settingsFile, 'utf8')) as { ip: string; port: number };
    url = `http://${settings.ip === '0.0.0.0' ? '127.0.0.1' : settings.ip}:${settings.port}/`;
  }
  const homes = existsSync(paths.homesDir) ? readdirSync(paths.homesDir).filter((name) => !name.startsWith('.')).sort() : [];
  return { running, ...(running ? { pid } : {}), ...(url ? { url } : {}), homes };
}
