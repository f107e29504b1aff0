import fs from 'node:fs';
import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { HTTP_LIMITS } from '../../../shared/limits.ts';
import { api } from '../../helpers/http-client.ts';
import type { TestServer } from '../../helpers/test-server.ts';
import { useTestbed } from '../../helpers/testbed.ts';

const bed = useTestbed();
const shipped = JSON.parse(
  fs.readFileSync('templates/bao-cao-chinh-tri-chi-bo-2025-2027.json', 'utf8'),
) as Record<string, unknown>;

interface Answer {
  readonly status: number;
  readonly body: string;
}

/**
 * Posts `json` followed by `padding` spaces (still valid JSON) as a token client, either
 * with a Content-Length or chunked in 64 KiB pieces; resolves with the server's answer. The
 * server may close the connection while the body is still being written: that is expected.
 */
function post(
  server: TestServer,
  path: string,
  token: string,
  json: string,
  padding: number,
  framing: 'length' | 'chunked',
): Promise<Answer> {
  const total = Buffer.byteLength(json) + padding;
  const headers: Record<string, string | number> = {
    'content-type': 'application/json',
    authorization: `Bearer ${token}`,
  };
  if (framing === 'length') headers['content-length'] = total;
  return new Promise((resolve, reject) => {
    const request = http.request(`${server.httpUrl}/api${path}`, { method: 'POST', headers });
    request.on('response', (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      response.on('error', reject);
    });
    // Writing may fail once the server has answered and closed; the answer is what counts.
    request.on('error', (error) => setTimeout(() => reject(error), 1000).unref());
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let left = padding;
    request.write(json);
    const pump = (): void => {
      while (left > 0 && !request.destroyed) {
        const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
        left -= piece.length;
        if (!request.write(piece)) {
          request.once('drain', pump);
          return;
        }
      }
      if (!request.destroyed) request.end();
    };
    pump();
  });
}

function expectTooLarge(answer: Answer): void {
  expect(answer.status).toBe(413);
  const parsed = JSON.parse(answer.body) as { error: { code: string; message: string } };
  expect(parsed.error.code).toBe('payload_too_large');
  expect(parsed.error.message).toMatch(/too large/);
}

async function draftTitles(server: TestServer): Promise<string[]> {
  const response = await api(server, '/drafts', { token: server.workspace.users.editor.token });
  return ((await response.json()) as { drafts: { title: string }[] }).drafts.map((d) => d.title);
}

async function templateIds(server: TestServer): Promise<string[]> {
  const response = await api(server, '/templates', { token: server.workspace.users.reader.token });
  return ((await response.json()) as { templates: { id: string }[] }).templates.map((t) => t.id);
}

describe('request body limit', () => {
  it.each(['length', 'chunked'] as const)(
    'a JSON body over the limit is 413 with the stable shape and nothing is stored (%s)',
    async (framing) => {
      const server = await bed.start();
      const token = server.workspace.users.editor.token;
      const json = JSON.stringify({ title: `Quá lớn ${framing}` });
      const answer = await post(server, '/drafts', token, json, HTTP_LIMITS.jsonBodyBytes + 1, framing);
      expectTooLarge(answer);
      expect(await draftTitles(server)).not.toContain(`Quá lớn ${framing}`);
      // The same body within the limit is stored: the padding alone is what was refused.
      const fits = await post(server, '/drafts', token, json, 1024, framing);
      expect(fits.status).toBe(201);
      expect(await draftTitles(server)).toContain(`Quá lớn ${framing}`);
    },
  );

  it('refuses an oversized sign-in before reading it', async () => {
    const server = await bed.start();
    const json = JSON.stringify({ username: 'editor', password: server.workspace.password });
    expectTooLarge(await post(server, '/auth/sign-in', 'none', json, 100 * 1024 * 1024, 'length'));
  });

  it.each(['length', 'chunked'] as const)(
    'a template import may be larger than a JSON request, up to its own limit (%s)',
    async (framing) => {
      const server = await bed.start();
      const admin = server.workspace.users.reader.token;
      const big = JSON.stringify({ ...shipped, id: `lon-qua-${framing}` });
      const tooBig = await post(server, '/templates', admin, big, HTTP_LIMITS.templateImportBytes, framing);
      expectTooLarge(tooBig);
      expect(await templateIds(server)).not.toContain(`lon-qua-${framing}`);
      const fits = JSON.stringify({ ...shipped, id: `vua-du-${framing}` });
      const accepted = await post(server, '/templates', admin, fits, HTTP_LIMITS.jsonBodyBytes * 2, framing);
      expect(accepted.status).toBe(201);
      expect(await templateIds(server)).toContain(`vua-du-${framing}`);
    },
  );
});
