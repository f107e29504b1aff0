import type { JSONContent } from '@tiptap/core';
import type { Kysely } from 'kysely';
import * as Y from 'yjs';
import { draftSchema, draftToJSON } from '../../shared/editor/draft-json.ts';
import type { AuditTrail } from '../audit/audit.service.ts';
import type { Database } from '../db/database.ts';
import type { DraftTexts } from '../drafts/draft-text.ts';
import type { DraftService } from '../drafts/draft.service.ts';
import { ConflictError, NotFoundError } from '../http/app-error.ts';
import type { User } from '../users/user.service.ts';
import { restoreInto } from './restore-diff.ts';
import { diffVersions } from './version-diff.ts';
import {
  findLatestVersion,
  findVersion,
  insertRestore,
  insertVersion,
  listRestores,
  listVersions,
} from './version.repository.ts';
import type { Clock } from '../time/clock.ts';

/** A version in lists. */
export interface VersionSummary {
  number: number;
  label: string;
  note: string;
  createdBy: number | null;
  createdByName: string | null;
  createdAt: string;
}

/** The fields of a stored version that lists show. */
export type VersionRow = { number: number; note: string; created_by: number | null; created_at: number };

/** A version row as listed. */
export const versionSummary = (v: VersionRow, createdByName: string | null): VersionSummary => ({
  number: v.number,
  label: `Dự thảo lần ${v.number}`,
  note: v.note,
  createdBy: v.created_by,
  createdByName,
  createdAt: new Date(v.created_at).toISOString(),
});

/** Numbered versions of drafts: freeze, list, view, diff, restore. */
export class VersionService {
  private readonly schema = draftSchema();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly drafts: DraftService,
    private readonly texts: DraftTexts,
    /** Display names for "who froze / restored" (the users module answers). */
    private readonly nameOf: (userId: number) => Promise<string | null>,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  /** Freezes the current text as the next "Dự thảo lần N"; refused when nothing changed since the last one. */
  async freeze(user: User, draftId: string, note: string): Promise<VersionSummary> {
    const { row } = await this.drafts.find(user.id, draftId, 'edit');
    if (row.status === 'final') throw new ConflictError('draft_final', 'The draft is final');
    const { state, content } = await this.texts.read(draftId, (doc) => ({
      state: Y.encodeStateAsUpdate(doc),
      content: JSON.stringify(draftToJSON(doc, this.schema)),
    }));
    const latest = await findLatestVersion(this.db, draftId);
    if (latest !== undefined && latest.content === content)
      throw new ConflictError('no_changes', `Nothing changed since version ${latest.number}`);
    return versionSummary(
      await this.record(draftId, { state, content, note, createdBy: user.id }),
      user.displayName,
    );
  }

  /**
   * Stores the next numbered version as given, with no "nothing changed" check: the snapshot
   * taken before a restore or a repair must exist even when it repeats the last version.
   */
  async record(
    draftId: string,
    version: { state: Uint8Array; content: string; note: string; createdBy: number | null },
  ): Promise<VersionRow> {
    const latest = await findLatestVersion(this.db, draftId);
    const row = {
      draft_id: draftId,
      number: (latest?.number ?? 0) + 1,
      state: version.state,
      content: version.content,
      note: version.note,
      created_by: version.createdBy,
      created_at: this.clock.now(),
    };
    try {
      await insertVersion(this.db, row);
    } catch (error) {
      // Two freezes at once: the primary key lets one through; the other is told to look again.
      if (String(error).includes('UNIQUE'))
        throw new ConflictError('conflict', 'Another version was frozen just now');
      throw error;
    }
    return row;
  }

