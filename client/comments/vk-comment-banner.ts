import { localized, msg, str } from '@lit/localize';
import { formatWhen } from '../app/format-when.ts';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ActionController } from '../api/action-controller.ts';
import type { Invitation, Round } from '../../shared/api/rounds.ts';
import { submitComments } from '../rounds/rounds-api.ts';
import { CommentsSubmittedEvent } from './comment-events.ts';
import { invitationStateLabel } from '../app/labels.ts';
import { isPast, timeLeftLabel } from '../rounds/deadline.ts';
import { commentStyles } from '../styles/comment-styles.ts';
import { plural } from '../app/plural.ts';

/**
 * The consultation round as a commenting organisation sees it above the draft: the round's
 * title, version and deadline ("Hết hạn" once passed), the organisation's state, and "Gửi góp
 * ý" with a confirmation, after which the organisation's comments are read-only.
 */
@customElement('vk-comment-banner')
@localized()
export class VkCommentBanner extends LitElement {
  static override styles = [
    commentStyles,
    css`
      :host {
        display: block;
        max-width: 800px;
        margin: 0 auto 12px;
      }
      section {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 6px 12px;
        padding: 8px 12px;
        border: 1px solid #e8cf9a;
        border-radius: var(--vk-radius);
        background: #fdf6e7;
      }
      section.closed {
        border-color: var(--vk-border);
        background: var(--vk-surface);
      }
      .what {
        flex: 1 1 260px;
        display: grid;
      }
      .late {
        color: var(--vk-danger);
        font-weight: 600;
      }
      .confirm {
        flex-basis: 100%;
        display: grid;
        gap: 6px;
      }
      p {
        margin: 0;
      }
    `,
  ];

  /** The draft under consultation. */
  @property() draftId = '';
  /** The newest round on the draft (null: none yet). */
  @property({ attribute: false }) round: Round | null = null;
  /** The user's invited organisation and its state (null: not invited). */
  @property({ attribute: false }) mine: Invitation | null = null;

  @state() private confirming = false;
  private readonly action = new ActionController(this);

  override render() {
    const round = this.round;
    if (round === null)
      return html`<section class="closed" role="status">
        <p>${msg('Dự thảo này chưa được gửi lấy ý kiến.')}</p>
      </section>`;
    const open = round.status === 'open';
    const late = isPast(round.deadline);
    return html`<section class=${open ? 'open' : 'closed'} aria-label=${msg('Đợt lấy ý kiến')}>
      <div class="what">
        <strong>${round.title}</strong>
        <small>
          ${round.versionLabel} · ${msg(str`Hạn góp ý: ${formatWhen(round.deadline)}`)}
          <span class=${late ? 'late' : ''}>(${timeLeftLabel(round.deadline)})</span>
          ${open ? nothing : html` · ${msg('Đợt lấy ý kiến đã kết thúc.')}`}
        </small>
      </div>
      ${this.renderState(open)}
      ${this.action.error === null ? nothing : html`<p class="notice error" role="alert">${this.action.error}</p>`}
    </section>`;
  }

  private renderState(open: boolean) {
    const mine = this.mine;
    if (mine === null)
      return html`<p class="muted">${msg('Tổ chức của bạn không được mời góp ý trong đợt này.')}</p>`;
    const state = html`<p>
      <strong>${mine.orgName}</strong>: ${invitationStateLabel(mine.state)}
      ${mine.state === 'submitted' && mine.submittedAt !== null ? html`<small>(${formatWhen(mine.submittedAt)})</small>` : nothing}
      ·
      <small
        >${plural(
          mine.comments,
          msg(str`${mine.comments} góp ý, ${mine.answered} đã được trả lời`, { id: 'comments-answered.one' }),
          msg(str`${mine.comments} góp ý, ${mine.answered} đã được trả lời`, {
            id: 'comments-answered.other',
          }),
        )}</small
      >
    </p>`;
    if (!open || mine.state === 'submitted') return state;
    if (!this.confirming)
      return html`${state}
        <button type="button" class="primary" @click=${() => (this.confirming = true)}>
          ${msg('Gửi góp ý')}
        </button>`;
    return html`${state}
      <div class="confirm" role="group" aria-label=${msg('Xác nhận gửi góp ý')}>
        <p>
          ${msg(
            str`Gửi ${mine.comments} góp ý của ${mine.orgName} cho tiểu ban văn kiện? Sau khi gửi, tổ chức không thêm, sửa hay rút góp ý được nữa.`,
          )}
        </p>
        <div class="actions">
          <button
            type="button"
            class="primary"
            ?disabled=${this.action.busy}
            @click=${() => void this.submit()}
          >
            ${msg('Xác nhận gửi')}
          </button>
          <button type="button" @click=${() => (this.confirming = false)}>${msg('Huỷ')}</button>
        </div>
      </div>`;
  }

  private async submit(): Promise<void> {
    const round = this.round;
    const mine = this.mine;
    if (round === null || mine === null || this.action.busy) return;
    await this.action.run(async () => {
      const invitation = await submitComments(this.draftId, round.id, { orgId: mine.orgId });
      this.confirming = false;
      this.dispatchEvent(new CommentsSubmittedEvent(invitation));
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vk-comment-banner': VkCommentBanner;
  }
}
