// `npm start`: builds what changed and serves the site. The library (lib/dist, for the CLI the lessons
// mention) is rebuilt only when a source is newer than the build; the site build takes unchanged pages
// and assets from .cache/site. Then the site server (site/serve.mjs) serves the folder just built from
// this same process (no second Node start), on PORT (default 4321).
import { buildSite } from '../site/build';
import { createSiteServer } from '../site/serve.mjs';
import { ensureLibraryBuilt } from './jupyter-env';

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 4321);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`PORT: got "${process.env.PORT}"; expected a whole number from 0 to 65535`);
    process.exit(2); // bad input, as the CLI does
  }
  ensureLibraryBuilt({ log: (m) => console.log(m) });
  const { outDir } = await buildSite();
  const server = createSiteServer({ root: outDir });
  server.on('error', (e: NodeJS.ErrnoException) => {
    console.error(e.code === 'EADDRINUSE' ? `Port ${port} is in use: stop what uses it, or start on another port (PORT=8080 npm start).` : `The site server stopped: ${e.message}`);
    process.exit(1);
  });
  server.listen(port, 'localhost', () => console.log(`Teaming Lab site: http://localhost:${port}/`));
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections(); // keep-alive connections of open tabs would hold the close
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: Error) => {
  console.error(e.message);
  process.exit(1);
});
