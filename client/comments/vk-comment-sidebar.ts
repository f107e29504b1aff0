import { localized, msg, str } from '@lit/localize';
import type { Editor } from '@tiptap/core';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { CommentKind } from '../../shared/api/comments.ts';
import type { ErrorCode } from '../../shared/errors.ts';
import { errorMessage } from '../app/labels.ts';
import { nowReads, orphanedComments } from './comment-anchors.ts';
import type { AnswerDrafts } from './answer-drafts.ts';
import { SectionCommentRequestedEvent, ThreadSelectedEvent } from './comment-events.ts';
import type { CommentThread } from './comments-controller.ts';
import type { OutlineSection } from '../editor/sections.ts';
import './vk-comment-composer.ts';
import type { ComposerTarget } from './vk-comment-composer.ts';
import './vk-comment-thread.ts';
import { CardAlignment, threadPosition } from './card-alignment.ts';
import { sidebarStyles } from './sidebar-styles.ts';
import { matches, NO_FILTERS, renderFilters, type ThreadFilters } from './thread-filters.ts';

/** Elements inside a card that handle their own clicks and keys. */
const INTERACTIVE = new Set(['BUTTON', 'TEXTAREA', 'INPUT', 'SELECT', 'A', 'LABEL']);

/**
 * The comments beside the draft: each thread's card level with its highlight (cards pushed
 * down so none overlap), whole-section and orphaned comments at their section's heading, a
 * new comment's composer on top, and filters by section, organisation, kind and answer. With
 * many threads, or as a drawer over the text, the cards are a plain list in document order.
 * Up and Down move between cards (and the text follows); Enter picks one.
 */
@customElement('vk-comment-sidebar')
@localized()
export class VkCommentSidebar extends LitElement {
  static override styles = sidebarStyles;

  /** The draft the comments belong to. */
  @property() draftId = '';
  /** The threads to show. */
  @property({ attribute: false }) threads: readonly CommentThread[] = [];
  /** The editor whose highlights the cards follow (null: a plain list). */
  @property({ attribute: false }) editor: Editor | null = null;
  /** The focused thread. */
  @property({ attribute: false }) activeId: number | null = null;
  /** The signed-in user's id. */
  @property({ type: Number, attribute: false }) selfId = 0;
  /** The user answers comments (the drafting committee). */
  @property({ type: Boolean, attribute: 'can-answer' }) canAnswer = false;
  /** Half-written answers, kept by the page across cards collapsing and filters. */
  @property({ attribute: false }) answerDrafts: AnswerDrafts | null = null;
  /** The user may add comments and reply (an invited organisation, round open, not submitted). */
  @property({ type: Boolean, attribute: 'can-comment' }) canComment = false;
  /** The outline, for section names. */
  @property({ attribute: false }) sections: readonly OutlineSection[] = [];
  /** The section the reader is in ("Góp ý cho cả mục"). */
  @property({ attribute: false }) currentSectionId: string | null = null;
  /** A new comment being written, and its kind. */
  @property({ attribute: false }) composer: ComposerTarget | null = null;
  @property() composerKind: CommentKind = 'comment';
  /** Why the comments could not be loaded, if they could not. */
  @property({ attribute: false }) error: ErrorCode | 'network_error' | null = null;

  @state() private filters: ThreadFilters = NO_FILTERS;
  @query('.track') private track?: HTMLElement;
  @query('ol') private column?: HTMLElement;
  private visibleCount = 0;
  /** The thread last picked from a card. */
  private picked: number | null = null;
  private readonly alignment = new CardAlignment(this, () => ({
    track: this.track ?? null,
    column: this.column ?? null,
    count: this.visibleCount,
  }));

  override render() {
    const titles = new Map(this.sections.map(({ section: s }) => [s.id, `${s.label} ${s.title}`.trim()]));
    const visible = this.ordered().filter((t) => matches(t, this.filters));
    this.visibleCount = visible.length;
    const tabStop = visible.some((t) => t.root.id === this.activeId) ? this.activeId : visible[0]?.root.id;
    const current = this.currentSectionId === null ? undefined : titles.get(this.currentSectionId);
    return html`<div class="top">
        <h2 id="comments-title">${msg(str`Góp ý (${this.threads.length})`)}</h2>
        ${
          this.canComment && current !== undefined && this.composer === null
            ? html`<button
                type="button"
                title=${current}
                @click=${() => this.dispatchEvent(new SectionCommentRequestedEvent(this.currentSectionId!, current))}
              >
                ${msg(str`Góp ý cho cả mục: ${current}`)}
              </button>`
            : nothing
        }
        <vk-comment-composer
          .draftId=${this.draftId}
          .target=${this.composer}
          .kind=${this.composerKind}
        ></vk-comment-composer>
        ${this.threads.length > 1 ? renderFilters(this.threads, titles, this.filters, (f) => (this.filters = f)) : nothing}
        ${
          visible.length !== this.threads.length
            ? html`<small class="shown" role="status"
                >${msg(str`Đang hiện ${visible.length}/${this.threads.length} góp ý`)}</small
              >`
            : nothing
        }
      </div>
      ${
        this.error !== null
          ? html`<p class="notice error" role="alert">${errorMessage(this.error)}</p>`
          : this.threads.length === 0
            ? html`<p class="muted empty">${msg('Chưa có góp ý nào.')}</p>`
            : visible.length === 0
              ? html`<p class="muted empty">${msg('Không có góp ý nào khớp bộ lọc.')}</p>`
              : nothing
      }
      <div class="track ${this.alignment.aligned ? 'aligned' : ''}">
        <ol aria-labelledby="comments-title" @keydown=${this.onKey} @click=${this.onClick}>
          ${repeat(
            visible,
            (t) => t.root.id,
            (t) => this.renderCard(t, titles, tabStop),
          )}
        </ol>
      </div>`;
  }

