import { versionLabel } from '../app/version-label.ts';
import { localized, msg, str } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { DISPOSITIONS } from '../../shared/api/comments.ts';
import type { RevisionGroup, RevisionLog } from '../../shared/api/revision-log.ts';
import { dispositionLabel } from '../comments/comment-labels.ts';
import {
  RevisionDissolveEvent,
  RevisionEditGroupEvent,
  RevisionRegroupEvent,
  RevisionShowUnsentEvent,
} from './revision-events.ts';
import { proposalDiff } from './proposal-diff.ts';
import './vk-revision-members.ts';
import { commentsOf, type PlacedComment } from './vk-revision-members.ts';
import { DEFAULT_VIEW, viewRows, type SortKey, type TableView } from './table-view.ts';
import { revisionTableStyles } from './table-styles.ts';
import { plural } from '../app/plural.ts';

/**
 * The consolidated table (bảng tổng hợp, tiếp thu, giải trình) in the columns of the
 * exported one: sortable by its headers, filtered by section, answer and words, printable
 * (the controls do not print). For the drafting committee each row also opens for editing,
 * lists its comments with "tách riêng", and rows of one section can be ticked and merged.
 */
@customElement('vk-revision-table')
@localized()
export class VkRevisionTable extends LitElement {
  static override styles = revisionTableStyles;

  @state() private view: TableView = DEFAULT_VIEW;
  @state() private selected: ReadonlySet<string> = new Set();
  @state() private expanded: ReadonlySet<string> = new Set();

  /** The table to show. */
  @property({ attribute: false }) log: RevisionLog | null = null;
  /** The caller may regroup, word and answer. */
  @property({ type: Boolean }) editable = false;
  /** Comments of organisations that have not sent are listed (marked "chưa gửi"). */
  @property({ type: Boolean }) unsent = false;

  private placed: ReadonlyMap<number, PlacedComment> = new Map();
  private placedFor: RevisionLog | null = null;

  override render() {
    const log = this.log;
    if (log === null) return nothing;
    const rows = viewRows(log.groups, this.view);
    if (this.placedFor !== log) {
      this.placed = commentsOf(log.groups);
      this.placedFor = log;
    }
    return html`${this.renderControls(log)}
      <div class="scroll">
        <table aria-label=${msg('Bảng tổng hợp, tiếp thu, giải trình ý kiến góp ý')}>
          <thead>
            <tr>
              ${this.sortHeader('order', msg('STT'))}
              <th scope="col">${msg(str`Vị trí trong ${versionLabel(log.round.version).toLowerCase()}`)}</th>
              <th scope="col">${msg('Nội dung góp ý')}</th>
              ${this.sortHeader('orgs', msg('Đơn vị góp ý'))} ${this.sortHeader('count', msg('Số ý kiến'))}
              ${this.sortHeader('disposition', msg('Hướng xử lý'))}
              <th scope="col">${msg('Nội dung tiếp thu, giải trình')}</th>
              <th scope="col">
                ${msg(str`Vị trí trong ${(log.nextVersion === null ? msg('Bản đang soạn') : versionLabel(log.nextVersion)).toLowerCase()}`)}
              </th>
            </tr>
          </thead>
          <tbody>
            ${rows.map(({ stt, group }) => this.renderRow(stt, group))}
          </tbody>
        </table>
      </div>
      ${rows.length === 0 ? html`<p class="empty">${msg('Không có nhóm ý kiến nào khớp bộ lọc.')}</p>` : nothing}`;
  }

  private renderControls(log: RevisionLog) {
    const sections = [...new Map(log.groups.map((g) => [g.sectionId ?? '', g.position])).entries()];
    const chosen = log.groups.filter((g) => this.selected.has(g.key));
    return html`<div class="controls">
      <label
        >${msg('Phần')}
        <select @change=${(e: Event) => this.setView({ section: (e.target as HTMLSelectElement).value })}>
          <option value="">${msg('Tất cả')}</option>
          ${sections.map(([id, position]) => html`<option value=${id}>${position}</option>`)}
        </select></label
      >
      <label
        >${msg('Hướng xử lý')}
        <select
          @change=${(e: Event) =>
            this.setView({ disposition: (e.target as HTMLSelectElement).value as TableView['disposition'] })}
        >
          <option value="">${msg('Tất cả')}</option>
          ${DISPOSITIONS.map((d) => html`<option value=${d}>${dispositionLabel(d)}</option>`)}
          <option value="none">${msg('Chưa xử lý')}</option>
        </select></label
      >
      <label
        >${msg('Tìm')}
        <input
          type="search"
          @input=${(e: Event) => this.setView({ query: (e.target as HTMLInputElement).value })}
      /></label>
      ${
        this.editable
          ? html`<label class="switch"
              ><input
                type="checkbox"
                .checked=${this.unsent}
                @change=${(e: Event) =>
                  this.dispatchEvent(new RevisionShowUnsentEvent((e.target as HTMLInputElement).checked))}
              />
              ${msg('Hiện cả ý kiến chưa gửi')}</label
            >`
          : nothing
      }
      ${
        this.editable && chosen.length > 1
          ? html`<button class="primary" @click=${() => this.merge(chosen)}>
              ${plural(
                chosen.length,
                msg(str`Gộp ${chosen.length} nhóm`, { id: 'merge-groups.one' }),
                msg(str`Gộp ${chosen.length} nhóm`, { id: 'merge-groups.other' }),
              )}
            </button>`
          : nothing
      }
    </div>`;
  }

