import { z } from 'zod';

/** A numbered version in lists. */
export const VersionSummary = z
  .object({
    number: z.number().int(),
    /** "Dự thảo lần N". */
    label: z.string(),
    note: z.string(),
    createdBy: z.number().int().nullable(),
    /** Display name of who froze it (null if that user was removed). */
    createdByName: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'VersionSummary' });
/** A numbered version in lists. */
export type VersionSummary = z.infer<typeof VersionSummary>;

/** `POST /api/drafts/{id}/versions`: freeze the current text. */
export const FreezeRequest = z
  .object({ note: z.string().trim().max(1000).default('') })
  .strict()
  .meta({ id: 'FreezeRequest' });

/** `GET /api/drafts/{id}/versions`. */
export const VersionList = z
  .object({
    versions: z.array(VersionSummary),
    restores: z.array(
      z.object({
        version: z.number().int(),
        restoredBy: z.number().int().nullable(),
        restoredByName: z.string().nullable(),
        restoredAt: z.string(),
      }),
    ),
  })
  .meta({ id: 'VersionList' });
/** The versions of a draft and its restores. */
export type VersionList = z.infer<typeof VersionList>;

/** One version with its text (ProseMirror JSON), for read-only viewing. */
export const VersionDetail = VersionSummary.extend({ content: z.unknown() }).meta({ id: 'VersionDetail' });

/** A run of words: kept, added or removed. */
export const DiffPart = z.object({
  value: z.string(),
  added: z.boolean(),
  removed: z.boolean(),
  /** Of an added run in a history diff: the user who typed it (null when unknown). */
  author: z.number().int().nullable().optional(),
});

/** One section of a diff. */
export const SectionDiff = z
  .object({
    /** The section id, or "" for text before the first section heading. */
    sectionId: z.string(),
    heading: z.string(),
    status: z.enum(['unchanged', 'changed', 'added', 'removed']),
    /** Word-level changes of the section's text (empty when unchanged). */
    parts: z.array(DiffPart),
  })
  .meta({ id: 'SectionDiff' });

/** `GET /api/drafts/{id}/versions/diff?from=&to=`. */
export const VersionDiff = z
  .object({ from: z.number().int(), to: z.number().int(), sections: z.array(SectionDiff) })
  .meta({ id: 'VersionDiff' });
/** A diff between two versions. */
export type VersionDiff = z.infer<typeof VersionDiff>;

/** `GET /api/drafts/{id}/snapshots`: automatic snapshots taken while people edited, newest first. */
export const SnapshotList = z
  .object({
    snapshots: z.array(
      z.object({
        id: z.number().int(),
        /** The span of editing the snapshot closes: from its first edit to the snapshot. */
        startedAt: z.string(),
        createdAt: z.string(),
        /** Who edited in the span (thinning merges spans) and how much: accepted updates and their bytes. */
        editors: z.array(
          z.object({
            userId: z.number().int(),
            /** Display name (null if that user was removed). */
            name: z.string().nullable(),
            updates: z.number().int(),
            bytes: z.number().int(),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'SnapshotList' });
/** The automatic snapshots of a draft. */
export type SnapshotList = z.infer<typeof SnapshotList>;

/** `POST /api/drafts/{id}/snapshots/{snapshotId}/name`: make an automatic snapshot the next numbered version. */
export const NameSnapshotRequest = FreezeRequest.meta({ id: 'NameSnapshotRequest' });

/** A point of a draft's history: `v3` (Dự thảo lần 3), `s17` (automatic snapshot 17) or `live` (the text now). */
export const HistoryPoint = z
  .string()
  .regex(/^(v[1-9][0-9]{0,8}|s[1-9][0-9]{0,12}|live)$/)
  .meta({ id: 'HistoryPoint', example: 'v3' });
/** A point of a draft's history. */
export type HistoryPoint = z.infer<typeof HistoryPoint>;

/** `GET /api/drafts/{id}/history/diff?from=&to=`: the changes between two points, added runs with their author. */
export const HistoryDiff = z
  .object({
    from: HistoryPoint,
    to: HistoryPoint,
    sections: z.array(SectionDiff),
    /** Everyone an added run names, in order of first appearance (the legend). */
    authors: z.array(z.object({ userId: z.number().int(), name: z.string().nullable() })),
  })
  .meta({ id: 'HistoryDiff' });
/** A diff between two points of a draft's history. */
export type HistoryDiff = z.infer<typeof HistoryDiff>;
