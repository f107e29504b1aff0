import { localized, msg, str } from '@lit/localize';
import { formatWhen } from '../app/format-when.ts';
import { html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Comment } from '../../shared/api/comments.ts';
import { COMMENT_LIMITS } from '../../shared/limits.ts';
import { ActionController } from '../api/action-controller.ts';
import { editComment, replyToComment, withdrawComment } from './comments-api.ts';
import type { AnswerDrafts } from './answer-drafts.ts';
import { CommentChangedEvent, CommentWithdrawnEvent } from './comment-events.ts';
import { errorMessage } from '../app/labels.ts';
import { kindLabel } from './comment-labels.ts';
import type { CommentThread } from './comments-controller.ts';
import './vk-comment-similar.ts';
import './vk-comment-disposition.ts';
import { dispositionBadge, field, renderAnswer, renderContent, renderReply } from './thread-parts.ts';
import { threadStyles } from './thread-styles.ts';
import { askConfirm } from '../ui/vk-dialog.ts';

/**
 * One comment card: who (organisation, author, time), what kind, the quoted text (or that it
 * was deleted from the draft), a suggestion's change, the body as plain text, the committee's
 * answer, and the replies. The author may edit or withdraw while the comment is editable; the
 * committee answers it. Compact until expanded (the focused thread).
 */
@customElement('vk-comment-thread')
@localized()
export class VkCommentThread extends LitElement {
  static override styles = threadStyles;

  /** The draft the thread belongs to. */
  @property() draftId = '';
  /** The comment and its replies. */
  @property({ attribute: false }) thread: CommentThread | null = null;
  /** The signed-in user's id (authors edit and withdraw their own). */
  @property({ type: Number, attribute: false }) selfId = 0;
  /** The user answers comments (the drafting committee). */
  @property({ type: Boolean, attribute: 'can-answer' }) canAnswer = false;
  /** Half-written answers, kept while the card is collapsed. */
  @property({ attribute: false }) answerDrafts: AnswerDrafts | null = null;
  /** The user may reply. */
  @property({ type: Boolean, attribute: 'can-reply' }) canReply = false;
  /** The quoted text is no longer in the draft. */
  @property({ type: Boolean }) orphaned = false;
  /** What the commented words read now, when the draft changed them; null when unchanged. */
  @property({ attribute: false }) nowReads: string | null = null;
  /** Shows replies, the reply box and the answer form (the focused thread). */
  @property({ type: Boolean }) expanded = false;
  /** The focused thread (its highlight is the active one). */
  @property({ type: Boolean, reflect: true }) active = false;

  @state() private editing = false;
  @state() private replying = false;
  private readonly action = new ActionController(this);

  override render() {
    const root = this.thread?.root;
    if (root === undefined) return nothing;
    const replies = this.thread?.replies ?? [];
    const mine = root.authorId === this.selfId && root.editable;
    return html`<article aria-label=${msg(str`${kindLabel(root.kind)} của ${root.orgName}`)}>
      <header>
        <span class="badge ${root.kind}">${kindLabel(root.kind)}</span>
        <strong>${root.orgName}</strong>
        ${dispositionBadge(root, this.canAnswer)}
        <small>${root.authorName ?? '—'} · ${formatWhen(root.createdAt)}</small>
      </header>
      ${
        // An accepted suggestion whose text was removed says so once, in its answer.
        this.orphaned && root.disposition?.textRemoved !== true
          ? html`<p class="orphan">${msg('Đoạn văn được góp ý đã bị xoá')}</p>`
          : nothing
      }
      ${this.editing ? this.renderEdit(root) : renderContent(root, this.orphaned ? null : this.nowReads)}
      ${renderAnswer(root)}
      ${
        this.expanded
          ? html`${
              replies.length > 0
                ? html`<ol aria-label=${msg('Trả lời')}>
                    ${replies.map(renderReply)}
                  </ol>`
                : nothing
            }
            ${this.canReply ? this.renderReplyForm() : nothing}
            ${
              this.canAnswer
                ? html`<vk-comment-disposition
                      .draftId=${this.draftId}
                      .comment=${root}
                      .drafts=${this.answerDrafts}
                    ></vk-comment-disposition>
                    <vk-comment-similar .draftId=${this.draftId} .comment=${root}></vk-comment-similar>`
                : nothing
            }`
          : replies.length > 0
            ? html`<small class="more">${msg(str`${replies.length} trả lời`)}</small>`
            : nothing
      }
      ${this.action.error === null ? nothing : html`<p class="notice error" role="alert">${this.action.error}</p>`}
      ${
        mine && !this.editing
          ? html`<div class="actions">
              <button type="button" class="link" @click=${() => (this.editing = true)}>${msg('Sửa')}</button>
              <button
                type="button"
                class="link danger"
                ?disabled=${this.action.busy}
                @click=${() => void this.withdraw(root)}
              >
                ${msg('Rút lại')}
              </button>
            </div>`
          : nothing
      }
    </article>`;
  }

