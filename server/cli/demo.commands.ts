import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { credentialsFile, formatCredentials, seedDemoIfEmpty } from '../demo/demo-seed.ts';
import { CliError, type CliContext } from './cli-context.ts';

/** `demo`: seeds the demo workspace into an empty database and prints the accounts. */
export function addDemoCommand(program: CommandUnknownOpts, ctx: CliContext): void {
  program
    .command('demo')
    .description('seed the demo workspace into an empty database and print its accounts')
    .action(async () => {
      const creds = await seedDemoIfEmpty(ctx.services, ctx.dataDir, {
        password: ctx.demoPassword,
        consultation: false,
      });
      if (creds === null) throw new CliError('database is not empty; demo not seeded');
      ctx.output.stdout(formatCredentials(creds));
      ctx.note(`credentials written to ${credentialsFile(ctx.dataDir)}; delete it after distributing them`);
    });
}
