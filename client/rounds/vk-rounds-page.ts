import { localized, msg, str } from '@lit/localize';
import { formatWhen } from '../app/format-when.ts';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import type { SessionInfo } from '../../shared/api/auth.ts';
import type { Draft } from '../../shared/api/drafts.ts';
import type { RoundDashboard } from '../../shared/api/rounds.ts';
import type { ErrorCode } from '../../shared/errors.ts';
import { errorMessage, roundStatusLabel } from '../app/labels.ts';
import { navigate } from '../app/router.ts';
import { versionLabel } from '../app/version-label.ts';
import type { RoundChangedEvent } from './vk-round-actions.ts';
import './vk-round-actions.ts';
import './vk-round-invitations.ts';
import type { RoundOpenedEvent, VkRoundOpenDialog } from './vk-round-open-dialog.ts';
import './vk-round-open-dialog.ts';
import './vk-round-tally.ts';
import { isPast, timeLeftLabel } from './deadline.ts';
import { formatDay } from '../app/format-when.ts';
import { RoundsController, type RoundRows } from './rounds-controller.ts';
import { pageStyles } from '../styles/page-styles.ts';
import { roundsPageStyles } from './rounds-page-styles.ts';

/**
 * A draft's consultation rounds (`/drafts/:id/rounds[/:roundId]`): the chosen round's (else the
 * newest's) dashboard, live: who has sent comments, who is overdue, how many comments the
 * committee answered. The drafting committee also opens, extends and closes rounds here.
 */
@customElement('vk-rounds-page')
@localized()
export class VkRoundsPage extends LitElement {
  static override styles = [pageStyles, roundsPageStyles];

  /** The signed-in user. */
  @property({ attribute: false }) session!: SessionInfo;
  /** The draft whose rounds to show. */
  @property() draftId = '';
  /** The round the address names; null shows the newest. */
  @property({ attribute: false }) roundId: number | null = null;

