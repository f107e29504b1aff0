import type { Comment, CommentList } from '../../shared/api/comments.ts';
import type { z } from 'zod';
import type { CommentQuery } from '../../shared/api/comments.ts';
import { NotFoundError } from '../http/app-error.ts';
import { anchorState, type AnchorState } from './comment-anchor.ts';
import { listComments } from './comment.repository.ts';
import type { CommentDeps } from './comment.service.ts';
import type { CommentRow } from './comment.table.ts';
import { anchorOf, toComment } from './comment.view.ts';
import { DraftTextMap } from './draft-text-map.ts';

/** The anchor state of replies, and of a comment just made or changed. */
const UNANCHORED: AnchorState = { orphaned: false, nowReads: null };

/** Whose comments a viewer sees: every organisation's, or these. */
export type CommentScope = { orgs: 'all' | ReadonlySet<number>; draftOrgId: number };

/** Listing comments and turning rows into what the API shows. */
export class CommentReader {
  constructor(private readonly deps: CommentDeps) {}

  /**
   * Whose comments the user sees on a draft: the committee and those overseeing it see all;
   * a commenter sees their own organisations' (also after the round, to read the answers).
   */
  async scope(userId: number, draftId: string): Promise<CommentScope> {
    const located = await this.deps.drafts.locate(draftId);
    if (located === null) throw new NotFoundError('draft_not_found', 'No such draft');
    const access = await this.deps.access.resolveIn(userId, draftId, located.orgId);
    if (access === 'edit' || access === 'read') return { orgs: 'all', draftOrgId: located.orgId };
    const orgs = await this.deps.rounds.invitedEver(userId, draftId);
    if (orgs.size === 0) throw new NotFoundError('draft_not_found', 'No such draft');
    return { orgs, draftOrgId: located.orgId };
  }

  /** The comments a viewer sees, filtered, in document order of their sections; replies follow their comment. */
  async list(userId: number, draftId: string, query: z.infer<typeof CommentQuery>): Promise<CommentList> {
    const scope = await this.scope(userId, draftId);
    const rows = await listComments(this.deps.db, draftId, query.round);
    const roots = rows.filter((row) => {
      if (row.parent_id !== null) return false;
      if (scope.orgs !== 'all' && !scope.orgs.has(row.org_id)) return false;
      if (query.section !== undefined && row.section_id !== query.section) return false;
      if (query.org !== undefined && row.org_id !== query.org) return false;
      if (query.kind !== undefined && row.kind !== query.kind) return false;
      if (query.disposition !== undefined && (row.disposition ?? 'none') !== query.disposition) return false;
      return true;
    });
    // An organisation reads the version sent out, where its ranges hold by construction; where
    // they stand in the committee's text in progress is the committee's to see.
    const live = scope.orgs === 'all';
    const { order, sections, anchors } = await this.deps.texts.read(draftId, (doc) => {
      const map = new DraftTextMap(doc);
      return {
        order: map.sectionOrder(),
        sections: map.sectionHeadings(),
        anchors: new Map(roots.map((r) => [r.id, live ? anchorState(map, doc, anchorOf(r)) : UNANCHORED])),
      };
    });
    const rank = (row: CommentRow) =>
      row.section_id === null ? -1 : (order.get(row.section_id) ?? order.size);
    roots.sort((a, b) => rank(a) - rank(b) || a.id - b.id);
    const replies = new Map<number, CommentRow[]>();
    for (const row of rows) {
      if (row.parent_id === null) continue;
      const thread = replies.get(row.parent_id);
      if (thread === undefined) replies.set(row.parent_id, [row]);
      else thread.push(row);
    }
    const ordered = roots.flatMap((root) => [root, ...(replies.get(root.id) ?? [])]);
    const view = await this.viewer(ordered, scope.draftOrgId);
    return { comments: ordered.map((row) => view(row, anchors.get(row.id) ?? UNANCHORED)), sections };
  }

  /** Where one comment's text stands in the live draft now. */
  async anchorNow(row: CommentRow): Promise<AnchorState> {
    const anchor = anchorOf(row);
    if (anchor?.start == null) return UNANCHORED;
    return this.deps.texts.read(row.draft_id, (doc) => anchorState(new DraftTextMap(doc), doc, anchor));
  }

  /** A function that turns rows into comments, with names and editability looked up once. */
  async viewer(
    rows: readonly CommentRow[],
    draftOrgId: number,
  ): Promise<(row: CommentRow, anchor?: AnchorState) => Comment> {
    const [names, orgList, editable] = await Promise.all([
      this.deps.users.namesOf(rows.flatMap((r) => [r.author_id, r.disposition_by])),
      this.deps.orgs.list(),
      this.deps.rounds.editableKeys(rows.map((r) => r.round_id)),
    ]);
    const orgNames = new Map(orgList.map((o) => [o.id, o.name]));
    return (row, anchor = UNANCHORED) =>
      toComment(row, {
        names,
        orgNames,
        anchor,
        // The committee's own replies stay theirs to correct; an organisation's, until it submits.
        editable: row.org_id === draftOrgId || editable.has(`${row.round_id}:${row.org_id}`),
      });
  }
}
