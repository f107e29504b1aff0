import type { Kysely } from 'kysely';
import * as Y from 'yjs';
import { draftSchema, draftToJSON } from '../../../shared/editor/draft-json.ts';
import type { Database } from '../../db/database.ts';
import { ConflictError } from '../../http/app-error.ts';
import type { Logger } from '../../logger.ts';
import { findSnapshot, readHistory, replaceSnapshot } from './collab-document.repository.ts';
import { foreignTypes, repairState, type RepairReport } from '../core/draft-repair.ts';
import { SchemaRule } from '../core/schema-rule.ts';
import type { Clock } from '../../time/clock.ts';

/** Stores the snapshot taken before a repair as a numbered version; returns its number. */
export type RecordVersion = (
  draftId: string,
  version: { state: Uint8Array; content: string; note: string; createdBy: number | null },
) => Promise<{ number: number }>;

/**
 * Drafts an earlier build let break (content the editor cannot show, see `schema-rule.ts`):
 * found at start-up, repaired by `draft repair`. Works on the stored history, so it runs in
 * the CLI as in the server; a server that has the draft loaded keeps serving the old state
 * until the room unloads, so repair a draft nobody has open (the start-up check names them).
 */
export class DraftRepairs {
  private readonly schema = draftSchema();
  private readonly rule = new SchemaRule(this.schema);

  constructor(
    private readonly db: Kysely<Database>,
    private readonly recordVersion: RecordVersion,
    private readonly clock: Clock,
  ) {}

  /**
   * Repairs one draft after freezing its state as a version (the exact old Yjs state; its text
   * is the repaired one, as the old one cannot be rendered). Null when nothing was broken.
   */
  async repair(draftId: string): Promise<{ report: RepairReport; version: number } | null> {
    const { snapshot, rows } = await readHistory(this.db, draftId);
    const updates = [...(snapshot === undefined ? [] : [snapshot.state]), ...rows.map((r) => r.data)];
    const repaired = repairState(updates, this.rule);
    if (repaired === null) return null;
    const readable = new Y.Doc();
    let content: string;
    try {
      Y.applyUpdate(readable, repaired.state);
      content = JSON.stringify(draftToJSON(readable, this.schema));
    } finally {
      readable.destroy();
    }
    const { number } = await this.recordVersion(draftId, {
      state: Y.mergeUpdates(updates),
      content,
      note: 'Trước khi sửa chữa (draft repair): trạng thái Yjs nguyên bản, văn bản như sau khi sửa',
      createdBy: null,
    });
    const base = snapshot?.up_to ?? 0;
    const upTo = rows.at(-1)?.id ?? base;
    await this.db.transaction().execute(async (trx) => {
      // Rows appended since the read stay in the log and replay on top of the repaired state.
      if (((await findSnapshot(trx, draftId))?.up_to ?? 0) !== base)
        throw new ConflictError('conflict', 'The draft was compacted during the repair; run it again');
      await replaceSnapshot(trx, {
        doc: draftId,
        state: repaired.state,
        stateVector: Y.encodeStateVectorFromUpdate(repaired.state),
        upTo,
        now: this.clock.now(),
      });
    });
    return { report: repaired.report, version: number };
  }

  /** The first reason a stored draft breaks the rule, or null if it is sound. */
  async check(draftId: string): Promise<string | null> {
    const { snapshot, rows } = await readHistory(this.db, draftId);
    // Without automatic GC: collecting a deleted deep subtree is itself recursive in Yjs.
    const doc = new Y.Doc({ gc: false });
    try {
      Y.transact(doc, () => {
        if (snapshot !== undefined) Y.applyUpdate(doc, snapshot.state);
        for (const row of rows) Y.applyUpdate(doc, row.data);
      });
      const problem = this.rule.problems(doc)[0];
      if (problem !== undefined) return problem.reason;
      const foreign = foreignTypes(doc)[0];
      return foreign === undefined ? null : `top-level type "${foreign[0]}" next to the content`;
    } finally {
      doc.destroy();
    }
  }

  /**
   * The start-up check: one warning per broken draft. Runs after the server listens, one
   * draft per turn of the event loop, and stops at `budgetMs` (it then says how far it got).
   */
  async scan(log: Logger, budgetMs: number, isStopped: () => boolean): Promise<void> {
    const started = performance.now();
    const docs = await this.db
      .selectFrom('collab_snapshots')
      .select('doc')
      .union(this.db.selectFrom('collab_updates').select('doc'))
      .execute();
    let checked = 0;
    for (const { doc } of docs) {
      if (isStopped()) return;
      if (performance.now() - started > budgetMs) {
        log.warn({ checked, total: docs.length }, 'draft check stopped at its time budget');
        return;
      }
      await new Promise((resolve) => setImmediate(resolve));
      const reason = await this.check(doc);
      checked += 1;
      if (reason !== null)
        log.warn(
          { draftId: doc, reason, fix: `npm run cli -- draft repair ${doc}` },
          'draft does not fit the editor schema',
        );
    }
    log.info({ checked, ms: Math.round(performance.now() - started) }, 'draft check done');
  }
}
