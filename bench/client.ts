/**
 * Client-side helpers shared by the load generator and the join benchmark: a stock
 * `WebsocketProvider` over `ws`, bounded waits, and realistic Vietnamese typing material.
 */
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';

type ProviderOptions = NonNullable<ConstructorParameters<typeof WebsocketProvider>[3]>;
// `ws` is API-compatible with the DOM WebSocket that y-websocket expects, but its typings do
// not declare the EventTarget half, hence the one deliberate cast.
const WS = WebSocket as unknown as NonNullable<ProviderOptions['WebSocketPolyfill']>;

/** A stock y-websocket client: its own Y.Doc plus provider. */
export interface Client {
  doc: Y.Doc;
  provider: WebsocketProvider;
}

/**
 * Creates a stock provider exactly as a Node client would (no BroadcastChannel), passing its
 * API token the way y-websocket passes URL parameters: `?token=<token>` on every (re)connect.
 */
export function connectClient(collabUrl: string, room: string, token: string, doc = new Y.Doc()): Client {
  const provider = new WebsocketProvider(collabUrl, room, doc, {
    WebSocketPolyfill: WS,
    disableBc: true,
    params: { token },
  });
  return { doc, provider };
}

/** Disconnects and frees a client. */
export function closeClient(c: Client): void {
  c.provider.destroy();
  c.doc.destroy();
}

/** Resolves when the provider reports `sync(true)`; rejects after `timeoutMs`. */
export function waitSynced(provider: WebsocketProvider, timeoutMs: number): Promise<void> {
  if (provider.synced) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onSync = (state: boolean): void => {
      if (!state) return;
      clearTimeout(timer);
      provider.off('sync', onSync);
      resolve();
    };
    const timer = setTimeout(() => {
      provider.off('sync', onSync);
      reject(new Error(`no sync from ${provider.url} within ${timeoutMs} ms`));
    }, timeoutMs);
    provider.on('sync', onSync);
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
