import type { Kysely } from 'kysely';
import type { OrgKind } from '../../shared/access.ts';
import type { Org } from '../../shared/api/orgs.ts';
import type { Database } from '../db/database.ts';
import { NotFoundError, ValidationError } from '../http/app-error.ts';
import { findOrg, insertOrg, listOrgs, selectAncestorIds } from './org.repository.ts';
import type { OrgRow } from './org.table.ts';
import type { Clock } from '../time/clock.ts';

/** Which kind of organisation may sit under which (null: at the top of the tree). */
const PARENT_KINDS: Record<OrgKind, readonly (OrgKind | null)[]> = {
  bloc: [null, 'bloc'],
  unit: ['bloc'],
  branch: ['unit'],
  mass: ['unit', 'bloc'],
};

/** Input of {@link OrgService.create}. */
export interface NewOrg {
  kind: OrgKind;
  name: string;
  shortName: string;
  parentId: number | null;
}

/** The organisation tree: creating, listing and walking it. */
export class OrgService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  /** Adds an organisation under a parent of a fitting kind. */
  async create(input: NewOrg): Promise<Org> {
    const name = input.name.trim();
    const shortName = input.shortName.trim();
    if (name === '' || name.length > 200)
      throw new ValidationError('validation_failed', 'Name must be 1–200 characters');
    if (shortName === '' || shortName.length > 50)
      throw new ValidationError('validation_failed', 'Short name must be 1–50 characters');
    const parent = input.parentId === null ? null : await findOrg(this.db, input.parentId);
    if (parent === undefined) throw new NotFoundError('org_not_found', `No organisation ${input.parentId}`);
    const allowed = PARENT_KINDS[input.kind];
    if (!allowed.includes(parent?.kind ?? null)) {
      const where = parent === null ? 'at the top of the tree' : `under a ${parent.kind}`;
      throw new ValidationError('validation_failed', `A ${input.kind} cannot be placed ${where}`);
    }
    return toOrg(
      await insertOrg(this.db, {
        kind: input.kind,
        name,
        shortName,
        parentId: parent?.id ?? null,
        createdAt: this.clock.now(),
      }),
    );
  }

  /** One organisation; 404 if it does not exist. */
  async get(id: number): Promise<Org> {
    const row = await findOrg(this.db, id);
    if (row === undefined) throw new NotFoundError('org_not_found', `No organisation ${id}`);
    return toOrg(row);
  }

  /** Every organisation, parents before children. */
  async list(): Promise<Org[]> {
    return (await listOrgs(this.db)).map(toOrg);
  }

  /**
   * The organisations a user may see: their own and those they hold roles in, with the
   * ancestors of each, plus everything below an organisation they administer.
   */
  async visibleTo(ownOrgId: number, grants: readonly { orgId: number; role: string }[]): Promise<Org[]> {
    const all = await this.list();
    const byId = new Map(all.map((org) => [org.id, org]));
    const visible = new Set<number>();
    for (const id of [ownOrgId, ...grants.map((g) => g.orgId)]) {
      for (let at = byId.get(id); at !== undefined && !visible.has(at.id); at = byId.get(at.parentId ?? -1))
        visible.add(at.id);
    }
    const admin = withDescendants(
      all,
      grants.filter((g) => g.role === 'admin').map((g) => g.orgId),
    );
    return all.filter((org) => visible.has(org.id) || admin.has(org.id));
  }

  /** These organisations and every one below them. */
  async subtreeOf(ids: readonly number[]): Promise<Set<number>> {
    return withDescendants(await this.list(), ids);
  }

  /** The organisation and its ancestors, nearest first. */
  async ancestorIds(id: number): Promise<number[]> {
    return selectAncestorIds(this.db, id);
  }
}

/** The API shape of an org row. */
export function toOrg(row: OrgRow): Org {
  return { id: row.id, kind: row.kind, name: row.name, shortName: row.short_name, parentId: row.parent_id };
}

function withDescendants(all: readonly Org[], ids: readonly number[]): Set<number> {
  const result = new Set(ids);
  // Parents come before children (ids grow), so one pass reaches every descendant.
  for (const org of all) if (org.parentId !== null && result.has(org.parentId)) result.add(org.id);
  return result;
}
