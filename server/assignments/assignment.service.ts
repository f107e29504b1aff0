import type { Kysely } from 'kysely';
import type { AssignmentList, MyAssignments, SectionAssignment } from '../../shared/api/assignments.ts';
import { isDueDate, isLate } from '../../shared/api/assignments.ts';
import type { SectionProgress } from '../../shared/api/progress.ts';
import type { AssignmentsEvent } from '../../shared/api/events.ts';
import type { Database } from '../db/database.ts';
import type { EventHub } from '../events/event-hub.ts';
import type { DraftProgressService } from '../drafts/draft-progress.service.ts';
import type { DraftService } from '../drafts/draft.service.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../http/app-error.ts';
import type { NotificationService } from '../notifications/notification.service.ts';
import type { User, UserService } from '../users/user.service.ts';
import { findOne, listOfDraft, listOfUser, remove, upsert } from './assignment.repository.ts';
import type { SectionAssignmentRow } from './assignment.table.ts';
import type { Clock } from '../time/clock.ts';

/** What the assignments module needs from the others. */
export interface AssignmentDeps {
  readonly db: Kysely<Database>;
  readonly drafts: DraftService;
  readonly progress: DraftProgressService;
  readonly users: Pick<UserService, 'grantsOf' | 'withRole' | 'namesOf'>;
  readonly notifications: NotificationService;
  /** Server-sent events of draft pages: open outlines reload on `assignments`. */
  readonly events: EventHub<string>;
  readonly clock: Clock;
}

/**
 * Section assignments (phân công): the unit's secretary gives each outline section of a
 * draft to a member of the drafting subcommittee with a due date; everyone who reads the
 * draft sees who writes what and what is late.
 */
export class AssignmentService {
  constructor(private readonly deps: AssignmentDeps) {}

  /** Every outline section with its assignee, due date, state and lateness; 404 if the user may not read the draft. */
  async list(userId: number, draftId: string): Promise<AssignmentList> {
    const { row } = await this.deps.drafts.find(userId, draftId);
    const [progress, rows, memberIds, canAssign] = await Promise.all([
      this.deps.progress.get(userId, draftId),
      listOfDraft(this.deps.db, draftId),
      this.members(row.org_id),
      this.isSecretary(userId, row.org_id),
    ]);
    const names = await this.deps.users.namesOf([...memberIds, ...rows.map((r) => r.user_id)]);
    const sections = this.merge(progress.sections, rows, names);
    const members = memberIds.map((id) => {
      const own = sections.filter((s) => s.assignee?.id === id);
      return {
        id,
        name: names.get(id) ?? '',
        assigned: own.length,
        written: own.filter((s) => s.state === 'written').length,
        late: own.filter((s) => s.late).length,
      };
    });
    members.sort((a, b) => a.name.localeCompare(b.name, 'vi'));
    return { draftId, sections, members, canAssign };
  }

  /** Gives a section to a drafting member (or moves it to another), and tells them. */
  async assign(
    user: User,
    draftId: string,
    sectionId: string,
    input: { userId: number; due: string },
  ): Promise<SectionAssignment> {
    const { row, section } = await this.requireSecretary(user, draftId, sectionId);
    if (!isDueDate(input.due))
      throw new ValidationError('invalid_due_date', 'due: a calendar day written YYYY-MM-DD');
    if (!(await this.members(row.org_id)).includes(input.userId))
      throw new ValidationError(
        'assignee_not_drafter',
        'userId: only a drafter or the secretary of the draft’s unit writes its sections',
      );
    const before = await findOne(this.deps.db, draftId, sectionId);
    const assignment: SectionAssignmentRow = {
      draft_id: draftId,
      section_id: sectionId,
      user_id: input.userId,
      due: input.due,
      assigned_by: user.id,
      assigned_at: this.deps.clock.now(),
    };
    await upsert(this.deps.db, assignment);
    this.publish(draftId, sectionId);
    // Only news is notified: saving the same assignee and date again tells nobody anything.
    if (before?.user_id !== input.userId || before.due !== input.due)
      await this.deps.notifications.notify([input.userId], {
        kind: 'section_assigned',
        draftId,
        actorName: user.displayName,
        text: `${`${section.label} ${section.title}`.trim()} — ${input.due}`,
      });
    const names = await this.deps.users.namesOf([input.userId]);
    return this.merge([section], [assignment], names)[0]!;
  }

