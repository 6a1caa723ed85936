import { spawnSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { InputError } from '../InputError';
import { JupyterSetupError } from './jupyterKernel';

/*
 * The sandbox each student's kernel runs in during `workshop grade`, built from Debian's bubblewrap
 * (`bwrap`): new user, PID, network, IPC, UTS and cgroup namespaces (no network at all, no other process
 * visible), no capabilities, uid 65534 inside, a read-only view of /usr, of Node and of the library with
 * its node_modules, the student's private copy of their folder as the only writable place besides a small
 * /tmp, and resource limits (address space, CPU seconds, file size, open files) set by the launcher
 * (`SANDBOX_LAUNCHER_PY`) with setrlimit before it runs bwrap. Nothing of the grader (its work folder,
 * the grading notebooks, the submissions folder, other students' kernels) is mounted.
 */

/** Where the library and its node_modules appear inside the sandbox (read-only). */
export const SANDBOX_LIBRARY_ROOT = '/opt/teaming-lab';
/** The student's private writable folder inside the sandbox (a copy of their submission folder). */
export const SANDBOX_HOME = '/home/student';
/** Where the kernel's connection file and sockets are mounted inside the sandbox. */
export const SANDBOX_KERNEL_DIR = '/run/kernel';

/** Resource limits of one kernel. */
export interface KernelLimits {
  /** Address space of each process in the sandbox, MiB (RLIMIT_AS): allocations beyond it fail. Default 4096. */
  memoryMiB?: number;
  /** CPU seconds each process in the sandbox may use (RLIMIT_CPU): then it is killed. Default 600. */
  cpuSeconds?: number;
  /** Largest file a kernel may write, MiB (RLIMIT_FSIZE). Default 64. */
  fileMiB?: number;
  /** Size of the sandbox's /tmp (a memory-backed tmpfs), MiB. Default 64. */
  tmpMiB?: number;
}

/** The limits with every default filled in. */
export function kernelLimits(limits: KernelLimits = {}): Required<KernelLimits> {
  const full = { memoryMiB: limits.memoryMiB ?? 4096, cpuSeconds: limits.cpuSeconds ?? 600, fileMiB: limits.fileMiB ?? 64, tmpMiB: limits.tmpMiB ?? 64 };
  const ranges: Record<keyof typeof full, [number, number]> = { memoryMiB: [1024, 1_048_576], cpuSeconds: [10, 86_400], fileMiB: [1, 65_536], tmpMiB: [1, 65_536] };
  for (const [key, [min, max]] of Object.entries(ranges) as Array<[keyof typeof full, [number, number]]>) {
    const value = full[key];
    if (!Number.isInteger(value) || value < min || value > max) throw new InputError(key, value, `a whole number from ${min} to ${max}`);
  }
  return full;
}

/** What the launcher reads (the file named by TEAMING_LAB_SANDBOX, outside the sandbox). */
export interface SandboxSpec {
  /** The bwrap program. */
  bwrap: string;
  /** Folder (outside) where the launcher makes one private folder per kernel for its connection file and sockets. */
  kernelsDir: string;
  /** setrlimit values the launcher applies before running bwrap. */
  rlimits: { addressSpaceBytes: number; cpuSeconds: number; fileBytes: number; openFiles: number };
  /** bwrap's options (passed through a pipe with `--args`, so no process shows them), without the kernel folder. */
  args: string[];
  /** The kernel's command inside the sandbox; the launcher appends `--config-path <connection file>`. */
  command: string[];
}

/** Where the library's pieces are outside, for `sandboxSpec`. */
export interface SandboxLayout {
  /** The bwrap program. Default `/usr/bin/bwrap`. */
  bwrap?: string;
  /** The `teaming-lab` package folder (holds package.json and dist/). */
  packageRoot: string;
  /** The node_modules folder that holds tslab (and the library's dependencies). */
  modulesDir: string;
  /** The Node binary. Default: the one running. */
  node?: string;
  /** The student's private copy of their folder (outside); mounted writable at /home/student. */
  home: string;
  /** The notebook's folder relative to `home` (`''` for the top), where the kernel starts. */
  cwd: string;
  /** See `SandboxSpec.kernelsDir`. */
  kernelsDir: string;
  /** Folders that must never be visible inside (the submissions, the report, the grader's work folder):
   * when one lies inside a mounted folder, an empty tmpfs hides it. */
  hide: string[];
  /** Resource limits. */
  limits?: KernelLimits;
}

/** True when `inner` is `outer` or lies inside it. */
export function isInside(inner: string, outer: string): boolean {
  const rel = relative(outer, inner);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** The deepest folder holding both paths. */
function commonFolder(a: string, b: string): string {
  let dir = a;
  while (!isInside(b, dir)) dir = dirname(dir);
  return dir;
}

/**
 * The launcher's settings for one notebook's kernels: bwrap's options and the kernel command. Pure apart
 * from resolving real paths. The library and node_modules keep their relative layout under
 * /opt/teaming-lab (so `node_modules/teaming-lab -> ../lib` still resolves), /home/node_modules/teaming-lab
 * points at the library, so `import ... from 'teaming-lab'` works from the student's folder for tslab's
 * compiler and Node alike, and the student's own node_modules was never copied.
 */
export function sandboxSpec(layout: SandboxLayout): SandboxSpec {
  const limits = kernelLimits(layout.limits);
  const real = (path: string) => (existsSync(path) ? realpathSync(path) : path);
  const root = real(layout.packageRoot);
  const modules = real(layout.modulesDir);
  const node = real(layout.node ?? process.execPath);
  const base = commonFolder(root, dirname(modules));
  const inside = (path: string) => [SANDBOX_LIBRARY_ROOT, ...relative(base, path).split(sep).filter((part) => part !== '')].join('/');
  const args = [
    '--unshare-all',
    '--unshare-user',
    '--uid',
    '65534',
    '--gid',
    '65534',
    '--cap-drop',
    'ALL',
    '--die-with-parent',
    '--new-session',
    '--hostname',
    'sandbox',
    '--ro-bind',
    '/usr',
    '/usr',
  ];
  for (const [link, target] of [
    ['/bin', 'usr/bin'],
    ['/lib', 'usr/lib'],
    ['/lib64', 'usr/lib64'],
    ['/sbin', 'usr/sbin'],
  ]) {
    if (existsSync(join('/usr', target.slice(4)))) args.push('--symlink', target, link);
  }
  args.push('--proc', '/proc', '--dev', '/dev', '--size', String(limits.tmpMiB * 1024 * 1024), '--tmpfs', '/tmp');
  /** [outside, inside] of every read-only mount. */
  const mounted: Array<[string, string]> = [['/usr', '/usr']];
  if (!isInside(node, '/usr')) {
    const prefix = dirname(dirname(node));
    mounted.push([prefix, prefix]);
  }
  mounted.push([modules, inside(modules)]);
  if (!isInside(root, modules)) {
    for (const part of ['package.json', 'dist', 'schema', 'scenarios']) {
      if (existsSync(join(root, part))) mounted.push([join(root, part), `${inside(root)}/${part}`]);
    }
  }
  for (const [from, to] of mounted.slice(1)) args.push('--ro-bind', from, to);
  for (const path of layout.hide.map(real)) {
    const holder = mounted.find(([from]) => isInside(path, from));
    if (holder === undefined) continue;
    const at = [holder[1], ...relative(holder[0], path).split(sep).filter((part) => part !== '')].join('/');
    args.push('--tmpfs', at, '--remount-ro', at);
  }
  const cwd = [SANDBOX_HOME, ...layout.cwd.split(sep).filter((part) => part !== '')].join('/');
  args.push(
    '--dir',
    '/home/node_modules',
    '--symlink',
    inside(root),
    '/home/node_modules/teaming-lab',
    '--bind',
    real(layout.home),
    SANDBOX_HOME,
    '--chdir',
    cwd,
    '--clearenv',
    '--setenv',
    'PATH',
    '/usr/bin:/bin',
    '--setenv',
    'HOME',
    SANDBOX_HOME,
    '--setenv',
    'TMPDIR',
    '/tmp',
    '--setenv',
    'LANG',
    'C.UTF-8',
  );
  // V8's own heap stops a little below the address-space limit, so a runaway array ends the kernel
  // cleanly (the exercise fails as "the kernel died") before allocations start failing at random.
  const heapMiB = Math.max(512, Math.floor(limits.memoryMiB / 2));
  const tslab = `${inside(modules)}/tslab/bin/tslab`;
  return {
    bwrap: layout.bwrap ?? '/usr/bin/bwrap',
    kernelsDir: layout.kernelsDir,
    rlimits: {
      addressSpaceBytes: limits.memoryMiB * 1024 * 1024,
      cpuSeconds: limits.cpuSeconds,
      fileBytes: limits.fileMiB * 1024 * 1024,
      openFiles: 1024,
    },
    args,
    command: [node, `--max-old-space-size=${heapMiB}`, tslab, 'kernel'],
  };
}

/**
 * Checks that bubblewrap is installed and can build a sandbox on this machine (user and network
 * namespaces); throws a JupyterSetupError saying what to do when it cannot.
 */
export function checkBubblewrap(bwrap = '/usr/bin/bwrap'): void {
  if (!existsSync(bwrap)) {
    throw new JupyterSetupError(`${bwrap} is missing: workshop grade runs each student's kernel in a bubblewrap sandbox (apt-get install -y bubblewrap, or bash scripts/ensure-system-deps.sh)`);
  }
  const probe = spawnSync(
    bwrap,
    ['--unshare-all', '--unshare-user', '--uid', '65534', '--gid', '65534', '--cap-drop', 'ALL', '--die-with-parent', '--ro-bind', '/usr', '/usr', '--symlink', 'usr/lib', '/lib', '--symlink', 'usr/lib64', '/lib64', '--symlink', 'usr/bin', '/bin', '--proc', '/proc', '--dev', '/dev', '--size', '1048576', '--tmpfs', '/tmp', '/usr/bin/true'],
    { encoding: 'utf8', timeout: 20_000 },
  );
  if (probe.status !== 0) {
    const why = (probe.stderr || probe.error?.message || `exit ${probe.status}`).trim().split('\n').pop();
    throw new JupyterSetupError(
      `bubblewrap cannot build a sandbox on this machine (${why}): grading needs bubblewrap 0.7 or later and user and network namespaces (run as root, or allow unprivileged user namespaces)`,
    );
  }
}
