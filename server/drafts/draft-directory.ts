import type { Kysely } from 'kysely';
import type { DraftDirectory } from '../access/access.service.ts';
import type { Database } from '../db/database.ts';
import { findDraft } from './draft.repository.ts';

/**
 * Where a draft lives, for the access resolver. Built from the database alone, so access
 * can exist before the drafts service (which filters its lists by access).
 */
export function draftDirectory(db: Kysely<Database>): DraftDirectory {
  return {
    async locate(draftId) {
      const row = await findDraft(db, draftId);
      return row === undefined ? null : { orgId: row.org_id, final: row.status === 'final' };
    },
  };
}
