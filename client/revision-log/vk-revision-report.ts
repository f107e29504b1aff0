import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { RevisionReport } from '../../shared/api/revision-log.ts';
import { ActionController } from '../api/action-controller.ts';
import { formatWhen } from '../app/format-when.ts';
import { loadReport, reportFileUrl, saveReport } from './revision-api.ts';
import { buttonStyles } from '../styles/button-styles.ts';

/**
 * The narrative report (báo cáo tổng hợp ý kiến): first written by the server from the
 * table (organisation and counts, general opinions, opinions by section with the answers,
 * what was taken up and explained, recommendations), then edited here by the secretary and
 * the committee and stored, so everyone works on one text; downloaded as DOCX to sign.
 */
@customElement('vk-revision-report')
@localized()
export class VkRevisionReport extends LitElement {
  static override styles = [
    buttonStyles,
    css`
      :host {
        display: grid;
        gap: 8px;
      }
      textarea {
        font: 1rem/1.5 var(--vk-font-doc);
        padding: 10px 12px;
        border: 1px solid var(--vk-border);
        border-radius: var(--vk-radius);
        min-height: 420px;
        resize: vertical;
      }
      .bar {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
        align-items: center;
      }
      button {
        padding: 6px 12px;
      }
      .note {
        color: var(--vk-muted);
        font-size: 0.9rem;
      }
      .error {
        color: var(--vk-danger);
      }
    `,
  ];

  @state() private report: RevisionReport | null = null;
  @state() private text = '';
  private readonly action = new ActionController(this, 'internal_error');

  /** The draft of the round. */
  @property() draftId = '';
  /** The round the report is about. */
  @property({ type: Number }) roundId = 0;
  /** The caller may edit and store the report. */
  @property({ type: Boolean }) editable = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('draftId') || changed.has('roundId')) && this.draftId !== '' && this.roundId > 0)
      void this.run(() => loadReport(this.draftId, this.roundId));
  }

  override render() {
    const r = this.report;
    if (r === null)
      return html`<p role="status" class=${this.action.error === null ? '' : 'error'}>
        ${this.action.error ?? msg('Đang tải…')}
      </p>`;
    return html`<p class="note">
        ${
          r.generated
            ? msg('Bản nháp tạo từ bảng tổng hợp; sửa rồi lưu để giữ lại.')
            : msg(str`Đã sửa bởi ${r.updatedByName ?? '—'}, ${formatWhen(r.updatedAt ?? '')}.`)
        }
      </p>
      <textarea
        aria-label=${msg('Báo cáo tổng hợp ý kiến')}
        .value=${this.text}
        ?readonly=${!this.editable}
        @input=${(e: Event) => (this.text = (e.target as HTMLTextAreaElement).value)}
      ></textarea>
      ${this.action.error === null ? nothing : html`<p class="error" role="alert">${this.action.error}</p>`}
      <div class="bar">
        ${
          this.editable
            ? html`<button
                  class="primary"
                  ?disabled=${this.action.busy || this.text === r.text}
                  @click=${() => void this.run(() => saveReport(this.draftId, this.roundId, this.text))}
                >
                  ${msg('Lưu báo cáo')}
                </button>
                <button
                  ?disabled=${this.action.busy || r.generated}
                  @click=${() => void this.run(() => saveReport(this.draftId, this.roundId, ''))}
                >
                  ${msg('Tạo lại từ bảng tổng hợp')}
                </button>`
            : nothing
        }
        <a href=${reportFileUrl(this.draftId, this.roundId)} download>${msg('Tải báo cáo (DOCX)')}</a>
      </div>`;
  }

  private async run(call: () => Promise<RevisionReport>): Promise<void> {
    await this.action.run(async () => {
      this.report = await call();
      this.text = this.report.text;
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vk-revision-report': VkRevisionReport;
  }
}
