import { z } from 'zod';
import { DRAFT_ACCESS } from '../access.ts';
import { ROOM_NAME_PATTERN } from '../collab/room-name.ts';
import { DraftHeader } from './draft-header.ts';

/** A draft id (also its collaboration room name). */
export const DraftId = z.string().regex(ROOM_NAME_PATTERN);

/** Draft statuses, in the order a draft goes through them. */
export const DRAFT_STATUSES = ['drafting', 'consultation', 'final'] as const;

export { DraftHeader } from './draft-header.ts';

/** A draft as the API returns it, with what the caller may do with it. */
export const Draft = z
  .object({
    id: DraftId,
    orgId: z.number().int(),
    title: z.string(),
    createdBy: z.number().int().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    access: z.enum(DRAFT_ACCESS),
    status: z.enum(DRAFT_STATUSES),
    archived: z.boolean(),
    templateId: z.string().nullable(),
    templateVersion: z.number().int().nullable(),
    header: DraftHeader,
    /** Who last edited the text and when (ISO 8601), if anyone has. */
    lastEdit: z.object({ userId: z.number().int(), name: z.string().nullable(), at: z.string() }).nullable(),
  })
  .meta({ id: 'Draft' });
/** A draft as the API returns it. */
export type Draft = z.infer<typeof Draft>;

/**
 * `POST /api/drafts`: a new draft, seeded with the template's section headings (or empty
 * without a template).
 */
export const CreateDraftRequest = z
  .object({
    title: z.string().trim().min(1).max(300).optional(),
    templateId: z.string().max(64).optional(),
    /** Defaults to the template's newest version. */
    templateVersion: z.number().int().min(1).optional(),
    header: DraftHeader.optional(),
    /** Defaults to the caller's own organisation; the caller must be its drafter or secretary. */
    orgId: z.number().int().optional(),
  })
  .meta({ id: 'CreateDraftRequest' });

/** `PATCH /api/drafts/{id}`: rename, change status, archive or edit the header. */
export const UpdateDraftRequest = z
  .object({
    title: z.string().trim().min(1).max(300).optional(),
    status: z.enum(DRAFT_STATUSES).optional(),
    archived: z.boolean().optional(),
    header: DraftHeader.optional(),
  })
  .strict()
  .meta({ id: 'UpdateDraftRequest' });

/** `GET /api/drafts`: every draft the caller may open. */
export const DraftList = z.object({ drafts: z.array(Draft) }).meta({ id: 'DraftList' });
