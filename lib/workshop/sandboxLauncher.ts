/**
 * The Python program Jupyter starts as the kernel (the sandbox kernelspec's argv: `python3 launcher
 * {connection_file}`). It runs outside the sandbox, reads its settings (`SandboxSpec`) from the file named
 * by TEAMING_LAB_SANDBOX, and then:
 * - starts bwrap in a child process with the resource limits set (address space, CPU seconds, file size,
 *   open files, no core files), as `sandboxUid` when the launcher runs as root (Linux does not apply the
 *   sandbox's process cap, RLIMIT_NPROC, to root), with an empty environment and its options through a
 *   pipe (`--args`), so no process inside shows a path of the grader in its command line or environment;
 * - hands the kernel a copy of the connection file whose `ip` points inside the sandbox (`/run/kernel/s`)
 *   through another pipe (`--ro-bind-data`): the kernel talks to Jupyter over Unix sockets (transport
 *   `ipc`), since the sandbox has no network, not even loopback;
 * - reads the sandbox's first process from `--info-fd` and makes the socket paths Jupyter connects to
 *   (`<ip>-<port>`) symbolic links to the ones tslab binds in the sandbox's own size-limited tmpfs,
 *   through `/proc/<pid>/root` (so no folder on the host's disk is writable from the sandbox);
 * - passes on termination signals and exits with bwrap's status (bwrap dies with it: --die-with-parent).
 */
export const SANDBOX_LAUNCHER_PY = String.raw`
import json, os, resource, signal, sys

PORTS = ('shell_port', 'iopub_port', 'stdin_port', 'control_port', 'hb_port')


def pipe_with(data):
    r, w = os.pipe()
    os.write(w, data)
    os.close(w)
    return r


def main():
    with open(os.environ['TEAMING_LAB_SANDBOX']) as f:
        spec = json.load(f)
    with open(sys.argv[1]) as f:
        conn = json.load(f)
    if conn.get('transport') != 'ipc':
        sys.exit('teaming-lab sandbox: the kernel needs the ipc transport (it has no network), got %r' % conn.get('transport'))
    inside = dict(conn)
    inside['ip'] = '/run/kernel/s'
    conn_r = pipe_with(json.dumps(inside).encode())
    info_r, info_w = os.pipe()
    args = spec['args'] + ['--ro-bind-data', str(conn_r), '/run/kernel/connection.json', '--info-fd', str(info_w)]
    args_r = pipe_with(b''.join(a.encode() + b'\0' for a in args))
    command = spec['command'] + ['--config-path', '/run/kernel/connection.json']
    pid = os.fork()
    if pid == 0:
        try:
            os.close(info_r)
            os.chdir('/')
            limits = spec['rlimits']
            resource.setrlimit(resource.RLIMIT_AS, (limits['addressSpaceBytes'], limits['addressSpaceBytes']))
            resource.setrlimit(resource.RLIMIT_CPU, (limits['cpuSeconds'], limits['cpuSeconds'] + 5))
            resource.setrlimit(resource.RLIMIT_FSIZE, (limits['fileBytes'], limits['fileBytes']))
            resource.setrlimit(resource.RLIMIT_NOFILE, (limits['openFiles'], limits['openFiles']))
            resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
            if os.geteuid() == 0:
                os.setgroups([])
                os.setgid(spec['sandboxUid'])
                os.setuid(spec['sandboxUid'])
            for fd in (args_r, conn_r, info_w):
                os.set_inheritable(fd, True)
            # An empty environment: bwrap's first process inside the sandbox keeps it, and the kernel can
            # read its /proc/1/environ (the kernel's own is set by --clearenv and --setenv).
            os.execve(spec['bwrap'], [spec['bwrap'], '--args', str(args_r), '--'] + command, {})
        except BaseException as error:
            sys.stderr.write('teaming-lab sandbox: cannot start bwrap: %s\n' % error)
        os._exit(127)
    for fd in (args_r, conn_r, info_w):
        os.close(fd)
    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(sig, lambda number, frame: os.kill(pid, number))
    # One JSON object; bwrap's sandbox may keep the pipe open, so stop as soon as it parses.
    info = b''
    child = None
    while child is None:
        chunk = os.read(info_r, 65536)
        if not chunk:
            break  # bwrap failed before starting the sandbox: its status says why
        info += chunk
        try:
            child = int(json.loads(info.decode())['child-pid'])
        except (ValueError, KeyError, TypeError):
            continue
    os.close(info_r)
    if child is not None:
        for name in PORTS:
            os.symlink('/proc/%d/root/run/kernel/s:%d' % (child, conn[name]), '%s-%d' % (conn['ip'], conn[name]))
    while True:
        try:
            _, status = os.waitpid(pid, 0)
            break
        except InterruptedError:
            continue
    sys.exit(os.waitstatus_to_exitcode(status) if os.WIFEXITED(status) else 128 + os.WTERMSIG(status))


main()
`;
