/**
 * Admin CLI entry: `npm run cli -- <command>` (tsx) or `node dist/server/cli/main.js <command>`
 * after `npm run build`. Same configuration, database and services as the server.
 */
import { ConfigError, loadConfig, type Config } from '../config.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { createLogger } from '../logger.ts';
import { openConfiguredDatabase } from '../db/database.ts';
import { createServices } from '../services.ts';
import { systemClock } from '../time/clock.ts';
import { DATABASE_COMMANDS } from './database.commands.ts';
import { runCli, runDatabaseCli } from './program.ts';

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`error: ${error.message}\n`);
  process.exit(1);
}

const output = {
  stdout: (text: string) => void process.stdout.write(text),
  stderr: (text: string) => void process.stderr.write(text),
};
const args = process.argv.slice(2);

// backup and restore work on the file: opening (and migrating) it here would hold it open
// under a restore and change the database a backup is meant to copy as it is.
if (DATABASE_COMMANDS.includes(args[0] ?? '') && config.database.url !== undefined) {
  output.stderr(`error: ${args[0]} works on the SQLite file; on PostgreSQL use pg_dump and pg_restore\n`);
  process.exitCode = 1;
} else if (DATABASE_COMMANDS.includes(args[0] ?? '')) {
  process.exitCode = await runDatabaseCli(args, { dataDir: config.dataDir, output });
} else {
  await runWithServices();
}

async function runWithServices(): Promise<void> {
  const database = openConfiguredDatabase(config.database);
  try {
    // The CLI may be the first to open a fresh data directory, before the server ever ran.
    const migration = await migrateToLatest(database.db);
    if (migration.error !== undefined)
      throw migration.error instanceof Error ? migration.error : new Error('migration failed');
    const services = createServices(database.db, config.auth, { clock: systemClock });
    // Quietly (level silent): the CLI's output is for its own results.
    await services.templates.syncShipped(config.templatesDir, createLogger('silent'));
    process.exitCode = await runCli(args, {
      services,
      dataDir: config.dataDir,
      demoPassword: config.demo.password,
      output,
    });
  } finally {
    await database.close();
  }
}