  /** Takes a section back from whoever had it; 404 if it was not assigned. */
  async unassign(user: User, draftId: string, sectionId: string): Promise<void> {
    await this.requireSecretary(user, draftId, sectionId);
    if (!(await remove(this.deps.db, draftId, sectionId)))
      throw new NotFoundError('section_not_found', 'That section is not assigned');
    this.publish(draftId, sectionId);
  }

  private publish(draftId: string, sectionId: string): void {
    const event: AssignmentsEvent = { sectionId };
    this.deps.events.publish(draftId, 'assignments', event);
  }

  /** The caller's sections, by draft, for the drafts they may still read. */
  async mine(userId: number): Promise<MyAssignments> {
    const byDraft = new Map<string, SectionAssignmentRow[]>();
    for (const row of await listOfUser(this.deps.db, userId))
      byDraft.set(row.draft_id, [...(byDraft.get(row.draft_id) ?? []), row]);
    const drafts: MyAssignments['drafts'] = [];
    const names = await this.deps.users.namesOf([userId]);
    for (const [draftId, rows] of byDraft) {
      // Access may have been revoked since: such drafts no longer exist for the user.
      const progress = await this.deps.progress.get(userId, draftId).catch(() => null);
      if (progress === null) continue;
      const sections = this.merge(progress.sections, rows, names).filter((s) => s.assignee !== null);
      drafts.push({ draftId, sections, late: sections.filter((s) => s.late).length });
    }
    return { drafts };
  }

  private async requireSecretary(user: User, draftId: string, sectionId: string) {
    const { row } = await this.deps.drafts.find(user.id, draftId);
    if (!(await this.isSecretary(user.id, row.org_id)))
      throw new ForbiddenError('not_secretary', 'Only the secretary of the draft’s unit assigns sections');
    if (row.status === 'final') throw new ConflictError('draft_final', 'The draft is final');
    const section = (await this.deps.progress.get(user.id, draftId)).sections.find((s) => s.id === sectionId);
    if (section === undefined)
      throw new NotFoundError('section_not_found', `The draft's outline has no section "${sectionId}"`);
    return { row, section };
  }

  private merge(
    sections: readonly SectionProgress[],
    rows: readonly SectionAssignmentRow[],
    names: ReadonlyMap<number, string>,
  ): SectionAssignment[] {
    const now = this.deps.clock.now();
    const bySection = new Map(rows.map((r) => [r.section_id, r]));
    return sections.map((s) => {
      const row = bySection.get(s.id);
      return {
        sectionId: s.id,
        label: s.label,
        title: s.title,
        depth: s.depth,
        state: s.state,
        assignee: row === undefined ? null : { id: row.user_id, name: names.get(row.user_id) ?? '' },
        due: row?.due ?? null,
        late: isLate(row?.due ?? null, s.state, now),
      };
    });
  }

  /** Who may be assigned: the drafting subcommittee, i.e. drafters and the secretary of the unit. */
  private async members(orgId: number): Promise<number[]> {
    const [drafters, secretaries] = await Promise.all([
      this.deps.users.withRole('drafter', [orgId]),
      this.deps.users.withRole('secretary', [orgId]),
    ]);
    return [...new Set([...drafters, ...secretaries])];
  }

  private async isSecretary(userId: number, orgId: number): Promise<boolean> {
    return (await this.deps.users.grantsOf(userId)).some((g) => g.orgId === orgId && g.role === 'secretary');
  }
}
