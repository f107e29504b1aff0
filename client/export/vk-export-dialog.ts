import { localized, msg, str } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { ExportFormat, ExportRecord, ExportWarning } from '../../shared/api/exports.ts';
import { ApiError } from '../api/api-client.ts';
import { formatWhen } from '../app/format-when.ts';
import { errorMessage } from '../app/labels.ts';
import { versionLabel } from '../app/version-label.ts';
import { listRounds } from '../rounds/rounds-api.ts';
import { listVersions } from '../versions/versions-api.ts';
import { saveBlob } from './export-download.ts';
import { checkExport, exportDraft, listExports, type ExportParams } from './exports-api.ts';
import { exportDialogStyles } from './export-dialog-styles.ts';
import { plural } from '../app/plural.ts';

/** Fired after a file was exported and saved; carries its name. */
export class DraftExportedEvent extends Event {
  static readonly type = 'vk-draft-exported';

  constructor(readonly fileName: string) {
    super(DraftExportedEvent.type, { bubbles: true, composed: true });
  }
}

const FORMATS: ExportFormat[] = ['docx', 'pdf', 'md', 'html'];

/**
 * "Xuất văn bản": the draft as DOCX, PDF, Markdown or HTML in the Party's format, a working
 * copy (live text or a numbered version, draft-marked) or the final text; warns about empty
 * required sections, shows progress while a long file downloads, and lists past exports.
 */
@customElement('vk-export-dialog')
@localized()
export class VkExportDialog extends LitElement {
  static override styles = exportDialogStyles;

  /** The draft to export. */
  @property() draftId = '';
  /** The draft is marked final: offer the final text (the server still checks the secretary). */
  @property({ type: Boolean }) final = false;

  @query('dialog') private dialog!: HTMLDialogElement;
  @state() private format: ExportFormat = 'docx';
  /** 0 = the live text. */
  @state() private version = 0;
  @state() private kind: 'working' | 'final' = 'working';
  /** 0 = no comments. */
  @state() private round = 0;
  @state() private versions: number[] = [];
  @state() private rounds: { id: number; title: string }[] = [];
  @state() private history: ExportRecord[] = [];
  @state() private warnings: ExportWarning[] = [];
  /** Proposals pending in the chosen text, and whether the file shows them marked. */
  @state() private pending = 0;
  @state() private marked = false;
  /** Download progress 0–1, null when the size is unknown, undefined when idle. */
  @state() private progress: number | null | undefined = undefined;
  /** While busy: the server is still making the file (no byte yet), or it is coming down. */
  @state() private stage: 'making' | 'downloading' = 'making';
  /** Seconds since the export was asked for: a 100-page PDF takes a while, and may wait its turn. */
  @state() private elapsedS = 0;
  private ticker: ReturnType<typeof setInterval> | undefined;
  @state() private error = '';

  /** Opens the dialog and loads versions, rounds, warnings and the export history. */
  async show(): Promise<void> {
    this.error = '';
    this.progress = undefined;
    this.dialog.showModal();
    try {
      const [versions, rounds, history] = await Promise.all([
        listVersions(this.draftId),
        listRounds(this.draftId),
        listExports(this.draftId),
      ]);
      this.versions = versions.versions.map((v) => v.number).sort((a, b) => b - a);
      this.rounds = rounds.rounds.map((r) => ({ id: r.round.id, title: r.round.title }));
      this.history = history.exports;
      await this.check();
    } catch (error) {
      this.error = errorMessage(error instanceof ApiError ? error.code : 'network_error');
    }
  }

