// The static server must never serve a file outside its folder, whatever the request path looks like,
// and must label files with the content type browsers need (scripts as JavaScript, pages as HTML).
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import net from 'node:net';
import zlib from 'node:zlib';
import { contentType, createSiteServer, inlineScriptHashes, pickEncoding, resolveInside } from '../../../site/serve.mjs';

describe('resolveInside', () => {
  const root = path.resolve('/srv/site');
  it('maps plain paths inside the root', () => {
    expect(resolveInside(root, '/assets/site.js')).toBe(path.join(root, 'assets/site.js'));
    expect(resolveInside(root, '/')).toBe(root);
  });
  it('keeps dot-dot and encoded dot-dot inside the root, because the path is normalised from "/" first', () => {
    expect(resolveInside(root, '/../../etc/passwd')).toBe(path.join(root, 'etc/passwd'));
    expect(resolveInside(root, '/%2e%2e/%2e%2e/etc/passwd')).toBe(path.join(root, 'etc/passwd'));
  });
  it('rejects NUL bytes, backslashes and malformed escapes', () => {
    expect(resolveInside(root, '/a%00b')).toBeNull();
    expect(resolveInside(root, '/..%5c..%5cetc')).toBeNull();
    expect(resolveInside(root, '/%E0%A4%A')).toBeNull();
  });
});

describe('contentType', () => {
  it('labels the site files by extension', () => {
    expect(contentType('a.html')).toBe('text/html; charset=utf-8');
    expect(contentType('a.js')).toBe('text/javascript; charset=utf-8');
    expect(contentType('a.css')).toBe('text/css; charset=utf-8');
    expect(contentType('a.json')).toBe('application/json; charset=utf-8');
    expect(contentType('a.svg')).toBe('image/svg+xml');
    expect(contentType('a.unknown')).toBe('application/octet-stream');
  });
});

