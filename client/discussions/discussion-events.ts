import type { Discussion } from '../../shared/api/discussions.ts';
import type { SelectionAnchor } from '../comments/anchor-from-selection.ts';

/** Fired when a committee member asks to start an internal thread on the selected words. */
export class DiscussionRequestedEvent extends Event {
  static readonly type = 'vk-discussion-requested';

  constructor(readonly anchor: SelectionAnchor) {
    super(DiscussionRequestedEvent.type, { bubbles: true, composed: true });
  }
}

/** Fired when the user's own thread, reply, resolving or reopening was stored. */
export class DiscussionSavedEvent extends Event {
  static readonly type = 'vk-discussion-saved';

  constructor(readonly discussion: Discussion) {
    super(DiscussionSavedEvent.type, { bubbles: true, composed: true });
  }
}

/** Fired when a thread is picked (a card, a highlight, "next unanswered"); null clears it. */
export class DiscussionSelectedEvent extends Event {
  static readonly type = 'vk-discussion-selected';

  constructor(
    readonly discussionId: number | null,
    /** Where it was picked: the text scrolls to a card's highlight, the panel to a highlight's card. */
    readonly from: 'panel' | 'text',
  ) {
    super(DiscussionSelectedEvent.type, { bubbles: true, composed: true });
  }
}

/** Fired when "next unanswered" is pressed. */
export class NextUnansweredEvent extends Event {
  static readonly type = 'vk-discussion-next';

  constructor() {
    super(NextUnansweredEvent.type, { bubbles: true, composed: true });
  }
}

/** Fired when a new thread's composer is closed without sending. */
export class DiscussionCancelledEvent extends Event {
  static readonly type = 'vk-discussion-cancelled';

  constructor() {
    super(DiscussionCancelledEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'vk-discussion-requested': DiscussionRequestedEvent;
    'vk-discussion-saved': DiscussionSavedEvent;
    'vk-discussion-selected': DiscussionSelectedEvent;
    'vk-discussion-next': NextUnansweredEvent;
    'vk-discussion-cancelled': DiscussionCancelledEvent;
  }
}
