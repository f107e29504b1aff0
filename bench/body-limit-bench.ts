/**
 * `npm run bench:body-limit`: issue 18's target for request bodies. Starts a real server
 * process (TypeScript source, `node --import tsx`), then sends BODIES (default 20) sign-in
 * requests of BODY_MB (default 100) MB each, all at once, from the allowed Origin: half with
 * a Content-Length, half chunked. Samples the server's RSS every 20 ms and prints the growth
 * over the idle baseline (target ≤ 50 MB), the statuses and the time to the last answer.
 */
import http from 'node:http';
import path from 'node:path';
import { sampleRssGrowth } from './proc.ts';
import { makeTempDir, removeDir, runBench, startServer, stopServer } from './server-process.ts';

const BODIES = Number(process.env.BODIES ?? 20);
const BODY_BYTES = Number(process.env.BODY_MB ?? 100) * 1024 * 1024;
const MB = 1024 * 1024;

/** Posts BODY_BYTES of JSON-ish bytes; resolves with the status (0 if the connection failed first). */
function send(url: string, origin: string, chunked: boolean): Promise<number> {
  const headers: Record<string, string | number> = { 'content-type': 'application/json', origin };
  if (!chunked) headers['content-length'] = BODY_BYTES;
  return new Promise((resolve) => {
    let status = 0;
    const request = http.request(url, { method: 'POST', headers });
    request.on('response', (response) => {
      status = response.statusCode ?? 0;
      response.resume();
      response.on('end', () => resolve(status));
    });
    request.on('error', () => setTimeout(() => resolve(status), 200));
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let left = BODY_BYTES;
    const pump = (): void => {
      while (left > 0 && !request.destroyed) {
        left -= chunk.length;
        if (!request.write(chunk)) {
          request.once('drain', pump);
          return;
        }
      }
      if (!request.destroyed) request.end();
    };
    pump();
  });
}

async function main(): Promise<void> {
  const dataDir = makeTempDir('vankien-body-limit-');
  const server = await startServer({
    kind: 'ours',
    dataDir,
    logFile: path.join(dataDir, 'server.log'),
    launcher: 'node',
  });
  try {
    // Warm the routes once so the baseline holds the loaded modules.
    await send(`${server.httpUrl}/api/auth/sign-in`, server.httpUrl, false);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const rss = sampleRssGrowth(server.pid);
    const t0 = performance.now();
    const statuses = await Promise.all(
      Array.from({ length: BODIES }, (_, i) =>
        send(`${server.httpUrl}/api/auth/sign-in`, server.httpUrl, i % 2 === 1),
      ),
    );
    const elapsed = performance.now() - t0;
    const rssLine = rss.stop('≤ 50 MB');
    const counts = new Map<number, number>();
    for (const s of statuses) counts.set(s, (counts.get(s) ?? 0) + 1);
    console.log(
      `${BODIES} × ${BODY_BYTES / MB} MB sign-in bodies in parallel (half chunked): ` +
        `statuses ${[...counts].map(([s, n]) => `${s}×${n}`).join(' ')}, last answer after ${elapsed.toFixed(0)} ms`,
    );
    console.log(rssLine);
  } finally {
    await stopServer(server);
    removeDir(dataDir);
  }
}

runBench(main);
