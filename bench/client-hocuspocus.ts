/**
 * The `Client` of a Hocuspocus server: one `HocuspocusProvider` 3.x per client with its own
 * WebSocket (the provider creates and manages it when given `url`), as one browser tab would.
 * Hocuspocus frames every message with the document name, so the URL's path is irrelevant to
 * it; the token travels in its Auth message (the bench server has no onAuthenticate hook, so
 * it is accepted unchecked, like the y-websocket reference ignores `?token=`).
 *
 * The provider is imported from the on-demand install (bench/hocuspocus-install.ts) by
 * absolute path, as its ESM build, which imports the project's ESM yjs: the Y.Doc created here
 * and the one the provider applies updates to are of the same yjs instance.
 */
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import type { Client, Connect } from './client.js';
import { ensureHocuspocus, hocuspocusEsmUrl } from './hocuspocus-install.js';

/** The part of @hocuspocus/provider 3.x's HocuspocusProvider used here (see its HocuspocusProvider.d.ts). */
interface HocuspocusProvider {
  readonly isSynced: boolean;
  on(event: string, cb: (...args: unknown[]) => void): unknown;
  off(event: string, cb: (...args: unknown[]) => void): unknown;
  setAwarenessField(key: string, value: unknown): void;
  destroy(): void;
  configuration: { websocketProvider: { webSocket: { bufferedAmount: number } | null } };
}

/** Its constructor's options: `name` and `url` are required; `WebSocketPolyfill` is handed to the websocket it creates. */
interface ProviderModule {
  HocuspocusProvider: new (config: {
    url: string;
    name: string;
    document: Y.Doc;
    token: string;
    WebSocketPolyfill: unknown;
  }) => HocuspocusProvider;
}

let loaded: Promise<Connect> | null = null;

/** Loads the provider once (installing Hocuspocus first if needed) and returns its `Connect`. */
export function loadHocuspocusConnect(): Promise<Connect> {
  loaded ??= (async () => {
    ensureHocuspocus();
    const mod = (await import(hocuspocusEsmUrl('@hocuspocus/provider'))) as ProviderModule;
    return (collabUrl: string, room: string, token: string, doc = new Y.Doc()): Client =>
      wrap(
        new mod.HocuspocusProvider({
          url: collabUrl,
          name: room,
          document: doc,
          token,
          WebSocketPolyfill: WebSocket,
        }),
        doc,
      );
  })();
  return loaded;
}

function wrap(provider: HocuspocusProvider, doc: Y.Doc): Client {
  return {
    doc,
    get synced() {
      return provider.isSynced;
    },
    // The provider applies sync steps and updates from the server with itself as the origin.
    isRemote: (origin) => origin === provider,
    onSynced(cb) {
      const handler = (): void => cb();
      provider.on('synced', handler);
      return () => provider.off('synced', handler);
    },
    onOpen: (cb) => provider.on('open', () => cb()),
    onClose: (cb) => provider.on('close', () => cb()),
    setUser: (name) => provider.setAwarenessField('user', { name }),
    bufferedAmount: () => provider.configuration.websocketProvider.webSocket?.bufferedAmount ?? 0,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}
