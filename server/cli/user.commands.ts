import { Argument, Option, type CommandUnknownOpts } from '@commander-js/extra-typings';
import { ROLES } from '../../shared/access.ts';
import { parseId } from './cli-args.ts';
import type { CliContext } from './cli-context.ts';
import { formatTable } from './cli-table.ts';

const PASSWORD_HELP = 'password (visible in shell history; omit to generate one)';

/** `user add|list|set-role|reset-password|remove`: accounts and their roles. */
export function addUserCommands(program: CommandUnknownOpts, ctx: CliContext): void {
  const user = program.command('user').description('manage users and their roles');
  const { users, orgs } = ctx.services;

  user
    .command('add')
    .description('add a user to an organisation, with roles in that organisation')
    .argument('<username>', 'sign-in name: 2–64 of a–z, 0–9, dot, dash, underscore')
    .requiredOption('--name <display name>', 'full name as shown in the app, e.g. "Nguyễn Văn An"')
    .requiredOption('--org <id>', 'id of the organisation the user belongs to', parseId)
    .addOption(new Option('--role <role...>', 'roles in that organisation').choices(ROLES))
    .option('--password <password>', PASSWORD_HELP)
    .action(async (username, options) => {
      const { user: created, password } = await users.create({
        username,
        displayName: options.name,
        orgId: options.org,
        password: options.password,
        roles: [...new Set(options.role ?? [])],
      });
      const org = await orgs.get(created.orgId);
      ctx.print(`created user ${created.username} (id ${created.id}) in ${org.shortName}`);
      if (options.password === undefined) {
        ctx.print(`password: ${password}`);
        ctx.note('the password is shown only this once');
      }
    });

  user
    .command('list')
    .description('list users with their organisation and roles')
    .option('--org <id>', 'only the users of this organisation', parseId)
    .action(async (options) => {
      // An unknown org must be an error, not an empty list that looks like "no users".
      if (options.org !== undefined) await orgs.get(options.org);
      const shortNames = new Map((await orgs.list()).map((o) => [o.id, o.shortName]));
      const orgLabel = (id: number) => `${shortNames.get(id) ?? '?'} (${id})`;
      const rows = [['USERNAME', 'NAME', 'ORG', 'ROLES']];
      for (const u of await users.list(options.org)) {
        const grants = await users.grantsOf(u.id);
        // Roles in the user's own org read plainly; roles elsewhere say where.
        const roles = grants.map((g) => (g.orgId === u.orgId ? g.role : `${g.role}@${orgLabel(g.orgId)}`));
        rows.push([u.username, u.displayName, orgLabel(u.orgId), roles.join(', ') || '-']);
      }
      if (rows.length === 1) ctx.note('no users');
      else for (const line of formatTable(rows)) ctx.print(line);
    });

  user
    .command('set-role')
    .description('grant (or with --revoke, take away) a role of a user in an organisation')
    .argument('<username>')
    .addArgument(new Argument('<role>').choices(ROLES))
    .requiredOption('--org <id>', 'id of the organisation the role applies to', parseId)
    .option('--revoke', 'take the role away instead of granting it')
    .action(async (username, role, options) => {
      const grant = options.revoke !== true;
      await users.setRole(username, options.org, role, grant);
      const org = await orgs.get(options.org);
      ctx.print(`${grant ? 'granted' : 'revoked'} ${role} of ${username} in ${org.shortName} (${org.id})`);
    });

  user
    .command('reset-password')
    .description("set a new password and end the user's sessions")
    .argument('<username>')
    .option('--password <password>', PASSWORD_HELP)
    .action(async (username, options) => {
      const password = await users.resetPassword(username, options.password);
      ctx.print(`password of ${username} reset; their sessions were ended`);
      if (options.password === undefined) {
        ctx.print(`password: ${password}`);
        ctx.note('the password is shown only this once');
      }
    });

  user
    .command('remove')
    .description('remove a user with their roles, sessions and API tokens')
    .argument('<username>')
    .action(async (username) => {
      await users.remove(username);
      ctx.print(`removed user ${username}`);
    });
}
