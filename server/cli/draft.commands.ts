import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import type { CliContext } from './cli-context.ts';

/** `draft repair <draftId>`: rebuilds a draft an earlier build let break, after freezing it as a version. */
export function addDraftCommands(program: CommandUnknownOpts, ctx: CliContext): void {
  const draft = program.command('draft').description('drafts (dự thảo)');

  draft
    .command('repair')
    .description(
      'repair a draft holding content the editor cannot show (run while nobody has it open): ' +
        'freezes it as a version, then keeps all text, dropping invalid nodes, marks, attributes and foreign types',
    )
    .argument('<draftId>', 'the draft id')
    .action(async (draftId) => {
      const result = await ctx.services.repairs.repair(draftId);
      if (result === null) {
        ctx.print(`${draftId}: nothing to repair`);
        return;
      }
      const { report, version } = result;
      ctx.print(`${draftId}: repaired; the state before is Dự thảo lần ${version}`);
      ctx.print(
        `  flattened blocks: ${report.flattenedBlocks} (into ${report.keptParagraphs} paragraphs, ${report.keptChars} characters kept)`,
      );
      ctx.print(`  removed attributes: ${report.removedAttributes}, removed marks: ${report.removedMarks}`);
      ctx.print(`  foreign types emptied: ${report.foreignTypes.join(', ') || 'none'}`);
      for (const reason of report.reasons) ctx.print(`  found: ${reason}`);
    });
}
