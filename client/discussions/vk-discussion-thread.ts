import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { DiscussionMember } from '../../shared/api/discussions.ts';
import { ActionController } from '../api/action-controller.ts';
import { DiscussionSavedEvent, DiscussionSelectedEvent } from './discussion-events.ts';
import type { DiscussionThread } from './discussion-threads.ts';
import { discussionsApi } from './discussions-api.ts';
import { threadStyles } from '../comments/thread-styles.ts';
import './vk-discussion-composer.ts';
import { byline, renderBody, replyCount, stateBadge } from './discussion-parts.ts';

/**
 * One internal thread of the committee: the words it is about, the messages with their
 * @mentions, a reply box, and resolve/reopen. A resolved thread folds to one line unless
 * opened; an answered one too, unless it is the focused one.
 */
@customElement('vk-discussion-thread')
@localized()
export class VkDiscussionThread extends LitElement {
  static override styles = [
    threadStyles,
    css`
      :host([active]) article {
        border-color: #3d8f7a;
        box-shadow:
          0 0 0 2px #bfe3d6,
          var(--vk-shadow);
      }
      .quote {
        border-left-color: #3d8f7a;
        background: #e9f5f0;
      }
      .mention {
        color: #1a4fa8;
        font-weight: 600;
      }
      .badge.open {
        border-color: #3d8f7a;
        color: #22614f;
        background: #e9f5f0;
      }
      .badge.answered,
      .badge.resolved {
        color: var(--vk-muted);
        background: #f3f2ee;
      }
      ol {
        margin: 0;
        padding: 0 0 0 10px;
        list-style: none;
        display: grid;
        gap: 6px;
        border-left: 2px solid var(--vk-border);
      }
      button.summary {
        display: grid;
        gap: 2px;
        width: 100%;
        text-align: left;
        border: 0;
        background: none;
        padding: 0;
        cursor: pointer;
      }
      button.summary .line {
        font-family: var(--vk-font-doc);
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      article.collapsed {
        opacity: 0.8;
        padding: 6px 10px;
      }
    `,
  ];

  @property() draftId = '';
  @property({ attribute: false }) thread!: DiscussionThread;
  @property({ attribute: false }) members: readonly DiscussionMember[] = [];
  /** The focused thread (its highlight is stronger; it never folds). */
  @property({ type: Boolean, reflect: true }) active = false;
  /** The user may reply and resolve. */
  @property({ type: Boolean, attribute: 'can-write' }) canWrite = false;

  /** Unfolded by the reader although answered or resolved. */
  @state() private opened = false;
  private readonly action = new ActionController(this);

  /** Folded to one line: resolved ones unless opened; answered ones also while not in focus. */
  get collapsed(): boolean {
    const { state } = this.thread;
    return !this.opened && (state === 'resolved' || (state === 'answered' && !this.active));
  }

  override render() {
    const { root, replies, state } = this.thread;
    const quote = root.anchor?.quote ?? '';
    if (this.collapsed)
      return html`<article class="collapsed">
        <button type="button" class="summary" aria-expanded="false" @click=${this.open}>
          <span
            >${stateBadge(state)}
            <small>${root.authorName ?? '—'} · ${replyCount(replies.length)}</small></span
          >
          <span class="line">“${quote}”</span>
        </button>
      </article>`;
    const resolved = state === 'resolved';
    return html`<article @click=${this.select}>
      <header>${stateBadge(state)} ${byline(root)}</header>
      <blockquote class="quote">${quote}</blockquote>
      ${root.orphaned ? html`<p class="orphan">${msg('Đoạn văn này đã bị xoá khỏi dự thảo.')}</p>` : nothing}
      ${renderBody(root)}
      ${
        replies.length === 0
          ? nothing
          : html`<ol aria-label=${msg('Trả lời')}>
              ${replies.map((r) => html`<li>${byline(r)} ${renderBody(r)}</li>`)}
            </ol>`
      }
      ${
        resolved && root.resolvedByName !== null
          ? html`<small>${msg(str`${root.resolvedByName} đã đánh dấu đã giải quyết`)}</small>`
          : nothing
      }
      ${
        this.canWrite && !resolved
          ? html`<vk-discussion-composer
              .draftId=${this.draftId}
              .target=${{ type: 'reply', threadId: root.id }}
              .members=${this.members}
            ></vk-discussion-composer>`
          : nothing
      }
      ${this.action.error === null ? nothing : html`<p class="notice error" role="alert">${this.action.error}</p>`}
      <div class="actions">
        ${
          this.canWrite
            ? html`<button
                type="button"
                ?disabled=${this.action.busy}
                @click=${() => void this.resolve(!resolved)}
              >
                ${resolved ? msg('Mở lại') : msg('Đánh dấu đã giải quyết')}
              </button>`
            : nothing
        }
        ${
          state !== 'open'
            ? html`<button type="button" class="link" @click=${this.fold}>${msg('Thu gọn')}</button>`
            : nothing
        }
      </div>
    </article>`;
  }

  private readonly open = () => {
    this.opened = true;
    this.dispatchEvent(new DiscussionSelectedEvent(this.thread.root.id, 'panel'));
  };

  private readonly fold = (event: Event) => {
    event.stopPropagation();
    this.opened = false;
    if (this.active) this.dispatchEvent(new DiscussionSelectedEvent(null, 'panel'));
  };

  private readonly select = (event: Event) => {
    // Typing a reply or pressing a button is not picking the thread again.
    const inside = event
      .composedPath()
      .some((el) => el instanceof HTMLButtonElement || el instanceof HTMLTextAreaElement);
    if (!inside && !this.active)
      this.dispatchEvent(new DiscussionSelectedEvent(this.thread.root.id, 'panel'));
  };

  private async resolve(resolved: boolean): Promise<void> {
    await this.action.run(async () => {
      const saved = await discussionsApi.resolve(this.draftId, this.thread.root.id, resolved);
      this.opened = false;
      this.dispatchEvent(new DiscussionSavedEvent(saved));
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vk-discussion-thread': VkDiscussionThread;
  }
}
