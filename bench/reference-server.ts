/**
 * Reference server for the benchmark: stock `@y/websocket-server` 0.1.1, in memory.
 *
 * Run as its own process (`tsx bench/reference-server.ts`) with PORT and HOST in the env, so
 * it is measured exactly like ours: same launcher, same CPU/RSS accounting of the process tree.
 * Serves the collab socket on `/collab/<room>` (same URL shape as ours) and `GET /healthz`.
 */
import http from 'node:http';
import { WebSocketServer } from 'ws';
import { setupWSConnection } from '@y/websocket-server/utils';

// Persistence is switched on by this env var inside the package; the reference must stay in
// memory so that it measures pure relaying, and so a restart really loses everything.
delete process.env.YPERSISTENCE;

const port = Number(process.env.PORT ?? '0');
const host = process.env.HOST ?? '127.0.0.1';
const ROOM = /^\/collab\/([A-Za-z0-9_-]{1,64})$/;

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/healthz') {
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    return;
  }
  res.writeHead(404).end();
});

const wss = new WebSocketServer({ noServer: true });

server.on('upgrade', (req, socket, head) => {
  const path = (req.url ?? '').split('?')[0] ?? '';
  const match = ROOM.exec(path);
  if (match === null) {
    socket.end('HTTP/1.1 404 Not Found\r\n\r\n');
    return;
  }
  const docName = match[1] ?? '';
  wss.handleUpgrade(req, socket, head, (ws) => {
    // Pass the bare room name so the reference keys documents the same way ours does.
    setupWSConnection(ws, req, { docName });
  });
});

server.listen(port, host);

// Exit promptly and with code 0 on SIGTERM/SIGINT, like ours is expected to.
const shutdown = (): void => {
  for (const client of wss.clients) client.terminate();
  wss.close();
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 2000).unref();
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
