import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.ts';

/**
 * A counter in the database that every change of rights bumps (role granted or revoked,
 * user removed, password reset, token revoked, sign-out). Open sockets poll it and re-check
 * their grants when it moves; living in the database, it also sees the admin CLI's changes.
 */
export class AccessEpoch {
  constructor(private readonly db: Kysely<Database>) {}

  /** Marks that someone's rights changed. */
  async bump(): Promise<void> {
    await sql`update access_epoch set value = value + 1 where id = 1`.execute(this.db);
  }

  /** The current value. */
  async read(): Promise<number> {
    const row = await this.db
      .selectFrom('access_epoch')
      .select('value')
      .where('id', '=', 1)
      .executeTakeFirst();
    return row?.value ?? 0;
  }
}
