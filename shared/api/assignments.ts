import { z } from 'zod';
import { SECTION_STATES } from './progress.ts';

/** One outline section with who writes it, by when, and how far it is. */
export const SectionAssignment = z
  .object({
    sectionId: z.string(),
    label: z.string(),
    title: z.string(),
    depth: z.number().int(),
    /** From the section progress of the live text. */
    state: z.enum(SECTION_STATES),
    /** Null when nobody is assigned. */
    assignee: z.object({ id: z.number().int(), name: z.string() }).nullable(),
    /** The due date (YYYY-MM-DD, a day in Vietnam's time zone), null when unassigned. */
    due: z.string().nullable(),
    /** The due day has passed and the section is not written. */
    late: z.boolean(),
  })
  .meta({ id: 'SectionAssignment' });
/** One section's assignment. */
export type SectionAssignment = z.infer<typeof SectionAssignment>;

/** A member of the drafting subcommittee and their sections. */
export const AssignmentMember = z
  .object({
    id: z.number().int(),
    name: z.string(),
    assigned: z.number().int(),
    written: z.number().int(),
    late: z.number().int(),
  })
  .meta({ id: 'AssignmentMember' });
/** A drafting member's tally. */
export type AssignmentMember = z.infer<typeof AssignmentMember>;

/** `GET /api/drafts/{id}/assignments`. */
export const AssignmentList = z
  .object({
    draftId: z.string(),
    /** Every outline section, in outline order. */
    sections: z.array(SectionAssignment),
    /** Who may be assigned (drafters and the secretary of the draft's unit), with their tallies. */
    members: z.array(AssignmentMember),
    /** Whether the caller is the unit's secretary (and so may assign). */
    canAssign: z.boolean(),
  })
  .meta({ id: 'AssignmentList' });
/** A draft's assignments. */
export type AssignmentList = z.infer<typeof AssignmentList>;

/** `PUT /api/drafts/{id}/assignments/{sectionId}`. */
export const AssignRequest = z
  .object({
    userId: z.number().int().positive(),
    /** YYYY-MM-DD; checked to be a real calendar day by the service. */
    due: z.string().max(32),
  })
  .strict()
  .meta({ id: 'AssignRequest' });
/** Assign a section. */
export type AssignRequest = z.infer<typeof AssignRequest>;

/** The signed-in user's sections of one draft (home page). */
export const MyDraftSections = z
  .object({
    draftId: z.string(),
    sections: z.array(SectionAssignment),
    late: z.number().int(),
  })
  .meta({ id: 'MyDraftSections' });
/** The caller's sections of one draft. */
export type MyDraftSections = z.infer<typeof MyDraftSections>;

/** `GET /api/assignments/mine`: the caller's sections, by draft (drafts with none left out). */
export const MyAssignments = z.object({ drafts: z.array(MyDraftSections) }).meta({ id: 'MyAssignments' });
/** The caller's sections. */
export type MyAssignments = z.infer<typeof MyAssignments>;

/** A due date: a real calendar day written YYYY-MM-DD. */
export function isDueDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Due dates are days of the unit's calendar: Vietnam's, whatever the server's or browser's zone. */
const VIETNAM_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });

/** Today (at `now`) as YYYY-MM-DD in Vietnam. */
export function todayInVietnam(now: number): string {
  return VIETNAM_DAY.format(new Date(now));
}

/** Late: the due day has passed and the section is not written. YYYY-MM-DD strings order as the days do. */
export function isLate(due: string | null, state: string, now: number): boolean {
  return due !== null && due < todayInVietnam(now) && state !== 'written';
}
