/**
 * The collaboration core's port to other instances serving the same drafts (Redis pub/sub in
 * production, see server/cluster). Fan-out only speeds things up: every committed update is
 * in the shared log, numbered, and a room that misses a message fetches the rows it lacks, so
 * a dropped, late or repeated message delays an edit but never loses it.
 */

/** A committed update as told to other instances: its number in the log, who wrote it, its bytes. */
export interface RemoteUpdate {
  readonly seq: number;
  readonly userId: number;
  /** The credential family that wrote it (so other instances bind its clientIDs alike). */
  readonly credential: string;
  readonly data: Uint8Array;
}

/** What arrives on a draft's channel from another instance. */
export type RemoteMessage =
  | { readonly kind: 'updates'; readonly updates: readonly RemoteUpdate[] }
  | { readonly kind: 'presence'; readonly update: Uint8Array };

/** One draft's channel, held while its room is loaded. */
export interface FanoutChannel {
  /** Tells the other instances of updates committed here (never before the commit). */
  publishUpdates(updates: readonly RemoteUpdate[]): void;
  /** Tells the other instances of a presence (awareness) change made by a peer here. */
  publishPresence(update: Uint8Array): void;
  /** Stops listening (the room is unloaded). */
  leave(): void;
}

/** The instances' shared channels. */
export interface Fanout {
  /**
   * Listens to a draft's channel; resolves once listening, so that a room loaded afterwards
   * cannot miss a message published between its load and its subscription.
   */
  join(doc: string, receive: (message: RemoteMessage) => void): Promise<FanoutChannel>;
  /**
   * Called after the connection to the other instances was lost and is back: messages of the
   * gap are gone, so every room fetches what it missed from the log.
   */
  onReconnect(listener: () => void): () => void;
}
