import { describe, expect, it } from 'vitest';
import { InputError } from '../../../lib/InputError';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SANDBOX_HANDED_IN, SANDBOX_HOME, SANDBOX_KERNEL_DIR, SANDBOX_UID, bwrapUser, isInside, kernelLimits, sandboxSpec, tmpfsBytes } from '../../../lib/workshop';

// The bubblewrap options each student's kernel runs with. The attacks themselves run in
// test/notebooks/workshop-grade-attacks.test.ts; here, that the options say what the guide promises:
// every namespace unshared, no capabilities, read-only library and root, writable places only in
// size-limited tmpfs, a process cap, a clean environment, and the grader's folders hidden even when they
// lie inside a mounted one.

const layout = {
  packageRoot: '/srv/kit/lib',
  modulesDir: '/srv/kit/node_modules',
  node: '/usr/bin/node',
  home: '/tmp/grade-x/homes/3',
  homeBytes: 5 * 1024 * 1024,
  cwd: 'lessons',
  hide: ['/tmp/grade-x', '/data/submissions'],
};

/** The value after each occurrence of an option. */
function pairs(args: string[], option: string, width = 2): string[][] {
  return args.flatMap((a, i) => (a === option ? [args.slice(i + 1, i + 1 + width)] : []));
}

describe('sandboxSpec', () => {
  const spec = sandboxSpec(layout);

  it('unshares every namespace, drops every capability and runs as nobody with a clean environment', () => {
    expect(spec.args).toEqual(expect.arrayContaining(['--unshare-all', '--unshare-user', '--die-with-parent', '--new-session', '--clearenv']));
    expect(spec.args).not.toContain('--share-net');
    expect(pairs(spec.args, '--cap-drop', 1)).toEqual([['ALL']]);
    expect(pairs(spec.args, '--uid', 1)).toEqual([['65534']]);
    expect(pairs(spec.args, '--setenv').map(([name]) => name).sort()).toEqual(['HOME', 'LANG', 'PATH', 'TMPDIR']);
  });

  it('mounts /usr, the library, node_modules and the handed-in copy read-only, nothing of the host writable', () => {
    expect(pairs(spec.args, '--ro-bind')).toEqual([
      ['/usr', '/usr'],
      ['/srv/kit/node_modules', '/opt/teaming-lab/node_modules'],
      ['/tmp/grade-x/homes/3', SANDBOX_HANDED_IN],
    ]);
    expect(pairs(spec.args, '--bind')).toEqual([]);
    expect(pairs(spec.args, '--symlink')).toContainEqual(['/opt/teaming-lab/lib', '/home/node_modules/teaming-lab']);
  });

  it('makes every writable place a tmpfs of a fixed size and remounts the root and /dev read-only last', () => {
    // Each --tmpfs right after its --size: /tmp 64 MiB, the home its handed-in size plus 256 MiB, the
    // kernel's socket folder 1 MiB.
    const sized = spec.args.flatMap((a, i) => (a === '--tmpfs' ? [[spec.args[i + 1], spec.args[i - 2] === '--size' ? Number(spec.args[i - 1]) : undefined]] : []));
    expect(sized).toEqual([
      ['/tmp', 64 * 1024 * 1024],
      [SANDBOX_HOME, 5 * 1024 * 1024 + 256 * 1024 * 1024],
      [SANDBOX_KERNEL_DIR, 1024 * 1024],
    ]);
    expect(pairs(spec.args, '--remount-ro', 1)).toEqual([['/dev'], ['/']]);
    const lastMount = Math.max(...['--tmpfs', '--ro-bind', '--dir', '--symlink'].map((option) => spec.args.lastIndexOf(option)));
    expect(spec.args.lastIndexOf('--remount-ro')).toBeGreaterThan(lastMount);
  });

  it('caps the processes of the whole sandbox with prlimit inside it, then copies the home and enters the notebook folder', () => {
    expect(spec.command.slice(0, 4)).toEqual(['/usr/bin/prlimit', '--nproc=64:64', '--', '/bin/sh']);
    expect(spec.command[5]).toBe(`cp -R ${SANDBOX_HANDED_IN}/. ${SANDBOX_HOME}/ && cd "$0" && unset OLDPWD && exec "$@"`);
    expect(spec.command[6]).toBe(`${SANDBOX_HOME}/lessons`);
    expect(spec.sandboxUid).toBe(SANDBOX_UID);
  });

  it('names no grader folder anywhere in its options but the private home', () => {
    const text = JSON.stringify([...spec.args, ...spec.command].filter((a) => a !== '/tmp/grade-x/homes/3'));
    expect(text).not.toContain('/tmp/grade-x');
    expect(text).not.toContain('/data/submissions');
  });

  it('hides a grader folder that lies inside a mounted one under an empty read-only tmpfs', () => {
    const inside = sandboxSpec({ ...layout, hide: ['/srv/kit/node_modules/submissions'] });
    expect(pairs(inside.args, '--tmpfs', 1)).toContainEqual(['/opt/teaming-lab/node_modules/submissions']);
    expect(pairs(inside.args, '--remount-ro', 1)).toContainEqual(['/opt/teaming-lab/node_modules/submissions']);
  });

  it('sets the limits it is given, with V8 heap below the address-space limit', () => {
    const limited = sandboxSpec({ ...layout, limits: { memoryMiB: 2048, cpuSeconds: 30, processes: 40, diskMiB: 10 } });
    expect(limited.rlimits).toEqual({ addressSpaceBytes: 2048 * 1024 * 1024, cpuSeconds: 30, fileBytes: 64 * 1024 * 1024, openFiles: 1024 });
    expect(limited.command.slice(-4)).toEqual(['/usr/bin/node', '--max-old-space-size=1024', '/opt/teaming-lab/node_modules/tslab/bin/tslab', 'kernel']);
    expect(limited.command[1]).toBe('--nproc=40:40');
    expect(limited.args[limited.args.indexOf(SANDBOX_HOME) - 2]).toBe(String(5 * 1024 * 1024 + 10 * 1024 * 1024));
  });
});

