import type { Kysely } from 'kysely';
import { AccessEpoch } from './access/access-epoch.ts';
import { AccessService, type ConsultationAccess } from './access/access.service.ts';
import { AssignmentService } from './assignments/assignment.service.ts';
import { AuditService } from './audit/audit.service.ts';
import { ApiTokenService } from './auth/api-token.service.ts';
import { AuthService } from './auth/auth.service.ts';
import type { WindowCounter } from './limits/window-counter.ts';
import { SessionService } from './auth/session.service.ts';
import { storedTexts } from './collab/store/collab-document-texts.ts';
import { createLogger, type Logger } from './logger.ts';
import { createIdentityServices, type AuthSettings } from './identity-services.ts';
import type { Database } from './db/database.ts';
import { DraftProgressService } from './drafts/draft-progress.service.ts';
import type { DraftTexts } from './drafts/draft-text.ts';
import { DraftService } from './drafts/draft.service.ts';
import { DraftHeaderService } from './drafts/draft-header.service.ts';
import { headerDefaults } from './drafts/draft-header-defaults.ts';
import { DraftLifecycle } from './drafts/draft-lifecycle.ts';
import { OrgService } from './orgs/org.service.ts';
import { TemplateService } from './templates/template.service.ts';
import { UserAdminService } from './users/user-admin.service.ts';
import { UserService } from './users/user.service.ts';
import { AutoHistory, type HistoryPolicy } from './versions/auto-history.ts';
import { HistoryService } from './versions/history.service.ts';
import { VersionService } from './versions/version.service.ts';
import { CommentService } from './comments/comment.service.ts';
import { DiscussionService } from './discussions/discussion.service.ts';
import { EventHub, type HubRelay } from './events/event-hub.ts';
import { NotificationService } from './notifications/notification.service.ts';
import { RoundService } from './rounds/round.service.ts';
import { RevisionExportService } from './revision-log/revision-export.service.ts';
import { loadVocabulary } from './revision-log/grouping/grouping-vocabulary.ts';
import { RevisionLogService } from './revision-log/revision-log.service.ts';
import { RevisionSources } from './revision-log/revision-sources.ts';
import { SqliteClientOwners } from './collab/store/sqlite-client-owners.ts';
import { commentCounts } from './comments/comment-counts.ts';
import { draftDirectory } from './drafts/draft-directory.ts';
import { EditFeed, type EditSource } from './events/edit-feed.ts';
import { OpenRounds } from './rounds/open-rounds.ts';
import type { Clock } from './time/clock.ts';
import { DraftRepairs } from './collab/store/collab-document-repairs.ts';
import { RevisionTotalsService } from './revision-log/revision-totals.service.ts';
import { ExportService } from './export/export.service.ts';
import { inlineRenderer, type Renderer } from './render/render-pool.ts';

/** The domain services, each built once and handed to whoever needs it. */
export interface Services {
  /** The time every service stamps and checks deadlines with. */
  readonly clock: Clock;
  readonly epoch: AccessEpoch;
  /** The drafts' live texts (the collaboration core's rooms in the server). */
  readonly texts: DraftTexts;
  readonly orgs: OrgService;
  readonly users: UserService;
  readonly sessions: SessionService;
  readonly tokens: ApiTokenService;
  readonly auth: AuthService;
  readonly access: AccessService;
  readonly drafts: DraftService;
  /** The draft's header form, reopening a final draft, the status log. */
  readonly draftHeaders: DraftHeaderService;
  readonly templates: TemplateService;
  readonly progress: DraftProgressService;
  readonly versions: VersionService;
  /** Finds and repairs drafts an earlier build let break (CLI `draft repair`, start-up check). */
  readonly repairs: DraftRepairs;
  /** Automatic snapshots while people edit (it hears every accepted edit from the edit feed). */
  readonly history: AutoHistory;
  /** Naming snapshots and diffing any two points of a draft's history. */
  readonly timeline: HistoryService;
  readonly userAdmin: UserAdminService;
  /** Server-sent events of draft pages, by draft id. */
  readonly draftEvents: EventHub<string>;
  readonly notifications: NotificationService;
  readonly rounds: RoundService;
  readonly comments: CommentService;
  /** The consolidated table of rounds, its exports and the bloc's totals. */
  readonly revisionLog: RevisionLogService;
  readonly revisionExports: RevisionExportService;
  readonly revisionTotals: RevisionTotalsService;
  /** Exports of drafts in the Party's document format, and their record. */
  readonly exports: ExportService;
  /** The record of security-relevant actions. */
  readonly audit: AuditService;
  /** Who of the drafting subcommittee writes which section, by when. */
  readonly assignments: AssignmentService;
  /** The drafting committee's internal threads on the draft's words. */
  readonly discussions: DiscussionService;
}

/**
 * Builds the services over one database, in dependency order: each is built once, from
 * services built before it, and never changed afterwards. Shared by the server and the admin
 * CLI, so both apply the same rules. `texts` is the collaboration core's side of drafts (the
 * server passes its rooms; without it, texts are read and seeded straight from the database)
 * and `edits` its accepted edits; `consultations` is where the rounds module plugs into access
 * (tests may pass a fixture); `renderer` renders export files (the server passes its worker
 * pool; without it, files render on the calling thread).
 */
