import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { ClientOwner, ClientOwnerStore, ClientWriter } from '../core/client-owners.ts';

/** The SQLite side of clientID ownership: table `collab_client_owners`. */
export class SqliteClientOwners implements ClientOwnerStore {
  constructor(private readonly db: Kysely<Database>) {}

  /** Every owned clientID of a document. */
  async load(doc: string): Promise<Map<number, ClientOwner>> {
    const rows = await this.db
      .selectFrom('collab_client_owners')
      .select(['client_id', 'user_id', 'credential'])
      .where('doc', '=', doc)
      .execute();
    return new Map(
      rows.map((row) => [row.client_id, { userId: row.user_id, credential: row.credential ?? null }]),
    );
  }

  /** Binds clientIDs to a writer; an existing binding is kept (first writer wins). */
  async claim(doc: string, clientIds: readonly number[], writer: ClientWriter): Promise<void> {
    if (clientIds.length === 0) return;
    await this.db
      .insertInto('collab_client_owners')
      .values(
        clientIds.map((clientId) => ({
          doc,
          client_id: clientId,
          user_id: writer.userId,
          credential: writer.credential,
        })),
      )
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}