  override render() {
    const busy = this.progress !== undefined;
    return html`<dialog aria-labelledby="title">
      <form method="dialog" @submit=${this.onSubmit} novalidate>
        <h2 id="title">${msg('Xuất văn bản')}</h2>
        <label
          >${msg('Định dạng')}
          <select name="format" @change=${(e: Event) => this.choose({ format: value(e) as ExportFormat })}>
            ${FORMATS.map((f) => html`<option value=${f} ?selected=${f === this.format}>${formatLabel(f)}</option>`)}
          </select></label
        >
        <label
          >${msg('Văn bản')}
          <select
            name="version"
            ?disabled=${this.kind === 'final'}
            @change=${(e: Event) => this.choose({ version: Number(value(e)) })}
          >
            <option value="0">${msg('Bản đang soạn (DỰ THẢO)')}</option>
            ${this.versions.map((n) => html`<option value=${n} ?selected=${n === this.version}>${versionLabel(n)}</option>`)}
          </select></label
        >
        ${
          this.final
            ? html`<label class="checkbox wide"
                ><input
                  type="checkbox"
                  name="final"
                  .checked=${this.kind === 'final'}
                  @change=${(e: Event) => this.choose({ kind: (e.target as HTMLInputElement).checked ? 'final' : 'working' })}
                />${msg('Bản chính thức (chỉ bí thư; không đóng dấu dự thảo)')}</label
              >`
            : nothing
        }
        ${
          this.format === 'docx' && this.rounds.length > 0
            ? html`<label class="wide"
                >${msg('Kèm góp ý dưới dạng chú thích Word')}
                <select name="round" @change=${(e: Event) => (this.round = Number(value(e)))}>
                  <option value="0">${msg('Không kèm góp ý')}</option>
                  ${this.rounds.map((r) => html`<option value=${r.id} ?selected=${r.id === this.round}>${r.title}</option>`)}
                </select></label
              >`
            : nothing
        }
        ${this.pending > 0 ? this.renderSuggestions() : nothing}
        ${this.warnings.length > 0 ? this.renderWarnings() : nothing} ${busy ? this.renderBusy() : nothing}
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        <div class="actions">
          <button type="button" @click=${() => this.dialog.close()}>${msg('Đóng')}</button>
          <button type="submit" class="primary" ?disabled=${busy}>
            ${busy ? msg('Đang xuất…') : msg('Xuất')}
          </button>
        </div>
        ${this.history.length > 0 ? this.renderHistory() : nothing}
      </form>
    </dialog>`;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.ticker);
  }

  private renderBusy() {
    if (this.stage === 'downloading')
      return html`<progress
        aria-label=${msg('Đang tải tệp về')}
        max="1"
        .value=${this.progress ?? 0}
      ></progress>`;
    return html`<p class="making" role="status">
      ${msg(str`Đang tạo tệp… (${this.elapsedS} giây)`)}
      <progress aria-label=${msg('Đang tạo tệp')}></progress>
    </p>`;
  }

  /** By default the file holds the text without the pending proposals; the drafter may ask to see them. */
  private renderSuggestions() {
    return html`<div class="wide suggestions">
      <p role="status">
        ${plural(
          this.pending,
          msg(str`${this.pending} đề xuất chưa được duyệt: bản xuất giữ văn bản gốc, chưa áp dụng đề xuất.`, {
            id: 'export-suggestions-pending.one',
          }),
          msg(str`${this.pending} đề xuất chưa được duyệt: bản xuất giữ văn bản gốc, chưa áp dụng đề xuất.`, {
            id: 'export-suggestions-pending.other',
          }),
        )}
      </p>
      ${
        // The final text never shows proposals; a working copy may.
        this.kind === 'working'
          ? html`<label class="checkbox"
              ><input
                type="checkbox"
                name="suggestions"
                .checked=${this.marked}
                @change=${(e: Event) => (this.marked = (e.target as HTMLInputElement).checked)}
              />${msg('Kèm đề xuất (phần thêm gạch chân, phần xóa gạch ngang)')}</label
            >`
          : nothing
      }
    </div>`;
  }

  private renderWarnings() {
    return html`<div class="warnings" role="status">
      <p>
        ${plural(
          this.warnings.length,
          msg(str`${this.warnings.length} mục bắt buộc còn trống:`, { id: 'required-empty.one' }),
          msg(str`${this.warnings.length} mục bắt buộc còn trống:`, { id: 'required-empty.other' }),
        )}
      </p>
      <ul>
        ${this.warnings.map((w) => html`<li>${w.section}</li>`)}
      </ul>
    </div>`;
  }

  private renderHistory() {
    return html`<table>
      <caption>
        ${msg('Các lần xuất trước')}
      </caption>
      <tr>
        <th>${msg('Lúc')}</th>
        <th>${msg('Người xuất')}</th>
        <th>${msg('Định dạng')}</th>
        <th>${msg('Văn bản')}</th>
      </tr>
      ${this.history.map(
        (e) =>
          html`<tr>
            <td>${formatWhen(e.createdAt)}</td>
            <td>${e.userName ?? '—'}</td>
            <td>${formatLabel(e.format)}</td>
            <td>
              ${e.kind === 'final' ? msg('Bản chính thức') : e.version === null ? msg('Bản đang soạn') : versionLabel(e.version)}
            </td>
          </tr>`,
      )}
    </table>`;
  }

  private query(): ExportParams {
    const working = this.kind === 'working';
    return {
      format: this.format,
      kind: this.kind,
      version: working && this.version > 0 ? this.version : undefined,
      comments: this.format === 'docx' && this.round > 0 ? this.round : undefined,
      suggestions: working && this.marked ? 'marked' : undefined,
    };
  }

  private async choose(change: { format?: ExportFormat; version?: number; kind?: 'working' | 'final' }) {
    Object.assign(this, change);
    await this.check().catch(() => undefined);
  }

  private async check(): Promise<void> {
    const check = await checkExport(this.draftId, this.query());
    this.warnings = check.warnings;
    this.pending = check.pendingSuggestions;
  }

  private async onSubmit(event: Event): Promise<void> {
    event.preventDefault();
    this.error = '';
    this.progress = null;
    this.stage = 'making';
    this.elapsedS = 0;
    const started = Date.now();
    clearInterval(this.ticker);
    this.ticker = setInterval(() => (this.elapsedS = Math.floor((Date.now() - started) / 1000)), 1000);
    try {
      const file = await exportDraft(this.draftId, this.query(), (p) => {
        this.stage = 'downloading';
        this.progress = p;
      });
      saveBlob(file.blob, file.fileName);
      this.warnings = file.warnings;
      this.history = (await listExports(this.draftId)).exports;
      this.dispatchEvent(new DraftExportedEvent(file.fileName));
    } catch (error) {
      this.error =
        error instanceof ApiError && error.code === 'export_busy' && error.retryAfterS !== null
          ? msg(str`Máy chủ đang bận tạo các tệp khác. Vui lòng thử lại sau ${error.retryAfterS} giây.`)
          : errorMessage(error instanceof ApiError ? error.code : 'network_error');
    } finally {
      clearInterval(this.ticker);
      this.progress = undefined;
    }
  }
}

function value(event: Event): string {
  return (event.target as HTMLSelectElement).value;
}

function formatLabel(format: ExportFormat): string {
  return { docx: 'Word (.docx)', pdf: 'PDF', md: 'Markdown', html: 'HTML' }[format];
}

declare global {
  interface HTMLElementTagNameMap {
    'vk-export-dialog': VkExportDialog;
  }
  interface GlobalEventHandlersEventMap {
    'vk-draft-exported': DraftExportedEvent;
  }
}