  private renderCard(
    thread: CommentThread,
    titles: ReadonlyMap<string, string>,
    tabStop: number | null | undefined,
  ) {
    const { root } = thread;
    const active = root.id === this.activeId;
    const state = this.editor?.state;
    const orphaned = state === undefined ? root.orphaned : orphanedComments(state).has(root.id);
    const now = state === undefined ? root.nowReads : nowReads(state, root.id, root.anchor?.quote ?? '');
    const section = root.anchor?.sectionId == null ? undefined : titles.get(root.anchor.sectionId);
    return html`<li
      data-id=${root.id}
      data-section=${root.anchor?.sectionId ?? ''}
      tabindex=${root.id === tabStop ? 0 : -1}
    >
      ${section !== undefined && (orphaned || root.anchor?.quote === '') ? html`<p class="section-label">${section}</p>` : nothing}
      <vk-comment-thread
        .draftId=${this.draftId}
        .thread=${thread}
        .selfId=${this.selfId}
        ?can-answer=${this.canAnswer}
        .answerDrafts=${this.answerDrafts}
        ?can-reply=${this.canAnswer || this.canComment}
        ?orphaned=${orphaned}
        .nowReads=${now}
        ?expanded=${active}
        ?active=${active}
      ></vk-comment-thread>
    </li>`;
  }

  /** Threads in document order when the text is there (highlights, then section headings), else as listed. */
  private ordered(): readonly CommentThread[] {
    const editor = this.editor;
    if (editor === null) return this.threads;
    const at = new Map(
      this.threads.map((t) => [
        t.root.id,
        threadPosition(editor.state, t.root.id, t.root.anchor?.sectionId) ?? Infinity,
      ]),
    );
    return [...this.threads].sort((a, b) => at.get(a.root.id)! - at.get(b.root.id)!);
  }

  protected override updated(changed: PropertyValues<this>): void {
    // A highlight picked in the text: its card comes into sight. (A card picked here has the
    // page scroll its highlight into sight, with the card beside it.)
    if (!changed.has('activeId') || this.activeId === null || this.activeId === this.picked) return;
    if (this.alignment.aligned) this.alignment.reveal(this.activeId);
    else this.card(this.activeId)?.scrollIntoView({ block: 'nearest' });
  }

  private card(id: number): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`li[data-id="${id}"]`);
  }

  private select(id: number) {
    this.picked = id;
    this.dispatchEvent(new ThreadSelectedEvent(id, 'sidebar'));
  }

  private readonly onClick = (event: MouseEvent) => {
    const path = event.composedPath();
    if (path.some((el) => el instanceof HTMLElement && INTERACTIVE.has(el.tagName))) return;
    const li = path.find(
      (el): el is HTMLLIElement => el instanceof HTMLLIElement && el.dataset.id !== undefined,
    );
    if (li !== undefined) this.select(Number(li.dataset.id));
  };

  /** Up and Down (Home, End) move to the next card and pick it, so the text follows; Enter picks the focused one. */
  private readonly onKey = (event: KeyboardEvent) => {
    const li = event.target;
    if (!(li instanceof HTMLLIElement)) return;
    const cards = [...this.renderRoot.querySelectorAll<HTMLElement>('ol > li')];
    const at = cards.indexOf(li);
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.select(Number(li.dataset.id));
      return;
    }
    const next = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: cards.length - 1 }[event.key];
    const target = next === undefined ? undefined : cards[next];
    if (target === undefined) return;
    event.preventDefault();
    // The aligned column moves with the text; scrolling the card into view would undo that.
    target.focus({ preventScroll: this.alignment.aligned });
    this.select(Number(target.dataset.id));
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'vk-comment-sidebar': VkCommentSidebar;
  }
}
