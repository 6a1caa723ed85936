// `npm start`: builds what changed and serves the site. The library (lib/dist, for the CLI the lessons
// mention) is rebuilt only when a source is newer than the build; the site build takes unchanged pages
// and assets from .cache/site. Then site/serve.mjs serves site/dist (PORT overrides its port).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { buildSite } from '../site/build';
import { REPO_ROOT, ensureLibraryBuilt } from './jupyter-env';

async function main(): Promise<void> {
  ensureLibraryBuilt({ log: (m) => console.log(m) });
  await buildSite();
  const server = spawn(process.execPath, [path.join(REPO_ROOT, 'site', 'serve.mjs')], { stdio: 'inherit' });
  const stop = () => server.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.on('exit', (code) => process.exit(code ?? 0));
}

main().catch((e: Error) => {
  console.error(e.message);
  process.exit(1);
});