describe('createSiteServer', () => {
  let dir = '';
  let base = '';
  let server: http.Server;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'tl-serve-'));
    await mkdir(path.join(dir, 'site', 'lesson'), { recursive: true });
    await writeFile(path.join(dir, 'site', 'index.html'), '<h1>home</h1>');
    await writeFile(path.join(dir, 'site', 'lesson', 'index.html'), '<h1>lesson</h1>');
    await writeFile(path.join(dir, 'site', '404.html'), '<h1>Page not found</h1>');
    await mkdir(path.join(dir, 'site', 'assets'), { recursive: true });
    await writeFile(path.join(dir, 'site', 'assets', 'big.js'), `/* ${'plotly-sized text '.repeat(20_000)} */`);
    await writeFile(path.join(dir, 'site', 'assets', 'cell-worker.js'), 'self.onmessage = () => {};');
    await writeFile(path.join(dir, 'site', 'page.html'), `<!doctype html><html><head><script>${BOOT}</script><script type="application/json">{}</script></head><body><script>evil()</script></body></html>`);
    await writeFile(path.join(dir, 'secret.txt'), 'outside');
    server = createSiteServer({ root: path.join(dir, 'site') });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await rm(dir, { recursive: true, force: true });
  });

  /** Bytes written on a fresh socket exactly as given (curl --path-as-is and worse); resolves with the reply. */
  const wire = (request: string) => new Promise<string>((resolve, reject) => {
    const socket = net.connect(Number(new URL(base).port), '127.0.0.1');
    let reply = '';
    socket.on('data', (c) => { reply += c; });
    socket.on('end', () => resolve(reply));
    socket.on('error', reject);
    socket.write(request); // no half-close (curl does not); the server closes after its answer
  });

  /** A raw GET, so the path reaches the server exactly as written (fetch would normalise "..”). */
  const raw = (p: string, headers: Record<string, string> = {}) => new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    http.get(`${base}${p}`, { path: p, headers }, (res) => {
      let body = '';
      res.on('data', (c) => { body += c; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    }).on('error', reject);
  });

  it('serves index.html for a folder and redirects a folder without its slash', async () => {
    expect((await raw('/')).body).toBe('<h1>home</h1>');
    const r = await raw('/lesson');
    expect(r.status).toBe(301);
    expect(r.headers.location).toBe('/lesson/');
    expect((await raw('/lesson/')).headers['content-type']).toBe('text/html; charset=utf-8');
  });
  it('answers 404 with the site page for a missing file, and never serves the file beside the root', async () => {
    const missing = await raw('/nope.html');
    expect(missing.status).toBe(404);
    expect(missing.body).toContain('Page not found');
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/lesson/../../secret.txt']) {
      const r = await raw(p);
      expect(r.body, p).not.toContain('outside');
      expect([400, 404]).toContain(r.status);
    }
  });

  // --- Attacks, written as a hostile page or client would send them. ---

  it('survives `curl --path-as-is http://127.0.0.1:PORT//` and keeps serving (one <img src> must not kill the course server)', async () => {
    const r = await raw('//');
    expect([200, 400, 404]).toContain(r.status);
    for (const p of ['///', '//?', '//%', '/%', '/?%zz', '//evil.example', '/\\\\evil', '/%ff%fe', '/a/%2f%2f/b']) {
      const again = await raw(p);
      expect(again.status, p).toBeLessThan(500);
    }
    expect((await raw('/')).body).toBe('<h1>home</h1>');
  });

  it('answers junk request lines and targets with 400 and stays up', async () => {
    for (const line of ['GET * HTTP/1.1', 'GET http://evil.example/ HTTP/1.1', 'GET evil HTTP/1.1', 'GET /\u0000 HTTP/1.1', 'BREW / HTTP/1.1', 'GET / HTTP/9.9', '\u0001\u0002garbage']) {
      const reply = await wire(`${line}\r\nHost: x\r\nConnection: close\r\n\r\n`);
      expect(reply, JSON.stringify(line)).toMatch(/^HTTP\/1\.1 (400|405|505)/);
    }
    const huge = await wire(`GET / HTTP/1.1\r\nHost: x\r\nX: ${'a'.repeat(100_000)}\r\n\r\n`);
    expect(huge).toMatch(/^HTTP\/1\.1 431|^HTTP\/1\.1 400|^$/);
    expect((await raw('/')).status).toBe(200);
  });

  it('never redirects to another host: `/.//evil.example/..%2Fassets` and friends stay on the site', async () => {
    for (const p of ['/.//evil.example/..%2Fassets', '//evil.example/..%2Fassets', '/%2F%2Fevil.example/..%2Flesson', '/.//evil.example/../lesson', '//lesson', '/lesson?//evil.example']) {
      const r = await raw(p);
      if (r.status >= 300 && r.status < 400) {
        const location = r.headers.location ?? '';
        expect(location, p).toMatch(/^\/(?!\/)/);
        expect(new URL(location, base).origin, p).toBe(base);
      }
    }
    expect((await raw('/.//evil.example/..%2Fassets')).headers.location).toBe('/assets/');
  });

  it('puts the security headers on every answer: 200, 301, 304, 400, 404, 405', async () => {
    const ok = await raw('/');
    const cases = [
      ok, await raw('/lesson'), await raw('/', { 'If-Modified-Since': new Date(Date.now() + 60_000).toUTCString() }),
      await raw('/a%00b'), await raw('/nope'),
      await new Promise<{ status: number; headers: http.IncomingHttpHeaders }>((resolve) => {
        http.request(`${base}/`, { method: 'POST' }, (res) => { res.resume(); resolve({ status: res.statusCode ?? 0, headers: res.headers }); }).end();
      }),
    ];
    expect(cases.map((c) => c.status)).toEqual([200, 301, 304, 400, 404, 405]);
    for (const c of cases) {
      const csp = String(c.headers['content-security-policy']);
      expect(csp, String(c.status)).toContain("frame-ancestors 'none'");
      expect(csp).toMatch(/script-src 'self'/);
      expect(csp).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
      expect(c.headers['x-content-type-options']).toBe('nosniff');
      expect(c.headers['referrer-policy']).toBe('no-referrer');
    }
  });

  it('allows a page only the inline scripts of its own head (by hash), and gives the cell worker a policy that connects nowhere', async () => {
    const page = await raw('/page.html');
    const csp = String(page.headers['content-security-policy']);
    expect(inlineScriptHashes(`<head><script>${BOOT}</script></head>`)).toHaveLength(1);
    expect(csp).toContain(inlineScriptHashes(`<head><script>${BOOT}</script></head>`)[0]);
    expect(csp.match(/sha256-/g)).toHaveLength(1); // not the body's injected script, not the JSON block
    expect(csp).toContain("script-src 'self' 'sha256-");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    const worker = await raw('/assets/cell-worker.js');
    expect(worker.headers['content-security-policy']).toMatch(/connect-src 'none'/);
    expect(worker.headers['content-security-policy']).toMatch(/default-src 'none'/);
  });

  it('sends text compressed: brotli or gzip as the browser accepts, identity otherwise', async () => {
    const get = (enc: string) => new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      http.get(`${base}/assets/big.js`, { headers: enc ? { 'Accept-Encoding': enc } : {} }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      }).on('error', reject);
    });
    const plain = await get('');
    const br = await get('gzip, deflate, br');
    const gz = await get('gzip');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(br.headers['content-encoding']).toBe('br');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    expect(zlib.gunzipSync(gz.body).equals(plain.body)).toBe(true);
    expect(br.body.length).toBeLessThan(plain.body.length / 10);
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(pickEncoding('br;q=0, gzip')).toBe('gzip');
    expect(pickEncoding('identity')).toBeNull();
  });

  it('answers 40,000 keep-alive requests without an error and with flat memory', async () => {
    // Held before: keep it. Measured in this process (the server runs here): heap after the flood stays
    // within 30 MiB of the heap after a warm-up of 2,000 requests.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
    const one = (p: string) => new Promise<number>((resolve, reject) => {
      http.get(`${base}${p}`, { agent }, (res) => { res.resume(); res.on('end', () => resolve(res.statusCode ?? 0)); }).on('error', reject);
    });
    const paths = ['/', '/lesson/', '/nope', '/%2e%2e/secret.txt', '//', '/lesson'];
    const flood = async (n: number) => {
      const bad: number[] = [];
      for (let i = 0; i < n; i += 200) {
        const statuses = await Promise.all(Array.from({ length: 200 }, (_, j) => one(paths[(i + j) % paths.length])));
        bad.push(...statuses.filter((s) => s >= 500 || s === 0));
      }
      return bad;
    };
    expect(await flood(2_000)).toEqual([]);
    global.gc?.();
    const before = process.memoryUsage().heapUsed;
    expect(await flood(40_000)).toEqual([]);
    global.gc?.();
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(30 * 2 ** 20);
    agent.destroy();
  }, 120_000);
});

const BOOT = "(function(){document.documentElement.dataset.theme='light'})();";
