import { localized, msg, str } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { SessionInfo } from '../../shared/api/auth.ts';
import type { Draft } from '../../shared/api/drafts.ts';
import { colorForUser } from '../../shared/collab/awareness.ts';
import type { Template } from '../../shared/templates/template.ts';
import { errorMessage } from '../app/labels.ts';
import { AssignmentsController } from '../assignments/assignments-controller.ts';
import { CollabController } from '../collab/collab-controller.ts';
import { DraftController } from './draft-controller.ts';
import { DraftEventsController } from './draft-events-controller.ts';
import { ProgressController } from './progress-controller.ts';
import { RoundTextController } from '../rounds/round-text-controller.ts';
import { versionLabel } from '../app/version-label.ts';
import './vk-draft-header.ts';
import { draftPageStyles } from '../editor/draft-page-styles.ts';
import '../editor/vk-editor-layout.ts';
import '../editor/vk-editor-notice.ts';
import type { NoticeKind } from '../editor/vk-editor-notice.ts';
import type { AsideTabChangedEvent, VkEditorLayout } from '../editor/vk-editor-layout.ts';
import '../editor/vk-editor.ts';
import type { SectionChangedEvent, VkEditor } from '../editor/vk-editor.ts';
import '../outline/vk-outline-guidance.ts';
import type { DraftStatusChangedEvent } from './vk-draft-status.ts';
import './vk-header-form.ts';
import '../outline/vk-outline.ts';
import type { SectionSelectedEvent } from '../outline/vk-outline.ts';
import '../versions/vk-versions-panel.ts';
import type { VkVersionsPanel } from '../versions/vk-versions-panel.ts';
import { flattenSections } from '../editor/sections.ts';
import { DraftComments } from '../comments/draft-comments.ts';
import { DraftDiscussions } from '../discussions/draft-discussions.ts';

/**
 * A draft open for work: the live text in the middle, the outline with each section's
 * progress on the left, the comments, the current section's guidance and the numbered
 * versions on the right, who else is here and the connection state on top. Read-only for
 * commenters and readers (and for everyone once the draft is final); commenters comment on
 * selected text during an open round, and the committee answers.
 */
@customElement('vk-draft-page')
@localized()
export class VkDraftPage extends LitElement {
  static override styles = draftPageStyles;

  /** The signed-in user. */
  @property({ attribute: false }) session!: SessionInfo;
  /** The draft to open. */
  @property() draftId = '';
  /** A side panel the URL asks for (`/drafts/:id/versions`). */
  @property({ attribute: false }) panel: 'versions' | 'header' | 'discussions' | null = null;

  @state() private sectionId: string | null = null;
  /** A commenter whose round allows it is looking at the committee's current text. */
  @state() private comparing = false;
  @query('vk-editor') private editorEl?: VkEditor;
  @query('vk-editor-layout') private layout?: VkEditorLayout;
  @query('vk-versions-panel') private versions?: VkVersionsPanel;

