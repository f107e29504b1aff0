import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { SessionInfo } from '../../shared/api/auth.ts';
import type { RevisionLog } from '../../shared/api/revision-log.ts';
import { errorMessage } from '../app/labels.ts';
import './vk-revision-group-editor.ts';
import type { VkRevisionGroupEditor } from './vk-revision-group-editor.ts';
import './vk-revision-history.ts';
import './vk-revision-report.ts';
import './vk-revision-summary.ts';
import './vk-revision-table.ts';
import { dissolveGroup, logFileUrl, saveGroup } from './revision-api.ts';
import { RevisionLogController } from './revision-log-controller.ts';
import { titleWithVersion } from '../rounds/round-label.ts';
import type {
  RevisionDissolveEvent,
  RevisionEditGroupEvent,
  RevisionLogChangedEvent,
  RevisionRegroupEvent,
  RevisionShowUnsentEvent,
} from './revision-events.ts';
import { buttonStyles } from '../styles/button-styles.ts';
import { pageStyles } from '../styles/page-styles.ts';
import { plural } from '../app/plural.ts';

type Tab = 'table' | 'history' | 'report';

/**
 * The revision log of a round (`/drafts/:id/rounds/:roundId/log`): the counts, the
 * consolidated table the committee groups, words and answers (read-only for those who
 * oversee the unit), the edits made since the round's version, and the narrative report;
 * the table downloads as DOCX or CSV and prints.
 */
@customElement('vk-revision-log-page')
@localized()
export class VkRevisionLogPage extends LitElement {
  static override styles = [
    buttonStyles,
    pageStyles,
    css`
      :host {
        --vk-page-width: 1400px;
      }
      h1 {
        font-size: 1.4rem;
        margin: 4px 0 12px;
      }
      .bar,
      [role='tablist'] {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
        align-items: center;
        margin: 14px 0;
      }
      [role='tab'][aria-selected='true'] {
        background: var(--vk-accent);
        color: var(--vk-accent-text);
      }
      button {
        padding: 6px 12px;
      }
      .threshold input {
        width: 5em;
        font: inherit;
      }
      .error {
        color: var(--vk-danger);
      }
      @media print {
        .back,
        .bar,
        [role='tablist'] {
          display: none;
        }
        :host {
          padding: 0;
          max-width: none;
        }
      }
    `,
  ];

  @query('vk-revision-group-editor') private editor?: VkRevisionGroupEditor;
  private readonly data = new RevisionLogController(this);
  @state() private tab: Tab = 'table';

  /** The signed-in user. */
  @property({ attribute: false }) session!: SessionInfo;
  /** The draft of the round. */
  @property() draftId = '';
  /** The round whose log to show. */
  @property({ attribute: false }) roundId = 0;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('draftId') || changed.has('roundId')) && this.draftId !== '')
      this.data.open(this.draftId, this.roundId);
  }

  protected override updated(): void {
    const draft = this.data.draft;
    if (draft !== null) document.title = `${msg('Bảng tổng hợp ý kiến')} — ${draft.title} — vankien`;
  }

  override render() {
    const { draft, log } = this.data;
    const error = this.data.error === null ? null : errorMessage(this.data.error);
    if (draft === null || log === null)
      return html`<p role=${error === null ? 'status' : 'alert'}>${error ?? msg('Đang tải…')}</p>`;
    const roundPath = `/drafts/${draft.id}/rounds/${log.round.id}`;
    return html`<a class="back" href=${roundPath}>← ${msg('Về đợt lấy ý kiến')}</a>
      <p>${draft.title} · ${titleWithVersion(log.round)}</p>
      <h1>${msg('Bảng tổng hợp, tiếp thu, giải trình ý kiến góp ý')}</h1>
      <vk-revision-summary .log=${log}></vk-revision-summary>
      <div class="bar">
        <a href=${logFileUrl(draft.id, log.round.id, 'docx')} download>${msg('Tải bảng (DOCX)')}</a>
        <a href=${logFileUrl(draft.id, log.round.id, 'csv')} download>${msg('Tải bảng (CSV)')}</a>
        <button @click=${() => window.print()}>${msg('In bảng')}</button>
        <label class="threshold"
          >${msg('Ngưỡng gộp ý kiến giống nhau')}
          <input
            type="number"
            min="0.3"
            max="1"
            step="0.05"
            .value=${String(log.threshold)}
            @change=${this.onThreshold}
        /></label>
      </div>
      ${error === null ? nothing : html`<p class="error" role="alert">${error}</p>`}
      <div role="tablist">
        ${this.tabButton(
          'table',
          plural(
            log.counts.groups,
            msg(str`Bảng tổng hợp (${log.counts.groups} nhóm)`, { id: 'table-groups.one' }),
            msg(str`Bảng tổng hợp (${log.counts.groups} nhóm)`, { id: 'table-groups.other' }),
          ),
        )}
        ${this.tabButton('history', msg('Sửa đổi theo từng phần'))}
        ${this.tabButton('report', msg('Báo cáo tổng hợp'))}
      </div>
      ${this.renderTab(log)}
      <vk-revision-group-editor
        .draftId=${draft.id}
        .roundId=${log.round.id}
        @vk-revision-log-changed=${(e: RevisionLogChangedEvent) => void this.data.change(() => Promise.resolve(e.log))}
      ></vk-revision-group-editor>`;
  }

  private renderTab(log: RevisionLog) {
    switch (this.tab) {
      case 'table':
        return html`<vk-revision-table
          .log=${log}
          ?editable=${log.editable}
          ?unsent=${this.data.unsent}
          @vk-revision-show-unsent=${(e: RevisionShowUnsentEvent) => this.data.showUnsent(e.show)}
          @vk-revision-regroup=${(e: RevisionRegroupEvent) =>
            void this.data.change(() =>
              saveGroup(this.draftId, log.round.id, { commentIds: [...e.commentIds] }),
            )}
          @vk-revision-dissolve=${(e: RevisionDissolveEvent) =>
            void this.data.change(() => dissolveGroup(this.draftId, log.round.id, e.groupId))}
          @vk-revision-edit-group=${(e: RevisionEditGroupEvent) => void this.editor?.show(e.group)}
        ></vk-revision-table>`;
      case 'history':
        return html`<vk-revision-history
          .draftId=${this.draftId}
          .roundId=${log.round.id}
        ></vk-revision-history>`;
      case 'report':
        return html`<vk-revision-report
          .draftId=${this.draftId}
          .roundId=${log.round.id}
          ?editable=${log.editable}
        ></vk-revision-report>`;
    }
  }

  private tabButton(tab: Tab, label: string) {
    return html`<button role="tab" aria-selected=${this.tab === tab} @click=${() => (this.tab = tab)}>
      ${label}
    </button>`;
  }

  private onThreshold(event: Event): void {
    const value = Number((event.target as HTMLInputElement).value);
    if (value >= 0.3 && value <= 1) this.data.regroup(value);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vk-revision-log-page': VkRevisionLogPage;
  }
}
