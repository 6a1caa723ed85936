// Shared plumbing for running the notebooks in real Jupyter: Debian's Jupyter (/usr/bin/python3), the
// tslab kernel registered per project in .cache/jupyter, the built library, and a Notebook server.
// Used by scripts/notebooks.ts and the notebooks and browser tests. Nothing here installs anything
// except through scripts/ensure-system-deps.sh; every missing piece is an error, never a skip.
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Debian's Python, the one with Jupyter (the `python3` on PATH may be another one). */
export const PYTHON = '/usr/bin/python3';
/** Per-project Jupyter folders (git-ignored): kernelspecs, config, data and runtime files. */
export const JUPYTER_DIR = join(REPO_ROOT, '.cache', 'jupyter');
/** The notebooks folder. */
export const NOTEBOOKS_DIR = join(REPO_ROOT, 'notebooks');
/** The tslab launcher installed at the root. */
export const TSLAB_BIN = join(REPO_ROOT, 'node_modules', '.bin', 'tslab');
/** Name of tslab's TypeScript kernel. */
export const KERNEL_NAME = 'tslab';

/**
 * The environment Jupyter runs with: kernelspecs from .cache/jupyter first, and config, data (notebook
 * trust database) and runtime files there too, so nothing is read from or written to ~/.jupyter. The
 * folder of the running `node` goes first on PATH, because tslab's launcher starts with `env node`.
 */
export function jupyterEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    JUPYTER_PATH: join(JUPYTER_DIR, 'share', 'jupyter'),
    JUPYTER_CONFIG_DIR: join(JUPYTER_DIR, 'config'),
    JUPYTER_DATA_DIR: join(JUPYTER_DIR, 'data'),
    JUPYTER_RUNTIME_DIR: join(JUPYTER_DIR, 'runtime'),
    PATH: `${dirname(process.execPath)}:${process.env.PATH ?? '/usr/bin:/bin'}`,
    PYTHONNOUSERSITE: '1',
    ...extra,
  };
}

/** What is missing for Jupyter (and, with `chromium: true`, for the browser tests), as Debian package names. */
export function missingSystemDeps({ chromium = false }: { chromium?: boolean } = {}): string[] {
  const missing: string[] = [];
  if (!existsSync(PYTHON)) missing.push('python3');
  else {
    for (const [module, pkg] of [
      ['nbclient', 'python3-nbclient'],
      ['ipykernel', 'python3-ipykernel'],
      ['nbconvert', 'jupyter-nbconvert'],
      ['notebook', 'jupyter-notebook'],
    ]) {
      if (spawnSync(PYTHON, ['-c', `import ${module}`], { stdio: 'ignore' }).status !== 0) missing.push(pkg);
    }
  }
  if (chromium && !existsSync('/usr/bin/chromium')) missing.push('chromium');
  return missing;
}

/**
 * Makes sure Debian's Jupyter (and Chromium if asked) is there: runs scripts/ensure-system-deps.sh when
 * something is missing, then throws if it still is.
 */
export function ensureSystemDeps({ chromium = false }: { chromium?: boolean } = {}): void {
  if (missingSystemDeps({ chromium }).length === 0) return;
  const result = spawnSync('bash', [join(REPO_ROOT, 'scripts', 'ensure-system-deps.sh')], { stdio: 'inherit' });
  const still = missingSystemDeps({ chromium });
  if (result.status !== 0 || still.length > 0) {
    throw new Error(
      `Missing system packages: ${still.join(', ') || '(see above)'}. scripts/ensure-system-deps.sh could not install them ` +
        `(exit ${result.status}); run it as root, or: apt-get install -y ${still.join(' ')}`,
    );
  }
}

