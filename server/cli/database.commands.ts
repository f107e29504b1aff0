import path from 'node:path';
import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { backupDatabase, DatabaseFileError, restoreDatabase } from '../db/backup.ts';
import { databaseFile } from '../db/database.ts';
import { CliError, type CliContext } from './cli-context.ts';

/** What the database commands need: they work on the file, not through the services. */
export type DatabaseCommandContext = Pick<CliContext, 'dataDir' | 'print' | 'note'>;

/** The commands that work on the database file itself; the CLI runs them without opening it. */
export const DATABASE_COMMANDS: readonly string[] = ['backup', 'restore'];

/** `backup <file>` and `restore <file>`. */
export function addDatabaseCommands(program: CommandUnknownOpts, ctx: DatabaseCommandContext): void {
  const db = () => databaseFile(ctx.dataDir);

  program
    .command('backup')
    .description('copy the database to a new file while the server runs (SQLite online backup)')
    .argument('<file>', 'where to write the copy (must not exist)')
    .action(async (file) => {
      const result = await fileOperation(() => backupDatabase(db(), path.resolve(file)));
      ctx.print(`backed up ${db()} to ${result.file} (${result.bytes} bytes)`);
    });

  program
    .command('restore')
    .description('replace the database with a backup; the server must be stopped')
    .argument('<file>', 'a file written by `backup`')
    .action(async (file) => {
      const { kept } = await fileOperation(() => restoreDatabase(db(), path.resolve(file)));
      ctx.print(`restored ${path.resolve(file)} into ${db()}`);
      if (kept !== null) ctx.note(`the replaced database is kept as ${kept}`);
    });
}

async function fileOperation<T>(run: () => T | Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof DatabaseFileError) throw new CliError(error.message);
    throw error;
  }
}
