import type { Kysely } from 'kysely';
import type { Comment } from '../../shared/api/comments.ts';
import type { Draft } from '../../shared/api/drafts.ts';
import type { ExportCheck, ExportList, ExportQuery, ExportWarning } from '../../shared/api/exports.ts';
import { draftSchema } from '../../shared/editor/draft-json.ts';
import type { FormatProfile } from '../../shared/export/format-profile.ts';
import { DEFAULT_PROFILE_ID, findProfile } from '../../shared/export/profiles.ts';
import { EXPORT_LIMITS } from '../../shared/limits.ts';
import type { Template } from '../../shared/templates/template.ts';
import type { AuditTrail } from '../audit/audit.service.ts';
import type { CommentService } from '../comments/comment.service.ts';
import type { Database } from '../db/database.ts';
import type { DraftTexts } from '../drafts/draft-text.ts';
import type { DraftService } from '../drafts/draft.service.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../http/app-error.ts';
import type { OrgService } from '../orgs/org.service.ts';
import type { RoundService } from '../rounds/round.service.ts';
import type { TemplateService } from '../templates/template.service.ts';
import type { User, UserService } from '../users/user.service.ts';
import type { VersionService } from '../versions/version.service.ts';
import { buildBody } from './export-body.ts';
import { requireCompleteHeader } from './export-header-check.ts';
import { composeDocument } from './export-document.ts';
import { contentTypeOf, exportFileName, type FileNaming } from './export-file-name.ts';
import { readFrozen, readSource, sectionIndex, type ExportSource } from './export-source.ts';
import { countSuggestions } from './export-suggestions.ts';
import { insertExport, listExports } from './export.repository.ts';
import type { Renderer } from '../render/render-pool.ts';
import type { Clock } from '../time/clock.ts';

/** What the export service is built from. */
export interface ExportDeps {
  readonly db: Kysely<Database>;
  readonly clock: Clock;
  readonly drafts: DraftService;
  readonly templates: TemplateService;
  readonly versions: VersionService;
  readonly texts: DraftTexts;
  readonly users: UserService;
  /** Organisation names, for the file name. */
  readonly orgs: Pick<OrgService, 'get'>;
  readonly comments: CommentService;
  /** Where exports of the final text are recorded as security-relevant. */
  readonly audit: AuditTrail;
  readonly rounds: Pick<RoundService, 'requireOnDraft'>;
  /** Renders the file (on worker threads in the server). */
  readonly renderer: Renderer;
  /** Longest text exported, in characters (tests lower it). */
  readonly maxChars?: number;
}

/** A rendered export, ready to send. */
export interface ExportFile {
  body: Uint8Array;
  contentType: string;
  fileName: string;
  warnings: ExportWarning[];
}

/** Exports of drafts in the Party's document format, and their record. */
export class ExportService {
  private readonly schema = draftSchema();

  constructor(private readonly deps: ExportDeps) {}

  /** The warnings an export with these options would carry, without rendering it. */
  async check(user: User, draftId: string, query: ExportQuery): Promise<ExportCheck> {
    await this.requireRound(user, draftId, query);
    const { draft, template, profile, source } = await this.prepare(user, draftId, query, []);
    return {
      fileName: exportFileName(draft, query, await this.naming(draft, template)),
      profile: profile.id,
      warnings: source.warnings,
      pendingSuggestions: countSuggestions(source.json),
    };
  }

  /** Renders the draft (live text or a version) and records who exported what. */
  async export(
    user: User,
    draftId: string,
    query: ExportQuery,
    address: string | null = null,
  ): Promise<ExportFile> {
    await this.requireRound(user, draftId, query);
    const comments = await this.roundComments(user, draftId, query);
    const { draft, template, profile, source } = await this.prepare(user, draftId, query, comments);
    const { blocks, chars } = buildBody(source.json, sectionIndex(template), source.spans, query.suggestions);
    if (chars > (this.deps.maxChars ?? EXPORT_LIMITS.maxChars))
      throw new ValidationError(
        'export_too_large',
        `The draft has ${chars} characters; exports stop at ${this.deps.maxChars ?? EXPORT_LIMITS.maxChars}`,
      );
    const document = composeDocument({
      draft,
      template,
      profile,
      unitName: (await this.deps.orgs.get(draft.orgId)).name,
      blocks,
      draftMark: query.kind === 'final' ? null : this.draftMark(profile, query.version),
      signerName: await this.signerName(user, draft, query),
      comments,
    });
    const body = await this.deps.renderer.render({ kind: 'draft', format: query.format, document, profile });
    const contentType = contentTypeOf(query.format);
    await insertExport(this.deps.db, {
      draft_id: draftId,
      user_id: user.id,
      format: query.format,
      kind: query.kind,
      version: query.version ?? null,
      profile: profile.id,
      round_id: query.format === 'docx' ? (query.comments ?? null) : null,
      bytes: body.byteLength,
      warnings: JSON.stringify(source.warnings),
      created_at: this.deps.clock.now(),
    });
    // The final text leaving the system is what an auditor asks about; working copies are not.
    if (query.kind === 'final')
      await this.deps.audit.record({
        action: 'final_exported',
        source: { userId: user.id, address },
        target: `draft:${draftId}`,
        detail: { format: query.format, version: query.version ?? null, bytes: body.byteLength },
      });
    const fileName = exportFileName(draft, query, await this.naming(draft, template));
    return { body, contentType, fileName, warnings: source.warnings };
  }

