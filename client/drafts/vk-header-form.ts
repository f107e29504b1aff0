import { localized, msg, str } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  HEADER_FIELDS,
  REQUIRED_HEADER_FIELDS,
  type DraftHeader,
  type DraftHeaderState,
  type HeaderField,
} from '../../shared/api/draft-header.ts';
import { ActionController, failureMessage } from '../api/action-controller.ts';
import { ApiError } from '../api/api-client.ts';
import { loadHeader, saveHeader } from './draft-header-api.ts';
import { blockerLabel } from './header-labels.ts';
import './vk-draft-status.ts';
import { headerFormStyles } from './header-form-styles.ts';

/** How each field is typed in. */
const INPUTS: Record<
  Exclude<HeaderField, 'recipients'>,
  { type?: string; wide?: boolean; placeholder?: string }
> = {
  superior: { wide: true, placeholder: 'ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH' },
  issuer: { wide: true, placeholder: 'ĐẢNG BỘ SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG' },
  numberSymbol: { placeholder: '01-BC/ĐU' },
  place: { placeholder: 'Hà Nội' },
  date: { type: 'date' },
  congressOrdinal: { type: 'number' },
  term: { placeholder: '2025-2030' },
  signerTitle: { placeholder: 'BÍ THƯ' },
  signerName: { wide: true },
};

/**
 * The draft's header (thể thức) as a form in the side panel: issuer lines, number, place and
 * date, congress and term, signer and recipients. The committee edits it until the draft is
 * final; everyone else reads it. Lists what a final text still lacks, and holds the
 * secretary's "mark final" / "reopen" actions with the status history.
 */
@customElement('vk-header-form')
@localized()
export class VkHeaderForm extends LitElement {
  static override styles = headerFormStyles;

  /** The open draft. */
  @property() draftId = '';
  /** Its status (the page passes it; final locks the form). */
  @property() status: 'drafting' | 'consultation' | 'final' = 'drafting';

  @state() private data: DraftHeaderState | null = null;
  /** Saving; its `error` also says why the header could not be read (one line for both). */
  private readonly action = new ActionController(this);
  @state() private invalid: readonly string[] = [];
  @state() private saved = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A status change (final, reopened) changes whether the form is editable.
    if ((changed.has('draftId') || changed.has('status')) && this.draftId !== '') {
      this.saved = false;
      void this.reload();
    }
  }

  /** Re-reads the header. */
  async reload(): Promise<void> {
    try {
      this.data = await loadHeader(this.draftId);
      this.action.fail(null);
    } catch (error) {
      this.action.fail(failureMessage(error));
    }
  }

  override render() {
    const data = this.data;
    const error = this.action.error;
    if (data === null)
      return html`<h2>${msg('Thể thức văn bản')}</h2>
        ${error ? html`<p class="error" role="alert">${error}</p>` : html`<p class="muted">${msg('Đang tải…')}</p>`}`;
    const disabled = !data.editable || this.action.busy;
    return html`<h2>${msg('Thể thức văn bản')}</h2>
      ${this.renderMissing(data)}
      <form @submit=${this.onSubmit} @input=${() => (this.saved = false)} novalidate>
        ${(Object.keys(INPUTS) as (keyof typeof INPUTS)[]).map((field) => this.renderInput(field, data.header, disabled))}
        <label class="wide"
          >${labelText('recipients')}
          <textarea
            name="recipients"
            rows="4"
            placeholder=${msg('Để trống: theo mẫu (cấp trên để báo cáo, các chi bộ trực thuộc, lưu Văn phòng). Mỗi dòng một nơi nhận.')}
            ?disabled=${disabled}
            aria-invalid=${this.invalid.includes('recipients')}
            .value=${(data.header.recipients ?? []).join('\n')}
          ></textarea>
        </label>
        ${
          error
            ? html`<p class="notice error" role="alert">${error}</p>`
            : this.saved
              ? html`<p class="notice ok" role="status">${msg('Đã lưu thể thức.')}</p>`
              : nothing
        }
        ${
          data.editable
            ? html`<div class="actions">
                <button class="primary" type="submit" ?disabled=${this.action.busy}>
                  ${msg('Lưu thể thức')}
                </button>
              </div>`
            : html`<p class="notice muted">
                ${this.status === 'final' ? msg('Bản cuối cùng: thể thức đã khóa.') : msg('Chỉ tiểu ban văn kiện sửa thể thức.')}
              </p>`
        }
      </form>
      <vk-draft-status
        .draftId=${this.draftId}
        .status=${this.status}
        ?secretary=${data.secretary}
        .missing=${data.missing}
      ></vk-draft-status>`;
  }

  private renderMissing(data: DraftHeaderState) {
    if (data.missing.length === 0 || this.status === 'final') return nothing;
    return html`<div class="missing" role="note">
      ${msg('Cần điền trước khi chốt bản cuối cùng:')}
      <ul>
        ${data.missing.map((f) => html`<li>${blockerLabel(f)}</li>`)}
      </ul>
    </div>`;
  }

  private renderInput(field: keyof typeof INPUTS, header: DraftHeader, disabled: boolean) {
    const spec = INPUTS[field];
    const value = header[field];
    return html`<label class=${spec.wide ? 'wide' : ''}
      >${labelText(field)}
      <input
        name=${field}
        type=${spec.type ?? 'text'}
        placeholder=${spec.placeholder ?? ''}
        ?disabled=${disabled}
        aria-invalid=${this.invalid.includes(field)}
        .value=${value === undefined ? '' : String(value)}
    /></label>`;
  }

  private async onSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (this.action.busy) return;
    const data = new FormData(event.target as HTMLFormElement);
    const text = (key: string) => {
      const value = data.get(key);
      return typeof value === 'string' ? value.trim() : '';
    };
    // Shaped by the server's schema; what does not fit comes back as a 400 naming the field.
    const header: DraftHeader = {};
    const fields = header as Record<string, unknown>;
    for (const field of HEADER_FIELDS) {
      const value = text(field);
      if (value === '') continue;
      if (field === 'congressOrdinal') fields[field] = Number(value);
      else if (field === 'recipients')
        fields[field] = value
          .split('\n')
          .map((line) => line.trim())
          .filter((line) => line !== '');
      else fields[field] = value;
    }
    this.invalid = [];
    await this.action.run(
      async () => {
        this.data = await saveHeader(this.draftId, header);
        this.saved = true;
      },
      (error, code) => {
        if (!(error instanceof ApiError) || code !== 'validation_failed') return undefined;
        this.invalid = error.details.fields ?? [];
        const names = this.invalid.map(blockerLabel).join(', ');
        return msg(str`Chưa đúng dạng: ${names}.`);
      },
    );
  }
}

/** A field's name, with a star when a final text needs it (the star is for the eye; the list above says it in words). */
function labelText(field: HeaderField) {
  return html`<span
    >${blockerLabel(field)}${
      REQUIRED_HEADER_FIELDS.includes(field) ? html`<span class="req" aria-hidden="true"> *</span>` : nothing
    }</span
  >`;
}

declare global {
  interface HTMLElementTagNameMap {
    'vk-header-form': VkHeaderForm;
  }
}
