import type { Kysely } from 'kysely';
import * as Y from 'yjs';
import type { Database } from '../db/database.ts';
import type { DraftTexts } from '../drafts/draft-text.ts';
import type { DraftService } from '../drafts/draft.service.ts';
import type { Logger } from '../logger.ts';
import { thinning, type ThinningPolicy } from './snapshot-thinning.ts';
import type { Clock } from '../time/clock.ts';
import type { EditSource } from '../events/edit-feed.ts';

/** When automatic snapshots are taken, and how they are thinned. */
export interface HistoryPolicy extends ThinningPolicy {
  /** A span of editing is snapshotted once it is this old… */
  readonly intervalMs: number;
  /** …or once nobody has edited for this long (the editors have left or paused). */
  readonly quietMs: number;
}

/** Who edited in a span, and how much. */
export interface SpanEditor {
  userId: number;
  updates: number;
  bytes: number;
}

interface Span {
  readonly startedAt: number;
  lastAt: number;
  readonly editors: Map<number, SpanEditor>;
}

/**
 * Automatic history: while people edit a draft the server notes who edits and how much
 * (memory only, per accepted update), and snapshots the span when it is `intervalMs` old or
 * has been quiet for `quietMs`. A snapshot stores the Yjs changes since the previous one, and
 * older snapshots are thinned (hourly, then daily), each dropped one folding its changes and
 * editors into the next, so storage grows with what is typed, not with copies of the draft.
 */
export class AutoHistory {
  private readonly spans = new Map<string, Span>();
  private readonly capturing = new Set<string>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly texts: DraftTexts,
    private readonly drafts: DraftService,
    private readonly policy: HistoryPolicy,
    private readonly log: Logger,
    /** Display names of the editors listed (the users module answers). */
    private readonly nameOf: (userId: number) => Promise<string | null>,
    private readonly clock: Clock,
    /** Accepted edits of the collaboration core, each noted here. */
    edits: EditSource,
  ) {
    edits.subscribe(({ draftId, userId, bytes }) => this.note(draftId, userId, bytes));
  }

  /** Notes an accepted edit (runs for every update: memory only). */
  note(draftId: string, userId: number, bytes: number): void {
    const at = this.clock.now();
    let span = this.spans.get(draftId);
    if (span === undefined)
      this.spans.set(draftId, (span = { startedAt: at, lastAt: at, editors: new Map() }));
    span.lastAt = at;
    const editor = span.editors.get(userId) ?? { userId, updates: 0, bytes: 0 };
    editor.updates += 1;
    editor.bytes += bytes;
    span.editors.set(userId, editor);
  }

  /** Snapshots the spans that are due (called every few seconds); `all` snapshots every open span (shutdown). */
  async tick(all = false): Promise<void> {
    const at = this.clock.now();
    for (const [draftId, span] of [...this.spans]) {
      const due = at - span.startedAt >= this.policy.intervalMs || at - span.lastAt >= this.policy.quietMs;
      if (all || due)
        await this.capture(draftId).catch((error: unknown) =>
          this.log.error({ draftId, err: error }, 'automatic snapshot failed'),
        );
    }
  }

  /** A draft's automatic snapshots, newest first (the numbered versions are listed apart). */
  async list(userId: number, draftId: string) {
    await this.drafts.find(userId, draftId);
    const rows = await this.db
      .selectFrom('draft_snapshots')
      .select(['id', 'editors', 'started_at', 'created_at'])
      .where('draft_id', '=', draftId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    const names = new Map<number, Promise<string | null>>();
    const name = (id: number) => {
      if (!names.has(id)) names.set(id, this.nameOf(id));
      return names.get(id)!;
    };
    return {
      snapshots: await Promise.all(
        rows.map(async (r) => ({
          id: r.id,
          startedAt: new Date(r.started_at).toISOString(),
          createdAt: new Date(r.created_at).toISOString(),
          editors: await Promise.all(
            (JSON.parse(r.editors) as SpanEditor[]).map(async (e) => ({ ...e, name: await name(e.userId) })),
          ),
        })),
      ),
    };
  }

  private async capture(draftId: string): Promise<void> {
    const span = this.spans.get(draftId);
    if (span === undefined || this.capturing.has(draftId)) return;
    this.spans.delete(draftId); // edits from now on open the next span
    this.capturing.add(draftId);
    try {
      const last = await this.db
        .selectFrom('draft_snapshots')
        .select('state_vector')
        .where('draft_id', '=', draftId)
        .orderBy('id', 'desc')
        .executeTakeFirst();
      const { delta, stateVector } = await this.texts.read(draftId, (doc) => ({
        delta: Y.encodeStateAsUpdate(doc, last?.state_vector),
        stateVector: Y.encodeStateVector(doc),
      }));
      await this.db
        .insertInto('draft_snapshots')
        .values({
          draft_id: draftId,
          delta,
          state_vector: stateVector,
          editors: JSON.stringify([...span.editors.values()]),
          started_at: span.startedAt,
          created_at: this.clock.now(),
        })
        .execute();
      await this.thin(draftId);
    } finally {
      this.capturing.delete(draftId);
    }
  }

  /** Applies the thinning policy to one draft's snapshots, in one transaction. */
  private async thin(draftId: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom('draft_snapshots')
        .select(['id', 'delta', 'editors', 'created_at'])
        .where('draft_id', '=', draftId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      const plan = thinning(
        rows.map((r) => ({ id: r.id, createdAt: r.created_at })),
        this.clock.now(),
        this.policy,
      );
      if (plan.length === 0) return;
      const byId = new Map(
        rows.map((r) => [r.id, { delta: r.delta, editors: JSON.parse(r.editors) as SpanEditor[] }]),
      );
      for (const { drop, into } of plan) {
        const from = byId.get(drop)!;
        const to = byId.get(into)!;
        to.delta = Y.mergeUpdates([from.delta, to.delta]);
        to.editors = mergeEditors(from.editors, to.editors);
        byId.delete(drop);
        await trx.deleteFrom('draft_snapshots').where('id', '=', drop).execute();
      }
      const survivors = new Set(plan.map((p) => p.into).filter((id) => byId.has(id)));
      for (const id of survivors) {
        const { delta, editors } = byId.get(id)!;
        await trx
          .updateTable('draft_snapshots')
          .set({ delta, editors: JSON.stringify(editors) })
          .where('id', '=', id)
          .execute();
      }
    });
  }
}

function mergeEditors(a: readonly SpanEditor[], b: readonly SpanEditor[]): SpanEditor[] {
  const merged = new Map<number, SpanEditor>();
  for (const e of [...a, ...b]) {
    const m = merged.get(e.userId) ?? { userId: e.userId, updates: 0, bytes: 0 };
    merged.set(e.userId, { userId: e.userId, updates: m.updates + e.updates, bytes: m.bytes + e.bytes });
  }
  return [...merged.values()];
}
