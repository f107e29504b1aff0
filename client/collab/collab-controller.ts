import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/collab/close-codes.ts';

/** The socket's state as the page shows it. */
export type ConnectionStatus = 'connecting' | 'connected' | 'disconnected';

/** Why the server ended the collaboration for good (the stock client does not retry 44xx). */
export type CollabEnd = 'session-ended' | 'access-revoked';

/** The local user's presence; the server replaces it with the session's values for others. */
export interface LocalPresence {
  id: number;
  name: string;
  color: string;
}

/** Someone in the room, with the server-owned name and colour. */
export interface PresencePeer {
  userId: number | null;
  name: string;
  color: string;
  self: boolean;
}

/** Options of {@link CollabController}. */
export interface CollabOptions {
  /** Called after a 4500 close: the provider reconnects by itself, the page re-reads its access. */
  onAccessChanged: () => void;
}

/**
 * The live draft: one Y.Doc and one y-websocket provider per open page, created by `open`
 * and destroyed with the host, so a closed page never keeps a socket. Exposes what the page
 * shows about the connection: status, first sync, who is here, and a terminal close reason.
 */
export class CollabController implements ReactiveController {
  /** The shared document; null until `open`. */
  ydoc: Y.Doc | null = null;
  /** The provider; null until `open`. */
  provider: WebsocketProvider | null = null;
  /** The socket's current state. */
  status: ConnectionStatus = 'connecting';
  /** Whether the first sync has completed (the editor waits for it, see vk-editor). */
  synced = false;
  /** Set when the server closed with 4401 or 4403. */
  ended: CollabEnd | null = null;
  /** Who is in the room, one entry per user, the local user first. */
  peers: PresencePeer[] = [];

  private draftId: string | null = null;
  private user: LocalPresence | null = null;
  private peersKey = '';

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: CollabOptions,
  ) {
    host.addController(this);
  }

  /** Connects to a draft's room as `user` (replacing any previous room). */
  open(draftId: string, user: LocalPresence): void {
    this.teardown();
    this.draftId = draftId;
    this.user = user;
    this.connect();
  }

  hostConnected(): void {
    // Re-attached to the DOM after a move: reconnect to the same room.
    if (this.draftId !== null && this.provider === null) this.connect();
  }

  hostDisconnected(): void {
    this.teardown();
  }

  private connect(): void {
    if (this.draftId === null || this.user === null) return;
    const ydoc = new Y.Doc();
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    // disableBc: every edit goes through the server, which decides who may write (R8).
    const provider = new WebsocketProvider(`${scheme}://${location.host}/collab`, this.draftId, ydoc, {
      disableBc: true,
    });
    // Read-only users publish presence too (no caret): the server rewrites `user` anyway.
    provider.awareness.setLocalStateField('user', { ...this.user });
    provider.on('status', ({ status }) => {
      if (status === 'connected') forgetDepartedClocks(provider);
      this.set({ status });
    });
    provider.on('sync', (synced) => {
      if (synced && !this.synced) this.set({ synced: true });
    });
    provider.on('connection-close', (event) => this.onClose(event));
    provider.awareness.on('change', this.onAwareness);
    this.ydoc = ydoc;
    this.provider = provider;
    this.status = 'connecting';
    this.synced = false;
    this.ended = null;
    this.onAwareness();
  }

  /** Leaves the room for good (the draft is gone). */
  close(): void {
    this.draftId = null;
    this.teardown();
  }

  private teardown(): void {
    this.provider?.awareness.off('change', this.onAwareness);
    this.provider?.destroy();
    this.ydoc?.destroy();
    this.provider = null;
    this.ydoc = null;
  }

  private onClose(event: CloseEvent | null): void {
    switch (event?.code) {
      case CloseCode.SessionEnded:
        this.set({ ended: 'session-ended' });
        break;
      case CloseCode.AccessRevoked:
        this.set({ ended: 'access-revoked' });
        break;
      case CloseCode.AccessChanged:
        this.options.onAccessChanged();
        break;
    }
  }

  private readonly onAwareness = (): void => {
    const provider = this.provider;
    if (provider === null) return;
    const self = provider.awareness.clientID;
    const byUser = new Map<string, PresencePeer>();
    const states = [...provider.awareness.getStates()].sort(([a], [b]) =>
      a === self ? -1 : b === self ? 1 : 0,
    );
    for (const [clientId, state] of states) {
      const user = readUser(state);
      if (user === null) continue;
      const key = user.userId === null ? `c${clientId}` : `u${user.userId}`;
      if (!byUser.has(key)) byUser.set(key, { ...user, self: clientId === self });
    }
    const peers = [...byUser.values()];
    // Cursor moves change awareness too; re-render only when the people change.
    const key = JSON.stringify(peers);
    if (key !== this.peersKey) {
      this.peersKey = key;
      this.set({ peers });
    }
  };

  private set(patch: Partial<Pick<CollabController, 'status' | 'synced' | 'ended' | 'peers'>>): void {
    Object.assign(this, patch);
    this.host.requestUpdate();
  }
}

/** The `user` field of an awareness state, if it has a usable one. */
function readUser(state: Record<string, unknown>): Omit<PresencePeer, 'self'> | null {
  const user = state.user as { id?: unknown; name?: unknown; color?: unknown } | undefined;
  if (typeof user !== 'object' || user === null || typeof user.name !== 'string') return null;
  return {
    userId: typeof user.id === 'number' ? user.id : null,
    name: user.name,
    color: typeof user.color === 'string' ? user.color : '#5f5f58',
  };
}

/**
 * On disconnect y-websocket removes everyone else's presence and bumps their clocks, so the
 * server's copy of a state that has not changed since (same clock) would be ignored on
 * reconnect until its owner renews it, up to 15 s later. Forgetting those clocks lets the
 * server's greeting show who is here at once.
 */
function forgetDepartedClocks(provider: WebsocketProvider): void {
  const { awareness } = provider;
  for (const clientId of [...awareness.meta.keys()])
    if (clientId !== awareness.clientID && !awareness.states.has(clientId)) awareness.meta.delete(clientId);
}
