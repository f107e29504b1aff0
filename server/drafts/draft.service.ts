import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DraftAccess } from '../../shared/access.ts';
import type { Draft } from '../../shared/api/drafts.ts';
import type { AccessService, DraftDirectory } from '../access/access.service.ts';
import type { Database } from '../db/database.ts';
import { ForbiddenError, NotFoundError } from '../http/app-error.ts';
import type { User } from '../users/user.service.ts';
import { findDraft, insertDraft, listDrafts } from './draft.repository.ts';
import type { DraftRow } from './draft.table.ts';

/** Drafts and who may see them. Their text lives in the collaboration core. */
export class DraftService implements DraftDirectory {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly access: () => AccessService,
  ) {}

  /** Creates an empty draft of an organisation the user drafts for. */
  async create(user: User, input: { title: string; orgId?: number }): Promise<Draft> {
    const orgId = input.orgId ?? user.orgId;
    if (!(await this.access().canDraftFor(user.id, orgId)))
      throw new ForbiddenError(
        'forbidden',
        'Only drafters and secretaries of the organisation create its drafts',
      );
    const now = Date.now();
    const row: DraftRow = {
      id: randomUUID(),
      org_id: orgId,
      title: input.title.trim(),
      created_by: user.id,
      created_at: now,
      updated_at: now,
    };
    await insertDraft(this.db, row);
    return toDraft(row, 'edit');
  }

  /** A draft the user may open; 404 when it does not exist or the user may not know it does. */
  async get(userId: number, id: string): Promise<Draft> {
    const row = await findDraft(this.db, id);
    const access = row === undefined ? null : await this.access().resolveIn(userId, row.id, row.org_id);
    if (row === undefined || access === null) throw new NotFoundError('draft_not_found', 'No such draft');
    return toDraft(row, access);
  }

  /** Every draft the user may open. */
  async list(userId: number): Promise<Draft[]> {
    const drafts: Draft[] = [];
    for (const row of await listDrafts(this.db)) {
      const access = await this.access().resolveIn(userId, row.id, row.org_id);
      if (access !== null) drafts.push(toDraft(row, access));
    }
    return drafts;
  }

  /** Where a draft lives, or null if it does not exist (for the permission resolver). */
  async orgOf(draftId: string): Promise<number | null> {
    return (await findDraft(this.db, draftId))?.org_id ?? null;
  }
}

function toDraft(row: DraftRow, access: DraftAccess): Draft {
  return {
    id: row.id,
    orgId: row.org_id,
    title: row.title,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    access,
  };
}
