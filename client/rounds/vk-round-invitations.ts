import { localized, msg, str } from '@lit/localize';
import { formatWhen } from '../app/format-when.ts';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Invitation, InvitationState } from '../../shared/api/rounds.ts';
import { invitationStateLabel, orgKindLabel } from '../app/labels.ts';
import { searchKey } from './search-key.ts';
import { invitationsStyles } from './invitations-styles.ts';

/** Which rows the table shows: every one, one state, or the overdue ones. */
export type InvitationFilter = 'all' | InvitationState | 'overdue';
type SortKey = 'name' | 'kind' | 'state' | 'comments' | 'answered';

const FILTERS: readonly InvitationFilter[] = ['all', 'not_started', 'in_progress', 'submitted', 'overdue'];
const STATE_RANK: Record<InvitationState, number> = { not_started: 0, in_progress: 1, submitted: 2 };
const collator = new Intl.Collator('vi', { numeric: true });

/**
 * The invited organisations of a round: state, who sent and when, comment counts; overdue rows
 * marked. Filtered by state, searched by name (without diacritics too) and sorted by any
 * column, all in memory: a round invites a few hundred organisations at most in practice.
 */
@customElement('vk-round-invitations')
@localized()
export class VkRoundInvitations extends LitElement {
  static override styles = invitationsStyles;

  /** The round's invitations, in any order. */
  @property({ attribute: false }) invitations: Invitation[] = [];

  @state() private filter: InvitationFilter = 'all';
  @state() private query = '';
  // Not-started first by default: the committee looks for who has not answered yet.
  @state() private sort: { key: SortKey; descending: boolean } = { key: 'state', descending: false };
  /** Folded names, computed once per list rather than per keystroke and row. */
  private keys = new Map<number, string>();

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('invitations'))
      this.keys = new Map(this.invitations.map((i) => [i.orgId, searchKey(i.orgName)]));
  }

  override render() {
    const rows = this.rows();
    const total = this.invitations.length;
    return html`<div class="tools">
        <input
          type="search"
          aria-label=${msg('Tìm tổ chức theo tên')}
          placeholder=${msg('Tìm tổ chức…')}
          .value=${this.query}
          @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)}
        />
        <div class="filters" role="group" aria-label=${msg('Lọc theo tình trạng')}>
          ${FILTERS.map(
            (f) =>
              html`<button
                type="button"
                aria-pressed=${this.filter === f ? 'true' : 'false'}
                @click=${() => (this.filter = f)}
              >
                ${filterLabel(f)} (${this.invitations.filter((i) => matches(i, f)).length})
              </button>`,
          )}
        </div>
      </div>
      <p class="count" role="status">${msg(str`Hiển thị ${rows.length}/${total} tổ chức`)}</p>
      <div class="scroll">
        <table>
          <thead>
            <tr>
              ${this.header('name', msg('Tổ chức'))} ${this.header('kind', msg('Loại'), 'kind')}
              ${this.header('state', msg('Tình trạng'))} ${this.header('comments', msg('Góp ý'), 'num')}
              ${this.header('answered', msg('Đã trả lời'), 'num')}
            </tr>
          </thead>
          <tbody>
            ${repeat(
              rows,
              (i) => i.orgId,
              (i) => this.row(i),
            )}
            ${
              rows.length === 0
                ? html`<tr>
                    <td class="empty" colspan="5">${msg('Không có tổ chức nào khớp.')}</td>
                  </tr>`
                : nothing
            }
          </tbody>
        </table>
      </div>`;
  }

  private header(key: SortKey, label: string, cls = '') {
    const active = this.sort.key === key;
    const direction = active ? (this.sort.descending ? 'descending' : 'ascending') : 'none';
    const arrow = html`<span class="arrow" aria-hidden="true"
      >${active ? (this.sort.descending ? '▼' : '▲') : ''}</span
    >`;
    // In right-aligned number columns the arrow goes first, so the label lines up with the numbers.
    return html`<th class=${cls} aria-sort=${direction} scope="col">
      <button type="button" @click=${() => this.sortBy(key)}>
        ${cls === 'num' ? html`${arrow}${label}` : html`${label}${arrow}`}
      </button>
    </th>`;
  }

  private row(i: Invitation) {
    return html`<tr class=${i.overdue ? 'overdue' : ''}>
      <td>${i.orgName}</td>
      <td class="kind">${orgKindLabel(i.orgKind)}</td>
      <td>
        <span class="state ${i.state}">${invitationStateLabel(i.state)}</span>
        ${i.overdue ? html`<span class="badge">${msg('Quá hạn')}</span>` : nothing}
        ${
          i.state === 'submitted' && i.submittedAt !== null
            ? html`<small>${i.submittedByName ?? '—'}, ${formatWhen(i.submittedAt)}</small>`
            : nothing
        }
      </td>
      <td class="num">${i.comments}</td>
      <td class="num">${i.comments === 0 ? '—' : `${i.answered}/${i.comments}`}</td>
    </tr>`;
  }

  private rows(): Invitation[] {
    const query = searchKey(this.query);
    const rows = this.invitations.filter(
      (i) => matches(i, this.filter) && (query === '' || (this.keys.get(i.orgId) ?? '').includes(query)),
    );
    const { key, descending } = this.sort;
    const sign = descending ? -1 : 1;
    return rows.sort((a, b) => sign * compare(a, b, key) || collator.compare(a.orgName, b.orgName));
  }

  private sortBy(key: SortKey) {
    this.sort = { key, descending: this.sort.key === key ? !this.sort.descending : false };
  }
}

function matches(i: Invitation, filter: InvitationFilter): boolean {
  return filter === 'all' ? true : filter === 'overdue' ? i.overdue : i.state === filter;
}

function compare(a: Invitation, b: Invitation, key: SortKey): number {
  switch (key) {
    case 'name':
      return collator.compare(a.orgName, b.orgName);
    case 'kind':
      return a.orgKind.localeCompare(b.orgKind);
    case 'state':
      // Overdue first within a state: those are the ones to chase.
      return STATE_RANK[a.state] - STATE_RANK[b.state] || Number(b.overdue) - Number(a.overdue);
    case 'comments':
      return a.comments - b.comments;
    case 'answered':
      return a.answered - b.answered;
  }
}

function filterLabel(filter: InvitationFilter): string {
  if (filter === 'all') return msg('Tất cả');
  if (filter === 'overdue') return msg('Quá hạn');
  return invitationStateLabel(filter);
}

declare global {
  interface HTMLElementTagNameMap {
    'vk-round-invitations': VkRoundInvitations;
  }
}
