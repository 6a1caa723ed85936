/**
 * The Python program Jupyter starts as the kernel (the sandbox kernelspec's argv: `python3 launcher
 * {connection_file}`). It runs outside the sandbox, reads its settings (`SandboxSpec`) from the file named
 * by TEAMING_LAB_SANDBOX, and then:
 * - makes a private folder for this kernel with a copy of the connection file whose `ip` points inside the
 *   sandbox (`/run/kernel/s`), and symbolic links from the socket paths Jupyter connects to
 *   (`<ip>-<port>`) to the ones tslab binds (`s:<port>`): the kernel talks to Jupyter over Unix sockets
 *   (transport `ipc`), since the sandbox has no network, not even loopback;
 * - sets the resource limits (address space, CPU seconds, file size, open files, no core files);
 * - replaces itself with bwrap, with an empty environment and its options through a pipe (`--args`), so
 *   no process inside shows a path of the grader in its command line or environment.
 */
export const SANDBOX_LAUNCHER_PY = String.raw`
import json, os, resource, sys, tempfile

PORTS = ('shell_port', 'iopub_port', 'stdin_port', 'control_port', 'hb_port')


def main():
    with open(os.environ['TEAMING_LAB_SANDBOX']) as f:
        spec = json.load(f)
    with open(sys.argv[1]) as f:
        conn = json.load(f)
    if conn.get('transport') != 'ipc':
        sys.exit('teaming-lab sandbox: the kernel needs the ipc transport (it has no network), got %r' % conn.get('transport'))
    kdir = tempfile.mkdtemp(prefix='k', dir=spec['kernelsDir'])
    inside = dict(conn)
    inside['ip'] = '/run/kernel/s'
    fd = os.open(os.path.join(kdir, 'connection.json'), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.write(fd, json.dumps(inside).encode())
    os.close(fd)
    for name in PORTS:
        os.symlink(os.path.join(kdir, 's:%d' % conn[name]), '%s-%d' % (conn['ip'], conn[name]))
    limits = spec['rlimits']
    resource.setrlimit(resource.RLIMIT_AS, (limits['addressSpaceBytes'], limits['addressSpaceBytes']))
    resource.setrlimit(resource.RLIMIT_CPU, (limits['cpuSeconds'], limits['cpuSeconds'] + 5))
    resource.setrlimit(resource.RLIMIT_FSIZE, (limits['fileBytes'], limits['fileBytes']))
    resource.setrlimit(resource.RLIMIT_NOFILE, (limits['openFiles'], limits['openFiles']))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    args = spec['args'] + ['--bind', kdir, '/run/kernel']
    r, w = os.pipe()
    os.write(w, b''.join(a.encode() + b'\0' for a in args))
    os.close(w)
    os.set_inheritable(r, True)
    command = spec['command'] + ['--config-path', '/run/kernel/connection.json']
    # An empty environment: bwrap's first process inside the sandbox keeps it, and the kernel can read its
    # /proc/1/environ (the kernel's own is set by --clearenv and --setenv).
    os.execve(spec['bwrap'], [spec['bwrap'], '--args', str(r), '--'] + command, {})


main()
`;
