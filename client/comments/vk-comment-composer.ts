import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { ActionController } from '../api/action-controller.ts';
import type { CommentKind, CreateCommentRequest } from '../../shared/api/comments.ts';
import { COMMENT_LIMITS } from '../../shared/limits.ts';
import { createComment } from './comments-api.ts';
import { composerForm } from './composer-form.ts';
import type { SelectionAnchor } from './anchor-from-selection.ts';
import { CommentCancelledEvent, CommentCreatedEvent } from './comment-events.ts';
import { commentStyles } from '../styles/comment-styles.ts';

/** What a new comment points at: the selected text, or a whole section. */
export type ComposerTarget =
  { type: 'range'; anchor: SelectionAnchor } | { type: 'section'; sectionId: string; title: string };

/**
 * A new comment (góp ý) or suggestion (đề xuất sửa) on the selected text, or a comment on a
 * whole section. Shows what it points at, counts characters against the server's limits,
 * sends with Ctrl+Enter and cancels with Escape. The body is sent as plain text.
 */
@customElement('vk-comment-composer')
@localized()
export class VkCommentComposer extends LitElement {
  static override styles = [
    commentStyles,
    css`
      form {
        display: grid;
        gap: 6px;
        padding: 10px;
        border: 2px solid #e0b44c;
        border-radius: var(--vk-radius);
        background: #fffdf6;
      }
      .field {
        display: grid;
        gap: 2px;
      }
      .hint {
        font-size: 0.75rem;
      }
    `,
  ];

  /** The draft to comment on. */
  @property() draftId = '';
  /** What the comment points at. */
  @property({ attribute: false }) target: ComposerTarget | null = null;
  /** Comment or suggestion (a suggestion needs a range within one paragraph). */
  @property() kind: CommentKind = 'comment';

  @state() private body = '';
  @state() private replacement = '';
  private readonly action = new ActionController(this);
  @query('textarea') private firstField?: HTMLTextAreaElement;

  /** Puts the cursor in the first field. */
  override focus(): void {
    this.firstField?.focus();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('target')) {
      this.body = '';
      this.action.fail(null);
    }
    // A suggestion starts from the quoted text, so the writer only changes what must change.
    if (changed.has('target') || changed.has('kind'))
      this.replacement = this.target?.type === 'range' ? this.target.anchor.quote : '';
    if (!this.suggestionAllowed) this.kind = 'comment';
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('target') && this.target !== null) this.focus();
  }

  private get suggestionAllowed(): boolean {
    return this.target?.type === 'range' && this.target.anchor.singleBlock;
  }

  override render() {
    const target = this.target;
    if (target === null) return nothing;
    const suggestion = this.kind === 'suggestion';
    return html`<form
      aria-label=${msg('Góp ý mới')}
      @submit=${this.form.onSubmit}
      @keydown=${this.form.onKey}
    >
      ${
        target.type === 'range'
          ? html`<div class="actions" role="group" aria-label=${msg('Loại góp ý')}>
                ${this.kindButton('comment')} ${this.kindButton('suggestion')}
              </div>
              ${
                this.suggestionAllowed
                  ? nothing
                  : html`<small class="hint"
                      >${msg('Đề xuất sửa chỉ dùng cho văn bản trong một đoạn.')}</small
                    >`
              }
              <blockquote class="quote">${target.anchor.quote}</blockquote>`
          : html`<p class="muted">${msg(str`Góp ý cho cả mục: ${target.title}`)}</p>`
      }
      ${
        suggestion
          ? this.field(
              'replacement',
              msg('Thay bằng'),
              this.replacement,
              COMMENT_LIMITS.replacementMax,
              (v) => (this.replacement = v),
            )
          : nothing
      }
      ${this.field(
        'body',
        suggestion ? msg('Lý do (không bắt buộc)') : msg('Nội dung góp ý'),
        this.body,
        COMMENT_LIMITS.bodyMax,
        (v) => (this.body = v),
      )}
      ${this.action.error === null ? nothing : html`<p class="notice error" role="alert">${this.action.error}</p>`}
      <div class="actions">
        <button class="primary" type="submit" ?disabled=${this.action.busy || !this.ready()}>
          ${msg('Gửi')}
        </button>
        <button type="button" @click=${this.cancel}>${msg('Huỷ')}</button>
        <small class="hint">${msg('Ctrl+Enter để gửi, Esc để huỷ')}</small>
      </div>
    </form>`;
  }

  private kindButton(kind: CommentKind) {
    const disabled = kind === 'suggestion' && !this.suggestionAllowed;
    return html`<button
      type="button"
      aria-pressed=${String(this.kind === kind)}
      ?disabled=${disabled}
      @click=${() => (this.kind = kind)}
    >
      ${kind === 'comment' ? msg('Góp ý') : msg('Đề xuất sửa')}
    </button>`;
  }

  private field(name: string, label: string, value: string, max: number, set: (value: string) => void) {
    const length = value.trim().length;
    return html`<div class="field">
      <label for=${name}>${label}</label>
      <textarea
        id=${name}
        rows="3"
        .value=${value}
        aria-describedby="${name}-count"
        @input=${(e: Event) => set((e.target as HTMLTextAreaElement).value)}
      ></textarea>
      <span id="${name}-count" class="count ${length > max ? 'over' : ''}">${length}/${max}</span>
    </div>`;
  }

  /**
   * Something to send, within the limits: a comment needs a body; a suggestion's reason is
   * optional, but its text must differ from the quote (the server refuses a change of nothing).
   */
  private ready(): boolean {
    const body = this.body.trim().length;
    if (body > COMMENT_LIMITS.bodyMax) return false;
    if (this.kind === 'comment') return body > 0;
    const replacement = this.replacement.trim();
    const quote = this.target?.type === 'range' ? this.target.anchor.quote.trim() : '';
    return replacement.length <= COMMENT_LIMITS.replacementMax && replacement !== quote;
  }

  private readonly form = composerForm({ send: () => this.send(), cancel: () => this.cancel() });

  private cancel() {
    this.dispatchEvent(new CommentCancelledEvent());
  }

  private async send(): Promise<void> {
    const target = this.target;
    // One comment per click: a second one while the first is on its way would be a duplicate.
    if (target === null || this.action.busy || !this.ready()) return;
    const body: CreateCommentRequest = { kind: this.kind, body: this.body.trim() };
    if (this.kind === 'suggestion') body.replacement = this.replacement;
    if (target.type === 'range') {
      const { anchor } = target;
      Object.assign(body, { start: anchor.start, end: anchor.end });
      if (anchor.sectionId !== null) body.sectionId = anchor.sectionId;
    } else body.sectionId = target.sectionId;
    await this.action.run(async () => {
      const comment = await createComment(this.draftId, body);
      this.body = '';
      this.dispatchEvent(new CommentCreatedEvent(comment));
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vk-comment-composer': VkCommentComposer;
  }
}
