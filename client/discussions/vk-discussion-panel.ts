import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { DiscussionMember } from '../../shared/api/discussions.ts';
import type { SelectionAnchor } from '../comments/anchor-from-selection.ts';
import { NextUnansweredEvent } from './discussion-events.ts';
import type { DiscussionThread } from './discussion-threads.ts';
import { commentStyles } from '../styles/comment-styles.ts';
import './vk-discussion-composer.ts';
import './vk-discussion-thread.ts';

/**
 * The side panel's tab of the committee's internal talk: a new thread being written, then
 * every thread in document order, open ones in full and answered or resolved ones folded,
 * with "next unanswered" to go through the open ones. Never shown to commenters.
 */
@customElement('vk-discussion-panel')
@localized()
export class VkDiscussionPanel extends LitElement {
  static override styles = [
    commentStyles,
    css`
      :host {
        display: grid;
        gap: 10px;
        align-content: start;
      }
      .top {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: 6px;
      }
      h2 {
        margin: 0;
        font-size: 1rem;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 8px;
      }
      p {
        margin: 0;
      }
    `,
  ];

  @property() draftId = '';
  /** Threads in document order. */
  @property({ attribute: false }) threads: readonly DiscussionThread[] = [];
  @property({ attribute: false }) members: readonly DiscussionMember[] = [];
  @property({ attribute: false }) activeId: number | null = null;
  /** Words a new thread is being written about. */
  @property({ attribute: false }) composer: SelectionAnchor | null = null;
  @property({ type: Boolean, attribute: 'can-write' }) canWrite = false;
  /** Why the list could not be read, in words. */
  @property() error: string | null = null;

  protected override updated(changed: PropertyValues<this>): void {
    // The focused thread comes into sight (picked in the text, or by "next unanswered").
    if (changed.has('activeId') && this.activeId !== null)
      this.renderRoot
        .querySelector(`vk-discussion-thread[data-id="${this.activeId}"]`)
        ?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }

  override render() {
    const open = this.threads.filter((t) => t.state === 'open').length;
    return html`<div class="top">
        <h2>${msg('Trao đổi nội bộ')}</h2>
        <button
          type="button"
          class="primary next"
          ?disabled=${open === 0}
          @click=${() => this.dispatchEvent(new NextUnansweredEvent())}
        >
          ${msg(str`Chưa trả lời tiếp theo (${open})`)}
        </button>
      </div>
      <p class="muted">
        ${msg('Chỉ tiểu ban văn kiện xem được các trao đổi này; chi bộ và đoàn thể không xem được.')}
      </p>
      ${this.error === null ? nothing : html`<p class="notice error" role="alert">${this.error}</p>`}
      ${
        this.composer === null
          ? nothing
          : html`<vk-discussion-composer
              .draftId=${this.draftId}
              .target=${{ type: 'new', anchor: this.composer }}
              .members=${this.members}
            ></vk-discussion-composer>`
      }
      ${
        this.threads.length === 0 && this.composer === null
          ? html`<p class="muted">
              ${msg('Chưa có trao đổi. Chọn một đoạn văn rồi bấm “Trao đổi nội bộ” để hỏi ý kiến các thành viên.')}
            </p>`
          : html`<ol aria-label=${msg('Các trao đổi')}>
              ${this.threads.map(
                (t) =>
                  html`<li>
                    <vk-discussion-thread
                      data-id=${t.root.id}
                      .draftId=${this.draftId}
                      .thread=${t}
                      .members=${this.members}
                      ?active=${t.root.id === this.activeId}
                      ?can-write=${this.canWrite}
                    ></vk-discussion-thread>
                  </li>`,
              )}
            </ol>`
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vk-discussion-panel': VkDiscussionPanel;
  }
}