  @query('vk-round-open-dialog') private dialog?: VkRoundOpenDialog;
  private readonly rounds = new RoundsController(this);
  private readonly originalTitle = document.title;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('draftId') && this.draftId !== '') this.rounds.open(this.draftId, this.roundId);
    else if (changed.has('roundId')) {
      const value = this.rounds.value;
      // A round just opened here is already on screen; the address only caught up with it.
      if (value.state !== 'ready' || value.dashboard?.round.id !== this.roundId)
        this.rounds.select(this.roundId);
    }
  }

  protected override updated(): void {
    const value = this.rounds.value;
    if (value.state === 'ready') document.title = `${msg('Lấy ý kiến')} — ${value.draft.title} — vankien`;
  }

  override disconnectedCallback(): void {
    document.title = this.originalTitle;
    super.disconnectedCallback();
  }

  override render() {
    const value = this.rounds.value;
    switch (value.state) {
      case 'loading':
        return html`<p class="center" role="status">${msg('Đang tải…')}</p>`;
      case 'error':
        return html`<div class="center" role="alert">
          <p>${errorMessage(value.status === 404 ? 'draft_not_found' : value.code)}</p>
          <p><a href="/">${msg('Về trang chủ')}</a></p>
        </div>`;
      case 'ready':
        return this.renderReady(value.draft, value.rounds, value.dashboard, value.dashboardError);
    }
  }

  private renderReady(
    draft: Draft,
    rounds: RoundRows,
    dashboard: RoundDashboard | null,
    dashboardError: ErrorCode | 'network_error' | null,
  ) {
    const canOpen =
      draft.access === 'edit' && draft.status !== 'final' && !rounds.some((r) => r.round.status === 'open');
    return html`<a class="back" href="/drafts/${draft.id}">← ${msg('Về trang dự thảo')}</a>
      <div class="top">
        <div>
          <p class="draft-title">${draft.title}</p>
          <h1>${msg('Các đợt lấy ý kiến')}</h1>
        </div>
        ${
          canOpen
            ? html`<button class="primary" @click=${() => void this.dialog?.show()}>
                ${msg('Mở đợt lấy ý kiến')}
              </button>`
            : nothing
        }
      </div>
      ${rounds.length > 1 ? this.renderRoundList(draft, rounds, dashboard) : nothing}
      ${
        dashboardError !== null
          ? html`<p class="error" role="alert">
              ${errorMessage(dashboardError)}
              <a href="/drafts/${draft.id}/rounds">${msg('Xem đợt mới nhất')}</a>
            </p>`
          : dashboard !== null
            ? this.renderDashboard(draft, dashboard)
            : rounds.length > 0 && draft.access === 'comment'
              ? html`<p class="center">
                  ${msg('Bảng theo dõi đợt lấy ý kiến dành cho tiểu ban văn kiện và cấp ủy.')}
                  <a href="/drafts/${draft.id}">${msg('Mở dự thảo để góp ý')}</a>
                </p>`
              : html`<p class="center">${msg('Dự thảo này chưa có đợt lấy ý kiến nào.')}</p>`
      }
      ${
        draft.access === 'edit'
          ? html`<vk-round-open-dialog
              .draftId=${draft.id}
              @vk-round-opened=${this.onOpened}
            ></vk-round-open-dialog>`
          : nothing
      }`;
  }

  private renderRoundList(draft: Draft, rounds: RoundRows, shown: RoundDashboard | null) {
    return html`<nav class="rounds" aria-label=${msg('Các đợt lấy ý kiến của dự thảo')}>
      <ul>
        ${rounds.map(
          ({ round, tally }) =>
            html`<li>
              <a
                href="/drafts/${draft.id}/rounds/${round.id}"
                aria-current=${shown?.round.id === round.id ? 'page' : 'false'}
              >
                <strong>${round.title}</strong>
                <small
                  >${versionLabel(round.version)} · ${formatDay(round.openedAt)} ·
                  ${roundStatusLabel(round.status)} · ${tally.submitted}/${tally.invited}</small
                >
              </a>
            </li>`,
        )}
      </ul>
    </nav>`;
  }

  private renderDashboard(draft: Draft, { round, tally, invitations }: RoundDashboard) {
    const open = round.status === 'open';
    return html`<section class="dashboard" aria-labelledby="round-title">
      <div class="round-head">
        <h2 id="round-title">${round.title}</h2>
        <span class="chip ${round.status}">${roundStatusLabel(round.status)}</span>
      </div>
      <p class="meta">
        ${versionLabel(round.version)} · ${msg(str`Hạn gửi góp ý: ${formatWhen(round.deadline)}`)}
        ${
          open
            ? html`(<span class=${isPast(round.deadline) ? 'late' : ''}>${timeLeftLabel(round.deadline)}</span
                >)`
            : nothing
        }
        ${
          !open && round.closedAt !== null
            ? html` ·
              ${
                round.closedReason === 'closed_early'
                  ? msg(str`Kết thúc sớm lúc ${formatWhen(round.closedAt)}`)
                  : msg(str`Kết thúc khi hết hạn, ${formatWhen(round.closedAt)}`)
              }`
            : nothing
        }
        · ${msg(str`Mở bởi ${round.openedByName ?? '—'}, ${formatWhen(round.openedAt)}`)}
      </p>
      <vk-round-tally .tally=${tally}></vk-round-tally>
      <p>
        <a href="/drafts/${draft.id}/rounds/${round.id}/log"
          >${msg('Bảng tổng hợp, tiếp thu, giải trình ý kiến')} →</a
        >
      </p>
      ${
        draft.access === 'edit' && draft.status !== 'final'
          ? html`<vk-round-actions
              .draftId=${draft.id}
              .round=${round}
              @vk-round-changed=${(e: RoundChangedEvent) => this.rounds.apply(e.dashboard)}
            ></vk-round-actions>`
          : nothing
      }
      <h3>${msg(str`Tổ chức được mời (${invitations.length})`)}</h3>
      <vk-round-invitations .invitations=${invitations}></vk-round-invitations>
    </section>`;
  }

  private onOpened(event: RoundOpenedEvent) {
    this.rounds.apply(event.dashboard);
    navigate(`/drafts/${this.draftId}/rounds/${event.dashboard.round.id}`);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vk-rounds-page': VkRoundsPage;
  }
}
