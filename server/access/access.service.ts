import type { DraftAccess, Role } from '../../shared/access.ts';
import type { OrgService } from '../orgs/org.service.ts';

/** A role of a user in an organisation. */
export interface Grant {
  readonly orgId: number;
  readonly role: Role;
}

/** Where a draft lives (the drafts module answers). */
export interface DraftDirectory {
  /** The organisation owning the draft and whether it is final, or null if there is no such draft. */
  locate(draftId: string): Promise<{ orgId: number; final: boolean } | null>;
}

/** Which organisations are invited to an open consultation round on a draft (the rounds module answers). */
export interface ConsultationAccess {
  invitedOrgIds(draftId: string): Promise<readonly number[]>;
  /** Of those, the organisations whose round lets them compare the version with the current text. */
  comparingOrgIds(draftId: string): Promise<readonly number[]>;
}

/**
 * The rule, in one place and free of I/O: drafter or secretary of the draft's org → edit;
 * commenter of an org invited to an open round on it → comment; admin of the draft's org
 * or of any org above it → read; anyone else → null (the draft does not exist for them).
 */
export function decideAccess(
  grants: readonly Grant[],
  draftOrgAndAncestors: readonly number[],
  invitedOrgIds: readonly number[],
): DraftAccess | null {
  const draftOrg = draftOrgAndAncestors[0];
  const has = (role: Role, orgs: readonly (number | undefined)[]) =>
    grants.some((grant) => grant.role === role && orgs.includes(grant.orgId));
  if (has('drafter', [draftOrg]) || has('secretary', [draftOrg])) return 'edit';
  if (has('commenter', invitedOrgIds)) return 'comment';
  if (has('admin', draftOrgAndAncestors)) return 'read';
  return null;
}

/** The one permission resolver, used by REST routes and the collaboration endpoint alike. */
export class AccessService {
  constructor(
    private readonly deps: {
      readonly orgs: OrgService;
      readonly grantsOf: (userId: number) => Promise<readonly Grant[]>;
      readonly drafts: DraftDirectory;
      readonly consultations: ConsultationAccess;
    },
  ) {}

  /** What `userId` may do with `draftId`, or null: treat the draft as non-existent (404). */
  async resolve(userId: number, draftId: string): Promise<DraftAccess | null> {
    const draft = await this.deps.drafts.locate(draftId);
    return draft === null ? null : this.resolveIn(userId, draftId, draft.orgId);
  }

  /**
   * Access to the draft's live text: as {@link resolve}, except that nobody edits a final
   * draft (the committee reads it like everyone else), and an invited organisation reads the
   * version sent out, not the text in progress, unless its round lets it compare the two.
   * Used by the collaboration endpoint.
   */
  async resolveText(userId: number, draftId: string): Promise<DraftAccess | null> {
    const draft = await this.deps.drafts.locate(draftId);
    if (draft === null) return null;
    const access = await this.resolveIn(userId, draftId, draft.orgId);
    if (access === 'comment') {
      const [grants, comparing] = await Promise.all([
        this.deps.grantsOf(userId),
        this.deps.consultations.comparingOrgIds(draftId),
      ]);
      return grants.some((g) => g.role === 'commenter' && comparing.includes(g.orgId)) ? access : null;
    }
    return access === 'edit' && draft.final ? 'read' : access;
  }

  /** Like {@link resolve}, when the draft's organisation is already known. */
  async resolveIn(userId: number, draftId: string, orgId: number): Promise<DraftAccess | null> {
    const [grants, chain, invited] = await Promise.all([
      this.deps.grantsOf(userId),
      this.deps.orgs.ancestorIds(orgId),
      this.deps.consultations.invitedOrgIds(draftId),
    ]);
    return decideAccess(grants, chain, invited);
  }

  /** Whether the user may create and edit drafts of an organisation. */
  async canDraftFor(userId: number, orgId: number): Promise<boolean> {
    const grants = await this.deps.grantsOf(userId);
    return grants.some((g) => g.orgId === orgId && (g.role === 'drafter' || g.role === 'secretary'));
  }
}
