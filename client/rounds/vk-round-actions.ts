import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { Round, RoundDashboard, UpdateRoundRequest } from '../../shared/api/rounds.ts';
import { updateRound } from './rounds-api.ts';
import { COMMENT_LIMITS } from '../../shared/limits.ts';
import { ActionController } from '../api/action-controller.ts';
import { defaultDeadline, localInputToIso, toLocalInput } from './deadline.ts';
import { renderNotice, type PanelNotice } from '../versions/panel-notice.ts';
import { askConfirm } from '../ui/vk-dialog.ts';

/** Fired when the committee extended or closed a round; carries the server's new dashboard. */
export class RoundChangedEvent extends Event {
  static readonly type = 'vk-round-changed';

  constructor(readonly dashboard: RoundDashboard) {
    super(RoundChangedEvent.type, { bubbles: true, composed: true });
  }
}

/**
 * The drafting committee's controls of a round: extend the deadline (which also re-opens a
 * round that its deadline closed) and close an open round early, after a confirmation.
 */
@customElement('vk-round-actions')
@localized()
export class VkRoundActions extends LitElement {
  static override styles = css`
    :host {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      gap: 8px 16px;
    }
    form {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      gap: 8px;
    }
    label {
      display: grid;
      gap: 2px;
      font-weight: 600;
      font-size: 0.88rem;
    }
    input,
    button {
      font: inherit;
      font-weight: 400;
      padding: 5px 10px;
      border: 1px solid var(--vk-border);
      border-radius: var(--vk-radius);
      background: var(--vk-surface);
    }
    button {
      cursor: pointer;
    }
    button.danger {
      color: var(--vk-danger);
      border-color: var(--vk-danger);
    }
    .notice {
      flex-basis: 100%;
      margin: 0;
    }
    .notice.error {
      color: var(--vk-danger);
    }
    .notice.ok {
      color: var(--vk-ok);
    }
  `;

  /** The draft of the round. */
  @property() draftId = '';
  /** The round to act on. */
  @property({ attribute: false }) round: Round | null = null;

  /** What the last change did (its refusals are the action's error). */
  @state() private notice: PanelNotice | null = null;
  private readonly action = new ActionController(this);
  @query('input[name="deadline"]') private deadlineInput?: HTMLInputElement;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('round') && changed.get('round')?.id !== this.round?.id) {
      this.notice = null;
      this.action.fail(null);
    }
  }

  override render() {
    const round = this.round;
    // A round the committee closed on purpose stays closed; the next one is a new round.
    if (round === null || round.closedReason === 'closed_early') return this.renderNotice();
    const now = new Date();
    const from = new Date(Math.max(now.getTime(), new Date(round.deadline).getTime()));
    const latest = new Date(now.getTime() + COMMENT_LIMITS.deadlineMaxDays * 86_400_000);
    return html`<form @submit=${this.onExtend} novalidate>
        <label
          >${round.status === 'open' ? msg('Gia hạn đến') : msg('Gia hạn và mở lại đến')}
          <input
            name="deadline"
            type="datetime-local"
            required
            .value=${defaultDeadline(from)}
            min=${toLocalInput(now)}
            max=${toLocalInput(latest)}
        /></label>
        <button type="submit" ?disabled=${this.action.busy}>${msg('Gia hạn')}</button>
      </form>
      ${
        round.status === 'open'
          ? html`<button type="button" class="danger" ?disabled=${this.action.busy} @click=${this.onClose}>
              ${msg('Kết thúc đợt sớm')}
            </button>`
          : nothing
      }
      ${this.renderNotice()}`;
  }

  private async onExtend(event: SubmitEvent) {
    event.preventDefault();
    const deadline = localInputToIso(this.deadlineInput?.value ?? '');
    const at = deadline === null ? NaN : new Date(deadline).getTime();
    if (deadline === null || !(at > Date.now())) {
      this.action.fail(msg('Hạn mới phải sau thời điểm hiện tại.'));
      return;
    }
    if (this.round !== null && at <= new Date(this.round.deadline).getTime()) {
      this.action.fail(msg('Hạn mới phải sau hạn hiện tại.'));
      return;
    }
    await this.patch({ deadline }, msg('Đã gia hạn đợt lấy ý kiến.'));
  }

  private async onClose() {
    const round = this.round;
    if (round === null) return;
    const question = msg(
      str`Kết thúc đợt "${round.title}" ngay bây giờ? Các tổ chức chưa gửi sẽ không góp ý được nữa.`,
    );
    if (!(await askConfirm({ message: question, confirmLabel: msg('Kết thúc đợt'), danger: true }))) return;
    await this.patch({ status: 'closed' }, msg('Đã kết thúc đợt lấy ý kiến.'));
  }

  private renderNotice() {
    const { error } = this.action;
    return renderNotice(error === null ? this.notice : { kind: 'error', text: error });
  }

  /** PATCHes the round (one request at a time) and announces the new dashboard. */
  private async patch(body: UpdateRoundRequest, done: string) {
    const round = this.round;
    if (round === null || this.action.busy) return;
    this.notice = null;
    await this.action.run(async () => {
      const dashboard = await updateRound(this.draftId, round.id, body);
      this.notice = { kind: 'ok', text: done };
      this.dispatchEvent(new RoundChangedEvent(dashboard));
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vk-round-actions': VkRoundActions;
  }
  interface HTMLElementEventMap {
    'vk-round-changed': RoundChangedEvent;
  }
}
