import type * as Y from 'yjs';

/**
 * What the drafts module needs from the collaboration core: a draft's text is a Yjs
 * document that lives there. Implemented over the room registry, so reads see the live
 * document and edits reach every open editor.
 */
export interface DraftTexts {
  /** Stores the first update of a new draft (before anyone can open it). */
  seed(draftId: string, update: Uint8Array): Promise<void>;
  /** Runs `use` on the committed document (read only; it must not keep it). */
  read<T>(draftId: string, use: (doc: Y.Doc) => T): Promise<T>;
  /** A server-side edit by `userId`, validated, stored and relayed like a client's. */
  edit(draftId: string, userId: number, change: (doc: Y.Doc) => void): Promise<void>;
  /** Calls `listener` after each change of the text; keeps the draft loaded until unsubscribed. */
  watch(draftId: string, listener: () => void): Promise<() => void>;
}
