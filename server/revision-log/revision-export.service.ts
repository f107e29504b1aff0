import type { Kysely } from 'kysely';
import type { RevisionLog, RevisionReport } from '../../shared/api/revision-log.ts';
import { DEFAULT_PROFILE_ID, findProfile } from '../../shared/export/profiles.ts';
import type { Database } from '../db/database.ts';
import type { DraftService } from '../drafts/draft.service.ts';
import { ConflictError } from '../http/app-error.ts';
import type { OrgService } from '../orgs/org.service.ts';
import type { TemplateService } from '../templates/template.service.ts';
import type { User, UserService } from '../users/user.service.ts';
import type { Renderer } from '../render/render-pool.ts';
import type { DocxFrame } from './revision-docx.ts';
import { findReport, saveReport } from './revision-log.repository.ts';
import type { RevisionLogService } from './revision-log.service.ts';
import { generateReport } from './revision-report.ts';
import type { Clock } from '../time/clock.ts';

/** What the exports are built from. */
export interface RevisionExportDeps {
  readonly db: Kysely<Database>;
  readonly log: RevisionLogService;
  readonly drafts: DraftService;
  readonly orgs: OrgService;
  readonly templates: TemplateService;
  readonly users: UserService;
  /** Renders the files (on worker threads in the server). */
  readonly renderer: Renderer;
  /** Dates the table. */
  readonly clock: Clock;
}

/** A file to download. */
export interface ExportFile {
  readonly body: Uint8Array;
  readonly contentType: string;
  readonly fileName: string;
}

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * The revision log leaving the app: the table as CSV and DOCX, and the narrative report
 * (generated from the table, then edited and stored by the secretary) as DOCX.
 */
export class RevisionExportService {
  constructor(private readonly deps: RevisionExportDeps) {}

  /** The table as CSV, UTF-8 with a BOM. */
  async csv(userId: number, draftId: string, roundId: number, threshold?: number): Promise<ExportFile> {
    const log = await this.nonEmpty(userId, draftId, roundId, threshold);
    const body = await this.deps.renderer.render({ kind: 'revision-csv', log });
    return { body, contentType: 'text/csv; charset=utf-8', fileName: fileName(log, 'csv') };
  }

  /** The table as DOCX: A4 landscape, the Party header block, Times New Roman. */
  async docx(userId: number, draftId: string, roundId: number, threshold?: number): Promise<ExportFile> {
    const log = await this.nonEmpty(userId, draftId, roundId, threshold);
    const frame = await this.frame(userId, draftId);
    const body = await this.deps.renderer.render({ kind: 'revision-docx', log, frame });
    return { body, contentType: DOCX_TYPE, fileName: fileName(log, 'docx') };
  }

  /** The narrative report: the secretary's text if stored, else generated from the table now. */
  async report(userId: number, draftId: string, roundId: number): Promise<RevisionReport> {
    const log = await this.deps.log.log(userId, draftId, roundId);
    const stored = await findReport(this.deps.db, roundId);
    if (stored !== undefined) {
      const names = await this.deps.users.namesOf([stored.updated_by]);
      return {
        text: stored.text,
        generated: false,
        updatedByName: stored.updated_by === null ? null : (names.get(stored.updated_by) ?? null),
        updatedAt: new Date(stored.updated_at).toISOString(),
      };
    }
    const { title } = await this.deps.drafts.get(userId, draftId);
    return { text: generateReport(log, title), generated: true, updatedByName: null, updatedAt: null };
  }

  /** Stores the committee's edited report; empty text returns to the generated one. */
  async saveReport(user: User, draftId: string, roundId: number, text: string): Promise<RevisionReport> {
    await this.deps.drafts.find(user.id, draftId, 'edit');
    await this.deps.log.log(user.id, draftId, roundId); // the round is on this draft
    await saveReport(this.deps.db, roundId, text.replace(/\r\n?/gu, '\n'), user.id, this.deps.clock.now());
    return this.report(user.id, draftId, roundId);
  }

  /** The report as DOCX in the Party layout (portrait), for signing and sending up. */
  async reportDocx(userId: number, draftId: string, roundId: number): Promise<ExportFile> {
    await this.nonEmpty(userId, draftId, roundId);
    const { text } = await this.report(userId, draftId, roundId);
    const frame = await this.frame(userId, draftId);
    const body = await this.deps.renderer.render({ kind: 'report-docx', text, frame });
    return { body, contentType: DOCX_TYPE, fileName: `bao-cao-tong-hop-y-kien-dot-${roundId}.docx` };
  }

  private async nonEmpty(
    userId: number,
    draftId: string,
    roundId: number,
    threshold?: number,
  ): Promise<RevisionLog> {
    const log = await this.deps.log.log(userId, draftId, roundId, threshold);
    if (log.groups.length === 0)
      throw new ConflictError('revision_log_empty', 'The round has no comments to export yet');
    return log;
  }

  /**
   * The header of the table and report: issued by the unit's drafting subcommittee (Tiểu
   * ban văn kiện) under the unit, in the format profile of the draft's template.
   */
  private async frame(userId: number, draftId: string): Promise<DocxFrame> {
    const { row } = await this.deps.drafts.find(userId, draftId);
    const draft = await this.deps.drafts.get(userId, draftId);
    const unit = await this.deps.orgs.get(row.org_id);
    let profileId = DEFAULT_PROFILE_ID;
    if (row.template_id !== null) {
      const { template } = await this.deps.templates.get(row.template_id, row.template_version ?? undefined);
      profileId = template.formatProfile;
    }
    const profile = findProfile(profileId) ?? findProfile(DEFAULT_PROFILE_ID)!;
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(
      new Date(this.deps.clock.now()),
    );
    return {
      profile,
      draftTitle: draft.title,
      header: {
        superior: unit.name,
        issuer: 'Tiểu ban Văn kiện',
        congress: '',
        numberSymbol: '',
        place: draft.header.place ?? '',
        date: today,
      },
    };
  }
}

function fileName(log: RevisionLog, ext: string): string {
  return `bang-tong-hop-y-kien-dot-${log.round.id}.${ext}`;
}
