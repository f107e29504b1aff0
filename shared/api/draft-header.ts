import { z } from 'zod';

/** Header fields of a draft (thể thức, 36-HD/VPTW): each bounded, all optional while drafting. */
export const DraftHeader = z
  .object({
    /** Upper level, first issuer line ("ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH"); empty for none. */
    superior: z.string().trim().max(200).optional(),
    /** Issuer line ("ĐẢNG BỘ SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG"). */
    issuer: z.string().trim().max(200).optional(),
    /** Number and symbol without "Số", e.g. "01-BC/ĐU". */
    numberSymbol: z
      .string()
      .trim()
      .regex(/^\d{1,5}-[A-ZĐ]{1,5}\/[A-Za-zĐđ0-9.-]{1,30}$/, 'like 01-BC/ĐU')
      .optional(),
    /** Place of issue (địa danh). */
    place: z.string().trim().min(1).max(100).optional(),
    /** Date of issue, YYYY-MM-DD. */
    date: z.iso.date().optional(),
    /** Which congress (lần thứ …), 1–99. */
    congressOrdinal: z.number().int().min(1).max(99).optional(),
    /** Nhiệm kỳ, e.g. "2025-2030": at most ten years, in order. */
    term: z
      .string()
      .regex(/^\d{4}-\d{4}$/, 'like 2025-2030')
      .refine((t) => {
        const [from, to] = t.split('-').map(Number) as [number, number];
        return to > from && to - from <= 10 && from >= 1930 && to <= 2100;
      }, 'the term must run forward, at most ten years')
      .optional(),
    /** The signer's position (chức vụ), e.g. "BÍ THƯ"; the authority line ("T/M …") is the profile's. */
    signerTitle: z.string().trim().min(1).max(100).optional(),
    /** The signer's full name (họ tên). */
    signerName: z.string().trim().min(1).max(100).optional(),
    /** Nơi nhận, one line each ("- Ban Thường vụ Đảng ủy Khối (để báo cáo),"). */
    recipients: z.array(z.string().trim().min(1).max(200)).min(1).max(20).optional(),
  })
  .strict()
  .meta({ id: 'DraftHeader' });
/** Header fields of a draft. */
export type DraftHeader = z.infer<typeof DraftHeader>;

/** The header fields, in the order the form shows them. */
export const HEADER_FIELDS = [
  'superior',
  'issuer',
  'numberSymbol',
  'place',
  'date',
  'congressOrdinal',
  'term',
  'signerTitle',
  'signerName',
  'recipients',
] as const satisfies readonly (keyof DraftHeader)[];
/** One of {@link HEADER_FIELDS}. */
export type HeaderField = (typeof HEADER_FIELDS)[number];

/**
 * Fields a final text cannot go without. The superior line may be left out (a top-level body
 * has none); recipients left empty are the format profile's usual lines.
 */
export const REQUIRED_HEADER_FIELDS: readonly HeaderField[] = HEADER_FIELDS.filter(
  (f) => f !== 'superior' && f !== 'recipients',
);

/** What stops a draft from being marked final: an empty required field, or a round still open. */
export type FinalBlocker = HeaderField | 'open_round';

/** The required header fields still empty, in form order. */
export function missingHeaderFields(header: DraftHeader): HeaderField[] {
  return REQUIRED_HEADER_FIELDS.filter((field) => {
    const value = header[field];
    if (value === undefined) return true;
    if (typeof value === 'string') return value.trim() === '';
    if (Array.isArray(value)) return value.length === 0;
    return false;
  });
}

/** `GET/PUT /api/drafts/{id}/header`: the header, what is still missing, and whether the caller may change it. */
export const DraftHeaderState = z
  .object({
    header: DraftHeader,
    missing: z.array(z.enum(HEADER_FIELDS)),
    /** True for the unit's drafters and secretary while the draft is not final. */
    editable: z.boolean(),
    /** True for the unit's secretary: marks the draft final and reopens it. */
    secretary: z.boolean(),
  })
  .meta({ id: 'DraftHeaderState' });
/** The header as the form shows it. */
export type DraftHeaderState = z.infer<typeof DraftHeaderState>;

/** `POST /api/drafts/{id}/reopen`: why a final draft goes back to drafting (kept in its history). */
export const ReopenDraftRequest = z
  .object({ reason: z.string().trim().min(3).max(1000) })
  .strict()
  .meta({ id: 'ReopenDraftRequest' });

/** One status change of a draft, with who made it and why. */
export const DraftStatusChange = z
  .object({
    id: z.number().int(),
    from: z.enum(['drafting', 'consultation', 'final']),
    to: z.enum(['drafting', 'consultation', 'final']),
    userId: z.number().int().nullable(),
    userName: z.string().nullable(),
    /** Required when a final draft is reopened; null otherwise. */
    reason: z.string().nullable(),
    at: z.string(),
  })
  .meta({ id: 'DraftStatusChange' });
/** One status change. */
export type DraftStatusChange = z.infer<typeof DraftStatusChange>;

/** `GET /api/drafts/{id}/status-log`: the draft's status changes, newest first. */
export const DraftStatusLog = z
  .object({ changes: z.array(DraftStatusChange) })
  .meta({ id: 'DraftStatusLog' });
