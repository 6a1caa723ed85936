/**
 * The Python program that executes one grading notebook in Jupyter (nbclient, the tslab kernel). It ships
 * inside the package as this string; `gradeSubmissions` writes it to its temporary folder and runs it with
 * Debian's Python (`/usr/bin/python3`).
 *
 * Input (stdin, JSON): `{ notebook, output, cwd, kernelName, timeoutSeconds, startupSeconds, transport, ipcDir }`
 * (`transport` `ipc` for the sandboxed kernel, which has no network, with its sockets in `ipcDir`; default `tcp`).
 * It runs the code cells one at a time with errors allowed, so a failing cell fails only itself. After an
 * error it waits a little, because tslab drops the requests it receives in the 200 ms after one. When a
 * cell runs past its timeout (an endless loop blocks tslab's event loop, so an interrupt cannot stop it),
 * it shuts that kernel down and goes on with the next cell in a fresh one. It writes the executed notebook
 * to `output` and prints one JSON line on stdout:
 * `{ "cells": [{ "index", "status": "ok" | "error" | "timeout" | "dead" | "not-run", "seconds", "outputCapped" }], "restarts", "fatal" }`.
 * A cell's output beyond OUTPUT_CAP_BYTES (1 MB) is dropped and the cell marked `outputCapped`.
 */
export const GRADING_RUNNER_PY = String.raw`
import json, os, sys, time
import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellTimeoutError, DeadKernelError
from traitlets.config import Config

# tslab cancels the execute requests it receives within 200 ms of an error (tslab issue 19).
PAUSE_AFTER_ERROR = 0.35
MAX_KERNELS = 20
# Output kept per cell; the rest is dropped (a cell printing in a loop cannot fill the grader's memory).
OUTPUT_CAP_BYTES = 1_000_000


class CappedClient(NotebookClient):
    def output(self, outs, msg, display_id, cell_index):
        used = getattr(self, '_tl_used', None)
        if used is None:
            used = self._tl_used = {}
        size = len(json.dumps(msg.get('content', {})))
        used[cell_index] = used.get(cell_index, 0) + size
        if used[cell_index] > OUTPUT_CAP_BYTES:
            capped.add(cell_index)
            return None
        return super().output(outs, msg, display_id, cell_index)


capped = set()


def main():
    spec = json.load(sys.stdin)
    nb = nbformat.read(spec['notebook'], as_version=4)
    code = [i for i, c in enumerate(nb.cells) if c.cell_type == 'code' and c.source.strip()]
    results = {i: {'index': i, 'status': 'not-run', 'seconds': 0} for i in code}
    last = {'status': None}

    def executed(cell=None, cell_index=None, execute_reply=None, **_):
        last['status'] = ((execute_reply or {}).get('content') or {}).get('status')

    pos = 0
    kernels = 0
    fatal = None
    while pos < len(code) and fatal is None:
        if kernels >= MAX_KERNELS:
            fatal = 'too many kernel restarts (%d)' % kernels
            break
        kernels += 1
        config = Config()
        config.KernelManager.transport = spec.get('transport', 'tcp')
        if config.KernelManager.transport == 'ipc':
            # An absolute socket path prefix of its own for each kernel (the default is relative).
            config.KernelManager.ip = os.path.join(spec['ipcDir'], 'k%d-%d' % (os.getpid(), kernels))
        client = CappedClient(
            nb,
            config=config,
            kernel_name=spec['kernelName'],
            timeout=spec['timeoutSeconds'],
            startup_timeout=spec['startupSeconds'],
            allow_errors=True,
            interrupt_on_timeout=False,
            shutdown_kernel='immediate',
            resources={'metadata': {'path': spec['cwd']}},
            on_cell_executed=executed,
        )
        try:
            with client.setup_kernel():
                while pos < len(code):
                    index = code[pos]
                    pos += 1
                    last['status'] = None
                    started = time.time()
                    try:
                        client.execute_cell(nb.cells[index], index)
                        status = 'error' if last['status'] == 'error' else 'ok'
                    except CellTimeoutError:
                        status = 'timeout'
                    except DeadKernelError:
                        status = 'dead'
                    results[index] = {'index': index, 'status': status, 'seconds': round(time.time() - started, 2)}
                    if status in ('timeout', 'dead'):
                        break  # leaving the with-block shuts this kernel down; the next cell gets a new one
                    if status == 'error':
                        time.sleep(PAUSE_AFTER_ERROR)
        except Exception as error:  # the kernel did not start, or Jupyter itself failed
            fatal = '%s: %s' % (type(error).__name__, str(error).splitlines()[0] if str(error) else '')
    nbformat.write(nb, spec['output'])
    for i in code:
        results[i]['outputCapped'] = i in capped
    print(json.dumps({'cells': [results[i] for i in code], 'restarts': max(0, kernels - 1), 'fatal': fatal}))


main()
`;
