import { localized, msg } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { dialogStyles } from '../styles/dialog-styles.ts';

/** What {@link askConfirm} and {@link askText} show. */
export interface DialogOptions {
  /** The question, in the interface language. */
  message: string;
  /** The confirming button's label (defaults to "Đồng ý"). */
  confirmLabel?: string;
  /** Styles the confirming button as destructive. */
  danger?: boolean;
  /** For {@link askText}: the field's label and its shortest accepted length. */
  field?: { label: string; minLength: number; maxLength: number };
}

/**
 * An in-app modal question (replaces `window.confirm`/`prompt`, which block the page, cannot
 * be styled or translated, and which browsers may suppress). Resolves `done` once: with the
 * typed text (or "" for a plain confirmation) or null when cancelled.
 */
@customElement('vk-dialog')
@localized()
export class VkDialog extends LitElement {
  static override styles = [
    ...dialogStyles,
    css`
      dialog {
        width: min(480px, 94vw);
        padding: 20px;
        box-shadow: var(--vk-shadow);
      }
      p {
        grid-column: 1 / -1;
        margin: 0;
        white-space: pre-line;
      }
      button.danger {
        background: var(--vk-danger);
        border-color: var(--vk-danger);
        color: #fff;
      }
    `,
  ];

  @property({ attribute: false }) options: DialogOptions = { message: '' };
  @state() private error = '';
  @query('dialog') private dialog!: HTMLDialogElement;
  @query('textarea') private text?: HTMLTextAreaElement;

  private resolve: (value: string | null) => void = () => {};
  /** The answer: the text typed ("" without a field), or null if cancelled. */
  readonly done = new Promise<string | null>((resolve) => (this.resolve = resolve));

  override firstUpdated(): void {
    this.dialog.showModal();
    (this.text ?? this.renderRoot.querySelector<HTMLButtonElement>('button[type=submit]'))?.focus();
  }

  override render() {
    const { message, field, danger } = this.options;
    return html`<dialog aria-label=${message} @cancel=${this.onCancel}>
      <form method="dialog" @submit=${this.onSubmit} novalidate>
        <p>${message}</p>
        ${
          field === undefined
            ? nothing
            : html`<label class="wide"
                >${field.label}<textarea rows="3" maxlength=${field.maxLength}></textarea>
              </label>`
        }
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        <div class="actions">
          <button type="button" @click=${this.onCancel}>${msg('Hủy')}</button>
          <button type="submit" class=${danger ? 'danger' : 'primary'}>
            ${this.options.confirmLabel ?? msg('Đồng ý')}
          </button>
        </div>
      </form>
    </dialog>`;
  }

  private onSubmit(event: SubmitEvent) {
    event.preventDefault();
    const field = this.options.field;
    const value = this.text?.value.trim() ?? '';
    if (field !== undefined && value.length < field.minLength) {
      this.error = msg('Vui lòng nhập nội dung.');
      return;
    }
    this.finish(value);
  }

  private onCancel(event: Event) {
    event.preventDefault();
    this.finish(null);
  }

  private finish(value: string | null) {
    this.dialog.close();
    this.resolve(value);
    this.remove();
  }
}

function open(options: DialogOptions): Promise<string | null> {
  const dialog = document.createElement('vk-dialog');
  dialog.options = options;
  document.body.append(dialog);
  return dialog.done;
}

/** Asks a yes/no question in an in-app dialog; true when confirmed. */
export async function askConfirm(options: DialogOptions): Promise<boolean> {
  return (await open(options)) !== null;
}

/** Asks for a line of text (e.g. a reason) in an in-app dialog; null when cancelled. */
export function askText(
  options: DialogOptions & { field: NonNullable<DialogOptions['field']> },
): Promise<string | null> {
  return open(options);
}

declare global {
  interface HTMLElementTagNameMap {
    'vk-dialog': VkDialog;
  }
}
