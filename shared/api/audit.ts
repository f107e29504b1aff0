import { z } from 'zod';

/** The actions the audit log records. */
export const AUDIT_ACTIONS = [
  'sign_in',
  'sign_in_failed',
  'token_created',
  'token_revoked',
  'role_granted',
  'role_revoked',
  'final_exported',
  'version_restored',
  'draft_finalised',
  'draft_reopened',
] as const;
/** One of {@link AUDIT_ACTIONS}. */
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** `GET /api/audit`: a page of entries, newest first; `before` is the last id of the previous page. */
export const AuditQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(500).default(50),
    before: z.coerce.number().int().min(1).optional(),
  })
  .meta({ id: 'AuditQuery' });
/** Paging of the audit log. */
export type AuditQuery = z.infer<typeof AuditQuery>;

/** One audit entry. */
export const AuditEntry = z
  .object({
    id: z.number().int(),
    at: z.string(),
    action: z.enum(AUDIT_ACTIONS),
    /** The acting user's id; null for the operator at the CLI or an unknown account. */
    actorId: z.number().int().nullable(),
    /** The acting username as it was then, `cli` or `unknown`. */
    actor: z.string(),
    target: z.string().nullable(),
    address: z.string().nullable(),
    detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  })
  .meta({ id: 'AuditEntry' });
/** One audit entry. */
export type AuditEntry = z.infer<typeof AuditEntry>;

/** A page of the audit log; `nextBefore` fetches the next (older) page, null at the end. */
export const AuditPage = z
  .object({ entries: z.array(AuditEntry), nextBefore: z.number().int().nullable() })
  .meta({ id: 'AuditPage' });
/** A page of the audit log. */
export type AuditPage = z.infer<typeof AuditPage>;
