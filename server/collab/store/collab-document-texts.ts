import type { Kysely } from 'kysely';
import * as Y from 'yjs';
import type { Database } from '../../db/database.ts';
import type { DraftTexts } from '../../drafts/draft-text.ts';
import { UnavailableError } from '../../http/app-error.ts';
import { readHistory } from './collab-document.repository.ts';
import type { Clock } from '../../time/clock.ts';

/**
 * Drafts' texts straight from the database, for processes without rooms (the admin CLI,
 * test and benchmark seeding): seeding and reading work; edits need the running server,
 * whose open editors would otherwise never see them.
 */
export function storedTexts(db: Kysely<Database>, clock: Clock): DraftTexts {
  return {
    async seed(draftId, update) {
      await db
        .insertInto('collab_updates')
        .values({ doc: draftId, data: update, created_at: clock.now() })
        .execute();
    },
    async read(draftId, use) {
      const { snapshot, rows } = await readHistory(db, draftId);
      const doc = new Y.Doc();
      try {
        Y.transact(doc, () => {
          if (snapshot !== undefined) Y.applyUpdate(doc, snapshot.state);
          for (const row of rows) Y.applyUpdate(doc, row.data);
        });
        return use(doc);
      } finally {
        doc.destroy();
      }
    },
    edit() {
      return Promise.reject(
        new UnavailableError('room_unavailable', 'Edits to a draft go through the running server'),
      );
    },
    watch() {
      return Promise.reject(
        new UnavailableError('room_unavailable', 'Live changes come from the running server'),
      );
    },
  };
}
