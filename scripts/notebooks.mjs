#!/usr/bin/env node
// `npm run notebooks`: opens the course notebooks in Jupyter Notebook with the tslab TypeScript kernel.
// Builds the library if needed, regenerates notebooks/ from content/, registers tslab in .cache/jupyter,
// and starts Debian's Jupyter Notebook on 127.0.0.1, printing the address to open. Ctrl-C stops it.
//
//   node scripts/notebooks.mjs [--port 8888] [--ip 127.0.0.1] [--no-generate]
//   (--ip 0.0.0.0 to reach it from outside a container; the token still guards it)
import { writeNotebooks } from './generate-notebooks.mjs';
import { NOTEBOOKS_DIR, prepareJupyter, startNotebookServer } from './jupyter-env.mjs';

function parseArgs(argv) {
  const options = { port: process.env.PORT ? Number(process.env.PORT) : 8888, ip: '127.0.0.1', generate: true };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--port') options.port = Number(argv[++i]);
    else if (argv[i] === '--ip') options.ip = String(argv[++i]);
    else if (argv[i] === '--no-generate') options.generate = false;
    else throw new Error(`unknown argument ${argv[i]} (usage: node scripts/notebooks.mjs [--port N] [--ip ADDRESS] [--no-generate])`);
  }
  if (!Number.isInteger(options.port) || options.port < 1 || options.port > 65535) {
    throw new Error(`--port: got ${options.port}; expected a port number 1 to 65535`);
  }
  return options;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  prepareJupyter({ log: (m) => console.log(m) });
  if (options.generate) {
    const result = writeNotebooks();
    if (result.errors.length > 0) {
      for (const e of result.errors) console.error(e);
      throw new Error('a lesson has errors: fix content/ first');
    }
    console.log(`Notebooks: ${result.notebooks.length} (${result.written.length} regenerated from content/).`);
  }
  console.log('Starting Jupyter Notebook...');
  const server = await startNotebookServer({ dir: NOTEBOOKS_DIR, port: options.port, ip: options.ip, quiet: true });
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

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
