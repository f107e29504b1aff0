import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { CONTENT_FRAGMENT } from '../../shared/editor/fragment.ts';
import { ASK_STATE, holdsAll, stepTwoPayload } from './sync-barrier.ts';
import { sleep, waitFor } from './wait.ts';

/** A stock y-websocket client on its own Y.Doc, as a browser tab would run it. */
export interface CollabClient {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  /** Resolves once the first sync with the server has completed. */
  synced(timeoutMs?: number): Promise<void>;
  /**
   * Resolves with the server's committed document once the server has answered a request sent
   * now: every message this client sent before has been handled (a write refused, dropped or
   * awaiting its commit; an awareness update applied).
   */
  roundTrip(timeoutMs?: number): Promise<Uint8Array>;
  /** Resolves once the server has durably stored every edit this client has (asks until it has). */
  flushed(timeoutMs?: number): Promise<void>;
  /** Plain text of the draft: its paragraphs joined by newlines. */
  text(): string;
  /** Appends empty paragraphs until the draft has `count` of them. */
  addParagraphs(count: number): void;
  /** Appends `text` to paragraph `index` (which must exist) in one transaction. */
  type(text: string, index?: number): void;
  destroy(): void;
}

/** Connects a stock `WebsocketProvider` (ws polyfill, no BroadcastChannel) to `room`, with an API token. */
export function newCollabClient(
  wsUrl: string,
  room: string,
  options: { connect?: boolean; token?: string; headers?: Record<string, string> } = {},
): CollabClient {
  // The stock provider adds a process 'exit' listener per instance (removed on destroy);
  // a test with a dozen clients in one process is not a leak.
  if (process.getMaxListeners() < 64) process.setMaxListeners(64);
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(wsUrl, room, doc, {
    WebSocketPolyfill: (options.headers === undefined
      ? WebSocket
      : withHeaders(options.headers)) as typeof globalThis.WebSocket,
    disableBc: true,
    connect: options.connect ?? true,
    params: options.token === undefined ? {} : { token: options.token },
  });
  const fragment = doc.getXmlFragment(CONTENT_FRAGMENT);
  const synced = (timeoutMs = 10_000) => waitFor(() => provider.synced, `client sync in ${room}`, timeoutMs);
  const roundTrip = async (timeoutMs = 10_000): Promise<Uint8Array> => {
    // After the first sync no answer of the provider's own step 1 is outstanding: the next
    // step 2 on the socket is ours.
    await synced(timeoutMs);
    return askState(provider, room, timeoutMs);
  };
  return {
    doc,
    provider,
    synced,
    roundTrip,
    async flushed(timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      // A write is in the answer once committed; until then ask again, spaced so that the
      // asks stay well under the per-connection message rate limit.
      while (!holdsAll(await roundTrip(Math.max(1, deadline - Date.now())), doc)) {
        if (Date.now() > deadline)
          throw new Error(`timed out after ${timeoutMs} ms waiting for ${room} to store our edits`);
        await sleep(20);
      }
    },
    text: () => fragmentText(doc),
    addParagraphs(count) {
      doc.transact(() => {
        while (fragment.length < count) fragment.push([paragraph('')]);
      });
    },
    type(text, index = 0) {
      doc.transact(() => {
        if (fragment.length === 0 && index === 0) fragment.push([paragraph('')]);
        const node = fragment.get(index) as Y.XmlElement;
        const xmlText = node.get(0) as Y.XmlText;
        xmlText.insert(xmlText.length, text);
      });
    },
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Sends an empty sync step 1 on the provider's socket and resolves with the step 2 answering it. */
function askState(provider: WebsocketProvider, room: string, timeoutMs: number): Promise<Uint8Array> {
  const ws = provider.ws;
  if (ws === null) return Promise.reject(new Error(`no socket to ${room}`));
  return new Promise((resolve, reject) => {
    const onMessage = (event: MessageEvent) => {
      const state = stepTwoPayload(new Uint8Array(event.data as ArrayBuffer));
      if (state === null) return;
      done();
      resolve(state);
    };
    const timer = setTimeout(
      () => {
        done();
        reject(new Error(`no answer from ${room} within ${timeoutMs} ms`));
      },
      Math.max(1, timeoutMs),
    );
    const done = () => {
      clearTimeout(timer);
      ws.removeEventListener('message', onMessage);
    };
    ws.addEventListener('message', onMessage);
    ws.send(ASK_STATE);
  });
}

/** The text of a draft document: paragraphs joined by newlines. */
export function fragmentText(doc: Y.Doc): string {
  return doc
    .getXmlFragment(CONTENT_FRAGMENT)
    .toArray()
    .map((node) =>
      node instanceof Y.XmlElement
        ? node
            .toArray()
            .map((t) => (t instanceof Y.XmlText ? String(t.toString()) : ''))
            .join('')
        : '',
    )
    .join('\n');
}

function paragraph(text: string): Y.XmlElement {
  const element = new Y.XmlElement('paragraph');
  element.insert(0, [new Y.XmlText(text)]);
  return element;
}

/** A `ws` WebSocket class that sends extra handshake headers (a browser's Cookie and Origin). */
function withHeaders(headers: Record<string, string>): unknown {
  return class extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  };
}
