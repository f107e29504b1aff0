import type { Role } from '../../shared/access.ts';
import type { Org } from '../../shared/api/orgs.ts';
import type { UserSummary } from '../../shared/api/users.ts';
import { ForbiddenError, ValidationError } from '../http/app-error.ts';
import type { NewOrg, OrgService } from '../orgs/org.service.ts';
import type { User, UserService } from './user.service.ts';

/**
 * User and organisation administration over the API: everything an admin does applies only
 * to their organisation and the ones below it (the CLI, run by the operator, has no such limit).
 */
export class UserAdminService {
  constructor(
    private readonly users: UserService,
    private readonly orgs: OrgService,
  ) {}

  /** Users of every organisation the actor administers, with their roles. */
  async list(actorId: number): Promise<UserSummary[]> {
    const scope = await this.scope(actorId);
    const users = (await this.users.list()).filter((u) => scope.has(u.orgId));
    return Promise.all(users.map((u) => this.summary(u)));
  }

  /** Creates a user (random password, returned once) in an organisation the actor administers. */
  async create(
    actorId: number,
    input: { username: string; displayName: string; orgId: number; roles: Role[] },
  ) {
    await this.assertAdminOf(actorId, input.orgId);
    const { user, password } = await this.users.create(input);
    return { user: await this.summary(user), password };
  }

  /** Grants or revokes a role in an organisation the actor administers. */
  async setRole(
    actorId: number,
    username: string,
    orgId: number,
    role: Role,
    granted: boolean,
    address: string | null = null,
  ): Promise<UserSummary> {
    await this.assertAdminOf(actorId, orgId);
    const user = await this.users.getByUsername(username);
    await this.assertAdminOf(actorId, user.orgId);
    await this.users.setRole(username, orgId, role, granted, { userId: actorId, address });
    return this.summary(user);
  }

  /** Gives the user a new random password (returned once) and ends their sessions. */
  async resetPassword(actorId: number, username: string): Promise<{ user: UserSummary; password: string }> {
    const user = await this.users.getByUsername(username);
    await this.assertAdminOf(actorId, user.orgId);
    return { user: await this.summary(user), password: await this.users.resetPassword(username) };
  }

  /** Removes a user (not oneself). */
  async remove(actorId: number, username: string): Promise<void> {
    const user = await this.users.getByUsername(username);
    if (user.id === actorId) throw new ValidationError('validation_failed', 'You cannot remove yourself');
    await this.assertAdminOf(actorId, user.orgId);
    await this.users.remove(username);
  }

  /** Adds an organisation under one the actor administers. */
  async createOrg(actorId: number, input: NewOrg & { parentId: number }): Promise<Org> {
    await this.assertAdminOf(actorId, input.parentId);
    return this.orgs.create(input);
  }

  private async summary(user: User): Promise<UserSummary> {
    return { ...user, roles: await this.users.grantsOf(user.id) };
  }

  /** Ids of the organisations the actor administers, with everything below them. */
  private async scope(actorId: number): Promise<Set<number>> {
    const grants = await this.users.grantsOf(actorId);
    return this.orgs.subtreeOf(grants.filter((g) => g.role === 'admin').map((g) => g.orgId));
  }

  private async assertAdminOf(actorId: number, orgId: number): Promise<void> {
    const [grants, chain] = await Promise.all([this.users.grantsOf(actorId), this.orgs.ancestorIds(orgId)]);
    if (!grants.some((g) => g.role === 'admin' && chain.includes(g.orgId)))
      throw new ForbiddenError(
        'forbidden',
        'Only an administrator of this organisation or one above it may do this',
      );
  }
}
