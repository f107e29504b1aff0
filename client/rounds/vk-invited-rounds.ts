import { localized, msg, str } from '@lit/localize';
import { formatWhen } from '../app/format-when.ts';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Invitation, RoundOverview } from '../../shared/api/rounds.ts';
import { invitationStateLabel } from '../app/labels.ts';
import { isPast, timeLeftLabel } from './deadline.ts';
import { titleWithVersion } from './round-label.ts';
import { cardGridStyles } from '../styles/card-grid-styles.ts';
import { plural } from '../app/plural.ts';

/** A round the user's organisation is invited to. */
type Invited = RoundOverview & { mine: Invitation };

/**
 * For commenters: the drafts their organisation is invited to comment on, open rounds first
 * (soonest deadline first), each with the time left, the organisation's state and how many of
 * its comments the committee has answered.
 */
@customElement('vk-invited-rounds')
@localized()
export class VkInvitedRounds extends LitElement {
  static override styles = [
    cardGridStyles,
    css`
      :host {
        display: block;
      }
      li a {
        display: grid;
        gap: 4px;
        padding: 14px 16px;
        background: var(--vk-surface);
        border: 1px solid var(--vk-border);
        border-left: 4px solid var(--vk-accent);
        border-radius: var(--vk-radius);
        color: inherit;
        text-decoration: none;
        box-shadow: var(--vk-shadow);
      }
      li.closed a {
        border-left-color: var(--vk-border);
      }
      li a:hover {
        border-color: var(--vk-accent);
      }
      .title {
        font-weight: 600;
      }
      .meta {
        color: var(--vk-muted);
        font-size: 0.88rem;
      }
      .left {
        font-weight: 600;
        color: var(--vk-text);
      }
      .late {
        color: var(--vk-danger);
      }
      .over {
        color: var(--vk-muted);
      }
      .state {
        font-weight: 600;
      }
      .state.submitted {
        color: var(--vk-ok);
      }
      .state.in_progress {
        color: var(--vk-warn);
      }
      .empty {
        color: var(--vk-muted);
      }
    `,
  ];

  /** The caller's rounds (those without an invitation of theirs are left out). */
  @property({ attribute: false }) rounds: RoundOverview[] = [];

  override render() {
    const invited = this.rounds
      .filter((r): r is Invited => r.mine !== null)
      .sort(
        (a, b) =>
          Number(b.round.status === 'open') - Number(a.round.status === 'open') ||
          a.round.deadline.localeCompare(b.round.deadline),
      );
    return html`<h2>${msg('Dự thảo được mời góp ý')}</h2>
      ${
        invited.length === 0
          ? html`<p class="empty">${msg('Tổ chức của bạn chưa được mời góp ý dự thảo nào.')}</p>`
          : html`<ul>
              ${invited.map((r) => this.card(r))}
            </ul>`
      }`;
  }

  private card({ round, draft, mine }: Invited) {
    const open = round.status === 'open';
    // Red for a deadline missed while the round runs; an ended round is simply over.
    const late = open && isPast(round.deadline);
    return html`<li class=${open ? 'open' : 'closed'}>
      <a href=${open ? `/drafts/${draft.id}` : `/drafts/${draft.id}/answers`}>
        <span class="title">${draft.title}</span>
        <span class="meta">${titleWithVersion(round)}</span>
        <span class="meta"
          >${msg(str`Hạn: ${formatWhen(round.deadline)}`)} ·
          <span class="left ${late ? 'late' : open ? '' : 'over'}"
            >${
              open
                ? timeLeftLabel(round.deadline)
                : round.closedReason === 'closed_early'
                  ? msg('Đã kết thúc')
                  : msg('Hết hạn')
            }</span
          ></span
        >
        <span
          >${mine.orgName}: <span class="state ${mine.state}">${invitationStateLabel(mine.state)}</span>${
            mine.state === 'submitted' && mine.submittedAt !== null
              ? html` <span class="meta">(${formatWhen(mine.submittedAt)})</span>`
              : nothing
          }</span
        >
        <span class="meta"
          >${
            mine.comments === 0
              ? msg('Chưa có góp ý nào')
              : plural(
                  mine.comments,
                  msg(str`${mine.comments} góp ý, ${mine.answered} đã được trả lời`, {
                    id: 'comments-answered.one',
                  }),
                  msg(str`${mine.comments} góp ý, ${mine.answered} đã được trả lời`, {
                    id: 'comments-answered.other',
                  }),
                )
          }</span
        >
      </a>
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vk-invited-rounds': VkInvitedRounds;
  }
}
