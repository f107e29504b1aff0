import { localized, msg } from '@lit/localize';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { DiscussionMember } from '../../shared/api/discussions.ts';
import { COMMENT_LIMITS } from '../../shared/limits.ts';
import { ActionController } from '../api/action-controller.ts';
import type { SelectionAnchor } from '../comments/anchor-from-selection.ts';
import { DiscussionCancelledEvent, DiscussionSavedEvent } from './discussion-events.ts';
import { discussionsApi } from './discussions-api.ts';
import { composerForm } from '../comments/composer-form.ts';
import { mentionedIn } from './mentions.ts';
import { commentStyles } from '../styles/comment-styles.ts';
import './vk-mention-input.ts';
import type { MentionInputEvent, VkMentionInput } from './vk-mention-input.ts';

/** What a message answers: new words of the draft, or a thread. */
export type DiscussionTarget = { type: 'new'; anchor: SelectionAnchor } | { type: 'reply'; threadId: number };

/** Whether two targets name the same thread to start (the same selection) or to answer. */
function sameTarget(a: DiscussionTarget | null | undefined, b: DiscussionTarget | null | undefined): boolean {
  if (a === b) return true;
  if (a == null || b == null) return a == b;
  if (a.type === 'new') return b.type === 'new' && a.anchor === b.anchor;
  return b.type === 'reply' && a.threadId === b.threadId;
}

/**
 * A message of the committee's internal talk: a new thread on the selected words, or a reply.
 * `@` offers the members; those named are notified. Ctrl+Enter sends, Esc cancels a new thread.
 */
@customElement('vk-discussion-composer')
@localized()
export class VkDiscussionComposer extends LitElement {
  static override styles = [
    commentStyles,
    css`
      form {
        display: grid;
        gap: 6px;
      }
      :host([kind='new']) form {
        padding: 10px;
        border: 2px solid #3d8f7a;
        border-radius: var(--vk-radius);
        background: #f3faf7;
      }
      .quote {
        border-left-color: #3d8f7a;
        background: #e9f5f0;
      }
      .hint {
        font-size: 0.75rem;
      }
    `,
  ];

  @property() draftId = '';
  /**
   * Compared by what it names, not by identity: parents pass a fresh object literal on every
   * render, and a new target clears the field, so another user's event re-rendering the panel
   * must not wipe (and unfocus) what this user is typing.
   */
  @property({
    attribute: false,
    hasChanged: (next: DiscussionTarget | null, previous: DiscussionTarget | null) =>
      !sameTarget(next, previous),
  })
  target: DiscussionTarget | null = null;
  @property({ attribute: false }) members: readonly DiscussionMember[] = [];
  /** `new` or `reply`, for styling. */
  @property({ reflect: true }) kind: 'new' | 'reply' = 'new';

  @state() private body = '';
  private readonly action = new ActionController(this);
  @query('vk-mention-input') private input?: VkMentionInput;

  override focus(): void {
    this.input?.focus();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('target')) {
      this.kind = this.target?.type ?? 'new';
      if (this.target?.type === 'new') this.body = '';
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('target') && this.target?.type === 'new')
      void this.updateComplete.then(() => this.focus());
  }

  override render() {
    const target = this.target;
    if (target === null) return nothing;
    const length = this.body.trim().length;
    const isNew = target.type === 'new';
    return html`<form
      aria-label=${isNew ? msg('Trao đổi nội bộ mới') : msg('Trả lời trao đổi')}
      @submit=${this.form.onSubmit}
      @keydown=${this.form.onKey}
    >
      ${isNew ? html`<blockquote class="quote">${target.anchor.quote}</blockquote>` : nothing}
      <vk-mention-input
        .members=${this.members}
        .value=${this.body}
        label=${isNew ? msg('Nội dung trao đổi') : msg('Nội dung trả lời')}
        @vk-mention-input=${(e: MentionInputEvent) => (this.body = e.value)}
      ></vk-mention-input>
      ${this.action.error === null ? nothing : html`<p class="notice error" role="alert">${this.action.error}</p>`}
      <div class="actions">
        <button
          class="primary"
          type="submit"
          ?disabled=${this.action.busy || length === 0 || length > COMMENT_LIMITS.bodyMax}
        >
          ${isNew ? msg('Gửi') : msg('Trả lời')}
        </button>
        ${isNew ? html`<button type="button" @click=${this.cancel}>${msg('Huỷ')}</button>` : nothing}
        <small class="hint">${msg('Gõ @ để nhắc thành viên; Ctrl+Enter để gửi')}</small>
      </div>
    </form>`;
  }

  private readonly form = composerForm({
    send: () => this.send(),
    cancel: () => this.cancel(),
    // Only a new thread is cancelled; a reply field stays under its thread.
    canCancel: () => this.target?.type === 'new',
  });

  private cancel() {
    this.dispatchEvent(new DiscussionCancelledEvent());
  }

  private async send(): Promise<void> {
    const target = this.target;
    const body = this.body.trim();
    if (target === null || this.action.busy || body === '') return;
    const mentions = mentionedIn(body, this.members);
    await this.action.run(async () => {
      const saved =
        target.type === 'new'
          ? await discussionsApi.create(this.draftId, {
              body,
              start: target.anchor.start,
              end: target.anchor.end,
              mentions,
            })
          : await discussionsApi.reply(this.draftId, target.threadId, { body, mentions });
      this.body = '';
      this.dispatchEvent(new DiscussionSavedEvent(saved));
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vk-discussion-composer': VkDiscussionComposer;
  }
}
