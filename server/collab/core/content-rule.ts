import type * as Y from 'yjs';

/**
 * What a room asks about an update it has applied to its scratch copy: may the document now
 * hold what the update created? `since` is the state vector before the update, so only the
 * structs it added are looked at. Returns why the update is refused, or null.
 */
export interface ContentRule {
  check(doc: Y.Doc, since: ReadonlyMap<number, number>): string | null;
}
