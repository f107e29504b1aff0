// A deliberately dumb WebSocket client over plain TCP: it does the RFC 6455 handshake itself and then
// writes whatever frames a test asks for, valid or not, to prove the server survives protocol violations.
import { connect, type Socket } from 'node:net';
import { createHash, randomBytes } from 'node:crypto';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const EMPTY = new Uint8Array(0);

/** WebSocket opcodes (RFC 6455 §5.2). */
export const Op = { CONTINUATION: 0x0, TEXT: 0x1, BINARY: 0x2, CLOSE: 0x8, PING: 0x9, PONG: 0xa } as const;

/** One client→server frame; any field may lie (that is the point). */
export interface FrameSpec {
  fin?: boolean;
  rsv1?: boolean;
  rsv2?: boolean;
  rsv3?: boolean;
  opcode: number;
  payload?: Uint8Array;
  /** Default true: RFC 6455 requires clients to mask. */
  mask?: boolean;
  /** Written in the header instead of payload.length; only `payload` itself is sent. */
  declaredLength?: bigint | number;
}

/** A complete (reassembled) data message received from the server. */
export interface Message {
  opcode: number;
  data: Uint8Array;
}

/** How the connection ended; `code` is null if TCP closed without a close frame, 1005 if the frame was empty. */
export interface CloseInfo {
  code: number | null;
  reason: string;
  bySocketEnd: boolean;
}

/** Options for {@link openRawSocket}. */
export interface OpenOptions {
  /** Extra headers (e.g. Origin, sent only if given); same name overrides a default, null omits it. */
  headers?: Record<string, string | null>;
  /** Handshake timeout (default 5000 ms). */
  timeoutMs?: number;
  /** Answer server pings (default true) so liveness checks don't kill long tests. */
  autoPong?: boolean;
  /** Bytes written in the same TCP write as the upgrade request (frames racing the handshake). */
  earlyData?: Uint8Array;
}

/** Rejection of the upgrade: any non-101 answer, or a 101 with a wrong Sec-WebSocket-Accept. */
export class HandshakeError extends Error {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
  constructor(status: number, headers: Record<string, string>, body: string) {
    super(`WebSocket handshake rejected: HTTP ${status} ${body.slice(0, 200)}`);
    this.name = 'HandshakeError';
    this.status = status;
    this.headers = headers;
    this.body = body;
  }
}

/** Serialises a frame exactly as described, validating nothing. */
export function encodeFrame(f: FrameSpec): Buffer {
  const payload = f.payload ?? EMPTY;
  const len = BigInt(f.declaredLength ?? payload.length);
  const mask = f.mask ?? true;
  const b0 =
    ((f.fin ?? true) ? 0x80 : 0) |
    (f.rsv1 ? 0x40 : 0) |
    (f.rsv2 ? 0x20 : 0) |
    (f.rsv3 ? 0x10 : 0) |
    (f.opcode & 0xf);
  const m = mask ? 0x80 : 0;
  // Shortest length encoding, as a real client would use.
  let head: Buffer;
  if (len < 126n) head = Buffer.from([b0, m | Number(len)]);
  else if (len < 65536n) (head = Buffer.from([b0, m | 126, 0, 0])).writeUInt16BE(Number(len), 2);
  else (head = Buffer.from([b0, m | 127, 0, 0, 0, 0, 0, 0, 0, 0])).writeBigUInt64BE(len, 2);
  if (!mask) return Buffer.concat([head, payload]);
  const key = randomBytes(4);
  return Buffer.concat([head, key, xor(payload, key)]);
}

function xor(data: Uint8Array, key: Uint8Array): Buffer {
  const out = Buffer.alloc(data.length);
  for (let i = 0; i < data.length; i++) out[i] = (data[i] ?? 0) ^ (key[i & 3] ?? 0);
  return out;
}

/** Close-frame payload: 2-byte code + reason; pass bytes as `reason` to send invalid UTF-8. */
export function closePayload(code: number, reason: string | Uint8Array = ''): Buffer {
  const head = Buffer.alloc(2);
  head.writeUInt16BE(code, 0);
  return Buffer.concat([head, Buffer.from(reason)]);
}

const live = new Set<RawSocket>();

/** Destroys every RawSocket still open; call from afterEach so no test leaks a socket. */
export function destroyAllRawSockets(): void {
  for (const s of live) s.destroy();
}

