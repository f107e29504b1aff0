/** Organisation kinds: Đảng ủy Khối, đảng bộ/chi bộ cơ sở, chi bộ trực thuộc, đoàn thể. */
export const ORG_KINDS = ['bloc', 'unit', 'branch', 'mass'] as const;
/** One of {@link ORG_KINDS}. */
export type OrgKind = (typeof ORG_KINDS)[number];

/** Roles a user holds per organisation. */
export const ROLES = ['admin', 'secretary', 'drafter', 'commenter'] as const;
/** One of {@link ROLES}. */
export type Role = (typeof ROLES)[number];

/**
 * What a user may do with one draft, strongest first. `edit` writes the text; `comment`
 * reads it and comments during an open round; `read` only reads. No access is not a level:
 * such a draft does not exist for that user (404).
 */
export const DRAFT_ACCESS = ['edit', 'comment', 'read'] as const;
/** One of {@link DRAFT_ACCESS}. */
export type DraftAccess = (typeof DRAFT_ACCESS)[number];

/** Whether an access level may change the draft's text. */
export function canWrite(access: DraftAccess): boolean {
  return access === 'edit';
}

/** Whether `next` is weaker than `prev` (a socket opened with `prev` must reconnect). */
export function isWeaker(next: DraftAccess | null, prev: DraftAccess): boolean {
  return next === null || DRAFT_ACCESS.indexOf(next) > DRAFT_ACCESS.indexOf(prev);
}
