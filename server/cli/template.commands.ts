import fs from 'node:fs';
import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { CliError, type CliContext } from './cli-context.ts';
import { formatTable } from './cli-table.ts';

/** `template list` and `template import <file>`: the outline templates. */
export function addTemplateCommands(program: CommandUnknownOpts, ctx: CliContext): void {
  const template = program.command('template').description('outline templates (đề cương)');

  template
    .command('list')
    .description('list templates (newest version of each)')
    .action(async () => {
      const rows = (await ctx.services.templates.list()).map((t) => [
        t.id,
        `v${t.version}`,
        t.level,
        t.term,
        `${t.sectionCount} sections`,
        t.title,
      ]);
      for (const line of formatTable(rows)) ctx.print(line);
    });

  template
    .command('import')
    .description('import a template, or a newer version of one, from a JSON file (validated)')
    .argument('<file>', 'path of the template JSON')
    .action(async (file) => {
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch (error) {
        throw new CliError(`cannot read ${file}: ${(error as Error).message}`);
      }
      // The CLI runs with the database owner's rights, so no bloc-admin check (null user).
      const imported = await ctx.services.templates.import(null, text, file);
      ctx.print(`${imported.id} v${imported.version}`);
    });
}
