import type { Comment, CommentKind } from '../../shared/api/comments.ts';
import type { Invitation } from '../../shared/api/rounds.ts';
import type { SelectionAnchor } from './anchor-from-selection.ts';

/** Fired when a new comment, suggestion or section comment was sent and stored. */
export class CommentCreatedEvent extends Event {
  static readonly type = 'vk-comment-created';

  constructor(readonly comment: Comment) {
    super(CommentCreatedEvent.type, { bubbles: true, composed: true });
  }
}

/** Fired when a comment changed: edited by its author, answered, or replied to (`comment` is the reply). */
export class CommentChangedEvent extends Event {
  static readonly type = 'vk-comment-changed';

  constructor(readonly comment: Comment) {
    super(CommentChangedEvent.type, { bubbles: true, composed: true });
  }
}

/** Fired when the author withdrew a comment. */
export class CommentWithdrawnEvent extends Event {
  static readonly type = 'vk-comment-withdrawn';

  constructor(readonly commentId: number) {
    super(CommentWithdrawnEvent.type, { bubbles: true, composed: true });
  }
}

/** Fired when the composer is closed without sending. */
export class CommentCancelledEvent extends Event {
  static readonly type = 'vk-comment-cancelled';

  constructor() {
    super(CommentCancelledEvent.type, { bubbles: true, composed: true });
  }
}

/** Fired when the user asks to comment on the selected text (bubble button or Ctrl+Alt+M). */
export class CommentRequestedEvent extends Event {
  static readonly type = 'vk-comment-requested';

  constructor(
    readonly kind: CommentKind,
    readonly anchor: SelectionAnchor,
  ) {
    super(CommentRequestedEvent.type, { bubbles: true, composed: true });
  }
}

/** Fired when the user asks to comment on a whole section. */
export class SectionCommentRequestedEvent extends Event {
  static readonly type = 'vk-section-comment-requested';

  constructor(
    readonly sectionId: string,
    /** Its heading, shown in the composer. */
    readonly title: string,
  ) {
    super(SectionCommentRequestedEvent.type, { bubbles: true, composed: true });
  }
}

/** Fired when a thread is picked (a card clicked, or a highlight in the text); null clears it. */
export class ThreadSelectedEvent extends Event {
  static readonly type = 'vk-thread-selected';

  constructor(
    readonly commentId: number | null,
    /** Where it was picked: the text scrolls to a card's highlight, the sidebar to a highlight's card. */
    readonly from: 'sidebar' | 'text',
  ) {
    super(ThreadSelectedEvent.type, { bubbles: true, composed: true });
  }
}

/** Fired when the user's organisation sent its comments (they are read-only from now on). */
export class CommentsSubmittedEvent extends Event {
  static readonly type = 'vk-comments-submitted';

  constructor(readonly invitation: Invitation) {
    super(CommentsSubmittedEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'vk-comment-created': CommentCreatedEvent;
    'vk-comment-changed': CommentChangedEvent;
    'vk-comment-withdrawn': CommentWithdrawnEvent;
    'vk-comment-cancelled': CommentCancelledEvent;
    'vk-comment-requested': CommentRequestedEvent;
    'vk-section-comment-requested': SectionCommentRequestedEvent;
    'vk-thread-selected': ThreadSelectedEvent;
    'vk-comments-submitted': CommentsSubmittedEvent;
  }
}
