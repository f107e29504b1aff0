import { localized, msg, str } from '@lit/localize';
import { formatWhen } from '../app/format-when.ts';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { RoundOverview } from '../../shared/api/rounds.ts';
import { roundStatusLabel } from '../app/labels.ts';
import { isPast, timeLeftLabel } from './deadline.ts';
import { titleWithVersion } from './round-label.ts';
import './vk-round-tally.ts';
import { plural } from '../app/plural.ts';

const collator = new Intl.Collator('vi');

/**
 * For drafting committees, secretaries and admins: the consultation rounds they run or oversee,
 * open ones first, each with its tally and a link to its dashboard. `byUnit` groups them under
 * each unit's name, for the bloc office watching every unit.
 */
@customElement('vk-rounds-overview')
@localized()
export class VkRoundsOverview extends LitElement {
  static override styles = css`
    * {
      box-sizing: border-box;
    }
    :host {
      display: block;
    }
    h2 {
      font-size: 1.05rem;
      margin: 28px 0 10px;
      color: var(--vk-muted);
    }
    .scroll {
      overflow-x: auto;
      background: var(--vk-surface);
      border: 1px solid var(--vk-border);
      border-radius: var(--vk-radius);
      box-shadow: var(--vk-shadow);
    }
    table {
      width: 100%;
      border-collapse: collapse;
      font-size: 0.92rem;
    }
    th,
    td {
      text-align: left;
      padding: 8px 12px;
      border-bottom: 1px solid var(--vk-border);
      vertical-align: top;
    }
    thead th {
      background: #efeee8;
      white-space: nowrap;
    }
    th.unit {
      background: #f7f6f1;
      font-size: 0.95rem;
    }
    td.when {
      white-space: nowrap;
    }
    th.unit small {
      display: inline;
      margin-left: 8px;
      font-weight: 400;
    }
    td.tally {
      min-width: 180px;
    }
    small {
      display: block;
      color: var(--vk-muted);
    }
    .late {
      color: var(--vk-danger);
      font-weight: 600;
    }
    .closed {
      color: var(--vk-muted);
    }
    .empty {
      color: var(--vk-muted);
    }
  `;

  /** The rounds to list (rounds the caller is invited to comment on are left out). */
  @property({ attribute: false }) rounds: RoundOverview[] = [];
  /** Group the rounds under each unit's name. */
  @property({ type: Boolean, attribute: 'by-unit' }) byUnit = false;

  override render() {
    const rounds = this.rounds
      .filter((r) => r.mine === null)
      // Open first; within each, the server's order (newest first) is kept: sort is stable.
      .sort((a, b) => Number(b.round.status === 'open') - Number(a.round.status === 'open'));
    if (rounds.length === 0)
      return html`<h2>${msg('Các đợt lấy ý kiến')}</h2>
        <p class="empty">${msg('Chưa có đợt lấy ý kiến nào.')}</p>`;
    const units = new Map<string, RoundOverview[]>();
    for (const r of rounds) units.set(r.draft.orgName, [...(units.get(r.draft.orgName) ?? []), r]);
    const groups = this.byUnit
      ? [...units].sort(([a], [b]) => collator.compare(a, b))
      : [['', rounds] as const];
    return html`<h2>${msg('Các đợt lấy ý kiến')}</h2>
      <div class="scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">${msg('Đợt lấy ý kiến')}</th>
              <th scope="col">${msg('Hạn gửi góp ý')}</th>
              <th scope="col">${msg('Tiến độ')}</th>
              <th scope="col">${msg('Góp ý')}</th>
            </tr>
          </thead>
          ${groups.map(
            ([unit, list]) =>
              html`<tbody>
                ${
                  this.byUnit
                    ? html`<tr>
                        <th class="unit" colspan="4" scope="rowgroup">
                          ${unit} <small>${msg(str`${list.length} đợt`)}</small>
                        </th>
                      </tr>`
                    : nothing
                }
                ${list.map((r) => this.row(r))}
              </tbody>`,
          )}
        </table>
      </div>`;
  }

  private row({ round, tally, draft }: RoundOverview) {
    const open = round.status === 'open';
    return html`<tr>
      <td>
        <a href="/drafts/${draft.id}/rounds/${round.id}">${titleWithVersion(round)}</a>
        <small>${draft.title}</small>
      </td>
      <td class="when">
        ${formatWhen(round.deadline)}
        <small class=${open ? (isPast(round.deadline) ? 'late' : '') : 'closed'}
          >${open ? timeLeftLabel(round.deadline) : roundStatusLabel(round.status)}</small
        >
      </td>
      <td class="tally"><vk-round-tally compact .tally=${tally}></vk-round-tally></td>
      <td>
        ${plural(
          tally.comments,
          msg(str`${tally.comments} góp ý`, { id: 'comments-count.one' }),
          msg(str`${tally.comments} góp ý`, { id: 'comments-count.other' }),
        )}
        <small>${msg(str`${tally.answered} đã trả lời`)}</small>
      </td>
    </tr>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vk-rounds-overview': VkRoundsOverview;
  }
}
