import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { InputError } from '../InputError';
import { JupyterSetupError } from './jupyterKernel';

/*
 * The sandbox each student's kernel runs in during `workshop grade`, built from Debian's bubblewrap
 * (`bwrap`): new user, PID, network, IPC, UTS and cgroup namespaces (no network at all, no other process
 * visible), no capabilities, uid 65534 inside, a read-only view of /usr, of Node and of the library with
 * its node_modules, and a read-only root. The only writable places are size-limited memory-backed
 * filesystems (tmpfs): the student's folder (/home/student, filled at start from a read-only copy of what
 * they handed in), /tmp, and the small folder holding the kernel's sockets. Resource limits: address
 * space, CPU seconds, file size and open files per process (setrlimit, by the launcher `SANDBOX_LAUNCHER_PY`
 * before it runs bwrap) and the number of processes and threads of the whole sandbox (RLIMIT_NPROC, set
 * by prlimit inside the sandbox's own user namespace, where it counts only that sandbox's tasks). Linux
 * ignores RLIMIT_NPROC for processes of root, so when the grader runs as root the launcher runs bwrap as
 * the unprivileged `SANDBOX_UID`. Nothing of the grader (its work folder, the grading notebooks, the
 * submissions folder, other students' kernels) is mounted.
 */

/** Where the library and its node_modules appear inside the sandbox (read-only). */
export const SANDBOX_LIBRARY_ROOT = '/opt/teaming-lab';
/** The student's private writable folder inside the sandbox: a size-limited tmpfs, filled at start with a
 * copy of their folder (from `SANDBOX_HANDED_IN`). */
export const SANDBOX_HOME = '/home/student';
/** Where the read-only copy of the student's folder is mounted inside the sandbox. */
export const SANDBOX_HANDED_IN = '/run/handed-in';
/** The tmpfs inside the sandbox holding the kernel's connection file and its sockets. */
export const SANDBOX_KERNEL_DIR = '/run/kernel';
/** The user (and group) the launcher runs bwrap as when the grader runs as root: Linux does not apply
 * RLIMIT_NPROC to root's processes. 65534 is `nobody` on Debian. */
export const SANDBOX_UID = 65534;
/** Size of the tmpfs holding the kernel's sockets (`SANDBOX_KERNEL_DIR`), bytes. */
const KERNEL_DIR_BYTES = 1024 * 1024;
/** prlimit (util-linux), which sets RLIMIT_NPROC inside the sandbox. */
const PRLIMIT = '/usr/bin/prlimit';

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
  /** What a kernel may write to its folder beyond the files handed in, MiB (the folder is a memory-backed
   * tmpfs of the handed-in size plus this). Default 256. */
  diskMiB?: number;
  /** Processes and threads the whole sandbox may run at once (RLIMIT_NPROC in the sandbox's user
   * namespace; a Node kernel alone uses about a dozen threads). Default 64. */
  processes?: number;
}

/** The limits with every default filled in. */
export function kernelLimits(limits: KernelLimits = {}): Required<KernelLimits> {
  const full = {
    memoryMiB: limits.memoryMiB ?? 4096,
    cpuSeconds: limits.cpuSeconds ?? 600,
    fileMiB: limits.fileMiB ?? 64,
    tmpMiB: limits.tmpMiB ?? 64,
    diskMiB: limits.diskMiB ?? 256,
    processes: limits.processes ?? 64,
  };
  const ranges: Record<keyof typeof full, [number, number]> = {
    memoryMiB: [1024, 1_048_576],
    cpuSeconds: [10, 86_400],
    fileMiB: [1, 65_536],
    tmpMiB: [1, 65_536],
    diskMiB: [1, 65_536],
    processes: [32, 4096],
  };
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
  /** The user and group the launcher runs bwrap as when it runs as root (see `SANDBOX_UID`). */
  sandboxUid: number;
  /** setrlimit values the launcher applies before running bwrap. */
  rlimits: { addressSpaceBytes: number; cpuSeconds: number; fileBytes: number; openFiles: number };
  /** bwrap's options (passed through a pipe with `--args`, so no process shows them); the launcher adds the
   * connection file (`--ro-bind-data`) and `--info-fd`. */
  args: string[];
  /** The kernel's command inside the sandbox (prlimit, a shell that copies the handed-in folder to the
   * home and enters the notebook's folder, then the kernel); the launcher appends `--config-path <file>`. */
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
  /** The student's private copy of their folder (outside, readable by `SANDBOX_UID`); mounted read-only at
   * `SANDBOX_HANDED_IN` and copied into the home at start. */
  home: string;
  /** Bytes the copy of `home` takes in a tmpfs (see `tmpfsBytes`); the home's size is this plus
   * `KernelLimits.diskMiB`. */
  homeBytes: number;
  /** The notebook's folder relative to `home` (`''` for the top), where the kernel starts. */
  cwd: string;
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
  if (!Number.isInteger(layout.homeBytes) || layout.homeBytes < 0) throw new InputError('homeBytes', layout.homeBytes, 'a whole number of bytes, 0 or more');
  args.push(
    '--dir',
    '/home/node_modules',
    '--symlink',
    inside(root),
    '/home/node_modules/teaming-lab',
    '--ro-bind',
    real(layout.home),
    SANDBOX_HANDED_IN,
    '--size',
    String(layout.homeBytes + limits.diskMiB * 1024 * 1024),
    '--tmpfs',
    SANDBOX_HOME,
    '--size',
    String(KERNEL_DIR_BYTES),
    '--tmpfs',
    SANDBOX_KERNEL_DIR,
    // Everything else is read-only: bwrap's root and /dev are tmpfs without a size limit.
    '--remount-ro',
    '/dev',
    '--remount-ro',
    '/',
    '--chdir',
    '/',
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
    sandboxUid: SANDBOX_UID,
    rlimits: {
      addressSpaceBytes: limits.memoryMiB * 1024 * 1024,
      cpuSeconds: limits.cpuSeconds,
      fileBytes: limits.fileMiB * 1024 * 1024,
      openFiles: 1024,
    },
    args,
    command: [
      PRLIMIT,
      `--nproc=${limits.processes}:${limits.processes}`,
      '--',
      '/bin/sh',
      '-c',
      // $0 is the notebook's folder, "$@" the kernel's command.
      `cp -R ${SANDBOX_HANDED_IN}/. ${SANDBOX_HOME}/ && cd "$0" && unset OLDPWD && exec "$@"`,
      cwd,
      node,
      `--max-old-space-size=${heapMiB}`,
      tslab,
      'kernel',
    ],
  };
}

