import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import type { CommentCounts } from '../rounds/round.view.ts';
import { countByOrg } from './comment.repository.ts';

/**
 * Comment counts per round and organisation, for the rounds module's dashboards. Built from
 * the database alone, so the rounds service can have it before the comments service (which
 * needs rounds) exists.
 */
export function commentCounts(db: Kysely<Database>): CommentCounts {
  return { countsByOrg: (roundIds) => countByOrg(db, roundIds) };
}
