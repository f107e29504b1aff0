import { createHash } from 'node:crypto';
import path from 'node:path';
import { openPostgres, type PostgresDatabase } from './postgres.ts';
import { openDatabase, type SqliteDatabase } from './sqlite.ts';
import type { Kysely } from 'kysely';
import type { AccessTables } from '../access/access.table.ts';
import type { AssignmentTables } from '../assignments/assignment.table.ts';
import type { AuditTables } from '../audit/audit.table.ts';
import type { AuthTables } from '../auth/auth.table.ts';
import type { CollabTables } from '../collab/store/collab-document.table.ts';
import type { CommentTables } from '../comments/comment.table.ts';
import type { DiscussionTables } from '../discussions/discussion.table.ts';
import type { DraftTables } from '../drafts/draft.table.ts';
import type { ExportTables } from '../export/export.table.ts';
import type { NotificationTables } from '../notifications/notification.table.ts';
import type { OrgTables } from '../orgs/org.table.ts';
import type { RevisionLogTables } from '../revision-log/revision-log.table.ts';
import type { RoundTables } from '../rounds/round.table.ts';
import type { TemplateTables } from '../templates/template.table.ts';
import type { VersionTables } from '../versions/version.table.ts';
import type { UserTables } from '../users/user.table.ts';

/** Every table of the app, composed from each module's own table types. */
export type Database = CollabTables &
  OrgTables &
  UserTables &
  AuthTables &
  AccessTables &
  DraftTables &
  TemplateTables &
  VersionTables &
  RoundTables &
  CommentTables &
  NotificationTables &
  RevisionLogTables &
  ExportTables &
  AuditTables &
  AssignmentTables &
  DiscussionTables;

/** The database the server runs on: the embedded SQLite file, or PostgreSQL for scale-out. */
export type OpenDatabase = SqliteDatabase | PostgresDatabase;

/** What every open database offers, whichever the engine. */
export interface DatabaseHandle {
  readonly db: Kysely<Database>;
  /** Checks that the database answers (the health check); rejects when it does not. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Where the data lives, as configured: `DATABASE_URL` (PostgreSQL) or the SQLite file. */
export interface DatabaseTarget {
  /** `postgres://…`; unset means the embedded SQLite file in `dataDir`. */
  readonly url: string | undefined;
  readonly poolSize: number;
  readonly dataDir: string;
}

/** The SQLite file inside the data directory. */
export function databaseFile(dataDir: string): string {
  return path.join(dataDir, 'vankien.db');
}

/** Opens the configured database (not yet migrated). */
export function openConfiguredDatabase(target: DatabaseTarget): OpenDatabase {
  return target.url === undefined
    ? openDatabase(databaseFile(target.dataDir))
    : openPostgres(target.url, { poolSize: target.poolSize });
}

/**
 * A short name for the deployment, the same on every instance of it: a hash of where its
 * database lives (for Redis channel names, which must not mix two deployments).
 */
export function deploymentScope(database: OpenDatabase): string {
  const where = database.kind === 'sqlite' ? database.file : database.where;
  return createHash('sha256').update(where).digest('hex').slice(0, 12);
}
