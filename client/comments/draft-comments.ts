import type { Editor } from '@tiptap/core';
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { SessionInfo } from '../../shared/api/auth.ts';
import type { CommentKind } from '../../shared/api/comments.ts';
import type { Draft } from '../../shared/api/drafts.ts';
import { AnswerDrafts } from './answer-drafts.ts';
import { listenOn } from '../ui/host-listeners.ts';
import type { AnchoredComment } from './comment-anchors.ts';
import type {
  CommentChangedEvent,
  CommentCreatedEvent,
  CommentRequestedEvent,
  CommentsSubmittedEvent,
  CommentWithdrawnEvent,
  SectionCommentRequestedEvent,
  ThreadSelectedEvent,
} from './comment-events.ts';
import { CommentsController, type CommentThread } from './comments-controller.ts';
import './vk-comment-banner.ts';
import './vk-comment-bubble.ts';
import type { ComposerTarget } from './vk-comment-composer.ts';
import './vk-comment-sidebar.ts';
import type { EditorReadyEvent } from '../editor/vk-editor.ts';
import type { OutlineSection } from '../editor/sections.ts';

/** What the comments need from the draft page. */
export interface DraftCommentsHost extends ReactiveControllerHost, HTMLElement {
  /** Opens the side panel's comments tab (a drawer on narrow screens). */
  showCommentsTab(): void;
  /** Scrolls the text to a comment's highlight. */
  scrollToComment(commentId: number): void;
}

/**
 * The draft page's comment experience in one place: the comments and round (through
 * CommentsController), the focused thread, the composer being written, and the editor the
 * highlights live in; it renders the sidebar, the selection bubble and the round banner, and
 * handles the events they send up. Kept out of the page so the page stays a frame.
 */
export class DraftComments implements ReactiveController {
  /** The comments and the round, kept current from the page's event stream. */
  readonly data: CommentsController;
  /** The live editor, once built. */
  editor: Editor | null = null;
  /** The focused thread. */
  active: number | null = null;
  /** A new comment being written. */
  composer: ComposerTarget | null = null;
  composerKind: CommentKind = 'comment';
  /** Answers the committee member has begun, by comment. */
  readonly answerDrafts = new AnswerDrafts();

  private anchoredFrom: readonly CommentThread[] | null = null;
  private anchoredList: readonly AnchoredComment[] = [];

  constructor(private readonly host: DraftCommentsHost) {
    host.addController(this);
    this.data = new CommentsController(host);
  }

  hostConnected(): void {
    listenOn(this.host, this.listeners, true);
  }

  hostDisconnected(): void {
    listenOn(this.host, this.listeners, false);
  }

  /** Comments with a place in the text, for the highlights (the same array until the threads change). */
  get anchored(): readonly AnchoredComment[] {
    const threads = this.data.threads;
    if (threads !== this.anchoredFrom) {
      this.anchoredFrom = threads;
      this.anchoredList = threads.flatMap(({ root }) =>
        root.anchor === null ? [] : [{ id: root.id, kind: root.kind, anchor: root.anchor }],
      );
    }
    return this.anchoredList;
  }

  /** The side panel's tab label, with the count. */
  get count(): number {
    return this.data.threads.length;
  }

  /** The sidebar, for the side panel's comments tab. */
  renderSidebar(
    draft: Draft,
    session: SessionInfo,
    sections: readonly OutlineSection[],
    sectionId: string | null,
  ) {
    return html`<vk-comment-sidebar
      slot="tab-comments"
      .draftId=${draft.id}
      .threads=${this.data.threads}
      .editor=${this.editor}
      .activeId=${this.active}
      .answerDrafts=${this.answerDrafts}
      .selfId=${session.user.id}
      ?can-answer=${draft.access === 'edit' && draft.status !== 'final'}
      ?can-comment=${this.data.canComment}
      .sections=${sections}
      .currentSectionId=${sectionId}
      .composer=${this.composer}
      .composerKind=${this.composerKind}
      .error=${this.data.loaded ? null : this.data.error}
    ></vk-comment-sidebar>`;
  }

  /** The round banner and the selection bubble, for commenters (no bubble on a text not to comment on). */
  renderForCommenter(draft: Draft, commentable = true) {
    if (draft.access !== 'comment') return nothing;
    return html`<vk-comment-banner
        .draftId=${draft.id}
        .round=${this.data.round}
        .mine=${this.data.myOrg}
      ></vk-comment-banner>
      <vk-comment-bubble
        .editor=${this.editor}
        ?enabled=${this.data.canComment && commentable}
      ></vk-comment-bubble>`;
  }

  /** What the comment elements and the editor send up. */
  private readonly listeners = {
    'vk-editor-ready': (e: EditorReadyEvent) => this.set(() => (this.editor = e.editor)),
    'vk-thread-selected': (e: ThreadSelectedEvent) => this.select(e),
    'vk-comment-requested': (e: CommentRequestedEvent) =>
      this.compose({ type: 'range', anchor: e.anchor }, e.kind),
    'vk-section-comment-requested': (e: SectionCommentRequestedEvent) =>
      this.compose({ type: 'section', sectionId: e.sectionId, title: e.title }, 'comment'),
    'vk-comment-cancelled': () => this.set(() => (this.composer = null)),
    'vk-comment-created': (e: CommentCreatedEvent) => {
      this.data.upsert(e.comment);
      this.set(() => {
        this.composer = null;
        this.active = e.comment.id;
      });
    },
    'vk-comment-changed': (e: CommentChangedEvent) => this.data.upsert(e.comment),
    'vk-comment-withdrawn': (e: CommentWithdrawnEvent) => {
      this.data.remove(e.commentId);
      this.answerDrafts.drop(e.commentId);
      if (this.active === e.commentId) this.set(() => (this.active = null));
    },
    'vk-comments-submitted': (e: CommentsSubmittedEvent) => {
      this.data.submitted(e.invitation);
      this.set(() => (this.composer = null));
    },
  };

  private compose(target: ComposerTarget, kind: CommentKind) {
    this.set(() => {
      this.composer = target;
      this.composerKind = kind;
    });
    this.host.showCommentsTab();
  }

  private select(event: ThreadSelectedEvent) {
    this.set(() => (this.active = event.commentId));
    if (event.commentId === null) return;
    if (event.from === 'sidebar') this.host.scrollToComment(event.commentId);
    else this.host.showCommentsTab();
  }

  private set(change: () => void) {
    change();
    this.host.requestUpdate();
  }
}