  /** A "Trả lời" link first, so that a focused card stays short next to the text. */
  private renderReplyForm() {
    if (!this.replying)
      return html`<div class="actions">
        <button type="button" class="link" @click=${this.startReply}>${msg('Trả lời')}</button>
      </div>`;
    return html`<form class="reply" @submit=${this.onReply}>
      <label for="reply">${msg('Trả lời')}</label>
      <textarea id="reply" name="reply" rows="2" maxlength=${COMMENT_LIMITS.bodyMax}></textarea>
      <div class="actions">
        <button type="submit" ?disabled=${this.action.busy}>${msg('Gửi trả lời')}</button>
      </div>
    </form>`;
  }

  private renderEdit(root: Comment) {
    return html`<form class="edit" @submit=${(e: SubmitEvent) => void this.onEdit(e, root)}>
      ${
        root.kind === 'suggestion'
          ? html`<label for="replacement">${msg('Thay bằng')}</label>
              <textarea
                id="replacement"
                name="replacement"
                rows="2"
                maxlength=${COMMENT_LIMITS.replacementMax}
                .value=${root.replacement ?? ''}
              ></textarea>`
          : nothing
      }
      <label for="body">${msg('Nội dung góp ý')}</label>
      <textarea
        id="body"
        name="body"
        rows="3"
        maxlength=${COMMENT_LIMITS.bodyMax}
        .value=${root.body}
      ></textarea>
      <div class="actions">
        <button type="submit" class="primary" ?disabled=${this.action.busy}>${msg('Lưu')}</button>
        <button type="button" @click=${() => (this.editing = false)}>${msg('Huỷ')}</button>
      </div>
    </form>`;
  }

  private async startReply() {
    this.replying = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLTextAreaElement>('textarea#reply')?.focus();
  }

  private async onEdit(event: SubmitEvent, root: Comment) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const body: { body: string; replacement?: string } = { body: field(data, 'body').trim() };
    if (root.kind === 'suggestion') body.replacement = field(data, 'replacement');
    await this.action.run(async () => {
      const edited = await editComment(this.draftId, root.id, body);
      this.editing = false;
      this.dispatchEvent(new CommentChangedEvent(edited));
    });
  }

  private async onReply(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const text = field(new FormData(form), 'reply').trim();
    const root = this.thread?.root;
    if (root === undefined) return;
    if (text === '') {
      this.action.fail(errorMessage('comment_empty'));
      return;
    }
    await this.action.run(async () => {
      const reply = await replyToComment(this.draftId, root.id, text);
      form.reset();
      this.replying = false;
      this.dispatchEvent(new CommentChangedEvent(reply));
    });
  }

  private async withdraw(root: Comment) {
    const question = msg('Rút lại góp ý này? Góp ý sẽ bị xoá khỏi danh sách.');
    if (!(await askConfirm({ message: question, confirmLabel: msg('Rút lại'), danger: true }))) return;
    await this.action.run(async () => {
      await withdrawComment(this.draftId, root.id);
      this.dispatchEvent(new CommentWithdrawnEvent(root.id));
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vk-comment-thread': VkCommentThread;
  }
}
