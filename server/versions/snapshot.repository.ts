import type { Kysely } from 'kysely';
import * as Y from 'yjs';
import type { Database } from '../db/database.ts';

/**
 * The whole Yjs state of a draft at automatic snapshot `id`, or undefined if the draft has no
 * such snapshot. Each snapshot stores only the changes since the previous one (thinning folds a
 * dropped one into the next), so the state is all the deltas up to it, merged.
 */
export async function snapshotState(
  db: Kysely<Database>,
  draftId: string,
  id: number,
): Promise<Uint8Array | undefined> {
  const rows = await db
    .selectFrom('draft_snapshots')
    .select(['id', 'delta'])
    .where('draft_id', '=', draftId)
    .where('id', '<=', id)
    .orderBy('id')
    .execute();
  if (rows.at(-1)?.id !== id) return undefined;
  return Y.mergeUpdates(rows.map((r) => r.delta));
}