/** A connected WebSocket that speaks raw frames. Create with {@link openRawSocket}. */
export class RawSocket {
  /** Every data message received so far, in order. */
  readonly messages: Message[] = [];
  /** Payloads of control frames received from the server. */
  readonly pings: Uint8Array[] = [];
  readonly pongs: Uint8Array[] = [];
  /** Settles on the first of: server close frame, TCP end/error. Never rejects. */
  readonly closed: Promise<CloseInfo>;
  autoPong: boolean;
  private buf: Buffer = Buffer.alloc(0);
  private unread: Message[] = [];
  private waiters: Array<{ resolve: (m: Message) => void; reject: (e: Error) => void }> = [];
  private fragOpcode = -1;
  private fragments: Buffer[] = [];
  private closeInfo: CloseInfo | undefined;
  private lastError: Error | undefined;
  private settleClosed!: (c: CloseInfo) => void;
  private readonly socket: Socket;

  constructor(socket: Socket, leftover: Buffer, autoPong: boolean) {
    this.socket = socket;
    this.autoPong = autoPong;
    this.closed = new Promise((resolve) => (this.settleClosed = resolve));
    live.add(this);
    // Mandatory: writing after the server hung up emits EPIPE/ECONNRESET, which must not crash the test.
    socket.on('error', (e) => (this.lastError = e));
    socket.on('close', () => {
      live.delete(this);
      this.finish({ code: null, reason: this.lastError?.message ?? '', bySocketEnd: true });
    });
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    // Bytes that arrived in the same TCP read as the 101 response are already frames.
    if (leftover.length > 0) this.onData(leftover);
  }

  sendFrame(f: FrameSpec): void {
    this.sendRaw(encodeFrame(f));
  }
  /** Writes arbitrary bytes; silently ignored once the socket is no longer writable. */
  sendRaw(bytes: Uint8Array): void {
    if (this.socket.writable) this.socket.write(bytes);
  }
  sendBinary(data: Uint8Array): void {
    this.sendFrame({ opcode: Op.BINARY, payload: data });
  }
  sendText(s: string): void {
    this.sendFrame({ opcode: Op.TEXT, payload: Buffer.from(s) });
  }
  sendClose(code?: number, reason = ''): void {
    this.sendFrame({ opcode: Op.CLOSE, payload: code === undefined ? EMPTY : closePayload(code, reason) });
  }
  sendPing(payload: Uint8Array = EMPTY): void {
    this.sendFrame({ opcode: Op.PING, payload });
  }

