import { localized, msg } from '@lit/localize';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { DraftStatusChange } from '../../shared/api/draft-header.ts';
import type { Draft } from '../../shared/api/drafts.ts';
import { ActionController } from '../api/action-controller.ts';
import { ApiError } from '../api/api-client.ts';
import { loadStatusLog, markFinal, reopenDraft } from './draft-header-api.ts';
import { formatWhen } from '../app/format-when.ts';
import { statusLabel } from '../app/labels.ts';
import { blockerLabel } from './header-labels.ts';
import { buttonStyles } from '../styles/button-styles.ts';
import { askConfirm, askText } from '../ui/vk-dialog.ts';

/** Fired when the draft became final or was reopened; the page re-reads it. */
export class DraftStatusChangedEvent extends Event {
  static readonly type = 'vk-draft-status-changed';

  constructor(readonly draft: Draft) {
    super(DraftStatusChangedEvent.type, { bubbles: true, composed: true });
  }
}

/**
 * The secretary's "mark final" and "reopen" (with a reason), and the draft's status history
 * for everyone. A refusal lists what is missing, by name, in the interface language.
 */
@customElement('vk-draft-status')
@localized()
export class VkDraftStatus extends LitElement {
  static override styles = [
    buttonStyles,
    css`
      :host {
        display: block;
        margin-top: 16px;
        border-top: 1px solid var(--vk-border);
        padding-top: 12px;
      }
      h3 {
        font-size: 0.9rem;
        margin: 12px 0 6px;
      }
      button {
        padding: 6px 12px;
      }
      .error {
        color: var(--vk-danger);
      }
      ul.blockers {
        margin: 4px 0 0;
        padding-left: 20px;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 6px;
      }
      .when,
      .muted {
        color: var(--vk-muted);
        font-size: 0.85em;
      }
      .reason {
        display: block;
        font-style: italic;
      }
    `,
  ];

  @property() draftId = '';
  @property() status: Draft['status'] = 'drafting';
  /** Whether the user is the unit's secretary. */
  @property({ type: Boolean }) secretary = false;
  /** Required header fields still empty (the button says so before trying). */
  @property({ attribute: false }) missing: readonly string[] = [];

  @state() private changes: DraftStatusChange[] | null = null;
  private readonly action = new ActionController(this);
  /** The fields the server said were missing when it last refused. */
  @state() private blockers: readonly string[] = [];

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('draftId') || changed.has('status')) && this.draftId !== '') void this.reload();
  }

  private async reload(): Promise<void> {
    try {
      this.changes = await loadStatusLog(this.draftId);
    } catch {
      this.changes = [];
    }
  }

  override render() {
    return html`${this.secretary ? this.renderActions() : nothing}
      <h3>${msg('Lịch sử trạng thái')}</h3>
      ${
        this.changes === null || this.changes.length === 0
          ? html`<p class="muted">${msg('Chưa có thay đổi trạng thái nào.')}</p>`
          : html`<ol>
              ${this.changes.map(
                (c) =>
                  html`<li>
                    ${statusLabel(c.from)} → <strong>${statusLabel(c.to)}</strong>
                    <span class="when">· ${c.userName ?? '—'} · ${formatWhen(c.at)}</span>
                    ${c.reason === null ? nothing : html`<span class="reason">${msg('Lý do:')} ${c.reason}</span>`}
                  </li>`,
              )}
            </ol>`
      }`;
  }

  private renderActions() {
    const refusal = this.action.error;
    return html`${
      this.status === 'final'
        ? html`<button type="button" class="reopen" ?disabled=${this.action.busy} @click=${this.onReopen}>
            ${msg('Mở lại để sửa')}
          </button>`
        : html`<button
            type="button"
            class="primary finalise"
            ?disabled=${this.action.busy}
            @click=${this.onFinalise}
          >
            ${msg('Chốt bản cuối cùng')}
          </button>`
    }
    ${
      refusal === null
        ? nothing
        : html`<div class="error" role="alert">
            ${refusal}
            ${
              this.blockers.length === 0
                ? nothing
                : html`<ul class="blockers">
                    ${this.blockers.map((m) => html`<li>${blockerLabel(m)}</li>`)}
                  </ul>`
            }
          </div>`
    }`;
  }

  private async onFinalise() {
    const ok = await askConfirm({
      message: msg(
        'Chốt dự thảo thành bản cuối cùng? Sau khi chốt, không ai sửa được văn bản cho đến khi bí thư mở lại.',
      ),
      confirmLabel: msg('Chốt bản cuối cùng'),
    });
    if (ok) await this.act(() => markFinal(this.draftId));
  }

  private async onReopen() {
    const reason = await askText({
      message: msg('Mở lại bản cuối cùng để tiếp tục sửa? Lý do sẽ được lưu trong lịch sử của dự thảo.'),
      confirmLabel: msg('Mở lại'),
      field: { label: msg('Lý do mở lại'), minLength: 3, maxLength: 1000 },
    });
    if (reason !== null) await this.act(() => reopenDraft(this.draftId, reason));
  }

  private async act(call: () => Promise<Draft>) {
    this.blockers = [];
    await this.action.run(
      async () => {
        const draft = await call();
        this.dispatchEvent(new DraftStatusChangedEvent(draft));
      },
      (error) => {
        this.blockers = error instanceof ApiError ? (error.details.missing ?? []) : [];
        return undefined;
      },
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vk-draft-status': VkDraftStatus;
  }
  interface HTMLElementEventMap {
    'vk-draft-status-changed': DraftStatusChangedEvent;
  }
}
