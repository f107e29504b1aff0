import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DraftAccess } from '../../shared/access.ts';
import type { Draft, DraftHeader } from '../../shared/api/drafts.ts';
import { draftUpdateFromJSON } from '../../shared/editor/draft-json.ts';
import type { AccessService, DraftDirectory } from '../access/access.service.ts';
import type { Database } from '../db/database.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../http/app-error.ts';
import type { TemplateService } from '../templates/template.service.ts';
import type { User } from '../users/user.service.ts';
import { templateToDoc } from './draft-seed.ts';
import { DraftEditMarks } from './draft-edit-marks.ts';
import { draftDirectory } from './draft-directory.ts';
import type { EditSource } from '../events/edit-feed.ts';
import type { DraftTexts } from './draft-text.ts';
import { findDraft, findDrafts, insertDraft, listDrafts, updateDraft } from './draft.repository.ts';
import type { DraftLifecycle } from './draft-lifecycle.ts';
import type { DraftRow } from './draft.table.ts';
import type { Clock } from '../time/clock.ts';

/** Input of {@link DraftService.create}. */
export interface NewDraft {
  title?: string | undefined;
  orgId?: number | undefined;
  templateId?: string | undefined;
  templateVersion?: number | undefined;
  header?: DraftHeader | undefined;
}

/** Input of {@link DraftService.update}. */
export interface DraftChanges {
  title?: string | undefined;
  status?: Draft['status'] | undefined;
  archived?: boolean | undefined;
  header?: DraftHeader | undefined;
}