  /** Next not-yet-consumed data message; rejects on timeout or if the connection closes first. */
  nextMessage(timeoutMs = 2000): Promise<Message> {
    const queued = this.unread.shift();
    if (queued) return Promise.resolve(queued);
    if (this.closeInfo) return Promise.reject(closedError(this.closeInfo));
    return new Promise((resolve, reject) => {
      const w = {
        resolve: (m: Message) => (clearTimeout(t), resolve(m)),
        reject: (e: Error) => (clearTimeout(t), reject(e)),
      };
      const t = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        reject(new Error(`no message within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.push(w);
    });
  }

  /** `closed`, but rejecting if the connection is still up after the timeout. */
  waitForClose(timeoutMs = 2000): Promise<CloseInfo> {
    let t: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      t = setTimeout(() => reject(new Error(`connection not closed within ${timeoutMs} ms`)), timeoutMs);
    });
    return Promise.race([this.closed, timeout]).finally(() => clearTimeout(t));
  }

  destroy(): void {
    live.delete(this);
    this.socket.destroy();
  }

  private finish(info: CloseInfo): void {
    if (this.closeInfo) return;
    this.closeInfo = info;
    this.settleClosed(info);
    for (const w of this.waiters.splice(0)) w.reject(closedError(info));
  }

  private onData(chunk: Buffer): void {
    this.buf = this.buf.length > 0 ? Buffer.concat([this.buf, chunk]) : chunk;
    while (this.buf.length >= 2) {
      const b0 = this.buf.readUInt8(0);
      const b1 = this.buf.readUInt8(1);
      let off = 2;
      let len = b1 & 0x7f;
      if (len === 126) {
        if (this.buf.length < 4) return;
        [len, off] = [this.buf.readUInt16BE(2), 4];
      } else if (len === 127) {
        if (this.buf.length < 10) return;
        const big = this.buf.readBigUInt64BE(2);
        if (big > BigInt(Number.MAX_SAFE_INTEGER)) return this.destroy(); // a real server never does this
        [len, off] = [Number(big), 10];
      }
      // Servers must not mask, but tolerate it rather than mis-parse everything after.
      const key = b1 & 0x80 ? this.buf.subarray(off, (off += 4)) : undefined;
      if (this.buf.length < off + len) return;
      const raw = this.buf.subarray(off, off + len);
      this.buf = this.buf.subarray(off + len);
      this.onFrame(b0 >> 7 === 1, b0 & 0xf, key ? xor(raw, key) : Buffer.from(raw));
    }
  }

  private onFrame(fin: boolean, opcode: number, payload: Buffer): void {
    if (opcode === Op.CLOSE) {
      const code = payload.length >= 2 ? payload.readUInt16BE(0) : 1005;
      this.finish({ code, reason: payload.subarray(2).toString('utf8'), bySocketEnd: false });
      // Finish the closing handshake like a well-behaved client, so the server can release the TCP socket.
      this.sendClose(code === 1005 ? undefined : code);
      this.socket.end();
    } else if (opcode === Op.PING) {
      this.pings.push(payload);
      if (this.autoPong) this.sendFrame({ opcode: Op.PONG, payload });
    } else if (opcode === Op.PONG) {
      this.pongs.push(payload);
    } else {
      if (opcode !== Op.CONTINUATION) [this.fragOpcode, this.fragments] = [opcode, []];
      this.fragments.push(payload);
      if (!fin || this.fragOpcode < 0) return;
      const msg = { opcode: this.fragOpcode, data: new Uint8Array(Buffer.concat(this.fragments)) };
      [this.fragOpcode, this.fragments] = [-1, []];
      this.messages.push(msg);
      const w = this.waiters.shift();
      if (w) w.resolve(msg);
      else this.unread.push(msg);
    }
  }
}

function closedError(info: CloseInfo): Error {
  return new Error(`connection closed (code ${info.code}, ${JSON.stringify(info.reason)}) before a message`);
}

/** HTTP/1.1-upgrades `url` (ws:// or http://, no TLS); rejects with HandshakeError on anything but 101. */
export function openRawSocket(url: string, opts: OpenOptions = {}): Promise<RawSocket> {
  const u = new URL(url);
  const defaults = {
    Host: u.host,
    Upgrade: 'websocket',
    Connection: 'Upgrade',
    'Sec-WebSocket-Key': randomBytes(16).toString('base64'),
    'Sec-WebSocket-Version': '13',
  };
  // Keyed case-insensitively so a test can override or (with null) drop any default.
  const fields = new Map<string, [string, string | null]>();
  for (const [k, v] of Object.entries({ ...defaults, ...opts.headers })) fields.set(k.toLowerCase(), [k, v]);
  const key = fields.get('sec-websocket-key')?.[1] ?? '';
  const headerLines = [...fields.values()].flatMap(([k, v]) => (v === null ? [] : [`${k}: ${v}\r\n`]));
  const request = `GET ${u.pathname}${u.search} HTTP/1.1\r\n${headerLines.join('')}\r\n`;
  const timeoutMs = opts.timeoutMs ?? 5000;
  const host = u.hostname.replace(/^\[|\]$/g, '');
  return new Promise((resolve, reject) => {
    // noDelay: otherwise Nagle holds back a second small frame ~40 ms, blurring timing assertions.
    const sock = connect({ host, port: Number(u.port || 80), noDelay: true });
    let buf = Buffer.alloc(0);
    let head: { status: number; headers: Record<string, string> } | undefined;
    const detach = (): void => {
      clearTimeout(timer);
      sock.off('data', onData).off('end', onEnd).off('error', fail);
    };
    const fail = (e: Error): void => {
      detach();
      sock.on('error', () => {}).destroy(); // late errors from the dying socket must not crash the test
      reject(e);
    };
    // On timeout, a known status (e.g. a keep-alive 403 without Content-Length) beats a bare timeout error.
    const timer = setTimeout(
      () =>
        head
          ? rejectIfComplete(true)
          : fail(new Error(`WebSocket handshake timed out after ${timeoutMs} ms`)),
      timeoutMs,
    );
    // A rejection's body ends at Content-Length, else at connection close (chunked is left undecoded).
    const rejectIfComplete = (ended: boolean): void => {
      if (!head) return fail(new Error('connection closed before an HTTP response'));
      const len = Number(head.headers['content-length'] ?? NaN);
      if (!ended && !(buf.length >= len)) return;
      const body = buf.subarray(0, Number.isNaN(len) ? undefined : len).toString('utf8');
      fail(new HandshakeError(head.status, head.headers, body));
    };
    const onEnd = (): void => rejectIfComplete(true);
    const onData = (chunk: Buffer): void => {
      buf = Buffer.concat([buf, chunk]);
      if (!head) {
        const idx = buf.indexOf('\r\n\r\n');
        if (idx < 0) return;
        const [statusLine = '', ...lines] = buf.subarray(0, idx).toString('latin1').split('\r\n');
        const headers: Record<string, string> = {};
        for (const l of lines) {
          const colon = l.indexOf(':');
          if (colon > 0) headers[l.slice(0, colon).trim().toLowerCase()] = l.slice(colon + 1).trim();
        }
        head = { status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0), headers };
        buf = buf.subarray(idx + 4);
      }
      if (head.status !== 101) return rejectIfComplete(false);
      const accept = createHash('sha1')
        .update(key + GUID)
        .digest('base64');
      if (head.headers['sec-websocket-accept'] !== accept) {
        return fail(new HandshakeError(101, head.headers, 'bad Sec-WebSocket-Accept'));
      }
      detach();
      resolve(new RawSocket(sock, buf, opts.autoPong ?? true));
    };
    sock.on('data', onData).on('end', onEnd).on('error', fail);
    sock.write(Buffer.concat([Buffer.from(request, 'latin1'), opts.earlyData ?? EMPTY]));
  });
}

/** A classic protocol violation and the close code a conforming `ws` server answers with. */
export interface InvalidFrameCase {
  name: string;
  /** Sent in order; multi-frame cases first set up state (e.g. an open fragmented message). */
  frames: FrameSpec[];
  expectedCode: number;
}

const PROTOCOL_ERROR = 1002;
const INVALID_DATA = 1007; // invalid UTF-8
const TOO_BIG = 1009;
const bytes = (...b: number[]): Uint8Array => Uint8Array.from(b);
const bin = (f: Partial<FrameSpec>): FrameSpec => ({ opcode: Op.BINARY, payload: bytes(1), ...f });
const close = (payload: Uint8Array, fin = true): FrameSpec => ({ opcode: Op.CLOSE, payload, fin });
const c = (name: string, frames: FrameSpec[], code: number): InvalidFrameCase => ({
  name,
  frames,
  expectedCode: code,
});

/** RFC 6455 violations; codes observed against ws 8.23 with maxPayload 2 MiB (raw-socket.test.ts pins them). */
export const INVALID_FRAMES: InvalidFrameCase[] = [
  c('RSV1 without permessage-deflate', [bin({ rsv1: true })], PROTOCOL_ERROR),
  c('RSV2 set', [bin({ rsv2: true })], PROTOCOL_ERROR),
  c('RSV3 set', [bin({ rsv3: true })], PROTOCOL_ERROR),
  ...[3, 4, 5, 6, 7].map((op) => c(`reserved data opcode 0x${op}`, [bin({ opcode: op })], PROTOCOL_ERROR)),
  ...[0xb, 0xc, 0xd, 0xe, 0xf].map((op) =>
    c(`reserved control opcode 0x${op.toString(16)}`, [{ opcode: op }], PROTOCOL_ERROR),
  ),
  c('ping with 126-byte payload', [{ opcode: Op.PING, payload: new Uint8Array(126) }], PROTOCOL_ERROR),
  c('fragmented ping (FIN=0)', [{ opcode: Op.PING, fin: false }], PROTOCOL_ERROR),
  c('fragmented close (FIN=0)', [close(closePayload(1000), false)], PROTOCOL_ERROR),
  // 1005/1006/1015 are reserved for local reporting and must never appear on the wire.
  ...[999, 1005, 1006, 1015].map((code) =>
    c(`close with code ${code}`, [close(closePayload(code))], PROTOCOL_ERROR),
  ),
  c('close with 1-byte payload', [close(bytes(0x03))], PROTOCOL_ERROR),
  c('close with invalid UTF-8 reason', [close(closePayload(1000, bytes(0xc3, 0x28)))], INVALID_DATA),
  c('orphan continuation frame', [bin({ opcode: Op.CONTINUATION })], PROTOCOL_ERROR),
  c('new data frame inside a fragmented message', [bin({ fin: false }), bin({})], PROTOCOL_ERROR),
  c('unmasked client frame', [bin({ mask: false })], PROTOCOL_ERROR),
  c('text frame with invalid UTF-8', [{ opcode: Op.TEXT, payload: bytes(0xff, 0xfe) }], INVALID_DATA),
  // Header only: the server must refuse from the declared length, not wait for (or buffer) the data.
  c('declared length 2^63', [bin({ payload: EMPTY, declaredLength: 2n ** 63n })], TOO_BIG),
  c('declared length 2 MiB + 1', [bin({ payload: EMPTY, declaredLength: 2 * 1024 * 1024 + 1 })], TOO_BIG),
];