export function createServices(
  db: Kysely<Database>,
  auth: AuthSettings,
  deps: {
    clock: Clock;
    texts?: DraftTexts | undefined;
    edits?: EditSource | undefined;
    consultations?: ConsultationAccess | undefined;
    renderer?: Renderer | undefined;
    history?: { policy: HistoryPolicy; log: Logger } | undefined;
    /** Carry live events to pages open on other instances (scale-out). */
    relays?: { drafts: HubRelay; users: HubRelay } | undefined;
    /** Failed sign-ins, counted across instances when there are several. */
    signInCounter?: WindowCounter | undefined;
  },
): Services {
  const { clock } = deps;
  const texts = deps.texts ?? storedTexts(db, clock);
  // Without the core (the CLI) nothing is ever edited live, so nothing is heard here.
  const edits = deps.edits ?? new EditFeed();
  const renderer = deps.renderer ?? inlineRenderer;
  // What access and the draft lifecycle ask of rounds, from the rounds tables alone.
  const openRounds = new OpenRounds(db, clock);
  const consultations = deps.consultations ?? openRounds;
  const identity = createIdentityServices(db, auth, clock, deps.signInCounter);
  const { epoch, orgs, users, audit, isBlocAdmin, nameOf } = identity;
  // Access asks where a draft lives from the drafts table, so it exists before the drafts
  // service, which filters its lists by access.
  const access = new AccessService({
    orgs,
    grantsOf: (id) => users.grantsOf(id),
    drafts: draftDirectory(db),
    consultations,
  });
  const templates = new TemplateService(db, isBlocAdmin, clock);
  const lifecycle = new DraftLifecycle({
    db,
    grantsOf: (id) => users.grantsOf(id),
    hasOpenRound: (draftId) => openRounds.hasOpenRound(draftId),
    nameOf,
    audit,
    clock,
  });
  const drafts = new DraftService(db, access, templates, texts, () => epoch.bump(), nameOf, {
    lifecycle,
    headerDefaults: headerDefaults(orgs, users),
    clock,
    edits,
  });
  const draftHeaders = new DraftHeaderService(db, drafts, () => epoch.bump(), clock);
  const progress = new DraftProgressService(drafts, templates, texts);
  const versions = new VersionService(db, drafts, texts, nameOf, audit, clock);
  const repairs = new DraftRepairs(db, (draftId, version) => versions.record(draftId, version), clock);
  const history = new AutoHistory(
    db,
    texts,
    drafts,
    deps.history?.policy ?? {
      intervalMs: 300_000,
      quietMs: 120_000,
      keepAllMs: 86_400_000,
      hourlyUntilMs: 604_800_000,
    },
    deps.history?.log ?? createLogger('silent'),
    nameOf,
    clock,
    edits,
  );
  const owners = new SqliteClientOwners(db);
  const timeline = new HistoryService({ db, drafts, versions, texts, owners, nameOf });
  const userAdmin = new UserAdminService(users, orgs);
  const draftEvents = new EventHub<string>(deps.relays?.drafts);
  const notifications = new NotificationService(db, (ids) => drafts.titles(ids), clock, deps.relays?.users);
  const rounds = new RoundService({
    db,
    clock,
    drafts,
    orgs,
    users,
    epoch,
    events: draftEvents,
    notifications,
    versionExists: (draftId, number) => versions.exists(draftId, number),
    // Counted from the comments table: the comments service needs rounds, so comes after.
    counts: commentCounts(db),
    open: openRounds,
  });
  const comments = new CommentService({
    db,
    clock,
    drafts,
    access,
    rounds,
    texts,
    users,
    orgs,
    events: draftEvents,
    notifications,
    versionState: (draftId, number) => versions.state(draftId, number),
  });
  const revisionLog = new RevisionLogService({
    db,
    clock,
    vocabulary: loadVocabulary(),
    drafts,
    rounds,
    comments,
    sources: new RevisionSources({
      drafts,
      versions,
      texts,
      progress,
      owners,
      users,
    }),
  });
  const revisionExports = new RevisionExportService({
    db,
    clock,
    log: revisionLog,
    drafts,
    orgs,
    templates,
    users,
    renderer,
  });
  const revisionTotals = new RevisionTotalsService({ rounds, log: revisionLog, orgs });
  const exports = new ExportService({
    db,
    clock,
    drafts,
    templates,
    versions,
    texts,
    users,
    orgs,
    comments,
    audit,
    rounds,
    renderer,
  });
  const assignments = new AssignmentService({
    db,
    clock,
    drafts,
    progress,
    users,
    notifications,
    events: draftEvents,
  });
  const discussions = new DiscussionService({
    db,
    clock,
    drafts,
    access,
    texts,
    users,
    notifications,
    events: draftEvents,
  });
  return {
    clock,
    epoch,
    texts,
    orgs,
    users,
    sessions: identity.sessions,
    tokens: identity.tokens,
    auth: identity.auth,
    access,
    drafts,
    draftHeaders,
    templates,
    progress,
    versions,
    repairs,
    history,
    timeline,
    userAdmin,
    draftEvents,
    notifications,
    rounds,
    comments,
    revisionLog,
    revisionExports,
    revisionTotals,
    exports,
    audit,
    assignments,
    discussions,
  };
}
