/**
 * `npm run bench:half-open`: issue 18's silent connections. Starts a real server process,
 * opens CONNECTIONS (default 2000) TCP connections from this machine that never send a byte,
 * and reports how many the server still holds after 1 s, when the last one was closed, and
 * the server's RSS growth over its idle baseline (peak, sampled every 20 ms).
 */
import net from 'node:net';
import path from 'node:path';
import { sampleRssGrowth } from './proc.ts';
import { makeTempDir, removeDir, runBench, startServer, stopServer } from './server-process.ts';

const CONNECTIONS = Number(process.env.CONNECTIONS ?? 2000);

async function main(): Promise<void> {
  const dataDir = makeTempDir('vankien-half-open-');
  const server = await startServer({
    kind: 'ours',
    dataDir,
    logFile: path.join(dataDir, 'server.log'),
    launcher: 'node',
    // The harness lifts the cap for load benches (every client shares this address); here it is the subject.
    env: { MAX_PENDING_PER_IP: process.env.MAX_PENDING_PER_IP ?? '128' },
  });
  try {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const rss = sampleRssGrowth(server.pid);
    const t0 = performance.now();
    let open = 0;
    let lastClose = 0;
    const closed: Promise<void>[] = [];
    for (let i = 0; i < CONNECTIONS; i++) {
      const socket = net.connect({ host: '127.0.0.1', port: server.port });
      socket.on('error', () => {});
      socket.once('connect', () => (open += 1));
      closed.push(
        new Promise((resolve) =>
          socket.once('close', () => {
            open -= 1;
            lastClose = performance.now() - t0;
            resolve();
          }),
        ),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const heldAfter1s = open;
    await Promise.all(closed);
    const rssLine = rss.stop();
    console.log(
      `${CONNECTIONS} silent TCP connections from one address: ${heldAfter1s} still open after 1 s, ` +
        `the last closed by the server after ${lastClose.toFixed(0)} ms`,
    );
    console.log(rssLine);
  } finally {
    await stopServer(server);
    removeDir(dataDir);
  }
}

runBench(main);
