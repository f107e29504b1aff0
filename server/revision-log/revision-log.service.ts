import type { Kysely } from 'kysely';
import {
  DEFAULT_GROUP_THRESHOLD,
  type RevisionHistory,
  type RevisionLog,
  type SaveGroupRequest,
  type SimilarComments,
  type UpdateGroupRequest,
} from '../../shared/api/revision-log.ts';
import type { VersionDiff } from '../../shared/api/versions.ts';
import type { CommentService } from '../comments/comment.service.ts';
import type { Database } from '../db/database.ts';
import type { DraftService } from '../drafts/draft.service.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../http/app-error.ts';
import type { RoundService } from '../rounds/round.service.ts';
import type { User } from '../users/user.service.ts';
import { diffVersions } from '../versions/version-diff.ts';
import { countRound, unitNounOf } from './revision-counts.ts';
import {
  deleteGroup,
  findGroup,
  groupMembers,
  insertGroup,
  listSavedGroups,
  updateGroup,
} from './revision-log.repository.ts';
import { GroupingMemo } from './grouping/grouping-memo.ts';
import type { GroupingVocabulary } from './grouping/grouping-vocabulary.ts';
import { rollUp } from './revision-rollup.ts';
import { historyOf } from './section-history.ts';
import { placesOf, type RevisionSources } from './revision-sources.ts';
import type { Clock } from '../time/clock.ts';

/** What the revision log is built from: its own tables and the modules it reads through. */
export interface RevisionLogDeps {
  readonly db: Kysely<Database>;
  readonly clock: Clock;
  readonly drafts: DraftService;
  readonly rounds: RoundService;
  readonly comments: CommentService;
  readonly sources: RevisionSources;
  /** Default grouping threshold (configurable; a query parameter overrides it per reading). */
  readonly threshold?: number;
  /** The Party vocabulary grouping reads comments with (loaded once). */
  readonly vocabulary: GroupingVocabulary;
}

/** How many similar comments each member of the table offers. */
const SIMILAR_PER_COMMENT = 5;

/**
 * The consolidated table of a round (bảng tổng hợp, tiếp thu, giải trình): groups, counts
 * and the edits since the round's version. The drafting committee groups, words and
 * answers; those who oversee the unit read it. Commenters answer to it, they do not see it.
 */
export class RevisionLogService {
  private readonly grouping: GroupingMemo;

  constructor(private readonly deps: RevisionLogDeps) {
    this.grouping = new GroupingMemo(deps.vocabulary);
  }

  /**
   * The table with its counts; `threshold` tunes the automatic grouping of this reading, and
   * `unsent` also lists the comments of organisations that have not sent theirs yet.
   */
  async log(
    userId: number,
    draftId: string,
    roundId: number,
    threshold?: number,
    unsent = false,
  ): Promise<RevisionLog> {
    const { row, access } = await this.deps.drafts.find(userId, draftId);
    if (access === 'comment')
      throw new ForbiddenError('forbidden', 'The revision log is for the drafting committee');
    const dashboard = await this.deps.rounds.dashboard(userId, draftId, roundId);
    const [list, saved, texts] = await Promise.all([
      this.deps.comments.reader.list(userId, draftId, { round: roundId }),
      listSavedGroups(this.deps.db, roundId),
      this.deps.sources.texts(userId, draftId, dashboard.round.version),
    ]);
    const used = threshold ?? this.deps.threshold ?? DEFAULT_GROUP_THRESHOLD;
    const unitNoun = unitNounOf(dashboard);
    // Until an organisation sends (gửi góp ý), its comments are a draft of its own.
    const unsentOrgs = new Set(
      dashboard.invitations.filter((i) => i.state !== 'submitted').map((i) => i.orgId),
    );
    const groups = rollUp(
      list.comments.filter((c) => c.parentId === null && (unsent || !unsentOrgs.has(c.orgId))),
      saved,
      placesOf(texts),
      { invited: dashboard.tally.invited, noun: unitNoun },
      {
        threshold: used,
        group: (request) => this.grouping.group(request),
        unsentOrgs,
        suggestions: SIMILAR_PER_COMMENT,
      },
    );
    return {
      round: dashboard.round,
      nextLabel: texts.toLabel,
      nextVersion: texts.toVersion,
      unitNoun,
      threshold: used,
      ...countRound(groups, dashboard),
      groups,
      editable: access === 'edit' && row.status !== 'final',
    };
  }

  /** The comments most like one comment of the round, best first, whether sent or not. */
  async similar(
    userId: number,
    draftId: string,
    roundId: number,
    commentId: number,
  ): Promise<SimilarComments> {
    const log = await this.log(userId, draftId, roundId, undefined, true);
    const rowOf = new Map(
      log.groups.flatMap((g) => g.comments.map((c) => [c.id, { c, key: g.key, group: g }] as const)),
    );
    const own = rowOf.get(commentId);
    if (own === undefined)
      throw new NotFoundError('comment_not_found', `No comment ${commentId} in this round`);
    return {
      comments: own.c.similar.flatMap((id) => {
        const other = rowOf.get(id);
        return other === undefined ? [] : [{ ...other.c, together: other.key === own.key }];
      }),
      row: own.group.comments.map((c) => c.id),
    };
  }

