// The static server must never serve a file outside its folder, whatever the request path looks like,
// and must label files with the content type browsers need (scripts as JavaScript, pages as HTML).
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentType, createSiteServer, resolveInside } from '../../../site/serve.mjs';

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
    await writeFile(path.join(dir, 'secret.txt'), 'outside');
    server = createSiteServer({ root: path.join(dir, 'site') });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await rm(dir, { recursive: true, force: true });
  });

  /** A raw GET, so the path reaches the server exactly as written (fetch would normalise "..”). */
  const raw = (p: string) => new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    http.get(`${base}${p}`, { path: p }, (res) => {
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
});
