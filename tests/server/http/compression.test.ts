import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config.ts';
import { startupBanner } from '../../../server/startup-banner.ts';
import { api } from '../../helpers/http-client.ts';
import { useTestbed } from '../../helpers/testbed.ts';

const bed = useTestbed();
let clientDir = '';
const SCRIPT = `console.log(${JSON.stringify('vankien '.repeat(4000))});\n`;

beforeAll(() => {
  // A built client as Vite leaves it: index.html, a hashed asset and its precompressed copies.
  clientDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vk-client-'));
  fs.mkdirSync(path.join(clientDir, 'assets'));
  fs.writeFileSync(
    path.join(clientDir, 'index.html'),
    `<!doctype html><title>vankien</title>${'<p>x</p>'.repeat(300)}`,
  );
  const asset = path.join(clientDir, 'assets', 'index-AbC123.js');
  fs.writeFileSync(asset, SCRIPT);
  fs.writeFileSync(`${asset}.br`, zlib.brotliCompressSync(SCRIPT));
  fs.writeFileSync(`${asset}.gz`, zlib.gzipSync(SCRIPT));
});
afterAll(() => fs.rmSync(clientDir, { recursive: true, force: true }));

describe('compression and caching', () => {
  it('hashed assets come precompressed (br, else gzip) and cached for a year; index.html is revalidated', async () => {
    const server = await bed.start({}, { clientDir });
    const br = await fetch(`${server.browserUrl}/assets/index-AbC123.js`, {
      headers: { 'accept-encoding': 'gzip, br' },
    });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(Number(br.headers.get('content-length'))).toBeLessThan(SCRIPT.length / 10);
    const gz = await fetch(`${server.browserUrl}/assets/index-AbC123.js`, {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(await gz.text()).toBe(SCRIPT);
    for (const page of ['/', '/drafts/abc']) {
      const html = await fetch(`${server.browserUrl}${page}`, {
        headers: { 'accept-encoding': 'br', accept: 'text/html' },
      });
      expect(html.status).toBe(200);
      expect(html.headers.get('cache-control')).toBe('no-cache');
    }
    const fallback = await fetch(`${server.browserUrl}/drafts/abc`, {
      headers: { 'accept-encoding': 'br', accept: 'text/html' },
    });
    expect(fallback.headers.get('content-encoding')).toBe('br');
  });

  it('JSON answers are compressed when large enough and decode to the same body; small ones and SSE are not', async () => {
    const server = await bed.start();
    const token = server.workspace.users.reader.token;
    const plain = await (await api(server, '/openapi.json', { token })).text();
    const raw = await fetch(`${server.httpUrl}/api/openapi.json`, {
      headers: { 'accept-encoding': 'br', authorization: `Bearer ${token}` },
    });
    expect(raw.headers.get('content-encoding')).toBe('br');
    expect(raw.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(Number(raw.headers.get('content-length'))).toBeLessThan(plain.length / 4);
    const gz = await fetch(`${server.httpUrl}/api/openapi.json`, { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(await gz.text()).toBe(plain);
    const small = await fetch(`${server.httpUrl}/healthz`, { headers: { 'accept-encoding': 'br' } });
    expect(small.headers.get('content-encoding')).toBeNull();
    expect(await small.json()).toEqual({ ok: true, database: true });
    const events = new AbortController();
    const stream = await fetch(`${server.httpUrl}/api/drafts/${server.workspace.draft('d1')}/events`, {
      headers: { 'accept-encoding': 'br', authorization: `Bearer ${token}` },
      signal: events.signal,
    });
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    expect(stream.headers.get('content-encoding')).toBeNull();
    events.abort();
    const error = await fetch(`${server.httpUrl}/api/drafts/nope`, { headers: { 'accept-encoding': 'br' } });
    expect([error.status, ((await error.json()) as { error: { code: string } }).error.code]).toEqual([
      401,
      'unauthenticated',
    ]);
  });

  it('the start-up banner names the address to open and where the demo passwords are', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vk-banner-'));
    try {
      const config = loadConfig({ DATA_DIR: dataDir, PORT: '3456', PUBLIC_URL: 'http://localhost:3456' });
      expect(startupBanner(config, 3456)).toBe(
        'vankien: mở / open http://localhost:3456  (lắng nghe / listening on 127.0.0.1:3456)\n',
      );
      fs.writeFileSync(path.join(dataDir, 'demo-credentials.txt'), 'x');
      // Outside the working directory: the full path, not a trail of ../
      expect(startupBanner(config, 3456)).toContain(
        `demo accounts: ${path.join(dataDir, 'demo-credentials.txt')}\n`,
      );
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
