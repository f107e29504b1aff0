import { z } from 'zod';
import { ORG_KINDS } from '../access.ts';
import { COMMENT_KINDS, DISPOSITIONS } from './comments.ts';
import { INVITATION_STATES, Round } from './rounds.ts';
import { SectionDiff } from './versions.ts';

/**
 * Default threshold of the automatic grouping: the mean TF-IDF similarity (with its evidence
 * factors, server/revision-log/grouping/) every member of an automatic group keeps with the
 * others. Chosen on the development corpus for precision first (a wrong merge costs the
 * committee most; the ranked similar comments carry the rest): see the README's figures.
 */
export const DEFAULT_GROUP_THRESHOLD = 0.35;

/**
 * `GET …/log?threshold=&unsent=`: `threshold` tunes the grouping for one reading (0.3 loose –
 * 1 near-identical only); `unsent=true` also lists comments of organisations that have not
 * sent their comments yet (marked "chưa gửi"), left out of the table and counts by default.
 */
export const RevisionLogQuery = z.object({
  threshold: z.coerce.number().min(0.3).max(1).optional(),
  unsent: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

/**
 * `GET …/log/export`: the table as a file. Every file download of the API is an `…/export`
 * path whose `format` names the file type, as the draft's own export.
 */
export const RevisionLogExportQuery = z.object({
  format: z.enum(['docx', 'csv']).default('docx'),
  threshold: RevisionLogQuery.shape.threshold,
});
export type RevisionLogExportQuery = z.infer<typeof RevisionLogExportQuery>;

/** `GET …/log/report/export`: the narrative report as a file (Word only). */
export const RevisionReportExportQuery = z.object({ format: z.enum(['docx']).default('docx') });

/** Comments per disposition; `none` = not answered yet. */
export const DispositionCounts = z
  .object({
    accepted: z.number().int(),
    partly: z.number().int(),
    explained: z.number().int(),
    noted: z.number().int(),
    none: z.number().int(),
  })
  .meta({ id: 'DispositionCounts' });
/** Counts per disposition. */
export type DispositionCounts = z.infer<typeof DispositionCounts>;

/** One comment inside a group, as the table lists it. */
export const GroupMember = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  kind: z.enum(COMMENT_KINDS),
  body: z.string(),
  replacement: z.string().nullable(),
  quote: z.string(),
  disposition: z.enum(DISPOSITIONS).nullable(),
  /** Its own section (a group may span adjacent sections) and that section's position. */
  sectionId: z.string().nullable(),
  position: z.string(),
  /** Its organisation has not sent its comments yet (listed only on request). */
  unsent: z.boolean(),
  /** The most similar other comments of the round, best first (one click merges them). */
  similar: z.array(z.number().int()),
  /** Its accepted text was written into the draft and later removed (e.g. by a restore). */
  textRemoved: z.boolean(),
});
/** A comment in a group. */
export type GroupMember = z.infer<typeof GroupMember>;

/**
 * `GET …/log/similar/{commentId}`: the comments most like one comment, best first, for the
 * committee answering it; `together` when already in its row of the table.
 */
export const SimilarComments = z
  .object({
    comments: z.array(GroupMember.extend({ together: z.boolean() })),
    /** The comments of its row in the table (itself included): what a merge joins the other to. */
    row: z.array(z.number().int()),
  })
  .meta({ id: 'SimilarComments' });
/** The comments most like one comment. */
export type SimilarComments = z.infer<typeof SimilarComments>;

/** A row of the consolidated table: comments asking the same change, from one or several organisations. */
export const RevisionGroup = z
  .object({
    /** `g<id>` for a group the committee saved, `a<first comment id>` for an automatic one. */
    key: z.string(),
    /** The saved group's id; null while the grouping is automatic. */
    groupId: z.number().int().nullable(),
    sectionId: z.string().nullable(),
    /** Vị trí trong dự thảo: the section's numbering label and heading (each, when members span sections). */
    position: z.string(),
    /** What the group's suggestions propose: the quoted words and their replacement, once each. */
    proposals: z.array(z.object({ quote: z.string(), replacement: z.string() })),
    /** The committee's wording, or the most representative comment until they write one. */
    summary: z.string(),
    /** "có N ý kiến (K/M chi bộ) đề nghị …". */
    headline: z.string(),
    comments: z.array(GroupMember),
    orgs: z.array(z.object({ id: z.number().int(), name: z.string() })),
    /** The group's answer; null when not answered or its members were answered differently. */
    disposition: z.enum(DISPOSITIONS).nullable(),
    answer: z.string(),
    /** Members carry different answers (answered one by one). */
    mixed: z.boolean(),
    /** Vị trí trong dự thảo lần N+1: the section's heading there, or null if it was removed. */
    nextPosition: z.string().nullable(),
    /** The section's text changed between the round's version and the next one. */
    sectionChanged: z.boolean(),
  })
  .meta({ id: 'RevisionGroup' });
/** A group of the consolidated table. */
export type RevisionGroup = z.infer<typeof RevisionGroup>;

/** One invited organisation's figures in the round. */
export const OrgRevisionCounts = z
  .object({
    orgId: z.number().int(),
    orgName: z.string(),
    orgKind: z.enum(ORG_KINDS),
    state: z.enum(INVITATION_STATES),
    comments: z.number().int(),
    /** Groups holding at least one of its comments. */
    groups: z.number().int(),
    byDisposition: DispositionCounts,
  })
  .meta({ id: 'OrgRevisionCounts' });
/** Per-organisation figures. */
export type OrgRevisionCounts = z.infer<typeof OrgRevisionCounts>;

