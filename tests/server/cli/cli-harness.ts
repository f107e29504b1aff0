// The admin CLI two ways: in-process over a fresh database (fast, for most behaviour) and as
// the real `node --import tsx server/cli/main.ts` child (for exit codes and stderr).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../../server/cli/program.ts';
import { openDatabase } from '../../../server/db/sqlite.ts';
import { migrateToLatest } from '../../../server/db/migrate.ts';
import { databaseFile } from '../../../server/db/database.ts';
import { createServices, type Services } from '../../../server/services.ts';
import { systemClock } from '../../../server/time/clock.ts';
import { TEST_AUTH } from '../../helpers/workspace.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const ENTRY = path.join(ROOT, 'server/cli/main.ts');

/** How one CLI invocation ended. */
export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** A fresh data directory with services over its database, and the CLI run against both. */
export interface CliHarness {
  readonly dataDir: string;
  readonly services: Services;
  /** Runs one command line in-process through the real program. */
  run(...args: string[]): Promise<CliResult>;
  /** Runs one command line in the real CLI process, on the same data directory. */
  spawn(...args: string[]): Promise<CliResult>;
  /** Closes the database and deletes the directory. */
  close(): Promise<void>;
}

/** Opens a migrated database in a new temporary data directory. */
export async function openCliHarness(options: { demoPassword?: string } = {}): Promise<CliHarness> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vankien-cli-'));
  const database = openDatabase(databaseFile(dataDir));
  const migration = await migrateToLatest(database.db);
  if (migration.error !== undefined) throw migration.error as Error;
  const services = createServices(database.db, TEST_AUTH, { clock: systemClock });
  return {
    dataDir,
    services,
    async run(...args) {
      let stdout = '';
      let stderr = '';
      const code = await runCli(args, {
        services,
        dataDir,
        demoPassword: options.demoPassword,
        output: { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text) },
      });
      return { code, stdout, stderr };
    },
    spawn: (...args) => spawnCli(dataDir, args),
    async close() {
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Runs the real CLI entry in a child process with only DATA_DIR configured. */
export function spawnCli(dataDir: string, args: readonly string[]): Promise<CliResult> {
  // Only what node and tsx need: a variable set in the developer's shell must not leak in.
  const inherited = Object.fromEntries(
    ['PATH', 'HOME', 'TMPDIR', 'LANG', 'SystemRoot'].flatMap((key) => {
      const value = process.env[key];
      return value === undefined ? [] : [[key, value]];
    }),
  );
  return spawnEntry(ENTRY, args, { ...inherited, DATA_DIR: dataDir });
}

/**
 * Runs a server entry file (`server/…/*.main.ts`) as the npm scripts do, from the repository
 * root, and collects its output; `env` replaces the environment when given.
 */
export function spawnEntry(
  entry: string,
  args: readonly string[],
  env?: Record<string, string>,
): Promise<CliResult> {
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], {
    cwd: ROOT,
    ...(env === undefined ? {} : { env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    // 'close' comes after both pipes have ended, so the output is complete.
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}