  /** The draft's recorded exports, newest first. */
  async list(userId: number, draftId: string): Promise<ExportList> {
    await this.requireCommittee(userId, draftId, 'Only the drafting committee sees who exported the draft');
    const rows = await listExports(this.deps.db, draftId, EXPORT_LIMITS.listMax);
    const names = await this.deps.users.namesOf(rows.map((r) => r.user_id));
    return {
      exports: rows.map((r) => ({
        id: r.id,
        userId: r.user_id,
        userName: r.user_id === null ? null : (names.get(r.user_id) ?? null),
        format: r.format,
        kind: r.kind,
        version: r.version,
        profile: r.profile,
        roundId: r.round_id,
        bytes: r.bytes,
        warnings: JSON.parse(r.warnings) as ExportWarning[],
        createdAt: new Date(r.created_at).toISOString(),
      })),
    };
  }

  /** Who may export what, the profile, the template, and one read of the chosen text. */
  private async prepare(user: User, draftId: string, query: ExportQuery, comments: readonly Comment[]) {
    await this.requireCommittee(user.id, draftId, 'Only the drafting committee exports the draft');
    const draft = await this.deps.drafts.get(user.id, draftId);
    if (query.kind === 'final') {
      if (query.suggestions === 'marked')
        throw new ValidationError('validation_failed', 'suggestions: the final text never shows proposals');
      if (!(await this.isSecretary(user.id, draft.orgId)))
        throw new ForbiddenError('export_final_forbidden', 'Only the secretary exports the final text');
      if (draft.status !== 'final')
        throw new ConflictError('export_not_final', 'Only a draft marked final has a final text to export');
      if (query.version !== undefined)
        throw new ValidationError('validation_failed', 'version: the final text is the draft itself');
    }
    const template = await this.template(draft);
    if (query.kind === 'final') requireCompleteHeader(draft, template);
    const profileId = query.profile ?? template?.formatProfile ?? DEFAULT_PROFILE_ID;
    const profile = findProfile(profileId);
    if (profile === undefined)
      throw new NotFoundError('export_profile_not_found', `No format profile "${profileId}"`);
    const read = (doc: import('yjs').Doc): ExportSource => readSource(doc, template, comments, this.schema);
    const source =
      query.version === undefined
        ? await this.deps.texts.read(draftId, read)
        : readFrozen(await this.deps.versions.state(draftId, query.version), read);
    return { draft, template, profile, source };
  }

  /** Only the drafting committee (drafters and the secretary) exports; others get 403, or 404 if they may not see the draft. */
  private async requireCommittee(userId: number, draftId: string, refusal: string): Promise<void> {
    const { access } = await this.deps.drafts.find(userId, draftId);
    if (access !== 'edit') throw new ForbiddenError('forbidden', refusal);
  }

  /** A round named in `comments` must be one of the draft's, whatever the format (else 404, not a silent empty list). */
  private async requireRound(user: User, draftId: string, query: ExportQuery): Promise<void> {
    if (query.comments === undefined) return;
    // Access first, so the answer tells an outsider nothing about the draft's rounds.
    await this.requireCommittee(user.id, draftId, 'Only the drafting committee exports the draft');
    await this.deps.rounds.requireOnDraft(draftId, query.comments);
  }

  private async roundComments(user: User, draftId: string, query: ExportQuery): Promise<Comment[]> {
    if (query.comments === undefined || query.format !== 'docx') return [];
    return (await this.deps.comments.reader.list(user.id, draftId, { round: query.comments })).comments;
  }

  private template(draft: Draft): Promise<Template | null> {
    if (draft.templateId === null) return Promise.resolve(null);
    return this.deps.templates
      .get(draft.templateId, draft.templateVersion ?? undefined)
      .then((found) => found.template);
  }

  /** What the file name is made of: the template's wording and the organisation's name. */
  private async naming(draft: Draft, template: Template | null): Promise<FileNaming> {
    const org = await this.deps.orgs.get(draft.orgId).catch(() => null);
    return {
      documentTitle: template?.header.documentTitle ?? null,
      congress: template?.header.issuer ?? null,
      orgName: org?.name ?? null,
    };
  }

  private draftMark(profile: FormatProfile, version: number | undefined): string {
    return version === undefined
      ? profile.texts.draftMark
      : profile.texts.versionMark.replace('{n}', String(version));
  }

  private async isSecretary(userId: number, orgId: number): Promise<boolean> {
    return (await this.deps.users.grantsOf(userId)).some((g) => g.orgId === orgId && g.role === 'secretary');
  }

  /** The final text is signed by the secretary exporting it; a working copy names the unit's secretary. */
  private async signerName(user: User, draft: Draft, query: ExportQuery): Promise<string> {
    if (query.kind === 'final') return user.displayName;
    const [secretary] = await this.deps.users.withRole('secretary', [draft.orgId]);
    if (secretary === undefined) return '';
    return (await this.deps.users.findById(secretary))?.displayName ?? '';
  }
}