/** The round's figures: each comment and each organisation counted once. */
export const RoundRevisionCounts = z
  .object({
    invited: z.number().int(),
    submitted: z.number().int(),
    percent: z.number().int(),
    /** Organisations that sent at least one comment. */
    commenting: z.number().int(),
    comments: z.number().int(),
    groups: z.number().int(),
    byDisposition: DispositionCounts,
    groupsByDisposition: DispositionCounts,
  })
  .meta({ id: 'RoundRevisionCounts' });
/** A round's figures. */
export type RoundRevisionCounts = z.infer<typeof RoundRevisionCounts>;

/** `GET /api/drafts/{id}/rounds/{roundId}/log`: the consolidated table of a round. */
export const RevisionLog = z
  .object({
    round: Round,
    /** "Dự thảo lần N+1", or "Bản đang soạn" while the next version is not frozen. */
    nextLabel: z.string(),
    nextVersion: z.number().int().nullable(),
    /** What the groups' headlines count organisations as ("chi bộ", or "đơn vị" when mass organisations are invited). */
    unitNoun: z.string(),
    threshold: z.number(),
    counts: RoundRevisionCounts,
    orgs: z.array(OrgRevisionCounts),
    groups: z.array(RevisionGroup),
    /** The caller may group, word and answer (the drafting committee). */
    editable: z.boolean(),
  })
  .meta({ id: 'RevisionLog' });
/** The consolidated table. */
export type RevisionLog = z.infer<typeof RevisionLog>;

/**
 * `POST …/log/groups`: save these comments as one group (merging them out of the groups
 * they were in, or splitting them off one), optionally with its wording and answer.
 */
export const SaveGroupRequest = z
  .object({
    commentIds: z.array(z.number().int().min(1)).min(1).max(5000),
    summary: z.string().max(5000).optional(),
    disposition: z.enum(DISPOSITIONS).optional(),
    answer: z.string().max(5000).optional(),
  })
  .strict()
  .meta({ id: 'SaveGroupRequest' });
/** Body of saving a group. */
export type SaveGroupRequest = z.infer<typeof SaveGroupRequest>;

/** `PATCH …/log/groups/{groupId}`: the group's wording and answer (applied to every member). */
export const UpdateGroupRequest = SaveGroupRequest.omit({ commentIds: true })
  .strict()
  .meta({ id: 'UpdateGroupRequest' });
/** Body of changing a group. */
export type UpdateGroupRequest = z.infer<typeof UpdateGroupRequest>;

/** One section's edits between the round's version and the next. */
export const SectionHistory = z
  .object({
    sectionId: z.string(),
    position: z.string(),
    status: SectionDiff.shape.status,
    wordsAdded: z.number().int(),
    wordsRemoved: z.number().int(),
    /** Who typed the added text, most first (from the Yjs authorship of each insertion; deletions have none). */
    editors: z.array(z.string()),
    /** Groups of the round on this section, and how many were accepted (fully or partly). */
    groups: z.number().int(),
    accepted: z.number().int(),
  })
  .meta({ id: 'SectionHistory' });
/** A section's edits. */
export type SectionHistory = z.infer<typeof SectionHistory>;

/**
 * `GET …/log/history`: which sections changed from the round's version to the next version
 * (or the live text), and who typed the additions in each; `editedBy`/`editedAt` are who froze
 * the next version (or last edited the live draft) and when: times are kept per text, not per section.
 */
export const RevisionHistory = z
  .object({
    fromLabel: z.string(),
    /** The round's version number (labels are Vietnamese; the client names it in its language). */
    fromVersion: z.number().int(),
    toLabel: z.string(),
    /** The next version's number, or null for the live text. */
    toVersion: z.number().int().nullable(),
    editedBy: z.string().nullable(),
    editedAt: z.string().nullable(),
    sections: z.array(SectionHistory),
  })
  .meta({ id: 'RevisionHistory' });
/** Edits per section. */
export type RevisionHistory = z.infer<typeof RevisionHistory>;

/** `GET …/log/history/{sectionId}`: the section's word diff. */
export const SectionWordDiff = SectionDiff;

/** The narrative report (báo cáo tổng hợp ý kiến) of a round, generated then edited by the secretary. */
export const RevisionReport = z
  .object({
    text: z.string(),
    /** Not edited yet: generated from the table now. */
    generated: z.boolean(),
    updatedByName: z.string().nullable(),
    updatedAt: z.string().nullable(),
  })
  .meta({ id: 'RevisionReport' });
/** The narrative report. */
export type RevisionReport = z.infer<typeof RevisionReport>;

/** `PUT …/log/report`: the edited text; empty text goes back to the generated one. */
export const SaveReportRequest = z
  .object({ text: z.string().max(200_000) })
  .strict()
  .meta({ id: 'SaveReportRequest' });

/** One unit's consultation figures, for the bloc. */
export const UnitRevisionTotals = z
  .object({
    orgId: z.number().int(),
    orgName: z.string(),
    rounds: z.number().int(),
    /** Distinct organisations invited to any round of the unit (one invited twice counts once). */
    invitedOrgs: z.number().int(),
    submittedOrgs: z.number().int(),
    comments: z.number().int(),
    groups: z.number().int(),
    byDisposition: DispositionCounts,
  })
  .meta({ id: 'UnitRevisionTotals' });

/** `GET /api/revision-log/totals`: every unit the caller oversees, and their sum. */
export const RevisionTotals = z
  .object({
    units: z.array(UnitRevisionTotals),
    total: UnitRevisionTotals.omit({ orgId: true, orgName: true }),
  })
  .meta({ id: 'RevisionTotals' });
/** Figures across units. */
export type RevisionTotals = z.infer<typeof RevisionTotals>;
