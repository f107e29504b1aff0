import { msg, str } from '@lit/localize';
import type { Editor } from '@tiptap/core';
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { Draft } from '../../shared/api/drafts.ts';
import { errorMessage } from '../app/labels.ts';
import type { SelectionAnchor } from '../comments/anchor-from-selection.ts';
import './vk-discussion-bubble.ts';
import './vk-discussion-panel.ts';
import type { EditorReadyEvent } from '../editor/vk-editor.ts';
import {
  attachDiscussionAnchors,
  discussionRanges,
  setDiscussionAnchors,
  type AnchoredThread,
} from './discussion-anchors.ts';
import type {
  DiscussionRequestedEvent,
  DiscussionSavedEvent,
  DiscussionSelectedEvent,
} from './discussion-events.ts';
import { nextUnanswered, type DiscussionThread } from './discussion-threads.ts';
import { DiscussionsController } from './discussions-controller.ts';
import { listenOn } from '../ui/host-listeners.ts';

/** What the internal threads need from the draft page. */
export interface DraftDiscussionsHost extends ReactiveControllerHost, HTMLElement {
  /** Opens a tab of the side panel (a drawer on narrow screens). */
  showTab(tab: string): void;
}

/** The side panel tab's id. */
export const DISCUSSIONS_TAB = 'discussions';

/**
 * The draft page's internal talk of the committee in one place: the threads (through
 * DiscussionsController), the focused one, a new one being written, and their highlights in
 * the editor; it renders the selection bubble and the panel and handles what they send up.
 * Only for those who see every organisation's comments: commenters get none of it.
 */
export class DraftDiscussions implements ReactiveController {
  readonly data: DiscussionsController;
  private editor: Editor | null = null;
  private active: number | null = null;
  private composer: SelectionAnchor | null = null;
  /** What the editor shows now, to dispatch only on change. */
  private shown: {
    threads: readonly DiscussionThread[];
    active: number | null;
    editor: Editor | null;
  } | null = null;

  constructor(private readonly host: DraftDiscussionsHost) {
    host.addController(this);
    this.data = new DiscussionsController(host);
  }

  /** Whether the user takes part (set with the draft's access, before the stream opens). */
  setAccess(draft: Pick<Draft, 'access'>): void {
    this.data.enabled = takesPart(draft);
  }

  hostConnected(): void {
    listenOn(this.host, this.listeners, true);
  }

  hostDisconnected(): void {
    listenOn(this.host, this.listeners, false);
  }

  hostUpdated(): void {
    const editor = this.editor;
    const threads = this.data.threads;
    const shown = this.shown;
    if (
      editor === null ||
      (shown?.threads === threads && shown.active === this.active && shown.editor === editor)
    )
      return;
    this.shown = { threads, active: this.active, editor };
    setDiscussionAnchors(editor, threads.flatMap(toAnchored), this.active);
  }

  /** The side panel's tab, for the committee. */
  tab(draft: Draft): { id: string; label: string } | null {
    if (!takesPart(draft)) return null;
    const open = this.data.threads.filter((t) => t.state === 'open').length;
    return { id: DISCUSSIONS_TAB, label: msg(str`Trao đổi (${open})`) };
  }

  /** The selection bubble, for the committee while the draft is not final. */
  renderBubble(draft: Draft) {
    if (!this.canWrite(draft)) return nothing;
    return html`<vk-discussion-bubble .editor=${this.editor} ?enabled=${true}></vk-discussion-bubble>`;
  }

  /** The panel, in the side panel's tab. */
  renderPanel(draft: Draft) {
    if (!takesPart(draft)) return nothing;
    const error = this.data.error;
    return html`<vk-discussion-panel
      slot="tab-${DISCUSSIONS_TAB}"
      .draftId=${draft.id}
      .threads=${this.inDocumentOrder()}
      .members=${this.data.members}
      .activeId=${this.active}
      .composer=${this.composer}
      ?can-write=${this.canWrite(draft)}
      .error=${error === null || this.data.loaded ? null : errorMessage(error)}
    ></vk-discussion-panel>`;
  }

  private canWrite(draft: Draft): boolean {
    return takesPart(draft) && draft.status !== 'final';
  }

  /** Threads as they appear in the text; those whose words are gone come last. */
  private inDocumentOrder(): DiscussionThread[] {
    const ranges =
      this.editor === null ? new Map<number, { from: number }>() : discussionRanges(this.editor.state);
    const at = (t: DiscussionThread) => ranges.get(t.root.id)?.from ?? Infinity;
    return [...this.data.threads].sort((a, b) => at(a) - at(b) || a.root.id - b.root.id);
  }

  private readonly listeners = {
    'vk-editor-ready': (e: EditorReadyEvent) => {
      this.editor = e.editor;
      if (e.editor !== null && this.data.enabled)
        attachDiscussionAnchors(e.editor, (id) => this.select(id, 'text'));
      this.host.requestUpdate();
    },
    'vk-discussion-requested': (e: DiscussionRequestedEvent) => {
      this.composer = e.anchor;
      this.host.requestUpdate();
      this.host.showTab(DISCUSSIONS_TAB);
    },
    'vk-discussion-cancelled': () => {
      this.composer = null;
      this.host.requestUpdate();
    },
    'vk-discussion-saved': (e: DiscussionSavedEvent) => {
      const d = e.discussion;
      this.data.upsert(d);
      if (d.parentId === null && this.composer !== null && d.resolvedAt === null) this.composer = null;
      // A thread just resolved folds away; a new one or a reply keeps (or takes) the focus.
      this.active = d.parentId === null && d.resolvedAt !== null ? null : (d.parentId ?? d.id);
      this.host.requestUpdate();
    },
    'vk-discussion-selected': (e: DiscussionSelectedEvent) => this.select(e.discussionId, e.from),
    'vk-discussion-next': () => {
      const order = this.inDocumentOrder().map((t) => t.root.id);
      const next = nextUnanswered(this.data.threads, order, this.active);
      if (next !== null) this.select(next, 'panel');
    },
  };

  private select(id: number | null, from: 'panel' | 'text'): void {
    this.active = id;
    this.host.requestUpdate();
    if (id === null) return;
    if (from === 'text') this.host.showTab(DISCUSSIONS_TAB);
    else this.scrollTo(id);
  }

  /** Scrolls the text so that a thread's highlight is in sight (a third down the window). */
  private scrollTo(id: number): void {
    const editor = this.editor;
    const range = editor === null ? undefined : discussionRanges(editor.state).get(id);
    if (editor === null || range === undefined) return;
    const top = editor.view.coordsAtPos(range.from).top;
    scrollBy({ top: top - innerHeight / 3, behavior: 'smooth' });
  }
}

/** The committee and those overseeing the draft take part; commenters never do. */
function takesPart(draft: Pick<Draft, 'access'>): boolean {
  return draft.access === 'edit' || draft.access === 'read';
}

function toAnchored(thread: DiscussionThread): AnchoredThread[] {
  const anchor = thread.root.anchor;
  return anchor === null ? [] : [{ id: thread.root.id, anchor, settled: thread.state !== 'open' }];
}
