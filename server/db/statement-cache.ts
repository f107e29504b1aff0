import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** Distinct SQL texts kept prepared; past it the least recently used is dropped. */
const DEFAULT_LIMIT = 500;

/**
 * A better-sqlite3 handle, as Kysely's SQLite dialect sees it, that keeps its prepared
 * statements. Kysely prepares every query afresh, and for the short queries of a request
 * (authenticate, resolve access, read a draft) SQLite parsing and planning the SQL cost about
 * as much as running it (bench/README.md, "Figures of 2026-12-08"). Kysely's SQL text is
 * parameterised, so the distinct texts are few; inlined lists (`in (?, ?, …)`) vary in length,
 * hence the bound. A statement still iterating (a streamed query) is not handed out again
 * (the connection refuses other queries meanwhile anyway; this keeps the iteration intact).
 */
export class StatementCache implements SqliteDatabase {
  private readonly statements = new Map<string, BetterSqlite3.Statement>();

  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    private readonly limit = DEFAULT_LIMIT,
  ) {}

  prepare(sql: string): SqliteStatement {
    const kept = this.statements.get(sql);
    if (kept !== undefined && !kept.busy) {
      // Re-inserted: a Map iterates in insertion order, so the first key is the least recently used.
      this.statements.delete(sql);
      this.statements.set(sql, kept);
      return kept;
    }
    const statement = this.sqlite.prepare(sql);
    this.statements.delete(sql);
    this.statements.set(sql, statement);
    if (this.statements.size > this.limit) {
      const oldest = this.statements.keys().next();
      if (oldest.done !== true) this.statements.delete(oldest.value);
    }
    return statement;
  }

  /** How many statements are kept (tests). */
  get size(): number {
    return this.statements.size;
  }

  close(): void {
    this.statements.clear();
    this.sqlite.close();
  }
}
