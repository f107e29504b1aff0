import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { InvalidArgumentError } from '@commander-js/extra-typings';
import { parseId } from './cli-args.ts';
import type { CliContext } from './cli-context.ts';
import { formatTable } from './cli-table.ts';

function parseLimit(value: string): number {
  const n = Number(value.trim());
  if (!/^\d+$/.test(value.trim()) || n < 1 || n > 500)
    throw new InvalidArgumentError('Expected a whole number from 1 to 500.');
  return n;
}

/** `audit list`: the security-relevant actions, newest first. */
export function addAuditCommands(program: CommandUnknownOpts, ctx: CliContext): void {
  const audit = program.command('audit').description('the audit log of security-relevant actions');

  audit
    .command('list')
    .description('print audit entries, newest first')
    .option('--limit <n>', 'how many entries (1–500)', parseLimit, 50)
    .option('--before <id>', 'only entries older than this id (the next page)', parseId)
    .action(async (options) => {
      // The operator at the CLI reads the log without an account (null viewer).
      const page = await ctx.services.audit.list(null, { limit: options.limit, before: options.before });
      if (page.entries.length === 0) return ctx.note('no audit entries');
      const rows = [['ID', 'TIME', 'ACTION', 'ACTOR', 'ADDRESS', 'TARGET', 'DETAIL']];
      for (const e of page.entries)
        rows.push([
          String(e.id),
          e.at,
          e.action,
          e.actor,
          e.address ?? '-',
          e.target ?? '-',
          Object.keys(e.detail).length === 0 ? '-' : JSON.stringify(e.detail),
        ]);
      for (const line of formatTable(rows)) ctx.print(line);
      if (page.nextBefore !== null) ctx.note(`older entries: --before ${page.nextBefore}`);
    });
}
