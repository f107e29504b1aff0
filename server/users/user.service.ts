import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Role } from '../../shared/access.ts';
import { USERNAME_PATTERN } from '../../shared/api/auth.ts';
import type { AccessEpoch } from '../access/access-epoch.ts';
import type { ActionSource, AuditTrail } from '../audit/audit.service.ts';
import type { Database } from '../db/database.ts';
import { ConflictError, NotFoundError, ValidationError } from '../http/app-error.ts';
import type { OrgService } from '../orgs/org.service.ts';
import type { PasswordHasher } from './password.ts';
import {
  countUsers,
  deleteGrant,
  selectNames,
  selectUsersWithRole,
  deleteUser,
  findUserById,
  findUserByUsername,
  insertGrant,
  insertUser,
  listUsers,
  selectGrants,
  updatePasswordHash,
} from './user.repository.ts';
import type { UserRow } from './user.table.ts';
import type { Clock } from '../time/clock.ts';

/** Shortest password accepted (OWASP ASVS V2.1.1 asks for at least 8). */
export const MIN_PASSWORD_LENGTH = 8;

/** A user as other modules see it (never the hash). */
export interface User {
  readonly id: number;
  readonly username: string;
  readonly displayName: string;
  readonly orgId: number;
}

/** Input of {@link UserService.create}. */
export interface NewUser {
  username: string;
  displayName: string;
  orgId: number;
  /** Omitted: a random one is generated and returned once. */
  password?: string;
  roles?: readonly Role[];
}

/** A random password of 16 characters from an unambiguous alphabet (≈ 90 bits). */
export function randomPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return [...randomBytes(16)].map((byte) => alphabet[byte % alphabet.length]).join('');
}

/** Users, their passwords and their per-organisation roles. */
export class UserService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly orgs: OrgService,
    private readonly hasher: PasswordHasher,
    private readonly epoch: AccessEpoch,
    /** The user's sessions (the auth module's): ended on a password reset, renewed on a role change. */
    private readonly sessions: {
      endAllFor(userId: number): Promise<void>;
      rotateAllFor(userId: number): Promise<void>;
    },
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  /** Creates a user with roles in their own organisation; returns the password if generated. */
  async create(input: NewUser): Promise<{ user: User; password: string }> {
    const username = normaliseUsername(input.username);
    const displayName = input.displayName.trim();
    if (displayName === '' || displayName.length > 200)
      throw new ValidationError('validation_failed', 'Display name must be 1–200 characters');
    await this.orgs.get(input.orgId);
    const password = input.password ?? randomPassword();
    checkPassword(password);
    if ((await findUserByUsername(this.db, username)) !== undefined)
      throw new ConflictError('conflict', `Username ${username} is taken`);
    const row = await insertUser(this.db, {
      username,
      displayName,
      orgId: input.orgId,
      passwordHash: await this.hasher.hash(password),
      createdAt: this.clock.now(),
    });
    for (const role of input.roles ?? []) await insertGrant(this.db, row.id, input.orgId, role);
    return { user: toUser(row), password };
  }

  /** One user by username; 404 if unknown. */
  async getByUsername(username: string): Promise<User> {
    return toUser(await this.row(username));
  }

  /** One user by id, or null (e.g. removed meanwhile). */
  async findById(id: number): Promise<User | null> {
    const row = await findUserById(this.db, id);
    return row === undefined ? null : toUser(row);
  }

  /** Users, optionally of one organisation. */
  async list(orgId?: number): Promise<User[]> {
    return (await listUsers(this.db, orgId)).map(toUser);
  }

  /** Whether there are no users at all (a fresh database). */
  async isEmpty(): Promise<boolean> {
    return (await countUsers(this.db)) === 0;
  }

  /** Display names of these users, in one query (for lists that name many people). */
  async namesOf(ids: Iterable<number | null>): Promise<Map<number, string>> {
    const unique = [...new Set([...ids].filter((id): id is number => id !== null))];
    return unique.length === 0 ? new Map() : selectNames(this.db, unique);
  }

  /** Ids of the users holding `role` in any of these organisations (e.g. whom to notify). */
  async withRole(role: Role, orgIds: readonly number[]): Promise<number[]> {
    return selectUsersWithRole(this.db, role, orgIds);
  }

  /** The user's roles, per organisation. */
  async grantsOf(userId: number): Promise<{ orgId: number; role: Role }[]> {
    return selectGrants(this.db, userId);
  }

  /** Grants (`on`) or revokes a role of a user in an organisation; open sockets follow within seconds. */
  async setRole(
    username: string,
    orgId: number,
    role: Role,
    on: boolean,
    source: ActionSource = 'cli',
  ): Promise<void> {
    const user = await this.row(username);
    await this.orgs.get(orgId);
    if (on) await insertGrant(this.db, user.id, orgId, role);
    else await deleteGrant(this.db, user.id, orgId, role);
    // R10: the user's sessions get new ids at their next request.
    await this.sessions.rotateAllFor(user.id);
    await this.epoch.bump();
    await this.audit.record({
      action: on ? 'role_granted' : 'role_revoked',
      source,
      target: `user:${user.username}`,
      detail: { userId: user.id, orgId, role },
    });
  }

  /** Sets a new password (random if omitted) and ends every session of the user. */
  async resetPassword(username: string, password?: string): Promise<string> {
    const user = await this.row(username);
    const next = password ?? randomPassword();
    checkPassword(next);
    await updatePasswordHash(this.db, user.id, await this.hasher.hash(next));
    await this.sessions.endAllFor(user.id);
    return next;
  }

  /** Removes a user with their roles, sessions and tokens. */
  async remove(username: string): Promise<void> {
    const user = await this.row(username);
    await deleteUser(this.db, user.id);
    await this.epoch.bump();
  }

  /**
   * The user whose username and password these are, or null. Takes the same time whether
   * the username is unknown or the password wrong, and never says which (R12).
   */
  async verifyCredentials(username: string, password: string): Promise<User | null> {
    const row = await findUserByUsername(this.db, username.trim().toLowerCase());
    if (row === undefined) return this.hasher.verifyNothing(password).then(() => null);
    if (!(await this.hasher.verify(row.password_hash, password))) return null;
    if (this.hasher.needsRehash(row.password_hash))
      await updatePasswordHash(this.db, row.id, await this.hasher.hash(password));
    return toUser(row);
  }

  private async row(username: string): Promise<UserRow> {
    const row = await findUserByUsername(this.db, username.trim().toLowerCase());
    if (row === undefined) throw new NotFoundError('user_not_found', `No user ${username}`);
    return row;
  }
}

function normaliseUsername(username: string): string {
  const normalised = username.trim().toLowerCase();
  if (!USERNAME_PATTERN.test(normalised))
    throw new ValidationError('validation_failed', 'Username: 2–64 of a–z, 0–9, dot, dash, underscore');
  return normalised;
}

function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH || password.length > 256)
    throw new ValidationError('validation_failed', `Password must be ${MIN_PASSWORD_LENGTH}–256 characters`);
}

function toUser(row: UserRow): User {
  return { id: row.id, username: row.username, displayName: row.display_name, orgId: row.org_id };
}