/** Drafts and who may see them. Their text lives in the collaboration core. */
export class DraftService implements DraftDirectory {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly access: AccessService,
    private readonly templates: TemplateService,
    private readonly texts: DraftTexts,
    /** Tells open sockets to re-check their rights (the access epoch). */
    private readonly onTextAccessChanged: () => Promise<void>,
    /** Display names, for "last edited by" (the users module answers). */
    private readonly nameOf: (userId: number) => Promise<string | null>,
    private readonly more: {
      /** Who may mark final and reopen, and the log of status changes. */
      readonly lifecycle: DraftLifecycle;
      /** Header fields a new draft of the organisation starts with (its name, its superior's, its secretary). */
      readonly headerDefaults: (orgId: number) => Promise<DraftHeader>;
      readonly clock: Clock;
      /** Accepted edits of the collaboration core (noted for "last edited by"). */
      readonly edits: EditSource;
    },
  ) {
    more.edits.subscribe(({ draftId, userId }) => this.noteEdit(draftId, userId));
  }

  /** The final-state rules and the status log (the header routes use them too). */
  get lifecycle(): DraftLifecycle {
    return this.more.lifecycle;
  }

  /** "Last edited by", noted per edit in memory and written in batches. */
  private readonly marks = new DraftEditMarks(this.db, this.more.clock);
  private readonly directory = draftDirectory(this.db);

  /** Records that `userId` edited the draft's text (heard from the edit feed after each applied edit). */
  noteEdit(draftId: string, userId: number): void {
    this.marks.note(draftId, userId);
  }

  /** Writes the edits noted since the last call (a job of the composition root, every few seconds and on shutdown). */
  flushEdits(): Promise<void> {
    return this.marks.flush();
  }

  /** Creates a draft of an organisation the user drafts for, seeded from a template if one is named. */
  async create(user: User, input: NewDraft): Promise<Draft> {
    const orgId = input.orgId ?? user.orgId;
    if (!(await this.access.canDraftFor(user.id, orgId)))
      throw new ForbiddenError(
        'forbidden',
        'Only drafters and secretaries of the organisation create its drafts',
      );
    const template =
      input.templateId === undefined
        ? null
        : (await this.templates.get(input.templateId, input.templateVersion)).template;
    const title =
      input.title ??
      (template === null ? undefined : `${template.header.documentTitle} — nhiệm kỳ ${template.term}`);
    if (title === undefined || title.trim() === '')
      throw new ValidationError('validation_failed', 'title: a draft without a template needs a title');
    const now = this.more.clock.now();
    const row: DraftRow = {
      id: randomUUID(),
      org_id: orgId,
      title: title.trim(),
      created_by: user.id,
      created_at: now,
      updated_at: now,
      template_id: template?.id ?? null,
      template_version: template?.version ?? null,
      status: 'drafting',
      archived_at: null,
      // The organisation's defaults, then the template's term, then what the caller typed.
      header: JSON.stringify({
        ...(await this.more.headerDefaults(orgId)),
        ...(template === null ? {} : { term: template.term }),
        ...definedOnly(input.header ?? {}),
      }),
      last_edited_by: null,
      last_edited_at: null,
    };
    // The text first: a draft row never points at a document that failed to store.
    if (template !== null) await this.texts.seed(row.id, draftUpdateFromJSON(templateToDoc(template)));
    await insertDraft(this.db, row);
    return toDraft(row, 'edit');
  }

  /** A draft the user may open; 404 when it does not exist or the user may not know it does. */
  async get(userId: number, id: string): Promise<Draft> {
    const { row: stored, access } = await this.find(userId, id);
    const row = this.marks.overlay(stored);
    return toDraft(row, access, await this.editorName(row));
  }

  /**
   * Renames, moves status forward (or back, until final), archives or edits the header. Only
   * the secretary marks a draft final, and only with a complete header and no open round; a
   * final draft goes back only through {@link DraftHeaderService.reopen}, with a reason.
   */
  async update(
    userId: number,
    id: string,
    changes: DraftChanges,
    address: string | null = null,
  ): Promise<Draft> {
    const { row, access } = await this.find(userId, id, 'edit');
    if (
      row.status === 'final' &&
      (changes.status !== undefined || changes.header !== undefined || changes.title !== undefined)
    )
      throw new ConflictError('draft_final', 'The draft is final; it can only be archived');
    // Closing a round puts the draft back to drafting, so final is reachable from either
    // earlier status; what guards it is the secretary, the complete header and no open round.
    const moves = changes.status !== undefined && changes.status !== row.status;
    const header =
      changes.header === undefined
        ? parseHeader(row.header)
        : { ...parseHeader(row.header), ...changes.header };
    if (moves && changes.status === 'final') await this.lifecycle.assertMayFinalise(userId, row, header);
    const next: Partial<DraftRow> = {};
    if (changes.title !== undefined) next.title = changes.title;
    if (changes.status !== undefined) next.status = changes.status;
    if (changes.archived !== undefined) next.archived_at = changes.archived ? this.more.clock.now() : null;
    if (changes.header !== undefined)
      next.header = JSON.stringify({ ...parseHeader(row.header), ...changes.header });
    const now = this.more.clock.now();
    await updateDraft(this.db, id, next, now);
    if (moves) await this.lifecycle.record(row, changes.status!, userId, null, address);
    // Becoming final (or leaving it) changes who may write the text: open sockets re-check.
    if (next.status !== undefined && (next.status === 'final') !== (row.status === 'final'))
      await this.onTextAccessChanged();
    return toDraft({ ...row, ...next, updated_at: now }, access);
  }

  /** Every draft the user may open (archived ones only when asked). */
  async list(userId: number, options: { archived?: boolean } = {}): Promise<Draft[]> {
    const drafts: Draft[] = [];
    for (const stored of await listDrafts(this.db)) {
      if ((stored.archived_at !== null) !== (options.archived ?? false)) continue;
      const row = this.marks.overlay(stored);
      const access = await this.access.resolveIn(userId, row.id, row.org_id);
      if (access !== null) drafts.push(toDraft(row, access, await this.editorName(row)));
    }
    return drafts;
  }

  private editorName(row: DraftRow): Promise<string | null> {
    return row.last_edited_by === null ? Promise.resolve(null) : this.nameOf(row.last_edited_by);
  }

  /**
   * Marks the draft as out for comments (a round opened) or back to drafting (its round
   * ended). A final draft stays final.
   */
  async setConsultation(draftId: string, open: boolean): Promise<void> {
    const row = await findDraft(this.db, draftId);
    if (row === undefined || row.status === 'final') return;
    const status = open ? 'consultation' : 'drafting';
    if (row.status !== status) await updateDraft(this.db, draftId, { status }, this.more.clock.now());
  }

  /** Ids of the drafts of these organisations (archived ones included). */
  async idsOfOrgs(orgIds: Iterable<number>): Promise<string[]> {
    const wanted = new Set(orgIds);
    if (wanted.size === 0) return [];
    return (await listDrafts(this.db)).filter((row) => wanted.has(row.org_id)).map((row) => row.id);
  }

  /** Titles and organisations of these drafts (for lists that name them). */
  async titles(ids: readonly string[]): Promise<Map<string, { title: string; orgId: number }>> {
    const rows = await findDrafts(this.db, ids);
    return new Map(rows.map((row) => [row.id, { title: row.title, orgId: row.org_id }]));
  }

  /** Where a draft lives and whether it is final, or null if it does not exist (for the permission resolver). */
  locate(draftId: string): Promise<{ orgId: number; final: boolean } | null> {
    return this.directory.locate(draftId);
  }

  /**
   * The draft row if the user has at least `need` on it. Too little access to a draft they
   * may see is 403; a draft they may not see is 404, as if it did not exist.
   */
  async find(
    userId: number,
    id: string,
    need?: DraftAccess,
  ): Promise<{ row: DraftRow; access: DraftAccess }> {
    const row = await findDraft(this.db, id);
    const access = row === undefined ? null : await this.access.resolveIn(userId, row.id, row.org_id);
    if (row === undefined || access === null) throw new NotFoundError('draft_not_found', 'No such draft');
    if (need === 'edit' && access !== 'edit')
      throw new ForbiddenError('forbidden', 'Only the drafting committee changes the draft');
    return { row, access };
  }
}

/** The keys of an object whose value is not undefined (a spread must not blank a default). */
function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The header stored as JSON on the row. */
export function parseHeader(json: string | null): DraftHeader {
  return json === null ? {} : (JSON.parse(json) as DraftHeader);
}

function toDraft(row: DraftRow, access: DraftAccess, editorName: string | null = null): Draft {
  return {
    id: row.id,
    orgId: row.org_id,
    title: row.title,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    access,
    status: row.status,
    archived: row.archived_at !== null,
    templateId: row.template_id,
    templateVersion: row.template_version,
    header: parseHeader(row.header),
    lastEdit:
      row.last_edited_by === null || row.last_edited_at === null
        ? null
        : { userId: row.last_edited_by, name: editorName, at: new Date(row.last_edited_at).toISOString() },
  };
}
