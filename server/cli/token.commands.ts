import { Argument, type CommandUnknownOpts } from '@commander-js/extra-typings';
import { parseDays, parseId, parseTokenName } from './cli-args.ts';
import type { CliContext } from './cli-context.ts';
import { formatTable } from './cli-table.ts';

const date = (ms: number | null) => (ms === null ? 'never' : new Date(ms).toISOString());

/** `token create|list|revoke`: personal API tokens for scripts. */
export function addTokenCommands(program: CommandUnknownOpts, ctx: CliContext): void {
  const token = program.command('token').description('manage API tokens');
  const { users, tokens } = ctx.services;

  token
    .command('create')
    .description('create an API token for a user; prints it once, alone on stdout')
    .argument('<username>')
    .option('--name <name>', 'what the token is for', parseTokenName, 'cli')
    .option('--expires-days <n>', 'days until it expires (default: never; revoke it instead)', parseDays)
    .action(async (username, options) => {
      const owner = await users.getByUsername(username);
      const created = await tokens.create(owner.id, options.name, options.expiresDays);
      // Only the secret on stdout, so `TOKEN=$(… token create x)` captures exactly it.
      ctx.print(created.token);
      ctx.note(
        `token ${created.id} "${created.name}" for ${owner.username}, expires ${date(created.expiresAt)}; ` +
          'it is shown only this once',
      );
    });

  token
    .command('list')
    .description("list a user's tokens that are not revoked (never their secrets)")
    .argument('<username>')
    .action(async (username) => {
      const owner = await users.getByUsername(username);
      const list = await tokens.list(owner.id);
      if (list.length === 0) return ctx.note(`${owner.username} has no tokens that are not revoked`);
      const rows = [['ID', 'NAME', 'CREATED', 'EXPIRES', 'LAST USED']];
      for (const t of list)
        rows.push([String(t.id), t.name, date(t.createdAt), date(t.expiresAt), date(t.lastUsedAt)]);
      for (const line of formatTable(rows)) ctx.print(line);
    });

  token
    .command('revoke')
    .description('revoke a token by id; its open connections close within seconds')
    .addArgument(new Argument('<id>', 'token id').argParser(parseId))
    .action(async (id) => {
      await tokens.revoke(id);
      ctx.print(`revoked token ${id}`);
    });
}
