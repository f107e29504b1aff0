import * as Y from 'yjs';
import type { Kysely } from 'kysely';
import { fromBase64, toBase64 } from 'lib0/buffer';

// Frozen: never edit a released migration; add a new one instead. It imports no live code of
// ours: the encoding below is a copy of shared/comments/relative-position.ts as it was when
// this migration was released, so a later change there cannot change what this one does.

/** Base64 of `Y.encodeRelativePosition` (frozen copy). */
function encodePosition(position: Y.RelativePosition): string {
  return toBase64(Y.encodeRelativePosition(position));
}

/** The position `text` encodes, or null when it is not a well-formed encoded one (frozen copy). */
function decodePosition(text: string): Y.RelativePosition | null {
  try {
    const position = Y.decodeRelativePosition(fromBase64(text));
    return position.type === null && position.tname === null && position.item === null ? null : position;
  } catch {
    return null; // truncated or otherwise malformed bytes
  }
}

type Positions = { comments: { id: number; anchor_start: string | null; anchor_end: string | null } };

/** `Y.relativePositionToJSON` text of a position, rewritten as its base64 encoding. */
function toEncoded(text: string): string {
  return text.startsWith('{') ? encodePosition(Y.createRelativePositionFromJSON(JSON.parse(text))) : text;
}

/** A base64-encoded position, rewritten as `Y.relativePositionToJSON` text. */
function toJson(text: string): string {
  const position = text.startsWith('{') ? null : decodePosition(text);
  return position === null ? text : JSON.stringify(Y.relativePositionToJSON(position));
}

/** Rewrites every stored comment position with `rewrite`. */
async function rewritePositions(db: Kysely<unknown>, rewrite: (text: string) => string): Promise<void> {
  const typed = db as unknown as Kysely<Positions>;
  const rows = await typed
    .selectFrom('comments')
    .select(['id', 'anchor_start', 'anchor_end'])
    .where('anchor_start', 'is not', null)
    .execute();
  const each = (text: string | null) => (text === null ? null : rewrite(text));
  for (const row of rows)
    await typed
      .updateTable('comments')
      .set({ anchor_start: each(row.anchor_start), anchor_end: each(row.anchor_end) })
      .where('id', '=', row.id)
      .execute();
}

/**
 * Comment positions move from `Y.relativePositionToJSON` text to base64 of
 * `Y.encodeRelativePosition`, a fifth of the size (shared/comments/relative-position.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await rewritePositions(db, toEncoded);
}

/** Back to JSON text. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await rewritePositions(db, toJson);
}
