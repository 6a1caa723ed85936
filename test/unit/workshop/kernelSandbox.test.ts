import { describe, expect, it } from 'vitest';
import { InputError } from '../../../lib/InputError';
import { SANDBOX_HOME, isInside, kernelLimits, sandboxSpec } from '../../../lib/workshop';

// The bubblewrap options each student's kernel runs with. The attacks themselves run in
// test/notebooks/workshop-grade-attacks.test.ts; here, that the options say what the guide promises:
// every namespace unshared, no capabilities, read-only library, one writable folder, a clean environment,
// and the grader's folders hidden even when they lie inside a mounted one.

const layout = {
  packageRoot: '/srv/kit/lib',
  modulesDir: '/srv/kit/node_modules',
  node: '/usr/bin/node',
  home: '/tmp/grade-x/homes/3',
  cwd: 'lessons',
  kernelsDir: '/tmp/grade-x/k',
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

  it('mounts /usr, the library and node_modules read-only, and only the private home writable', () => {
    expect(pairs(spec.args, '--ro-bind')).toEqual([
      ['/usr', '/usr'],
      ['/srv/kit/node_modules', '/opt/teaming-lab/node_modules'],
    ]);
    expect(pairs(spec.args, '--bind')).toEqual([['/tmp/grade-x/homes/3', SANDBOX_HOME]]);
    expect(pairs(spec.args, '--chdir', 1)).toEqual([[`${SANDBOX_HOME}/lessons`]]);
    expect(pairs(spec.args, '--symlink')).toContainEqual(['/opt/teaming-lab/lib', '/home/node_modules/teaming-lab']);
  });

  it('names no grader folder anywhere in its options but the private home', () => {
    const text = JSON.stringify(spec.args.filter((a) => a !== '/tmp/grade-x/homes/3'));
    expect(text).not.toContain('/tmp/grade-x');
    expect(text).not.toContain('/data/submissions');
  });

  it('hides a grader folder that lies inside a mounted one under an empty read-only tmpfs', () => {
    const inside = sandboxSpec({ ...layout, hide: ['/srv/kit/node_modules/submissions'] });
    expect(pairs(inside.args, '--tmpfs', 1)).toContainEqual(['/opt/teaming-lab/node_modules/submissions']);
    expect(pairs(inside.args, '--remount-ro', 1)).toContainEqual(['/opt/teaming-lab/node_modules/submissions']);
  });

  it('sets the limits it is given, with V8 heap below the address-space limit', () => {
    const limited = sandboxSpec({ ...layout, limits: { memoryMiB: 2048, cpuSeconds: 30 } });
    expect(limited.rlimits).toEqual({ addressSpaceBytes: 2048 * 1024 * 1024, cpuSeconds: 30, fileBytes: 64 * 1024 * 1024, openFiles: 1024 });
    expect(limited.command).toEqual(['/usr/bin/node', '--max-old-space-size=1024', '/opt/teaming-lab/node_modules/tslab/bin/tslab', 'kernel']);
  });
});

describe('kernelLimits', () => {
  it('refuses limits that are not whole numbers in range, naming the field', () => {
    expect(() => kernelLimits({ memoryMiB: 100 })).toThrow(InputError);
    expect(() => kernelLimits({ cpuSeconds: Number.NaN })).toThrow(/cpuSeconds/);
    expect(kernelLimits()).toEqual({ memoryMiB: 4096, cpuSeconds: 600, fileMiB: 64, tmpMiB: 64 });
  });
});

describe('isInside', () => {
  it('tells a folder inside another from a sibling with a common prefix', () => {
    expect(isInside('/a/b/c', '/a/b')).toBe(true);
    expect(isInside('/a/b', '/a/b')).toBe(true);
    expect(isInside('/a/bc', '/a/b')).toBe(false);
  });
});
