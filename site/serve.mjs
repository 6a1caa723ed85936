#!/usr/bin/env node
// Serves the built site (site/dist) on http://localhost:4321 (env PORT overrides; SITE_DIR the folder).
// Static files only, and nothing a web page can abuse:
// - every request is handled inside one error boundary: a malformed one gets 400, never a crash;
// - every response (200, 301, 304, 400, 404, 405, 500) carries the security headers: a Content-Security-Policy
//   that allows only the site's own scripts, workers and data and no framing, Referrer-Policy and nosniff;
//   the workers get their own, stricter policy (the cell worker may evaluate the reader's code, but may
//   fetch, import or load nothing, not even from the site);
// - a folder is redirected to itself with a slash only to a path built from the file found, so the answer
//   never points at another host (no open redirect);
// - text files (HTML, CSS, JavaScript, JSON, SVG) are sent compressed (brotli or gzip) when the browser
//   accepts it; the compressed bytes are kept in memory per file version.
// The ready-made static-file libraries (sirv, serve-static, serve-handler) set headers only on the files
// they serve and compress only files compressed beforehand, so this ~200-line server does it itself.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.json': 'application/json; charset=utf-8', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp',
  '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8', '.map': 'application/json; charset=utf-8',
  '.ipynb': 'application/x-ipynb+json', '.woff2': 'font/woff2', '.ts': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = /^(text\/|application\/(json|x-ipynb\+json)|image\/svg\+xml)/;

/** Content type for a file name; unknown types are served as bytes. */
export function contentType(file) {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The Content-Security-Policy of a page: the site's own scripts (plus the inline scripts of the page's
 * head, by hash), styles (Plotly sets inline styles), images and data, workers from the site; no plugins,
 * no framing by any page, forms and <base> kept on the site.
 * @param {string[]} [scriptHashes] `'sha256-…'` sources of the inline scripts allowed
 */
export function pagePolicy(scriptHashes = []) {
  return [
    "default-src 'self'", `script-src 'self'${scriptHashes.map((h) => ` '${h}'`).join('')}`,
    "style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob:", "font-src 'self'", "connect-src 'self'",
    "worker-src 'self'", "child-src 'self'", "frame-src 'none'", "object-src 'none'", "base-uri 'none'",
    "form-action 'self'", "frame-ancestors 'none'",
  ].join('; ');
}

/** Policies of the worker scripts (a worker's policy comes with its script's response). The cell worker
 * runs the reader's code with `new Function`, so it may evaluate, but it loads nothing and connects nowhere:
 * the library it needs is imported before the reader's code runs, under the same-origin rule. */
const WORKER_POLICIES = {
  'cell-worker.js': "default-src 'none'; script-src 'self' 'unsafe-eval'; connect-src 'none'; img-src 'none'",
  'figure-worker.js': "default-src 'none'; script-src 'self'",
  'ts-worker.js': "default-src 'none'; script-src 'self'; connect-src 'self'",
};

