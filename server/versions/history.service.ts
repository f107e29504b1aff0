import type { Kysely } from 'kysely';
import * as Y from 'yjs';
import type { HistoryDiff, HistoryPoint } from '../../shared/api/versions.ts';
import { draftSchema, draftToJSON } from '../../shared/editor/draft-json.ts';
import type { ClientOwnerStore } from '../collab/core/client-owners.ts';
import type { Database } from '../db/database.ts';
import type { DraftTexts } from '../drafts/draft-text.ts';
import type { DraftService } from '../drafts/draft.service.ts';
import { ConflictError, NotFoundError } from '../http/app-error.ts';
import type { User } from '../users/user.service.ts';
import { authoredDiff } from './history-diff.ts';
import { snapshotState } from './snapshot.repository.ts';
import { findLatestVersion } from './version.repository.ts';
import { versionSummary, type VersionService, type VersionSummary } from './version.service.ts';

/**
 * A draft's history as one line of points (numbered versions, automatic snapshots, the live
 * text): naming a snapshot as the next numbered version, and diffing any two points with who
 * typed each added run.
 */
export class HistoryService {
  private readonly schema = draftSchema();

  constructor(
    private readonly deps: {
      readonly db: Kysely<Database>;
      readonly drafts: DraftService;
      readonly versions: VersionService;
      readonly texts: DraftTexts;
      /** Who owns each Yjs clientID of a draft (the collaboration core's record). */
      readonly owners: ClientOwnerStore;
      readonly nameOf: (userId: number) => Promise<string | null>;
    },
  ) {}

  /**
   * Freezes automatic snapshot `snapshotId` as the next "Dự thảo lần N" (the text as it was
   * then, not as it is now); refused when the last version already has that text.
   */
  async name(user: User, draftId: string, snapshotId: number, note: string): Promise<VersionSummary> {
    const { db, drafts, versions } = this.deps;
    const { row } = await drafts.find(user.id, draftId, 'edit');
    if (row.status === 'final') throw new ConflictError('draft_final', 'The draft is final');
    const state = await this.snapshot(draftId, snapshotId);
    const content = JSON.stringify(draftToJSON(load(state), this.schema));
    const latest = await findLatestVersion(db, draftId);
    if (latest !== undefined && latest.content === content)
      throw new ConflictError('no_changes', `Version ${latest.number} already has this text`);
    const version = await versions.record(draftId, { state, content, note, createdBy: user.id });
    return versionSummary(version, user.displayName);
  }

  /** The word diff from point `from` to point `to`, added runs with their author, and the authors named. */
  async diff(userId: number, draftId: string, from: HistoryPoint, to: HistoryPoint): Promise<HistoryDiff> {
    const { drafts, owners, nameOf } = this.deps;
    await drafts.find(userId, draftId);
    const [a, b, bound] = await Promise.all([
      this.state(draftId, from),
      this.state(draftId, to),
      owners.load(draftId),
    ]);
    const userOf = new Map([...bound].map(([clientId, owner]) => [clientId, owner.userId]));
    const sections = authoredDiff(load(a), load(b), userOf);
    const ids = new Set<number>();
    for (const s of sections) for (const p of s.parts) if (p.author != null) ids.add(p.author);
    const authors = await Promise.all([...ids].map(async (id) => ({ userId: id, name: await nameOf(id) })));
    return { from, to, sections, authors };
  }

  private async state(draftId: string, point: HistoryPoint): Promise<Uint8Array> {
    if (point === 'live') return this.deps.texts.read(draftId, (doc) => Y.encodeStateAsUpdate(doc));
    const number = Number(point.slice(1));
    if (point.startsWith('v')) return this.deps.versions.state(draftId, number);
    return this.snapshot(draftId, number);
  }

  private async snapshot(draftId: string, id: number): Promise<Uint8Array> {
    const state = await snapshotState(this.deps.db, draftId, id);
    if (state === undefined) throw new NotFoundError('snapshot_not_found', `No snapshot ${id}`);
    return state;
  }
}

function load(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}
