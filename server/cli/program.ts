import { Command, CommanderError } from '@commander-js/extra-typings';
import { AppError } from '../http/app-error.ts';
import { addAuditCommands } from './audit.commands.ts';
import { CliError, cliContext, type CliDeps } from './cli-context.ts';
import { addDatabaseCommands } from './database.commands.ts';
import { addDemoCommand } from './demo.commands.ts';
import { addDraftCommands } from './draft.commands.ts';
import { addOrgCommands } from './org.commands.ts';
import { addTemplateCommands } from './template.commands.ts';
import { addTokenCommands } from './token.commands.ts';
import { addUserCommands } from './user.commands.ts';

/**
 * Builds the admin CLI over the given services. It never exits the process: commander's
 * exits become exceptions, and all output goes to `deps.output`, so tests run it in-process.
 */
export function buildProgram(deps: CliDeps): Command {
  const ctx = cliContext(deps);
  const program = baseProgram(deps);
  addOrgCommands(program, ctx);
  addUserCommands(program, ctx);
  addTokenCommands(program, ctx);
  addTemplateCommands(program, ctx);
  addDemoCommand(program, ctx);
  addAuditCommands(program, ctx);
  addDatabaseCommands(program, ctx);
  addDraftCommands(program, ctx);
  return program;
}

/** Only the commands on the database file (`backup`, `restore`), which need no services. */
export function buildDatabaseProgram(deps: DatabaseDeps): Command {
  const program = baseProgram(deps);
  addDatabaseCommands(program, {
    dataDir: deps.dataDir,
    print: (line) => deps.output.stdout(`${line}\n`),
    note: (line) => deps.output.stderr(`${line}\n`),
  });
  return program;
}

/** What {@link buildDatabaseProgram} needs: no services, so the database stays closed. */
export type DatabaseDeps = Pick<CliDeps, 'dataDir' | 'output'>;

function baseProgram(deps: DatabaseDeps): Command {
  return (
    new Command()
      .name('vankien-cli')
      .description(
        'Administer vankien: organisations, users, roles, API tokens, templates, the demo workspace, ' +
          'the audit log, backups.',
      )
      // Set before the subcommands are added: commander copies these settings into each of them.
      .exitOverride()
      .configureOutput({
        writeOut: (text) => deps.output.stdout(text),
        writeErr: (text) => deps.output.stderr(text),
      })
      .showHelpAfterError('(run with --help for usage)')
  );
}

/**
 * Runs one command line (without `node` and the script) and returns the exit code: 0 on
 * success, 1 for an expected failure (printed as `error: <message>`), 2 for a usage error
 * (printed by commander). Unexpected errors are rethrown for the caller to report.
 */
export async function runCli(args: readonly string[], deps: CliDeps): Promise<number> {
  return run(buildProgram(deps), args, deps);
}

/** Runs `backup` or `restore` without services (the CLI's database stays closed); as {@link runCli}. */
export async function runDatabaseCli(args: readonly string[], deps: DatabaseDeps): Promise<number> {
  return run(buildDatabaseProgram(deps), args, deps);
}

async function run(program: Command, args: readonly string[], deps: DatabaseDeps): Promise<number> {
  try {
    await program.parseAsync([...args], { from: 'user' });
    return 0;
  } catch (error) {
    // Commander has already printed its message, or the help (exit code 0). Usage errors exit
    // with 2, so a script can tell a wrong invocation from a refused operation.
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof AppError || error instanceof CliError) {
      deps.output.stderr(`error: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
