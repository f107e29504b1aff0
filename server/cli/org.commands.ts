import { Option, type CommandUnknownOpts } from '@commander-js/extra-typings';
import { ORG_KINDS } from '../../shared/access.ts';
import type { Org } from '../../shared/api/orgs.ts';
import { parseId } from './cli-args.ts';
import type { CliContext } from './cli-context.ts';

/** `org add` and `org list`: the organisation tree. */
export function addOrgCommands(program: CommandUnknownOpts, ctx: CliContext): void {
  const org = program.command('org').description('manage the organisation tree');

  org
    .command('add')
    .description('add an organisation; prints its id')
    .addOption(new Option('--kind <kind>', 'kind of organisation').choices(ORG_KINDS).makeOptionMandatory())
    .requiredOption('--name <name>', 'full name, e.g. "Đảng bộ Sở Tài chính"')
    .requiredOption('--short <short>', 'short name used in document numbers, e.g. "ĐBSTC"')
    .option('--parent <id>', 'id of the parent organisation (none: top of the tree)', parseId)
    .action(async (options) => {
      const created = await ctx.services.orgs.create({
        kind: options.kind,
        name: options.name,
        shortName: options.short,
        parentId: options.parent ?? null,
      });
      ctx.print(String(created.id));
    });

  org
    .command('list')
    .description('print the organisation tree')
    .action(async () => {
      const orgs = await ctx.services.orgs.list();
      if (orgs.length === 0) ctx.note('no organisations yet');
      for (const line of treeLines(orgs)) ctx.print(line);
    });
}

/** One line per organisation, children indented under their parent, depth first. */
function treeLines(orgs: readonly Org[]): string[] {
  const children = new Map<number | null, Org[]>();
  const ids = new Set(orgs.map((o) => o.id));
  for (const o of orgs) {
    // An org whose parent is missing still shows, at the top, rather than vanishing.
    const parent = o.parentId !== null && ids.has(o.parentId) ? o.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), o]);
  }
  const lines: string[] = [];
  const walk = (parent: number | null, depth: number): void => {
    for (const o of children.get(parent) ?? []) {
      lines.push(`${'  '.repeat(depth)}${o.id} [${o.kind}] ${o.shortName} — ${o.name}`);
      walk(o.id, depth + 1);
    }
  };
  walk(null, 0);
  return lines;
}
