/**
 * Client-side helpers shared by the load generator and the join benchmark: the `Client`
 * abstraction over the two wire protocols under test (a stock y-websocket `WebsocketProvider`
 * over `ws` here, a `HocuspocusProvider` in client-hocuspocus.ts), bounded waits, and
 * realistic Vietnamese typing material.
 */
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { loadHocuspocusConnect } from './client-hocuspocus.js';

type ProviderOptions = NonNullable<ConstructorParameters<typeof WebsocketProvider>[3]>;
// `ws` is API-compatible with the DOM WebSocket that y-websocket expects, but its typings do
// not declare the EventTarget half, hence the one deliberate cast.
const WS = WebSocket as unknown as NonNullable<ProviderOptions['WebSocketPolyfill']>;

/** Wire protocol of a server: ours and @y/websocket-server speak y-websocket, Hocuspocus its own. */
export type Protocol = 'y-websocket' | 'hocuspocus';

/** One simulated editor: its own Y.Doc plus a provider with its own WebSocket. */
export interface Client {
  readonly doc: Y.Doc;
  /** The provider has completed its first sync with the server. */
  readonly synced: boolean;
  /** Whether a transaction origin is this client's provider applying what the server sent. */
  isRemote(origin: unknown): boolean;
  /** Calls `cb` each time the provider reports sync(true); returns the unsubscribe. */
  onSynced(cb: () => void): () => void;
  /** Calls `cb` when the WebSocket opens. */
  onOpen(cb: () => void): void;
  /** Calls `cb` when the WebSocket closes. */
  onClose(cb: () => void): void;
  /** Sets the local awareness field `user` (presence, as an editor does). */
  setUser(name: string): void;
  /** Bytes queued on the socket and not yet handed to the kernel. */
  bufferedAmount(): number;
  /** Disconnects and frees the provider and the doc. */
  destroy(): void;
}

/** Creates a connected client of one protocol; `room` is the draft id, `token` its credential. */
export type Connect = (collabUrl: string, room: string, token: string, doc?: Y.Doc) => Client;

/**
 * A stock provider exactly as a Node client would create it (no BroadcastChannel), passing its
 * API token the way y-websocket passes URL parameters: `?token=<token>` on every (re)connect.
 */
export const connectYWebsocket: Connect = (collabUrl, room, token, doc = new Y.Doc()) => {
  const provider = new WebsocketProvider(collabUrl, room, doc, {
    WebSocketPolyfill: WS,
    disableBc: true,
    params: { token },
  });
  return {
    doc,
    get synced() {
      return provider.synced;
    },
    isRemote: (origin) => origin === provider,
    onSynced(cb) {
      const handler = (state: boolean): void => {
        if (state) cb();
      };
      provider.on('sync', handler);
      return () => provider.off('sync', handler);
    },
    onOpen(cb) {
      provider.on('status', ({ status }: { status: string }) => {
        if (status === 'connected') cb();
      });
    },
    onClose: (cb) => provider.on('connection-close', () => cb()),
    setUser: (name) => provider.awareness.setLocalStateField('user', { name }),
    bufferedAmount: () => provider.ws?.bufferedAmount ?? 0,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
};

/** The `Connect` of a protocol (Hocuspocus' provider is loaded from the on-demand install). */
export async function connectFor(protocol: Protocol): Promise<Connect> {
  return protocol === 'hocuspocus' ? loadHocuspocusConnect() : connectYWebsocket;
}

/** Disconnects and frees a client. */
export function closeClient(c: Client): void {
  c.destroy();
}

/** Resolves when the client reports its first sync; rejects after `timeoutMs`. */
export function waitSynced(c: Client, timeoutMs: number): Promise<void> {
  if (c.synced) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const off = c.onSynced(() => {
      clearTimeout(timer);
      off();
      resolve();
    });
    const timer = setTimeout(() => {
      off();
      reject(new Error(`no sync within ${timeoutMs} ms`));
    }, timeoutMs);
  });
}

/** Polls `predicate` every `intervalMs` until true; returns false on timeout instead of throwing. */
export async function waitUntil(
  predicate: () => boolean,
  timeoutMs: number,
  intervalMs = 50,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (predicate()) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

// Phrases from the kind of text the product edits; all precomposed (NFC), so one UTF-16 unit
// per letter and slicing never splits a character.
const PHRASES = [
  'Đảng bộ lãnh đạo ',
  'phát triển kinh tế - xã hội ',
  'xây dựng, chỉnh đốn Đảng ',
  'nâng cao đời sống nhân dân ',
  'văn kiện đại hội đại biểu ',
  'nhiệm kỳ 2025 - 2030 ',
  'đổi mới sáng tạo, chuyển đổi số ',
  'quốc phòng, an ninh được giữ vững ',
].map((p) => p.normalize('NFC'));

/** An endless stream of typed text; each call returns the next `n` characters. */
export class Typist {
  private phrase: string;
  private pos = 0;
  constructor(private readonly rand: () => number = Math.random) {
    this.phrase = this.pick();
  }

  /** The next `n` characters the user "types". */
  next(n: number): string {
    let out = '';
    while (out.length < n) {
      if (this.pos >= this.phrase.length) {
        this.phrase = this.pick();
        this.pos = 0;
      }
      const take = Math.min(n - out.length, this.phrase.length - this.pos);
      out += this.phrase.slice(this.pos, this.pos + take);
      this.pos += take;
    }
    return out;
  }

  private pick(): string {
    return PHRASES[Math.floor(this.rand() * PHRASES.length)] ?? PHRASES[0] ?? ' ';
  }
}

/** Appends a ProseMirror-like `paragraph` holding a Y.XmlText to `fragment`; returns the text. */
export function addParagraph(fragment: Y.XmlFragment, initial: string, index = fragment.length): Y.XmlText {
  const text = new Y.XmlText();
  fragment.doc?.transact(() => {
    const para = new Y.XmlElement('paragraph');
    fragment.insert(index, [para]);
    para.insert(0, [text]);
    if (initial.length > 0) text.insert(0, initial);
  });
  return text;
}

/**
 * The draft text (the `content` fragment as XML). `toJSON` is the typed alias of the
 * fragment's `toString`, which Yjs' typings do not declare.
 */
export function contentText(doc: Y.Doc): string {
  return doc.getXmlFragment('content').toJSON();
}

/** Random integer in [lo, hi]. */
export function randInt(lo: number, hi: number): number {
  return lo + Math.floor(Math.random() * (hi - lo + 1));
}