/**
 * Bytes a folder tree takes in a tmpfs: every file rounded up to whole 4 KiB pages, one page per folder
 * and link, and 1 MiB to spare. Symbolic links are not followed.
 */
export function tmpfsBytes(path: string): number {
  const PAGE = 4096;
  const walk = (at: string): number => {
    const stat = lstatSync(at);
    if (!stat.isDirectory()) return stat.isFile() ? Math.max(1, Math.ceil(stat.size / PAGE)) * PAGE : PAGE;
    return PAGE + readdirSync(at).reduce((sum, name) => sum + walk(join(at, name)), 0);
  };
  return walk(path) + 1024 * 1024;
}

/** The uid and gid to run bwrap as: `SANDBOX_UID` when this process is root, else none (its own). */
export function bwrapUser(uid: number | undefined = process.getuid?.()): { uid: number; gid: number } | Record<string, never> {
  return uid === 0 ? { uid: SANDBOX_UID, gid: SANDBOX_UID } : {};
}

/**
 * Checks that bubblewrap is installed and can build a sandbox on this machine (user and network
 * namespaces, as `SANDBOX_UID` when running as root) and that prlimit is there; throws a
 * JupyterSetupError saying what to do when it cannot.
 */
export function checkBubblewrap(bwrap = '/usr/bin/bwrap'): void {
  if (!existsSync(bwrap)) {
    throw new JupyterSetupError(`${bwrap} is missing: workshop grade runs each student's kernel in a bubblewrap sandbox (apt-get install -y bubblewrap, or bash scripts/ensure-system-deps.sh)`);
  }
  if (!existsSync(PRLIMIT)) throw new JupyterSetupError(`${PRLIMIT} is missing: workshop grade caps each kernel's processes with it (apt-get install -y util-linux)`);
  const probe = spawnSync(
    bwrap,
    ['--unshare-all', '--unshare-user', '--uid', '65534', '--gid', '65534', '--cap-drop', 'ALL', '--die-with-parent', '--ro-bind', '/usr', '/usr', '--symlink', 'usr/lib', '/lib', '--symlink', 'usr/lib64', '/lib64', '--symlink', 'usr/bin', '/bin', '--proc', '/proc', '--dev', '/dev', '--size', '1048576', '--tmpfs', '/tmp', '--remount-ro', '/', PRLIMIT, '--nproc=64:64', '/usr/bin/true'],
    { encoding: 'utf8', timeout: 20_000, cwd: '/', ...bwrapUser() },
  );
  if (probe.status !== 0) {
    const why = (probe.stderr || probe.error?.message || `exit ${probe.status}`).trim().split('\n').pop();
    throw new JupyterSetupError(
      `bubblewrap cannot build a sandbox on this machine (${why}): grading needs bubblewrap 0.7 or later and user and network namespaces${process.getuid?.() === 0 ? ` for uid ${SANDBOX_UID}` : ''} (allow unprivileged user namespaces)`,
    );
  }
}

/**
 * Runs Node in a sandbox built from `spec` (as the launcher would, without the kernel) and checks that it
 * loads the library and finds tslab: the library, its node_modules and Node must be readable by the
 * sandbox's user. Throws a JupyterSetupError naming what failed.
 */
export function checkSandbox(spec: SandboxSpec): void {
  const heapFlag = spec.command.findIndex((part) => part.startsWith('--max-old-space-size='));
  const tslabManifest = spec.command[heapFlag + 1].replace(/bin\/tslab$/, 'package.json');
  const command = [...spec.command.slice(0, heapFlag + 1), '-e', `require('teaming-lab'); require(${JSON.stringify(tslabManifest)});`];
  const probe = spawnSync(spec.bwrap, [...spec.args, ...command], { encoding: 'utf8', timeout: 60_000, cwd: '/', env: {}, ...bwrapUser() });
  if (probe.status !== 0) {
    const lines = (probe.stderr || probe.error?.message || '').trim().split('\n').filter((line) => line.trim() !== '');
    const why = (lines.find((line) => /error|denied|cannot|can't|failed/i.test(line)) ?? lines.pop() ?? `exit ${probe.status}`).slice(0, 200);
    const user = process.getuid?.() === 0 ? `uid ${SANDBOX_UID} (the grader runs the sandbox as that user because it runs as root)` : 'the sandbox';
    throw new JupyterSetupError(`the grading sandbox cannot start Node with the library (${why}): Node, the library and its node_modules must be readable by ${user}`);
  }
}
