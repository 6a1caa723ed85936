import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/*
 * Node-only plumbing for running notebooks in Jupyter with tslab's TypeScript kernel: where the package
 * is, Debian's Python, a private Jupyter environment and the kernel registered in it. The same steps as
 * scripts/jupyter-env.mjs, inside the package so that an installed `teaming-lab` can grade on its own.
 */

/** Debian's Python, the one with Jupyter and nbclient (the `python3` on PATH may be another one). */
export const SYSTEM_PYTHON = '/usr/bin/python3';
/** Name tslab registers its TypeScript kernel under. */
export const TSLAB_KERNEL_NAME = 'tslab';

/** A missing or broken piece of the Jupyter setup (not the user's input): the message says what to install. */
export class JupyterSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JupyterSetupError';
  }
}

/** The folder of the `teaming-lab` package (the nearest package.json named teaming-lab above this file). */
export function packageRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'teaming-lab') return dir;
      } catch {
        // Not a readable manifest: keep looking.
      }
    }
    if (dirname(dir) === dir) throw new JupyterSetupError(`cannot find the teaming-lab package folder above ${from}`);
  }
}

/**
 * The environment Jupyter and the kernels run with: kernelspecs from `jupyterDir/share/jupyter` first, and
 * config, data and runtime files in `jupyterDir` too, so nothing is read from or written to ~/.jupyter.
 * The folder of the running `node` goes first on PATH, because tslab's launcher starts with `env node`.
 */
export function jupyterEnvironment(jupyterDir: string, base: Record<string, string | undefined> = process.env): Record<string, string | undefined> {
  return {
    ...base,
    JUPYTER_PATH: join(jupyterDir, 'share', 'jupyter'),
    JUPYTER_CONFIG_DIR: join(jupyterDir, 'config'),
    JUPYTER_DATA_DIR: join(jupyterDir, 'data'),
    JUPYTER_RUNTIME_DIR: join(jupyterDir, 'runtime'),
    PATH: `${dirname(process.execPath)}:${base.PATH ?? '/usr/bin:/bin'}`,
    PYTHONNOUSERSITE: '1',
  };
}

/** Throws a JupyterSetupError naming the Debian packages to install when `python` cannot run nbclient. */
export function checkPythonJupyter(python: string = SYSTEM_PYTHON): void {
  if (!existsSync(python)) throw new JupyterSetupError(`${python} is missing: install python3 (apt-get install -y python3 python3-nbclient python3-ipykernel)`);
  const probe = spawnSync(python, ['-c', 'import nbclient, nbformat, jupyter_client'], { encoding: 'utf8' });
  if (probe.status !== 0) {
    throw new JupyterSetupError(`${python} cannot import nbclient: install it (apt-get install -y python3-nbclient python3-ipykernel)`);
  }
}

/** The tslab launcher of the tslab installed next to the package. */
export function tslabLauncher(root: string = packageRoot()): string {
  let manifest: string;
  try {
    // Through a variable, so that a bundler never tries to resolve tslab for the browser.
    const load: NodeRequire = require;
    manifest = load.resolve('tslab/package.json', { paths: [root] });
  } catch {
    throw new JupyterSetupError(`tslab is not installed where ${root} can load it: run npm install tslab`);
  }
  const launcher = join(dirname(manifest), 'bin', 'tslab');
  if (!existsSync(launcher)) throw new JupyterSetupError(`tslab's launcher is missing: ${launcher}`);
  return launcher;
}

/**
 * Registers tslab's kernel in `jupyterDir` (`tslab install --python PYTHON --binary LAUNCHER --prefix
 * jupyterDir`), unless a kernelspec with the same launcher is there already. Returns the kernel's name.
 */
export function registerTslabKernel(jupyterDir: string, options: { python?: string; launcher?: string } = {}): string {
  const python = options.python ?? SYSTEM_PYTHON;
  const launcher = options.launcher ?? tslabLauncher();
  const kernelJson = join(jupyterDir, 'share', 'jupyter', 'kernels', TSLAB_KERNEL_NAME, 'kernel.json');
  if (existsSync(kernelJson)) {
    try {
      if ((JSON.parse(readFileSync(kernelJson, 'utf8')) as { argv?: string[] }).argv?.[0] === launcher) return TSLAB_KERNEL_NAME;
    } catch {
      // Register again below.
    }
  }
  mkdirSync(jupyterDir, { recursive: true });
  const result = spawnSync(process.execPath, [launcher, 'install', '--python', python, '--binary', launcher, '--prefix', jupyterDir], {
    env: jupyterEnvironment(jupyterDir),
    encoding: 'utf8',
  });
  if (result.status !== 0 || !existsSync(kernelJson)) {
    const detail = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').pop() ?? '';
    throw new JupyterSetupError(`tslab install --prefix ${jupyterDir} failed (exit ${result.status}): ${detail}`);
  }
  return TSLAB_KERNEL_NAME;
}
