import { localized, msg } from '@lit/localize';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ActionController } from '../api/action-controller.ts';
import { DISPOSITIONS, type Comment, type Disposition } from '../../shared/api/comments.ts';
import { COMMENT_LIMITS } from '../../shared/limits.ts';
import { answerComment } from './comments-api.ts';
import type { AnswerDrafts } from './answer-drafts.ts';
import { CommentChangedEvent } from './comment-events.ts';
import { errorMessage } from '../app/labels.ts';
import { dispositionLabel } from './comment-labels.ts';
import { commentStyles } from '../styles/comment-styles.ts';

/** Dispositions that must say why (giải trình, tiếp thu một phần). */
const NOTE_REQUIRED: ReadonlySet<Disposition> = new Set(['explained', 'partly']);

/**
 * The drafting committee's answer to a comment: tiếp thu, tiếp thu một phần, giải trình or
 * ghi nhận, with a note (required when explaining or accepting in part). Accepting a
 * suggestion makes the server write its replacement into the draft; the editor receives it
 * through Yjs like any colleague's edit.
 */
@customElement('vk-comment-disposition')
@localized()
export class VkCommentDisposition extends LitElement {
  static override styles = [
    commentStyles,
    css`
      form {
        display: grid;
        gap: 6px;
        padding-top: 6px;
        border-top: 1px dashed var(--vk-border);
      }
      .values button {
        font-size: 0.8rem;
        padding: 2px 8px;
      }
    `,
  ];

  /** The draft the comment belongs to. */
  @property() draftId = '';
  /** The comment to answer. */
  @property({ attribute: false }) comment: Comment | null = null;
  /** Where a half-written answer outlives this form (the card collapsing, a filter); none: it lives here only. */
  @property({ attribute: false }) drafts: AnswerDrafts | null = null;

  @state() private value: Disposition | null = null;
  @state() private note = '';
  private readonly action = new ActionController(this);

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('comment')) return;
    // A changed answer (from a colleague, through the events) replaces what was being chosen;
    // a new copy of the same comment (its author edited it, the list was read again) does not.
    const before = changed.get('comment');
    const after = this.comment;
    const same =
      before != null &&
      after !== null &&
      before.id === after.id &&
      before.disposition?.at === after.disposition?.at;
    if (same || after === null) return;
    const kept = this.drafts?.take(after.id, after.disposition?.at ?? null) ?? null;
    this.value = kept?.value ?? after.disposition?.value ?? null;
    this.note = kept?.note ?? after.disposition?.note ?? '';
  }

  override render() {
    const comment = this.comment;
    if (comment === null) return nothing;
    const noteLength = this.note.trim().length;
    const needsNote = this.value !== null && NOTE_REQUIRED.has(this.value);
    return html`<form aria-label=${msg('Trả lời của tiểu ban')} @submit=${this.onSubmit}>
      <div class="actions values" role="group" aria-label=${msg('Hướng xử lý')}>
        ${DISPOSITIONS.map(
          (value) =>
            html`<button
              type="button"
              aria-pressed=${String(this.value === value)}
              @click=${() => this.keep(value, this.note)}
            >
              ${dispositionLabel(value)}
            </button>`,
        )}
      </div>
      ${
        comment.kind === 'suggestion' && this.value === 'accepted' && comment.disposition?.appliedAt == null
          ? html`<small>${msg('Khi lưu, văn bản đề xuất sẽ được đưa vào dự thảo.')}</small>`
          : nothing
      }
      <label for="note"
        >${needsNote ? msg('Ý kiến của tiểu ban (bắt buộc)') : msg('Ý kiến của tiểu ban')}</label
      >
      <textarea
        id="note"
        rows="2"
        .value=${this.note}
        aria-required=${String(needsNote)}
        aria-describedby="note-count"
        @input=${(e: Event) => this.keep(this.value, (e.target as HTMLTextAreaElement).value)}
      ></textarea>
      <span id="note-count" class="count ${noteLength > COMMENT_LIMITS.bodyMax ? 'over' : ''}"
        >${noteLength}/${COMMENT_LIMITS.bodyMax}</span
      >
      ${this.action.error === null ? nothing : html`<p class="notice error" role="alert">${this.action.error}</p>`}
      <div class="actions">
        <button class="primary" type="submit" ?disabled=${this.action.busy || this.value === null}>
          ${msg('Lưu trả lời')}
        </button>
      </div>
    </form>`;
  }

  private async onSubmit(event: SubmitEvent) {
    event.preventDefault();
    const comment = this.comment;
    const value = this.value;
    if (comment === null || value === null || this.action.busy) return;
    const note = this.note.trim();
    if (NOTE_REQUIRED.has(value) && note === '') {
      this.action.fail(msg('Hãy ghi rõ lý do khi giải trình hoặc tiếp thu một phần.'));
      return;
    }
    if (note.length > COMMENT_LIMITS.bodyMax) {
      this.action.fail(errorMessage('comment_too_long'));
      return;
    }
    await this.action.run(async () => {
      const answered = await answerComment(this.draftId, comment.id, { value, note });
      this.drafts?.drop(comment.id);
      this.dispatchEvent(new CommentChangedEvent(answered));
    });
  }

  private keep(value: Disposition | null, note: string) {
    this.value = value;
    this.note = note;
    const comment = this.comment;
    if (comment !== null)
      this.drafts?.keep(comment.id, { value, note, basedOn: comment.disposition?.at ?? null });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vk-comment-disposition': VkCommentDisposition;
  }
}