/** Headers every response carries. */
const ALWAYS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** `'sha256-…'` of every inline classic script in the head of an HTML page (JSON data blocks excluded). */
export function inlineScriptHashes(html) {
  const head = html.slice(0, Math.max(0, html.indexOf('</head>')));
  const hashes = [];
  for (const m of head.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi)) {
    const attrs = m[1] ?? '';
    if (/\ssrc\s*=/i.test(attrs) || /\stype\s*=\s*["']?application\/(ld\+)?json/i.test(attrs)) continue;
    hashes.push(`sha256-${createHash('sha256').update(m[2], 'utf8').digest('base64')}`);
  }
  return hashes;
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

/** The encoding to answer with for an Accept-Encoding header: 'br', 'gzip' or null. */
export function pickEncoding(accept) {
  const offered = new Map();
  for (const part of String(accept ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    offered.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const ok = (name) => (offered.get(name) ?? offered.get('*') ?? 0) > 0;
  return ok('br') ? 'br' : ok('gzip') ? 'gzip' : null;
}

/**
 * Creates (does not start) the static server.
 * @param {{ root?: string, cacheBytes?: number }} [options] `root`: folder to serve, default site/dist;
 *   `cacheBytes`: memory kept for compressed files, default 64 MiB (oldest dropped first)
 * @returns {http.Server}
 */
export function createSiteServer(options = {}) {
  const root = path.resolve(options.root ?? path.join(path.dirname(fileURLToPath(import.meta.url)), 'dist'));
  const cacheBytes = options.cacheBytes ?? 64 * 2 ** 20;
  /** key "file|mtime|size|encoding" → compressed bytes (a Map keeps insertion order: oldest first). */
  const compressed = new Map();
  let cached = 0;
  const policies = new Map(); // "file|mtime" → policy of an HTML page

  const squeeze = async (file, key, encoding) => {
    let body = compressed.get(key);
    if (body) return body;
    const raw = await readFile(file);
    body = encoding === 'br'
      ? await brotli(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length } })
      : await gzip(raw, { level: 6 });
    if (body.length <= cacheBytes) {
      compressed.set(key, body);
      cached += body.length;
      for (const [k, v] of compressed) {
        if (cached <= cacheBytes) break;
        compressed.delete(k);
        cached -= v.length;
      }
    }
    return body;
  };

  const policyFor = async (file, version) => {
    const name = path.basename(file);
    if (WORKER_POLICIES[name] && path.basename(path.dirname(file)) === 'assets') return WORKER_POLICIES[name];
    if (path.extname(file) !== '.html') return pagePolicy();
    const key = `${file}|${version}`;
    if (!policies.has(key)) policies.set(key, pagePolicy(inlineScriptHashes(await readFile(file, 'utf8'))));
    return policies.get(key);
  };

  const answer = (res, status, headers, body, head) => {
    if (res.headersSent) { res.destroy(); return; }
    res.writeHead(status, { 'Content-Security-Policy': pagePolicy(), ...headers });
    res.end(head ? undefined : body);
  };

  const notFound = async (res, head) => {
    let body = 'Not found\n', type = 'text/plain; charset=utf-8', policy = pagePolicy();
    try {
      body = await readFile(path.join(root, '404.html'), 'utf8');
      type = TYPES['.html'];
      policy = pagePolicy(inlineScriptHashes(body));
    } catch { /* plain text then */ }
    answer(res, 404, { 'Content-Type': type, 'Cache-Control': 'no-cache', 'Content-Security-Policy': policy }, body, head);
  };

  const handle = async (req, res) => {
    const head = req.method === 'HEAD';
    if (req.method !== 'GET' && !head) {
      answer(res, 405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }, 'Method not allowed\n');
      return;
    }
    const target = req.url ?? '';
    // Origin-form only ("/path?query"); anything else (absolute-form, "*", empty) is a bad request here.
    const urlPath = target.startsWith('/') ? target.split('?')[0].split('#')[0] : null;
    let file = urlPath === null ? null : resolveInside(root, urlPath);
    if (!file) {
      answer(res, 400, { 'Content-Type': 'text/plain; charset=utf-8' }, 'Bad request\n', head);
      return;
    }
    let info;
    try {
      info = await stat(file);
      if (info.isDirectory()) {
        if (!urlPath.endsWith('/')) {
          // The redirect is built from the folder found, never from the raw request: always one leading
          // slash and the site's own path, so "//evil.example/.." cannot become a Location on another host.
          const rel = path.relative(root, file).split(path.sep).map(encodeURIComponent).join('/');
          const query = target.includes('?') ? target.slice(target.indexOf('?')).replace(/[^\x21-\x7e]/g, encodeURIComponent) : '';
          answer(res, 301, { Location: `/${rel}${rel ? '/' : ''}${query}`, 'Content-Type': 'text/plain; charset=utf-8' }, 'Moved\n', head);
          return;
        }
        file = path.join(file, 'index.html');
        info = await stat(file);
      }
    } catch {
      await notFound(res, head);
      return;
    }
    if (!info.isFile() || path.basename(file).startsWith('.')) { await notFound(res, head); return; }
    const modified = new Date(Math.floor(info.mtimeMs / 1000) * 1000);
    const version = `${info.mtimeMs}|${info.size}`;
    const type = contentType(file);
    const encoding = COMPRESSIBLE.test(type) && info.size > 512 ? pickEncoding(req.headers['accept-encoding']) : null;
    const headers = {
      'Last-Modified': modified.toUTCString(), 'Cache-Control': 'no-cache', 'Content-Type': type,
      'Content-Security-Policy': await policyFor(file, version), ...(COMPRESSIBLE.test(type) ? { Vary: 'Accept-Encoding' } : {}),
    };
    const since = Date.parse(req.headers['if-modified-since'] ?? '');
    if (!Number.isNaN(since) && since >= modified.getTime()) {
      answer(res, 304, headers, undefined, true);
      return;
    }
    if (encoding) {
      const body = await squeeze(file, `${file}|${version}|${encoding}`, encoding);
      answer(res, 200, { ...headers, 'Content-Encoding': encoding, 'Content-Length': body.length }, body, head);
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Length': info.size });
    if (head) { res.end(); return; }
    createReadStream(file).on('error', () => res.destroy()).pipe(res);
  };

  const server = http.createServer((req, res) => {
    for (const [k, v] of Object.entries(ALWAYS)) res.setHeader(k, v);
    // The one error boundary: whatever a request does, it costs only that request.
    handle(req, res).catch(() => {
      try {
        answer(res, 500, { 'Content-Type': 'text/plain; charset=utf-8' }, 'Server error\n');
      } catch {
        res.destroy();
      }
    });
  });
  // Requests Node's parser refuses (bad method, header overflow, junk) get a 400 with the same headers.
  server.on('clientError', (err, socket) => {
    if (!socket.writable || err.code === 'ECONNRESET') { socket.destroy(); return; }
    const extra = Object.entries({ ...ALWAYS, 'Content-Security-Policy': pagePolicy() }).map(([k, v]) => `${k}: ${v}\r\n`).join('');
    socket.end(`HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 12\r\nConnection: close\r\n${extra}\r\nBad request\n`);
  });
  return server;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const port = Number(process.env.PORT ?? 4321);
  const server = createSiteServer({ root: process.env.SITE_DIR });
  server.listen(port, 'localhost', () => console.log(`Teaming Lab site: http://localhost:${port}/`));
}