  /** The versions of a draft and the record of restores. */
  async list(userId: number, draftId: string) {
    await this.drafts.find(userId, draftId);
    const [versions, restores] = await Promise.all([
      listVersions(this.db, draftId),
      listRestores(this.db, draftId),
    ]);
    const names = new Map<number, Promise<string | null>>();
    const name = (id: number | null): Promise<string | null> => {
      if (id === null) return Promise.resolve(null);
      if (!names.has(id)) names.set(id, this.nameOf(id));
      return names.get(id)!;
    };
    return {
      versions: await Promise.all(versions.map(async (v) => versionSummary(v, await name(v.created_by)))),
      restores: await Promise.all(
        restores.map(async (r) => ({
          version: r.version,
          restoredBy: r.restored_by,
          restoredByName: await name(r.restored_by),
          restoredAt: new Date(r.restored_at).toISOString(),
        })),
      ),
    };
  }

  /** One version with its text, for read-only viewing. */
  async get(userId: number, draftId: string, number: number) {
    await this.drafts.find(userId, draftId);
    const version = await this.version(draftId, number);
    const createdByName = version.created_by === null ? null : await this.nameOf(version.created_by);
    return { ...versionSummary(version, createdByName), content: JSON.parse(version.content) as JSONContent };
  }

  /** Section-by-section, word-level changes from version `from` to version `to`. */
  async diff(userId: number, draftId: string, from: number, to: number) {
    await this.drafts.find(userId, draftId);
    const [a, b] = await Promise.all([this.version(draftId, from), this.version(draftId, to)]);
    return {
      from,
      to,
      sections: diffVersions(JSON.parse(a.content) as JSONContent, JSON.parse(b.content) as JSONContent),
    };
  }

  /**
   * Brings back version `number` as a forward change: only the difference is written
   * (`restore-diff.ts`), which every open editor receives as it would a colleague's typing,
   * and the text as it was is frozen ("Trước khi khôi phục lần N"), so the restore can itself
   * be undone by restoring that version. Returns the number of the snapshot.
   */
  async restore(
    user: User,
    draftId: string,
    number: number,
    address: string | null = null,
  ): Promise<{ snapshot: number }> {
    const { row } = await this.drafts.find(user.id, draftId, 'edit');
    if (row.status === 'final') throw new ConflictError('draft_final', 'A final draft cannot be changed');
    const version = await this.version(draftId, number);
    const content = JSON.parse(version.content) as JSONContent;
    // The snapshot is taken from the very copy the difference is computed on, so an edit
    // arriving meanwhile is either in the snapshot or untouched by the restore. A crash
    // between the restore and recording the snapshot loses the snapshot, never text.
    let before: { state: Uint8Array; content: string } | null = null;
    await this.texts.edit(draftId, user.id, (doc) => {
      before = { state: Y.encodeStateAsUpdate(doc), content: JSON.stringify(draftToJSON(doc, this.schema)) };
      restoreInto(doc, content, this.schema);
    });
    const snapshot = await this.record(draftId, {
      ...before!,
      note: `Trước khi khôi phục lần ${number}`,
      createdBy: user.id,
    });
    await insertRestore(this.db, draftId, number, user.id, this.clock.now());
    await this.audit.record({
      action: 'version_restored',
      source: { userId: user.id, address },
      target: `draft:${draftId}`,
      detail: { version: number },
    });
    return { snapshot: snapshot.number };
  }

  /** The Yjs state of version `number`, for anyone who may see the draft. */
  async readState(userId: number, draftId: string, number: number): Promise<Uint8Array> {
    await this.drafts.find(userId, draftId);
    return this.state(draftId, number);
  }

  /** The Yjs state of version `number` (export renders it and resolves comment anchors in it). */
  async state(draftId: string, number: number): Promise<Uint8Array> {
    return (await this.version(draftId, number)).state;
  }

  /** Whether the draft has a version `number` (a round sends out only frozen versions). */
  async exists(draftId: string, number: number): Promise<boolean> {
    return (await findVersion(this.db, draftId, number)) !== undefined;
  }

  private async version(draftId: string, number: number) {
    const version = await findVersion(this.db, draftId, number);
    if (version === undefined) throw new NotFoundError('version_not_found', `No version ${number}`);
    return version;
  }
}
