import type { Anchor, Comment } from '../../shared/api/comments.ts';
import type { AnchorState } from './comment-anchor.ts';
import type { CommentRow } from './comment.table.ts';

/** The anchor columns a stored comment and a committee thread share. */
export type AnchoredRow = Pick<
  CommentRow,
  'parent_id' | 'section_id' | 'quote' | 'prefix' | 'suffix' | 'anchor_start' | 'anchor_end'
>;

/** A stored comment's (or committee thread's) anchor, or null for replies. */
export function anchorOf(row: AnchoredRow): Anchor | null {
  if (row.parent_id !== null) return null;
  return {
    sectionId: row.section_id,
    quote: row.quote,
    prefix: row.prefix,
    suffix: row.suffix,
    start: row.anchor_start,
    end: row.anchor_end,
  };
}

/** What a comment's view needs besides its row. */
export interface CommentContext {
  names: ReadonlyMap<number, string>;
  orgNames: ReadonlyMap<number, string>;
  anchor: AnchorState;
  editable: boolean;
}

/** A comment as the API shows it. */
export function toComment(row: CommentRow, context: CommentContext): Comment {
  const name = (id: number | null) => (id === null ? null : (context.names.get(id) ?? null));
  return {
    id: row.id,
    draftId: row.draft_id,
    roundId: row.round_id,
    parentId: row.parent_id,
    orgId: row.org_id,
    orgName: context.orgNames.get(row.org_id) ?? `#${row.org_id}`,
    authorId: row.author_id,
    authorName: name(row.author_id),
    kind: row.kind,
    body: row.body,
    replacement: row.replacement,
    anchor: anchorOf(row),
    orphaned: context.anchor.orphaned,
    nowReads: context.anchor.nowReads,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    disposition:
      row.disposition === null || row.disposition_at === null
        ? null
        : {
            value: row.disposition,
            note: row.disposition_note,
            by: row.disposition_by,
            byName: name(row.disposition_by),
            at: new Date(row.disposition_at).toISOString(),
            appliedAt: row.applied_at === null ? null : new Date(row.applied_at).toISOString(),
            textRemoved:
              row.applied_at !== null && (context.anchor.orphaned || context.anchor.nowReads !== null),
          },
    editable: context.editable,
  };
}
