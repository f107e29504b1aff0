// Validates the raw-socket helper against the real `ws` server, and thereby pins
// the close codes that INVALID_FRAMES claims a conforming server sends.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:net';
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  HandshakeError,
  INVALID_FRAMES,
  encodeFrame,
  Op,
  destroyAllRawSockets,
  openRawSocket,
  type RawSocket,
} from './raw-socket.ts';

const MAX_PAYLOAD = 2 * 1024 * 1024;
let wss: WebSocketServer;
let url: string;
/** Errors the server emitted per socket; proves the violation was detected server-side. */
const serverErrors: Error[] = [];
const connected: WebSocket[] = [];

beforeAll(async () => {
  wss = new WebSocketServer({
    host: '127.0.0.1',
    port: 0,
    maxPayload: MAX_PAYLOAD,
    verifyClient: (info, cb) => {
      if (info.req.url === '/deny') cb(false, 401, 'Unauthorized');
      else if (info.req.url === '/forbidden') cb(false, 403, 'Forbidden');
      else cb(true);
    },
  });
  wss.on('connection', (ws, req) => {
    connected.push(ws);
    // Without this listener a protocol violation is an unhandled 'error' and kills the process.
    ws.on('error', (e) => serverErrors.push(e));
    ws.on('message', (data, isBinary) => ws.send(data, { binary: isBinary }));
    if (req.url === '/origin') ws.send(`origin=${req.headers.origin ?? '(none)'}`);
    if (req.url === '/fragmented') {
      ws.send(Buffer.from('frag-'), { fin: false });
      ws.send(Buffer.from('ment-'), { fin: false });
      ws.send(Buffer.from('ed'), { fin: true });
    }
  });
  await new Promise<void>((resolve) => wss.once('listening', resolve));
  url = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`;
});

afterEach(() => destroyAllRawSockets());
afterAll(async () => {
  for (const c of wss.clients) c.terminate();
  await new Promise<void>((resolve) => wss.close(() => resolve()));
});

async function echoRoundTrip(sock: RawSocket, data: Uint8Array): Promise<void> {
  sock.sendBinary(data);
  const msg = await sock.nextMessage(2000);
  expect(msg.opcode).toBe(Op.BINARY);
  expect(Buffer.from(msg.data).equals(Buffer.from(data))).toBe(true);
}

describe('raw-socket helper against a real ws server', () => {
  it('completes the handshake and round-trips binary messages of 7/16/64-bit lengths', async () => {
    const sock = await openRawSocket(url);
    for (const n of [0, 5, 125, 126, 65535, 65536, 300_000]) {
      await echoRoundTrip(
        sock,
        Uint8Array.from({ length: n }, (_, i) => i & 0xff),
      );
    }
    sock.sendText('héllo');
    const text = await sock.nextMessage();
    expect(text.opcode).toBe(Op.TEXT);
    expect(Buffer.from(text.data).toString()).toBe('héllo');
    expect(sock.messages).toHaveLength(8);
    sock.sendClose(1000, 'bye');
    expect(await sock.waitForClose()).toEqual({ code: 1000, reason: 'bye', bySocketEnd: false });
  });

  it('sends Origin only when asked to', async () => {
    const without = await openRawSocket(`${url}/origin`);
    expect(Buffer.from((await without.nextMessage()).data).toString()).toBe('origin=(none)');
    const withOrigin = await openRawSocket(`${url}/origin`, { headers: { Origin: 'https://evil.example' } });
    expect(Buffer.from((await withOrigin.nextMessage()).data).toString()).toBe('origin=https://evil.example');
  });

  it('reassembles fragmented server messages and answers pings unless told not to', async () => {
    const sock = await openRawSocket(`${url}/fragmented`);
    expect(Buffer.from((await sock.nextMessage()).data).toString()).toBe('frag-ment-ed');
    const server = connected.at(-1)!;
    const pong = new Promise<Buffer>((resolve) => server.once('pong', resolve));
    server.ping(Buffer.from('are-you-there'));
    expect((await pong).toString()).toBe('are-you-there');

    const mute = await openRawSocket(url, { autoPong: false });
    const mutedServer = connected.at(-1)!;
    let ponged = false;
    mutedServer.once('pong', () => (ponged = true));
    mutedServer.ping(Buffer.from('x'));
    await expect.poll(() => mute.pings.length).toBe(1);
    // A positive barrier: a pong would have been written before this message, on the same TCP stream.
    const after = new Promise((resolve) => mutedServer.once('message', resolve));
    mute.sendText('after the ping');
    await after;
    expect(ponged).toBe(false);
  });

  it('rejects non-101 answers with status and body', async () => {
    for (const [path, status, body] of [
      ['/deny', 401, 'Unauthorized'],
      ['/forbidden', 403, 'Forbidden'],
    ] as const) {
      const err = await openRawSocket(`${url}${path}`).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(HandshakeError);
      expect((err as HandshakeError).status).toBe(status);
      expect((err as HandshakeError).body).toBe(body);
    }
    // Defaults can be overridden or dropped to build malformed handshakes (ws accepts versions 8 and 13).
    const badVersion = await openRawSocket(url, { headers: { 'sec-websocket-version': '7' } }).catch(
      (e: unknown) => e,
    );
    expect(badVersion).toMatchObject({
      status: 400,
      body: 'Missing or invalid Sec-WebSocket-Version header',
    });
    const noKey = await openRawSocket(url, { headers: { 'Sec-WebSocket-Key': null } }).catch(
      (e: unknown) => e,
    );
    expect(noKey).toMatchObject({ status: 400, body: 'Missing or invalid Sec-WebSocket-Key header' });
  });

  it('can race an invalid frame against the handshake (same TCP write)', async () => {
    const early = encodeFrame({ opcode: Op.BINARY, rsv2: true, payload: Uint8Array.of(1) });
    const sock = await openRawSocket(url, { earlyData: early });
    expect(await sock.waitForClose()).toMatchObject({ code: 1002, bySocketEnd: false });
    await echoRoundTrip(await openRawSocket(url), Uint8Array.of(4, 5, 6));
  });

  it('keeps frame bytes that arrive in the same TCP read as the 101', async () => {
    // A fake server writes the 101 and a frame in ONE write so they cannot be split.
    const fake: Server = createServer((s) => {
      s.once('data', (req) => {
        const key = /Sec-WebSocket-Key: (\S+)/i.exec(req.toString())?.[1] ?? '';
        const accept = createHash('sha1')
          .update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`)
          .digest('base64');
        const head = `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`;
        s.end(Buffer.concat([Buffer.from(head), Buffer.from([0x82, 0x03, 7, 8, 9])]));
      });
    });
    await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
    try {
      const sock = await openRawSocket(`ws://127.0.0.1:${(fake.address() as AddressInfo).port}/`);
      expect(Array.from((await sock.nextMessage()).data)).toEqual([7, 8, 9]);
      expect(await sock.waitForClose()).toMatchObject({ code: null, bySocketEnd: true });
    } finally {
      fake.close();
    }
  });

  it.each(INVALID_FRAMES)(
    '$name → close $expectedCode, server keeps serving',
    async ({ frames, expectedCode }) => {
      const errorsBefore = serverErrors.length;
      const sock = await openRawSocket(url);
      for (const f of frames) sock.sendFrame(f);
      const info = await sock.waitForClose(2000);
      expect(info.code).toBe(expectedCode);
      expect(info.bySocketEnd).toBe(false);
      expect(serverErrors.length).toBe(errorsBefore + 1);
      // A fresh client must still be served.
      const fresh = await openRawSocket(url);
      await echoRoundTrip(fresh, Uint8Array.of(1, 2, 3));
    },
  );

  it('refuses an oversized declared length from the header alone', async () => {
    const sock = await openRawSocket(url);
    // No payload follows: a 1009 close can only come from the declared length, so no clock is needed.
    sock.sendFrame({ opcode: Op.BINARY, declaredLength: MAX_PAYLOAD + 1 });
    const info = await sock.waitForClose(1000);
    expect(info.code).toBe(1009);
  });
});
