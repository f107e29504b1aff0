/**
 * Admin CLI entry: `npm run cli -- <command>` (tsx) or `node dist/server/cli/main.js <command>`
 * after `npm run build`. Same configuration, database and services as the server.
 */
import { ConfigError, loadConfig, type Config } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { createLogger } from '../logger.ts';
import { databaseFile } from '../server.ts';
import { createServices } from '../services.ts';
import { runCli } from './program.ts';

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`error: ${error.message}\n`);
  process.exit(1);
}

const database = openDatabase(databaseFile(config.dataDir));
try {
  // The CLI may be the first to open a fresh data directory, before the server ever ran.
  const migration = await migrateToLatest(database.db);
  if (migration.error !== undefined)
    throw migration.error instanceof Error ? migration.error : new Error('migration failed');
  const services = createServices(database.db, config.auth);
  // Quietly (level silent): the CLI's output is for its own results.
  await services.templates.syncShipped(config.templatesDir, createLogger('silent'));
  process.exitCode = await runCli(process.argv.slice(2), {
    services,
    dataDir: config.dataDir,
    demoPassword: config.demo.password,
    output: {
      stdout: (text) => void process.stdout.write(text),
      stderr: (text) => void process.stderr.write(text),
    },
  });
} finally {
  await database.close();
}