  /** Saves these comments as one group (merge or split), with its wording and answer if given. */
  async saveGroup(user: User, draftId: string, roundId: number, request: SaveGroupRequest) {
    const before = await this.editableLog(user, draftId, roundId);
    const ids = [...new Set(request.commentIds)];
    const members = new Map(
      before.groups.flatMap((g) => g.comments.map((c) => [c.id, c.sectionId] as const)),
    );
    for (const id of ids)
      if (!members.has(id))
        throw new ValidationError('group_invalid', `Comment ${id} is not a comment of this round`);
    checkAnswer(request);
    // A group may span sections (the same request raised from adjacent ones); it is placed
    // at its first comment's section.
    const groupId = await insertGroup(this.deps.db, {
      roundId,
      sectionId: members.get(ids[0]!) ?? null,
      userId: user.id,
      commentIds: ids,
      at: this.deps.clock.now(),
    });
    await this.apply(user, draftId, groupId, ids, request);
    return this.log(user.id, draftId, roundId);
  }

  /** Changes a saved group's wording or answer; the answer goes to every comment in it. */
  async updateGroup(
    user: User,
    draftId: string,
    roundId: number,
    groupId: number,
    request: UpdateGroupRequest,
  ): Promise<RevisionLog> {
    await this.editableLog(user, draftId, roundId);
    const group = await findGroup(this.deps.db, roundId, groupId);
    if (group === undefined) throw new NotFoundError('group_not_found', `No group ${groupId} in this round`);
    // A corrected answer alone is re-applied with the group's standing disposition.
    const standing = request.answer !== undefined ? (group.disposition ?? undefined) : undefined;
    const merged = { ...request, disposition: request.disposition ?? standing };
    checkAnswer(merged);
    await this.apply(user, draftId, groupId, await groupMembers(this.deps.db, groupId), merged);
    return this.log(user.id, draftId, roundId);
  }

  /** Dissolves a saved group: its comments are grouped automatically again (their answers stay). */
  async dissolve(user: User, draftId: string, roundId: number, groupId: number): Promise<RevisionLog> {
    await this.editableLog(user, draftId, roundId);
    if ((await findGroup(this.deps.db, roundId, groupId)) === undefined)
      throw new NotFoundError('group_not_found', `No group ${groupId} in this round`);
    await deleteGroup(this.deps.db, groupId);
    return this.log(user.id, draftId, roundId);
  }

  /** Which sections changed between the round's version and the next one (or the live text), and how much. */
  async history(userId: number, draftId: string, roundId: number): Promise<RevisionHistory> {
    const log = await this.log(userId, draftId, roundId);
    const texts = await this.deps.sources.texts(userId, draftId, log.round.version);
    const editors = await this.deps.sources.authors(draftId, log.round.version, texts.toVersion);
    return historyOf(texts, placesOf(texts), log.groups, editors);
  }

  /** One section's word diff between the round's version and the next one. */
  async sectionDiff(
    userId: number,
    draftId: string,
    roundId: number,
    sectionId: string,
  ): Promise<VersionDiff['sections'][number]> {
    const log = await this.log(userId, draftId, roundId);
    const texts = await this.deps.sources.texts(userId, draftId, log.round.version);
    const found = diffVersions(texts.from, texts.to).find((s) => s.sectionId === sectionId);
    if (found === undefined) throw new NotFoundError('not_found', `No section ${sectionId} in either text`);
    return found;
  }

  private async editableLog(user: User, draftId: string, roundId: number): Promise<RevisionLog> {
    const { row } = await this.deps.drafts.find(user.id, draftId, 'edit');
    if (row.status === 'final') throw new ConflictError('draft_final', 'The draft is final');
    // Every comment of the round may be grouped, sent or not.
    return this.log(user.id, draftId, roundId, undefined, true);
  }

  private async apply(
    user: User,
    draftId: string,
    groupId: number,
    commentIds: readonly number[],
    request: UpdateGroupRequest,
  ): Promise<void> {
    const changes: Parameters<typeof updateGroup>[2] = {
      updated_by: user.id,
      updated_at: this.deps.clock.now(),
    };
    if (request.summary !== undefined) changes.summary = request.summary.trim();
    if (request.disposition !== undefined) {
      const answer = (request.answer ?? '').trim();
      await this.deps.comments.disposeMany(user, draftId, commentIds, {
        value: request.disposition,
        note: answer,
      });
      changes.disposition = request.disposition;
      changes.answer = answer;
    } else if (request.answer !== undefined) changes.answer = request.answer.trim();
    await updateGroup(this.deps.db, groupId, changes);
  }
}

/** Giải trình and tiếp thu một phần need their reason; checked before anything is stored. */
function checkAnswer(request: UpdateGroupRequest): void {
  const needsReason = request.disposition === 'explained' || request.disposition === 'partly';
  if (needsReason && (request.answer ?? '').trim() === '')
    throw new ValidationError(
      'answer_reason_required',
      request.disposition === 'explained'
        ? 'An explained answer needs the reason the comment is not taken up'
        : 'A partly accepted answer needs what is taken up and why the rest is not',
    );
}