function newestMtime(dir: string, skip: string[], pattern: RegExp): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (skip.includes(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path, skip, pattern));
    else if (pattern.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** True when lib/dist has no index.js / index.d.ts, or a library source is newer than every built file. */
export function libraryIsStale(): boolean {
  const dist = join(REPO_ROOT, 'lib', 'dist');
  if (!existsSync(join(dist, 'index.js')) || !existsSync(join(dist, 'index.d.ts'))) return true;
  return newestMtime(join(REPO_ROOT, 'lib'), ['dist', 'node_modules'], /\.(ts|json)$/) > newestMtime(dist, [], /\.js$/);
}

/**
 * Builds the library (`npm run build`, or `tsc -p lib/tsconfig.json` before the build script exists)
 * when lib/dist is missing or stale. Throws with the compiler's output when the build fails.
 */
export function ensureLibraryBuilt({ log = console.error }: { log?: (message: string) => void } = {}): boolean {
  if (!libraryIsStale()) return false;
  log('Building the library (lib/dist)...');
  const viaNpm = existsSync(join(REPO_ROOT, 'scripts', 'build-lib.mjs'));
  const [command, args]: [string, string[]] = viaNpm
    ? ['npm', ['run', '--silent', 'build']]
    : [process.execPath, [join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(REPO_ROOT, 'lib', 'tsconfig.json')]];
  const result = spawnSync(command, args, { cwd: REPO_ROOT, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`The library does not build (${[command, ...args].join(' ')}):\n${result.stdout}${result.stderr}`);
  }
  return true;
}

/**
 * Registers tslab's kernels in .cache/jupyter (`tslab install --prefix`), with the launcher's absolute
 * path so Jupyter finds it without node_modules/.bin on PATH. Does nothing when already registered.
 */
export function ensureKernel(): void {
  const kernelJson = join(JUPYTER_DIR, 'share', 'jupyter', 'kernels', KERNEL_NAME, 'kernel.json');
  if (existsSync(kernelJson)) {
    try {
      if (JSON.parse(readFileSync(kernelJson, 'utf8')).argv?.[0] === TSLAB_BIN) return;
    } catch {
      // Re-register below.
    }
  }
  if (!existsSync(TSLAB_BIN)) throw new Error(`tslab is not installed (${TSLAB_BIN}): run npm ci`);
  const result = spawnSync(
    TSLAB_BIN,
    ['install', '--python', PYTHON, '--binary', TSLAB_BIN, '--prefix', JUPYTER_DIR],
    { env: jupyterEnv(), encoding: 'utf8' },
  );
  if (result.status !== 0 || !existsSync(kernelJson)) {
    throw new Error(`tslab install failed (exit ${result.status}):\n${result.stdout}${result.stderr}`);
  }
}

/** Everything a notebook run needs: system packages, the built library, the kernel. */
export function prepareJupyter({ chromium = false, log }: { chromium?: boolean; log?: (message: string) => void } = {}): void {
  ensureSystemDeps({ chromium });
  ensureLibraryBuilt({ log });
  ensureKernel();
}

/** What `executeNotebook` resolves to. */
export interface ExecutedNotebook {
  /** False when a cell raised an error or timed out. */
  ok: boolean;
  /** Jupyter's report of the failure, or null. */
  error: string | null;
  /** Wall time of the run. */
  seconds: number;
  /** nbclient's stderr. */
  stderr: string;
  /** Kernel starts it took: more than 1 when a kernel died before running any cell and was started again. */
  attempts: number;
  /** The executed notebook (nbformat JSON). */
  notebook: {
    cells: Array<{ cell_type: string; id: string; source: string[] | string; metadata?: Record<string, any>; outputs?: Array<Record<string, any>> }>;
    metadata?: Record<string, any>;
  };
}

/** A running Jupyter Notebook server (`startNotebookServer`). */
export interface NotebookServer {
  /** The address to open, token included. */
  url: string;
  /** `http://127.0.0.1:<port>`. */
  baseUrl: string;
  port: number;
  token: string;
  process: ChildProcess;
  /** The server's latest output. */
  log(): string;
  /** Shuts the server and its kernels down; resolves when it has exited. */
  stop(): Promise<{ code: number | null; signal: string | null } | null>;
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

// Runs one notebook with nbclient and writes the executed copy. Prints one JSON line: the outcome.
// A kernel that dies before any cell ran is started again (up to three attempts): Jupyter picks the kernel's
// five ZeroMQ ports as free ports and closes them before the kernel binds them, so two kernels starting at once
// can draw the same port and one dies with EADDRINUSE (seen once in a fresh-clone CI run). Only start-up is
// retried; a kernel that dies while running a cell is a failure of that notebook.
const EXECUTE_PY = `
import json, sys, time
import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError
source, target, timeout, cwd = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
started = time.time()
attempts = 0
while True:
    attempts += 1
    nb = nbformat.read(source, as_version=4)
    client = NotebookClient(nb, kernel_name=${JSON.stringify(KERNEL_NAME)}, timeout=timeout, startup_timeout=120,
                            resources={'metadata': {'path': cwd}})
    outcome = {'ok': True, 'error': None}
    try:
        client.execute()
    except (CellExecutionError, CellTimeoutError) as error:
        outcome = {'ok': False, 'error': str(error)}
    except Exception as error:
        ran = any(cell.get('execution_count') for cell in nb.cells if cell.cell_type == 'code')
        if not ran and attempts < 3:
            print('kernel start failed (attempt %d): %s: %s' % (attempts, type(error).__name__, error), file=sys.stderr)
            time.sleep(1 + attempts)
            continue
        outcome = {'ok': False, 'error': '%s: %s' % (type(error).__name__, error)}
    break
outcome['seconds'] = round(time.time() - started, 1)
outcome['attempts'] = attempts
nbformat.write(nb, target)
print(json.dumps(outcome))
`;

/**
 * Executes a notebook in real Jupyter (nbclient, the tslab kernel), cell by cell with a per-cell
 * timeout, and writes the executed copy to `outputPath`. Resolves to
 * `{ ok, error, seconds, notebook }` (`notebook`: the executed nbformat JSON); `ok` is false when a
 * cell raised an error or timed out, and `error` then holds Jupyter's report.
 */
export function executeNotebook(
  notebookPath: string,
  { outputPath, cellTimeoutSeconds = 120 }: { outputPath?: string; cellTimeoutSeconds?: number } = {},
): Promise<ExecutedNotebook> {
  const target = outputPath ?? join(JUPYTER_DIR, 'executed', basename(notebookPath));
  mkdirSync(dirname(target), { recursive: true });
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON, ['-c', EXECUTE_PY, notebookPath, target, String(cellTimeoutSeconds), dirname(notebookPath)], {
      env: jupyterEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = stdout.trim().split('\n').pop() ?? '';
      let outcome;
      try {
        outcome = JSON.parse(line);
      } catch {
        reject(new Error(`nbclient failed on ${notebookPath} (exit ${code}):\n${stdout}\n${stderr}`));
        return;
      }
      resolve({ ...outcome, notebook: JSON.parse(readFileSync(target, 'utf8')), stderr });
    });
  });
}

