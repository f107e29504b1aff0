import fs from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { migrationNames } from './migrate.ts';
import { systemClock, type Clock } from '../time/clock.ts';

/** A backup or restore that cannot go ahead; the message is for the operator. */
export class DatabaseFileError extends Error {
  override readonly name = 'DatabaseFileError';
}

/** What a backup wrote. */
export interface BackupResult {
  readonly file: string;
  readonly bytes: number;
  readonly pages: number;
}

/** The table Kysely's migrator keeps its record in. */
const MIGRATION_TABLE = 'kysely_migration';

/**
 * Copies the live database into `target` with SQLite's online backup API, while the server
 * keeps writing (WAL: the copy reads one snapshot and never blocks writers). All pages are
 * copied in one step, so the copy is the state of one moment: every commit acknowledged
 * before the backup started is in it. Written to `<target>.partial` and renamed when
 * complete and checked, so a failed backup never leaves a file that looks whole.
 */
export async function backupDatabase(source: string, target: string): Promise<BackupResult> {
  if (!fs.existsSync(source)) throw new DatabaseFileError(`no database at ${source}`);
  if (fs.existsSync(target)) throw new DatabaseFileError(`${target} exists; choose a new file name`);
  const partial = `${target}.partial`;
  fs.rmSync(partial, { force: true });
  const live = new BetterSqlite3(source, { fileMustExist: true, timeout: 5000 });
  let pages: number;
  try {
    // The default copies 100 pages per turn and restarts whenever the server commits meanwhile;
    // one step holds one read snapshot instead, which WAL lets writers work beside.
    ({ totalPages: pages } = await live.backup(partial, { progress: () => 0x7fffffff }));
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw new DatabaseFileError(`backup failed: ${(error as Error).message}`);
  } finally {
    live.close();
  }
  const copy = new BetterSqlite3(partial, { fileMustExist: true });
  try {
    // A self-contained file (no -wal beside it), then proof that it reads back whole.
    copy.pragma('journal_mode = DELETE');
    checkIntegrity(copy, partial);
  } finally {
    copy.close();
  }
  fs.renameSync(partial, target);
  return { file: target, bytes: fs.statSync(target).size, pages };
}

/**
 * Puts a backup in place of the database at `dbFile`. Refused while anything (the server)
 * has the database open; the file must be an intact SQLite database holding vankien's
 * migrations and none this code does not know. The replaced database is kept beside it
 * as `<db>.before-restore-<timestamp>`; returns that name (null if there was none).
 */
export function restoreDatabase(
  dbFile: string,
  source: string,
  /** Names the kept file (the CLI runs this outside any composition root: the system clock). */
  clock: Clock = systemClock,
): { kept: string | null } {
  if (!fs.existsSync(source)) throw new DatabaseFileError(`no file at ${source}`);
  // Checked on a copy beside the database: what is checked is exactly what is put in place.
  const incoming = `${dbFile}.restoring`;
  fs.copyFileSync(source, incoming);
  try {
    checkVankienDatabase(incoming, source);
    const kept = fs.existsSync(dbFile) ? setAside(dbFile, clock) : null;
    fs.renameSync(incoming, dbFile);
    return { kept };
  } finally {
    fs.rmSync(incoming, { force: true });
  }
}

function checkVankienDatabase(file: string, shownAs: string): void {
  let db: BetterSqlite3.Database;
  try {
    db = new BetterSqlite3(file, { fileMustExist: true });
    db.pragma('schema_version'); // the first read: fails here if the file is not SQLite at all
  } catch (error) {
    throw new DatabaseFileError(`${shownAs} is not a SQLite database (${(error as Error).message})`);
  }
  try {
    db.pragma('journal_mode = DELETE');
    checkIntegrity(db, shownAs);
    const table = db
      .prepare("select 1 from sqlite_master where type = 'table' and name = ?")
      .get(MIGRATION_TABLE);
    if (table === undefined)
      throw new DatabaseFileError(`${shownAs} is not a vankien database (no migrations)`);
    const names = (db.prepare(`select name from ${MIGRATION_TABLE}`).all() as { name: string }[]).map(
      (r) => r.name,
    );
    const known = new Set(migrationNames());
    if (names.length === 0)
      throw new DatabaseFileError(`${shownAs} is not a vankien database (no migrations)`);
    const unknown = names.filter((n) => !known.has(n));
    if (unknown.length > 0)
      throw new DatabaseFileError(
        `${shownAs} was written by a newer vankien (unknown migration ${unknown[0]}); upgrade first`,
      );
  } finally {
    db.close();
  }
}

function checkIntegrity(db: BetterSqlite3.Database, shownAs: string): void {
  const rows = db.pragma('integrity_check') as { integrity_check: string }[];
  if (rows.length !== 1 || rows[0]?.integrity_check !== 'ok')
    throw new DatabaseFileError(
      `${shownAs} failed the integrity check: ${rows.map((r) => r.integrity_check).join('; ')}`,
    );
}

/**
 * Takes the current database out of the way, with its WAL folded in. An exclusive lock is the
 * test for "in use": SQLite grants it only when no other connection has the file open.
 */
function setAside(dbFile: string, clock: Clock): string {
  const current = new BetterSqlite3(dbFile, { fileMustExist: true, timeout: 0 });
  try {
    current.pragma('locking_mode = EXCLUSIVE');
    try {
      current.exec('BEGIN EXCLUSIVE; COMMIT');
    } catch {
      throw new DatabaseFileError(
        `${dbFile} is in use (is the server running?); stop the server, then restore`,
      );
    }
    current.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    current.close(); // the last connection: SQLite removes the -wal and -shm files
  }
  const stamp = new Date(clock.now()).toISOString().replace(/[:.]/g, '-');
  const kept = `${dbFile}.before-restore-${stamp}`;
  fs.renameSync(dbFile, kept);
  // Whatever side files remain belong to the old database; beside the new one they would corrupt it.
  for (const suffix of ['-wal', '-shm'])
    if (fs.existsSync(dbFile + suffix)) fs.renameSync(dbFile + suffix, kept + suffix);
  return kept;
}
