import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { PresenceUser } from '../../../shared/collab/awareness.ts';
import { CollabError } from './collab-error.ts';
import type { Peer } from './peer.ts';
import * as protocol from './protocol.ts';

/** A client may publish presence for at most this many clientIDs, each this large (R9). */
const MAX_IDS_PER_PEER = 4;
const MAX_STATE_CHARS = 4096;

/** The origin of presence applied from another instance. */
const REMOTE = Symbol('remote presence');

/**
 * Who is in a room and where their cursors are (y-protocols awareness), with the server
 * deciding who may speak for which clientID: a connection owns the clientIDs it announced
 * first, and states for clientIDs owned by another connection are dropped, never relayed.
 */
export class Presence {
  // Awareness needs a Y.Doc only for its own clientID; a separate one never forces the draft to load.
  private readonly doc = new Y.Doc();
  private readonly awareness = new awarenessProtocol.Awareness(this.doc);
  private readonly owned = new Map<Peer, Set<number>>();
  private readonly identity = new Map<Peer, PresenceUser>();
  private readonly owner = new Map<number, Peer>();
  /** clientIDs whose states come from other instances (no peer here may speak for them). */
  private readonly remote = new Set<number>();

  constructor(
    /** Sends a presence message to every peer but `except`. */
    private readonly broadcast: (message: Uint8Array, except: Peer | null) => void,
    /** Tells other instances of a change made by a peer here (an awareness update). */
    private readonly publish: (update: Uint8Array) => void = () => undefined,
  ) {
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.handleChange);
  }

  /** Whether anyone has published a state. */
  get isEmpty(): boolean {
    return this.awareness.states.size === 0;
  }

  /** Starts tracking what a new peer announces; `user` replaces whatever it claims to be. */
  add(peer: Peer, user: PresenceUser): void {
    this.owned.set(peer, new Set());
    this.identity.set(peer, { id: user.id, name: user.name, color: user.color });
  }

  /** Forgets a peer and tells the others that its states are gone. */
  remove(peer: Peer): void {
    const ids = this.owned.get(peer);
    this.owned.delete(peer);
    this.identity.delete(peer);
    if (ids !== undefined && ids.size > 0)
      awarenessProtocol.removeAwarenessStates(this.awareness, [...ids], null);
  }

  /** The message describing everyone present. */
  stateMessage(): Uint8Array {
    const ids = [...this.awareness.states.keys()];
    return protocol.encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids));
  }

  /**
   * Applies a peer's awareness update, keeping only the entries it may publish, each with
   * the server's `user` fields in place of the client's.
   */
  apply(peer: Peer, update: Uint8Array): void {
    const owned = this.owned.get(peer);
    const identity = this.identity.get(peer);
    if (owned === undefined || identity === undefined) return;
    const entries = protocol.decodeAwarenessUpdate(update);
    let budget = MAX_IDS_PER_PEER - owned.size;
    const accepted = entries.filter((entry) => {
      const owner = this.owner.get(entry.clientID);
      if (owner !== undefined && owner !== peer) return false;
      if (this.remote.has(entry.clientID)) return false;
      if (entry.state.length > MAX_STATE_CHARS) return false;
      if (owner === undefined) return budget-- > 0;
      return true;
    });
    if (accepted.length === 0) return;
    const rewritten = accepted.map((entry) => ({ ...entry, state: withIdentity(entry.state, identity) }));
    try {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, protocol.encodeAwarenessUpdate(rewritten), peer);
    } catch (error) {
      throw new CollabError('malformed_message', `bad awareness state: ${(error as Error).message}`);
    }
  }

  /**
   * Applies presence another instance relayed (already checked there). States that stop
   * coming, as when that instance dies, time out as any other (y-protocols: 30 s).
   */
  applyRemote(update: Uint8Array): void {
    try {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, update, REMOTE);
    } catch {
      // A malformed message from another instance is dropped; its next renewal will do.
    }
  }

  /** Stops the awareness timer and frees the presence document. */
  destroy(): void {
    this.awareness.off('update', this.handleChange);
    this.awareness.destroy();
    this.doc.destroy();
  }

  private readonly handleChange = (
    change: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const from = this.owned.has(origin as Peer) ? (origin as Peer) : null;
    for (const id of [...change.added, ...change.updated]) {
      if (origin === REMOTE) this.remote.add(id);
      if (from === null) continue;
      this.owned.get(from)?.add(id);
      this.owner.set(id, from);
    }
    for (const id of change.removed) {
      const owner = this.owner.get(id);
      if (owner !== undefined) this.owned.get(owner)?.delete(id);
      this.owner.delete(id);
      this.remote.delete(id);
    }
    const ids = [...change.added, ...change.updated, ...change.removed];
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids);
    this.broadcast(protocol.encodeAwarenessMessage(update), from);
    // Changes by peers here and their departures (origin null) go to the other instances; their
    // changes and time-outs do not go back (a time-out here may only mean the link was slow).
    if (from !== null || origin === null) this.publish(update);
  };
}

/**
 * A state JSON with `user` set to the server's identity. Removals (`null`) stay removals;
 * anything but a JSON object is refused.
 */
function withIdentity(state: string, user: PresenceUser): string {
  if (state === 'null') return state;
  let parsed: unknown;
  try {
    parsed = JSON.parse(state);
  } catch {
    throw new CollabError('malformed_message', 'awareness state is not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new CollabError('malformed_message', 'awareness state is not an object');
  return JSON.stringify({ ...parsed, user });
}