/**
 * Starts Debian's Jupyter Notebook (classic, 6.x) on `ip` (default 127.0.0.1) with a token, serving `dir`, and waits
 * until it answers. Resolves to `{ url, baseUrl, port, token, process, stop() }`; `stop()` shuts it
 * down (and its kernels) and resolves when it has exited.
 */
export async function startNotebookServer({
  dir = NOTEBOOKS_DIR,
  port,
  token,
  ip = '127.0.0.1',
  startupSeconds = 90,
  quiet = true,
}: { dir?: string; port?: number; token?: string; ip?: string; startupSeconds?: number; quiet?: boolean } = {}): Promise<NotebookServer> {
  const chosenPort = port ?? (await freePort());
  const chosenToken = token ?? randomBytes(16).toString('hex');
  mkdirSync(join(JUPYTER_DIR, 'config'), { recursive: true });
  const child = spawn(
    PYTHON,
    [
      '-m',
      'notebook',
      '--no-browser',
      `--ip=${ip}`,
      `--port=${chosenPort}`,
      '--port-retries=0',
      `--notebook-dir=${dir}`,
      `--NotebookApp.token=${chosenToken}`,
      '--NotebookApp.open_browser=False',
      // Checkpoints go to .cache, not to .ipynb_checkpoints folders next to the notebooks.
      `--FileCheckpoints.checkpoint_dir=${join(JUPYTER_DIR, 'checkpoints')}`,
      // Containers and CI often run as root, which Jupyter refuses without this flag.
      ...(process.getuid?.() === 0 ? ['--allow-root'] : []),
    ],
    { env: jupyterEnv(), stdio: ['ignore', quiet ? 'pipe' : 'inherit', quiet ? 'pipe' : 'inherit'], detached: true },
  );
  let log = '';
  const keep = (d: Buffer) => (log = (log + d).slice(-200_000)); // the latest output, for error messages
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited: { code: number | null; signal: string | null } | null = null;
  const exitPromise = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve((exited = { code, signal }))),
  );
  const baseUrl = `http://127.0.0.1:${chosenPort}`;
  const deadline = Date.now() + startupSeconds * 1000;
  for (;;) {
    if (exited) throw new Error(`Jupyter Notebook exited during startup (${JSON.stringify(exited)}):\n${log}`);
    try {
      const response = await fetch(`${baseUrl}/api/status?token=${chosenToken}`);
      if (response.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      process.kill(-child.pid!, 'SIGKILL');
      throw new Error(`Jupyter Notebook did not answer on ${baseUrl} within ${startupSeconds} s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const stop = async (): Promise<{ code: number | null; signal: string | null } | null> => {
    if (exited) return exited;
    // Ask the server to shut down its kernels first, then end its process group (our own child).
    try {
      const sessions = (await (await fetch(`${baseUrl}/api/sessions?token=${chosenToken}`)).json()) as Array<{ kernel: { id: string } }>;
      for (const s of sessions) await fetch(`${baseUrl}/api/kernels/${s.kernel.id}?token=${chosenToken}`, { method: 'DELETE' });
    } catch {
      // The process-group signal below still ends the kernels.
    }
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      return exited;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }, 10_000);
    const result = await exitPromise;
    clearTimeout(timer);
    return result;
  };
  return { url: `${baseUrl}/tree?token=${chosenToken}`, baseUrl, port: chosenPort, token: chosenToken, process: child, log: () => log, stop };
}

/**
 * Registers tslab's TypeScript kernel for the current user (Jupyter's user data folder, e.g.
 * ~/.local/share/jupyter/kernels/tslab), so that plain `jupyter notebook` and `jupyter nbconvert --execute`
 * find the `tslab` kernel without any JUPYTER_PATH. The kernelspec starts tslab with this `node` by its
 * absolute path, so it works from a Jupyter started without node on PATH. Returns the kernelspec folder.
 * `env` (default process.env) decides where the user folder is (HOME, JUPYTER_DATA_DIR).
 */
export function registerUserKernel(env: NodeJS.ProcessEnv = process.env): string {
  if (!existsSync(TSLAB_BIN)) throw new Error(`tslab is not installed (${TSLAB_BIN}): run npm ci`);
  const clean: NodeJS.ProcessEnv = { ...env, PATH: `${dirname(process.execPath)}:${env.PATH ?? '/usr/bin:/bin'}` };
  delete clean.JUPYTER_PATH;
  const install = spawnSync(TSLAB_BIN, ['install', '--python', PYTHON, '--binary', TSLAB_BIN, '--user'], { env: clean, encoding: 'utf8' });
  if (install.status !== 0) throw new Error(`tslab install --user failed (exit ${install.status}):\n${install.stdout}${install.stderr}`);
  // Where Jupyter itself (as the user will run it) now finds the kernel.
  const find = 'import json; from jupyter_client.kernelspec import KernelSpecManager; print(json.dumps(KernelSpecManager().find_kernel_specs()))';
  const list = spawnSync(PYTHON, ['-c', find], { env: clean, encoding: 'utf8' });
  if (list.status !== 0) throw new Error(`listing Jupyter's kernels failed (exit ${list.status}):\n${list.stderr}`);
  const dir = (JSON.parse(list.stdout) as Record<string, string>)[KERNEL_NAME];
  if (!dir) throw new Error(`tslab install reported success, but Jupyter lists no "${KERNEL_NAME}" kernel`);
  // Start tslab with this node, not with `env node`.
  const tslabCli = realpathSync(TSLAB_BIN);
  for (const name of [KERNEL_NAME, 'jslab']) {
    const file = join(dirname(dir), name, 'kernel.json');
    if (!existsSync(file)) continue;
    const spec = JSON.parse(readFileSync(file, 'utf8')) as { argv: string[] };
    if (spec.argv[0] === TSLAB_BIN) spec.argv = [process.execPath, tslabCli, ...spec.argv.slice(1)];
    writeFileSync(file, `${JSON.stringify(spec, null, 1)}\n`);
  }
  return dir;
}