describe('kernelLimits', () => {
  it('refuses limits that are not whole numbers in range, naming the field', () => {
    expect(() => kernelLimits({ memoryMiB: 100 })).toThrow(InputError);
    expect(() => kernelLimits({ cpuSeconds: Number.NaN })).toThrow(/cpuSeconds/);
    expect(() => kernelLimits({ processes: 8 })).toThrow(/processes/);
    expect(() => kernelLimits({ diskMiB: 0 })).toThrow(/diskMiB/);
    expect(kernelLimits()).toEqual({ memoryMiB: 4096, cpuSeconds: 600, fileMiB: 64, tmpMiB: 64, diskMiB: 256, processes: 64 });
  });
});

describe('isInside', () => {
  it('tells a folder inside another from a sibling with a common prefix', () => {
    expect(isInside('/a/b/c', '/a/b')).toBe(true);
    expect(isInside('/a/b', '/a/b')).toBe(true);
    expect(isInside('/a/bc', '/a/b')).toBe(false);
  });
});

describe('tmpfsBytes', () => {
  it('counts whole 4 KiB pages per file, a page per folder and link, and 1 MiB to spare', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tmpfs-bytes-'));
    try {
      writeFileSync(join(dir, 'a'), 'x');
      mkdirSync(join(dir, 'sub'));
      writeFileSync(join(dir, 'sub', 'b'), Buffer.alloc(4097));
      symlinkSync('/etc/passwd', join(dir, 'link'));
      // top folder + a (1 page) + sub (1) + b (2) + link (1), the link not followed
      expect(tmpfsBytes(dir)).toBe(6 * 4096 + 1024 * 1024);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('bwrapUser', () => {
  it('runs bwrap as the sandbox user when the grader is root (where RLIMIT_NPROC does not apply), else as itself', () => {
    expect(bwrapUser(0)).toEqual({ uid: SANDBOX_UID, gid: SANDBOX_UID });
    expect(bwrapUser(1000)).toEqual({});
  });
});