  private readonly draft = new DraftController(this);
  private readonly progress = new ProgressController(this);
  private readonly comments = new DraftComments(this);
  private readonly assignments = new AssignmentsController(this);
  /** The committee's internal threads (none for commenters). */
  private readonly discussions = new DraftDiscussions(this);
  /** One event stream for the page, shared by progress, comments and assignments. */
  private readonly events = new DraftEventsController(this, [
    this.progress,
    this.comments.data,
    this.assignments,
    this.discussions.data,
  ]);
  private readonly collab = new CollabController(this, {
    onAccessChanged: () => void this.onAccessChanged(),
  });
  /** The version an invited organisation reads and comments on. */
  private readonly roundText = new RoundTextController(this);
  /** Names of people seen here, for "who froze this version" (the API returns ids only). */
  private readonly names = new Map<number, string>();

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('draftId') && this.draftId !== '') {
      this.sectionId = null;
      void this.open(this.draftId);
    }
    for (const peer of this.collab.peers) if (peer.userId !== null) this.names.set(peer.userId, peer.name);
  }

  private readonly originalTitle = document.title;

  protected override updated(changed: PropertyValues<this>): void {
    // A link to another panel of the draft already open (a notification) opens that panel.
    if (changed.has('panel') && changed.get('panel') !== undefined && this.panel !== null)
      this.layout?.showTab(this.panel);
    const value = this.draft.value;
    if (value.state === 'ready') document.title = `${value.draft.title} — vankien`;
  }

  override disconnectedCallback(): void {
    document.title = this.originalTitle;
    super.disconnectedCallback();
  }

  /** The local caret label (the server shows others its own copy of these). */
  private get user() {
    const { id, displayName } = this.session.user;
    return { id, name: displayName, color: colorForUser(id) };
  }

  private async open(draftId: string): Promise<void> {
    const draft = await this.draft.load(draftId);
    if (draft === null || draftId !== this.draftId) return;
    this.comments.data.access = draft.access;
    this.discussions.setAccess(draft);
    this.events.open(draftId);
    this.comparing = false;
    // An invited organisation reads the version its round sent out; the live text is the committee's.
    if (draft.access === 'comment') void this.roundText.open(draftId);
    else this.collab.open(draftId, this.user);
  }

  /** A commenter switches between the round's version and (where the round allows) the current text. */
  private setComparing(comparing: boolean): void {
    this.comparing = comparing;
    if (comparing) this.collab.open(this.draftId, this.user);
    else this.collab.close();
  }

  /** Opens the comments tab (DraftComments asks, when a comment is being written or picked). */
  showCommentsTab(): void {
    this.layout?.showTab('comments');
  }

  /** Opens a tab of the side panel (DraftDiscussions asks). */
  showTab(tab: string): void {
    this.layout?.showTab(tab);
  }

  /** Scrolls the text to a comment's highlight. */
  scrollToComment(commentId: number): void {
    this.editorEl?.scrollToComment(commentId);
  }

  override render() {
    const value = this.draft.value;
    switch (value.state) {
      case 'loading':
        return html`<p class="center" role="status">${msg('Đang mở dự thảo…')}</p>`;
      case 'not-found':
        return html`<div class="center" role="alert">
          <p>${msg('Không tìm thấy dự thảo, hoặc bạn không có quyền xem.')}</p>
          <p><a href="/">${msg('Về trang chủ')}</a></p>
        </div>`;
      case 'error':
        return html`<div class="center" role="alert">
          <p>${errorMessage(value.code)}</p>
          <p><button type="button" @click=${() => void this.open(this.draftId)}>${msg('Thử lại')}</button></p>
        </div>`;
      case 'ready':
        return this.renderDraft(value.draft, value.template);
    }
  }

  private renderDraft(draft: Draft, template: Template | null) {
    const collab = this.collab;
    const frozen = draft.access === 'comment' && !this.comparing ? this.roundText : null;
    const final = draft.status === 'final';
    const readOnly = draft.access !== 'edit' || final || collab.ended !== null;
    const sections = template ? flattenSections(template.sections) : [];
    const current = sections.find((s) => s.section.id === this.sectionId)?.section ?? null;
    const currentProgress = this.progress.progress?.sections.find((s) => s.id === this.sectionId) ?? null;
    const comments = this.comments;
    return html`<vk-editor-layout
      .preferredTab=${this.panel}
      .tabs=${this.tabs(draft)}
      @vk-section-selected=${this.onSectionSelected}
      @vk-section-changed=${this.onSectionChanged}
      @vk-aside-tab-changed=${this.onTabChanged}
    >
      <vk-draft-header
        slot="header"
        .draft=${draft}
        .status=${frozen === null ? collab.status : 'connected'}
        ?synced=${frozen === null ? collab.synced : frozen.ydoc !== null}
        .ended=${collab.ended}
        .peers=${frozen === null ? collab.peers : []}
      ></vk-draft-header>
      <vk-outline
        slot="outline"
        .template=${template}
        .progress=${this.progress.progress}
        .current=${this.sectionId}
        .assignments=${this.assignments.assignments}
        @vk-assignments-changed=${() => this.assignments.reload()}
      ></vk-outline>
      ${comments.renderForCommenter(draft, !this.comparing)} ${this.renderCompare(draft)}
      ${this.discussions.renderBubble(draft)}
      <vk-editor-notice
        .kind=${final ? 'final' : readOnly && collab.ended === null ? 'read-only' : null}
      ></vk-editor-notice>
      ${
        frozen !== null
          ? this.renderFrozen(frozen, comments)
          : collab.synced && collab.ydoc !== null
            ? html`<vk-editor
                .ydoc=${collab.ydoc}
                .provider=${collab.provider}
                ?read-only=${readOnly}
                .user=${this.user}
                .comments=${comments.anchored}
                .activeComment=${comments.active}
              >
                <vk-editor-notice
                  slot="notice"
                  .kind=${this.notice()}
                  .draftId=${this.draftId}
                ></vk-editor-notice>
              </vk-editor>`
            : html`<vk-editor-notice .kind=${this.notice()} .draftId=${this.draftId}></vk-editor-notice>
                <p class="center" role="status">${msg('Đang tải nội dung dự thảo…')}</p>`
      }
      ${this.hasComments(draft) ? comments.renderSidebar(draft, this.session, sections, this.sectionId) : nothing}
      ${this.discussions.renderPanel(draft)}
      <vk-outline-guidance
        slot="tab-guidance"
        .section=${current}
        .progress=${currentProgress}
      ></vk-outline-guidance>
      <vk-header-form
        slot="tab-header"
        .draftId=${draft.id}
        .status=${draft.status}
        @vk-draft-status-changed=${this.onStatusChanged}
      ></vk-header-form>
      <vk-versions-panel
        slot="tab-versions"
        .draftId=${draft.id}
        ?can-edit=${draft.access === 'edit' && !final}
        .selfId=${this.session.user.id}
        .names=${new Map(this.names)}
      ></vk-versions-panel>
    </vk-editor-layout>`;
  }

  /** The round's version, read-only and without a socket; comments are made on it. */
  private renderFrozen(frozen: RoundTextController, comments: DraftComments) {
    if (frozen.ydoc === null)
      return frozen.failed
        ? html`<p class="center" role="alert">${msg('Không tải được bản dự thảo gửi lấy ý kiến.')}</p>`
        : html`<p class="center" role="status">${msg('Đang tải nội dung dự thảo…')}</p>`;
    return html`<vk-editor
      .ydoc=${frozen.ydoc}
      .provider=${null}
      read-only
      .user=${this.user}
      .comments=${comments.anchored}
      .activeComment=${comments.active}
    >
      <vk-editor-notice slot="notice" .kind=${this.notice()} .draftId=${this.draftId}></vk-editor-notice>
    </vk-editor>`;
  }

  /** For commenters: which text is shown, and the switch to the current one where the round allows it. */
  private renderCompare(draft: Draft) {
    const round = this.roundText.round;
    if (draft.access !== 'comment' || round === null) return nothing;
    const label = versionLabel(round.version);
    return html`<p class="reading" role="note">
      ${
        this.comparing
          ? msg('Bạn đang xem bản tiểu ban đang soạn (chỉ để so sánh; góp ý trên bản gửi lấy ý kiến).')
          : msg(str`Bạn đang đọc ${label}, bản gửi lấy ý kiến.`)
      }
      ${
        round.allowCompare
          ? html`<button type="button" @click=${() => this.setComparing(!this.comparing)}>
              ${this.comparing ? msg(str`Về ${label}`) : msg('Xem bản đang soạn')}
            </button>`
          : nothing
      }
    </p>`;
  }

  /** Readers see the comments when the API shows them (those overseeing the draft), not before. */
  private hasComments(draft: Draft): boolean {
    return draft.access !== 'read' || this.comments.data.loaded;
  }

  /** The side panel's tabs: comments first for commenters, the committee's writing aids first for it. */
  private tabs(draft: Draft) {
    const tabs = [
      { id: 'guidance', label: msg('Hướng dẫn') },
      { id: 'versions', label: msg('Các lần dự thảo') },
      { id: 'header', label: msg('Thể thức') },
    ];
    const discussions = this.discussions.tab(draft);
    if (discussions !== null) tabs.splice(1, 0, discussions);
    if (!this.hasComments(draft)) return tabs;
    const comments = { id: 'comments', label: msg(str`Góp ý (${this.comments.count})`) };
    return draft.access === 'comment' ? [comments, ...tabs] : [tabs[0]!, comments, ...tabs.slice(1)];
  }

  /** The connection news that stays in sight (ending, reconnecting). */
  private notice(): NoticeKind | null {
    const { ended, synced, status } = this.collab;
    // A commenter loses the draft when the round ends; their answers stay readable elsewhere.
    if (this.comments.data.access === 'comment') {
      const round = this.comments.data.round;
      if (ended === 'access-revoked' || (round !== null && round.status !== 'open')) return 'round-ended';
      if (!this.comparing) return null;
    }
    return ended ?? (synced && status !== 'connected' ? 'offline' : null);
  }

  /** After a 4500 close: re-read the access; the editor turns read-only if it was reduced. */
  private async onAccessChanged(): Promise<void> {
    const draft = await this.draft.refresh();
    if (draft === null) this.collab.close();
    else this.comments.data.access = draft.access;
  }

  /**
   * Marked final or reopened: re-read the draft. Marking final closes open sockets to read-only
   * (4500, the server's access watch); a reopened draft gives write access back, which an open
   * socket does not gain by itself, so the page joins the room again (a final text has no
   * unsent local edits to lose).
   */
  private async onStatusChanged(event: DraftStatusChangedEvent) {
    await this.draft.refresh();
    if (event.draft.status !== 'final' && event.draft.access === 'edit')
      this.collab.open(this.draftId, this.user);
  }

  private onSectionSelected(event: SectionSelectedEvent) {
    // A read-only text has no cursor to move there; the section is the reader's all the same.
    if (this.editorEl?.goToSection(event.sectionId)) this.sectionId = event.sectionId;
    this.layout?.closeDrawers();
  }

  private onSectionChanged(event: SectionChangedEvent) {
    this.sectionId = event.sectionId;
  }

  private onTabChanged(event: AsideTabChangedEvent) {
    // The address follows the panel, so a link to a draft's versions opens them.
    const named = event.tab === 'versions' || event.tab === 'header' || event.tab === 'discussions';
    const path = `/drafts/${this.draftId}${named ? `/${event.tab}` : ''}`;
    if (location.pathname !== path) history.replaceState(null, '', path);
    // Someone else may have frozen or restored a version since the list was read.
    if (event.tab === 'versions') void this.versions?.reload();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vk-draft-page': VkDraftPage;
  }
}
