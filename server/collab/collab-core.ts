import type { Config } from '../config.ts';
import type { OpenDatabase } from '../db/database.ts';
import type { DraftTexts } from '../drafts/draft-text.ts';
import type { Logger } from '../logger.ts';
import type { Clock } from '../time/clock.ts';
import type { CommitMeter } from './core/commit-meter.ts';
import { draftSchema } from '../../shared/editor/draft-json.ts';
import { RoomRegistry } from './core/room-registry.ts';
import { roomTexts } from './core/room-texts.ts';
import { SchemaRule } from './core/schema-rule.ts';
import { SqliteClientOwners } from './store/sqlite-client-owners.ts';
import { PostgresDocStore } from './postgres/postgres-doc-store.ts';
import { SqliteDocStore } from './sqlite/sqlite-doc-store.ts';
import type { DocStore } from './core/doc-store.ts';
import type { Fanout } from './core/fanout.ts';

/** The collaboration core over one database: the update log, the rooms, and drafts' texts. */
export interface CollabCore {
  readonly store: DocStore;
  readonly registry: RoomRegistry;
  readonly texts: DraftTexts;
}

/** Builds the collaboration core (the server and the admin CLI alike). */
export function createCollabCore(
  database: OpenDatabase,
  collab: Config['collab'],
  log: Logger,
  /** Stamps the rows of the update log. */
  clock: Clock,
  /** Told after each applied edit: which draft, by whom, how many bytes. */
  onEdited?: (draftId: string, userId: number, bytes: number) => void,
  /** Told of every commit of the update log (the server's metrics). */
  meter?: CommitMeter,
  /** Channels to other instances (scale-out; only with a shared log). */
  fanout?: Fanout,
): CollabCore {
  const store =
    database.kind === 'sqlite'
      ? new SqliteDocStore({
          db: database.db,
          file: database.file,
          commitWindowMs: collab.commitWindowMs,
          meter,
          clock,
        })
      : new PostgresDocStore({ db: database.db, meter, clock });
  const registry = new RoomRegistry({
    store,
    owners: new SqliteClientOwners(database.db),
    log: log.child({ module: 'collab' }),
    roomIdleMs: collab.roomIdleMs,
    compaction: collab.compaction,
    content: new SchemaRule(draftSchema()),
    onEdited,
    meter,
    fanout,
  });
  return { store, registry, texts: roomTexts(store, registry) };
}
