#!/usr/bin/env node
// Serves the built site (site/dist) on http://localhost:4321 (env PORT overrides; SITE_DIR the folder).
// Static files only: correct content types, the site's 404 page, no path outside the folder.
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.json': 'application/json; charset=utf-8', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp',
  '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8', '.map': 'application/json; charset=utf-8',
  '.ipynb': 'application/x-ipynb+json', '.woff2': 'font/woff2',
};

/** Content type for a file name; unknown types are served as bytes. */
export function contentType(file) {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a request path to a file inside `root`, or null when it would leave `root` or is malformed.
 * @param {string} root absolute folder
 * @param {string} urlPath the request's path (may be percent-encoded)
 */
export function resolveInside(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const file = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  return file === root || file.startsWith(root + path.sep) ? file : null;
}

/**
 * Creates (does not start) the static server.
 * @param {{ root?: string }} [options] `root`: folder to serve; default site/dist
 * @returns {http.Server}
 */
export function createSiteServer(options = {}) {
  const root = path.resolve(options.root ?? path.join(path.dirname(fileURLToPath(import.meta.url)), 'dist'));
  const notFound = async (res, head) => {
    let body = 'Not found\n', type = 'text/plain; charset=utf-8';
    try { body = await readFile(path.join(root, '404.html')); type = TYPES['.html']; } catch { /* plain text then */ }
    res.writeHead(404, { 'Content-Type': type, 'Cache-Control': 'no-cache' });
    res.end(head ? undefined : body);
  };
  return http.createServer(async (req, res) => {
    const head = req.method === 'HEAD';
    if (req.method !== 'GET' && !head) {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Method not allowed\n');
      return;
    }
    const urlPath = new URL(req.url ?? '/', 'http://localhost').pathname;
    let file = resolveInside(root, urlPath);
    if (!file) {
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Bad request\n');
      return;
    }
    try {
      let info = await stat(file);
      if (info.isDirectory()) {
        if (!urlPath.endsWith('/')) {
          const query = (req.url ?? '').includes('?') ? (req.url ?? '').slice((req.url ?? '').indexOf('?')) : '';
          res.writeHead(301, { Location: `${urlPath}/${query}` });
          res.end();
          return;
        }
        file = path.join(file, 'index.html');
        info = await stat(file);
      }
      if (!info.isFile() || path.basename(file).startsWith('.')) return notFound(res, head);
      const modified = new Date(Math.floor(info.mtimeMs / 1000) * 1000);
      const since = Date.parse(req.headers['if-modified-since'] ?? '');
      if (!Number.isNaN(since) && since >= modified.getTime()) {
        res.writeHead(304, { 'Last-Modified': modified.toUTCString(), 'Cache-Control': 'no-cache' });
        res.end();
        return;
      }
      res.writeHead(200, {
        'Last-Modified': modified.toUTCString(),
        'Content-Type': contentType(file), 'Content-Length': info.size, 'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
      });
      if (head) { res.end(); return; }
      createReadStream(file).on('error', () => res.destroy()).pipe(res);
    } catch {
      await notFound(res, head);
    }
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const port = Number(process.env.PORT ?? 4321);
  const server = createSiteServer({ root: process.env.SITE_DIR });
  server.listen(port, 'localhost', () => console.log(`Teaming Lab site: http://localhost:${port}/`));
}
