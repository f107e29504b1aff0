import { z } from 'zod';

/** Formats a draft can be exported to. */
export const EXPORT_FORMATS = ['docx', 'pdf', 'md', 'html'] as const;
/** One of {@link EXPORT_FORMATS}. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** A working copy (always draft-marked) or the final text (the secretary's, of a final draft). */
export const EXPORT_KINDS = ['working', 'final'] as const;
/** One of {@link EXPORT_KINDS}. */
export type ExportKind = (typeof EXPORT_KINDS)[number];

/**
 * Pending proposals of suggesting mode in an export: `original` prints the text as it was
 * before them (proposed insertions left out, proposed deletions kept), the safe reading for
 * an official document; `marked` shows them as a word processor's tracked changes (DOCX:
 * real Word revisions; PDF, HTML, Markdown: insertions underlined, deletions struck through).
 */
export const EXPORT_SUGGESTIONS = ['original', 'marked'] as const;
/** One of {@link EXPORT_SUGGESTIONS}. */
export type ExportSuggestions = (typeof EXPORT_SUGGESTIONS)[number];

/**
 * `GET /api/drafts/{id}/export` and `…/export/check`: what to export. Without `version`, the
 * live text; `comments` names a round whose comments go in as Word comments (DOCX only).
 */
export const ExportQuery = z
  .object({
    format: z.enum(EXPORT_FORMATS).default('docx'),
    kind: z.enum(EXPORT_KINDS).default('working'),
    version: z.coerce.number().int().min(1).optional(),
    /** A format profile id; defaults to the one the draft's template names. */
    profile: z.string().max(40).optional(),
    comments: z.coerce.number().int().min(1).optional(),
    /** Pending proposals: left out (`original`, the default) or shown marked (working copies only). */
    suggestions: z.enum(EXPORT_SUGGESTIONS).default('original'),
  })
  .meta({ id: 'ExportQuery' });
/** Export options. */
export type ExportQuery = z.infer<typeof ExportQuery>;

/** Something an export should tell its reader before they send the file on. */
export const ExportWarning = z
  .object({
    code: z.enum(['required_section_empty', 'required_section_missing']),
    sectionId: z.string(),
    /** The section as numbered in the template ("Phần thứ nhất KẾT QUẢ …"). */
    section: z.string(),
  })
  .meta({ id: 'ExportWarning' });
/** One warning. */
export type ExportWarning = z.infer<typeof ExportWarning>;

/** `GET /api/drafts/{id}/export/check`: the warnings an export would carry, and its file name. */
export const ExportCheck = z
  .object({
    fileName: z.string(),
    profile: z.string(),
    warnings: z.array(ExportWarning),
    /** Proposals (suggesting mode) still pending in the chosen text. */
    pendingSuggestions: z.number().int().min(0).default(0),
  })
  .meta({ id: 'ExportCheck' });
/** A preflight answer. */
export type ExportCheck = z.infer<typeof ExportCheck>;

/** One recorded export. */
export const ExportRecord = z
  .object({
    id: z.number().int(),
    userId: z.number().int().nullable(),
    userName: z.string().nullable(),
    format: z.enum(EXPORT_FORMATS),
    kind: z.enum(EXPORT_KINDS),
    version: z.number().int().nullable(),
    profile: z.string(),
    roundId: z.number().int().nullable(),
    bytes: z.number().int(),
    warnings: z.array(ExportWarning),
    createdAt: z.string(),
  })
  .meta({ id: 'ExportRecord' });
/** A recorded export. */
export type ExportRecord = z.infer<typeof ExportRecord>;

/** `GET /api/drafts/{id}/exports`: the draft's exports, newest first. */
export const ExportList = z.object({ exports: z.array(ExportRecord) }).meta({ id: 'ExportList' });
/** A list of exports. */
export type ExportList = z.infer<typeof ExportList>;

/** The response header that carries an export's warnings (JSON of {@link ExportWarning}[], URI-encoded). */
export const WARNINGS_HEADER = 'X-Vankien-Warnings';
