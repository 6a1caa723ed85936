// `npm run notebooks`: opens your own copies of the course notebooks in Jupyter Notebook (tslab kernel).
// The first run copies notebooks/ into workspace/course/ (or, with --student, the released student copies
// into workspace/student/); later runs never overwrite a copy you have: your edits stay. --reset replaces
// copies on purpose. Builds the library if needed, registers tslab in .cache/jupyter, starts Debian's
// Jupyter Notebook on 127.0.0.1 and prints the address to open. Ctrl-C stops it.
//
//   npm run notebooks [-- --student] [--reset [NN-name.ipynb ...]] [--port 8888] [--ip 127.0.0.1]
//   npm run notebooks:kernel     register the kernel for your user: plain `jupyter notebook` / `jupyter nbconvert --execute` then work
import { REPO_ROOT, prepareJupyter, registerUserKernel, startNotebookServer } from './jupyter-env';
import { syncWorkspace } from './notebookWorkspace';
import type { WorkspaceKind } from './notebookWorkspace';

const USAGE = 'usage: npm run notebooks -- [--student] [--reset [NN-name.ipynb ...]] [--port N] [--ip ADDRESS] | --install-kernel';

interface Options {
  kind: WorkspaceKind;
  reset: string[] | true;
  port: number;
  ip: string;
  installKernel: boolean;
}

/** Reads the command line; throws with the usage for anything unknown. */
export function parseNotebookArgs(argv: string[]): Options {
  const options: Options = { kind: 'course', reset: [], port: process.env.PORT ? Number(process.env.PORT) : 8888, ip: '127.0.0.1', installKernel: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--student') options.kind = 'student';
    else if (arg === '--install-kernel') options.installKernel = true;
    else if (arg === '--port') options.port = Number(argv[++i]);
    else if (arg === '--ip') options.ip = String(argv[++i] ?? '');
    else if (arg === '--reset') {
      const names: string[] = [];
      while (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) names.push(argv[++i]);
      options.reset = names.length === 0 ? true : names;
    } else throw new Error(`unknown argument ${arg}\n${USAGE}`);
  }
  if (!Number.isInteger(options.port) || options.port < 1 || options.port > 65535) {
    throw new Error(`--port: got ${options.port}; expected a port number 1 to 65535`);
  }
  return options;
}

async function main(): Promise<void> {
  const options = parseNotebookArgs(process.argv.slice(2));
  if (options.installKernel) {
    prepareJupyter({ log: (m) => console.log(m) });
    const dir = registerUserKernel();
    console.log(`Registered the tslab TypeScript kernel in ${dir}.\nPlain \`jupyter notebook\` and \`jupyter nbconvert --to notebook --execute notebooks/01-how-to-use.ipynb\` now find it.`);
    return;
  }
  prepareJupyter({ log: (m) => console.log(m) });
  const sync = syncWorkspace({ root: REPO_ROOT, kind: options.kind, reset: options.reset });
  const what = options.kind === 'student' ? 'student copies (no solutions)' : 'course copies (solutions inline)';
  console.log(`Your notebooks: ${sync.dir} (${what}).`);
  if (sync.copied.length) console.log(`  copied in: ${sync.copied.join(', ')}`);
  if (sync.kept.length) console.log(`  kept as you left them: ${sync.kept.length} (start one over with --reset NN-name.ipynb)`);
  console.log('Starting Jupyter Notebook...');
  const server = await startNotebookServer({ dir: sync.dir, port: options.port, ip: options.ip, quiet: true });
  console.log(`\nJupyter Notebook is running. Open:\n\n  ${server.url}\n\nPress Ctrl-C to stop.`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping Jupyter...');
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.process.on('exit', (code) => {
    if (!stopping) {
      console.error(`Jupyter exited (code ${code}):\n${server.log()}`);
      process.exit(1);
    }
  });
}

if (process.argv[1]?.endsWith('notebooks.ts')) {
  main().catch((error: Error) => {
    console.error(error.message);
    process.exit(2);
  });
}
