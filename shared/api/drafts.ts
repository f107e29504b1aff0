import { z } from 'zod';
import { DRAFT_ACCESS } from '../access.ts';
import { ROOM_NAME_PATTERN } from '../collab/room-name.ts';

/** A draft id (also its collaboration room name). */
export const DraftId = z.string().regex(ROOM_NAME_PATTERN);

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
  })
  .meta({ id: 'Draft' });
/** A draft as the API returns it. */
export type Draft = z.infer<typeof Draft>;

/** `POST /api/drafts`: a new, empty draft of the caller's organisation. */
export const CreateDraftRequest = z
  .object({
    title: z.string().trim().min(1).max(300),
    /** Defaults to the caller's own organisation; the caller must be its drafter or secretary. */
    orgId: z.number().int().optional(),
  })
  .meta({ id: 'CreateDraftRequest' });

/** `GET /api/drafts`: every draft the caller may open. */
export const DraftList = z.object({ drafts: z.array(Draft) }).meta({ id: 'DraftList' });