  private sortHeader(key: SortKey, label: string) {
    const active = this.view.sort === key;
    const sort = active ? (this.view.descending ? 'descending' : 'ascending') : 'none';
    return html`<th scope="col" aria-sort=${sort}>
      <button
        class="sort"
        @click=${() => this.setView({ sort: key, descending: active ? !this.view.descending : key !== 'order' })}
      >
        ${label}<span class="arrow">${active ? (this.view.descending ? ' ▼' : ' ▲') : ''}</span>
      </button>
    </th>`;
  }

  private renderRow(stt: number, g: RevisionGroup) {
    const open = this.expanded.has(g.key);
    return html`<tr class=${g.disposition ?? 'none'}>
      <td class="num">
        ${
          this.editable
            ? html`<input
                type="checkbox"
                aria-label=${msg(str`Chọn nhóm ${stt}`)}
                .checked=${this.selected.has(g.key)}
                @change=${() => (this.selected = toggle(this.selected, g.key))}
              />`
            : nothing
        }
        ${stt}
      </td>
      <td>${g.position}</td>
      <td>
        <p class="headline">${g.headline}</p>
        ${g.proposals.map(
          (p) =>
            html`<p class="proposal-line">
              ${p.replacement === '' ? msg('Đề xuất bỏ:') : msg('Đề xuất sửa:')}
              ${proposalDiff(p.quote, p.replacement)}
            </p>`,
        )}
        <button
          class="link"
          aria-expanded=${open}
          @click=${() => (this.expanded = toggle(this.expanded, g.key))}
        >
          ${
            open
              ? msg('Ẩn các ý kiến')
              : plural(
                  g.comments.length,
                  msg(str`Xem ${g.comments.length} ý kiến`, { id: 'view-comments.one' }),
                  msg(str`Xem ${g.comments.length} ý kiến`, { id: 'view-comments.other' }),
                )
          }
        </button>
        ${
          open
            ? html`<vk-revision-members
                .group=${g}
                .comments=${this.placed}
                ?editable=${this.editable}
              ></vk-revision-members>`
            : nothing
        }
        ${
          this.editable
            ? html`<div class="row-actions">
                <button @click=${() => this.dispatchEvent(new RevisionEditGroupEvent(g))}>
                  ${msg('Tổng hợp, trả lời')}
                </button>
                ${
                  g.groupId !== null
                    ? html`<button @click=${() => this.dispatchEvent(new RevisionDissolveEvent(g.groupId!))}>
                        ${msg('Bỏ nhóm')}
                      </button>`
                    : nothing
                }
              </div>`
            : nothing
        }
      </td>
      <td>${g.orgs.map((o) => o.name).join('; ')}</td>
      <td class="num">${g.comments.length}</td>
      <td>
        ${g.disposition === null ? (g.mixed ? msg('Xử lý riêng') : msg('Chưa xử lý')) : dispositionLabel(g.disposition)}
      </td>
      <td class="answer">
        ${
          g.answer !== '' || g.disposition !== 'accepted' || g.proposals.length === 0
            ? html`<span class="answer-text">${g.answer}</span>`
            : takenIn(g)
        }
        ${
          g.comments.some((c) => c.textRemoved)
            ? html`<span class="changed">${msg('đoạn đã tiếp thu sau đó bị xóa khỏi dự thảo')}</span>`
            : nothing
        }
      </td>
      <td>
        ${g.sectionId === null ? '' : g.nextPosition === null ? msg('Đã lược bỏ') : g.nextPosition}
        ${g.sectionChanged ? html`<span class="changed">${msg('đã sửa')}</span>` : nothing}
      </td>
    </tr>`;
  }

  private merge(groups: readonly RevisionGroup[]): void {
    this.selected = new Set();
    this.dispatchEvent(new RevisionRegroupEvent(groups.flatMap((g) => g.comments.map((c) => c.id))));
  }

  private setView(changes: Partial<TableView>): void {
    this.view = { ...this.view, ...changes };
  }
}

/** What an accepted suggestion put into the text, while the committee has written no answer. */
function takenIn(g: RevisionGroup) {
  return g.proposals.map((p) =>
    p.replacement === ''
      ? html`<p>${msg('Đã bỏ:')} «${p.quote}»</p>`
      : html`<p>${msg('Đã sửa:')} ${proposalDiff(p.quote, p.replacement)}</p>`,
  );
}

function toggle(set: ReadonlySet<string>, key: string): ReadonlySet<string> {
  const next = new Set(set);
  if (!next.delete(key)) next.add(key);
  return next;
}

declare global {
  interface HTMLElementTagNameMap {
    'vk-revision-table': VkRevisionTable;
  }
}
