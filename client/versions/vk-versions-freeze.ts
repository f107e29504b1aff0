import { localized, msg, str } from '@lit/localize';
import { html, LitElement } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { z } from 'zod';
import type { VersionSummary } from '../../shared/api/versions.ts';
import { ActionController } from '../api/action-controller.ts';
import { freezeVersion } from './versions-api.ts';
import { versionsPanelStyles } from './versions-panel-styles.ts';
import { versionLabel } from '../app/version-label.ts';
import { actionNotice, renderNotice, type PanelNotice } from './panel-notice.ts';

/** Fired when the current text was frozen as a new numbered version. */
export class VersionFrozenEvent extends Event {
  static readonly type = 'vk-version-frozen';

  constructor(readonly version: z.infer<typeof VersionSummary>) {
    super(VersionFrozenEvent.type, { bubbles: true, composed: true });
  }
}

/**
 * "Chốt dự thảo lần N": freezes the current text with an optional note. When nothing changed
 * since the last version the server refuses (409 no_changes) and the form says so plainly.
 */
@customElement('vk-versions-freeze')
@localized()
export class VkVersionsFreeze extends LitElement {
  static override styles = versionsPanelStyles;

  /** The draft to freeze. */
  @property() draftId = '';
  /** The number the next version will get. */
  @property({ type: Number }) next = 1;

  private readonly action = new ActionController(this);
  @state() private notice: PanelNotice | null = null;
  @query('textarea') private note!: HTMLTextAreaElement;

  /** Forgets the last answer: after a restore, "nothing changed since the last version" is no longer true. */
  clearNotice(): void {
    this.notice = null;
    this.action.fail(null);
  }

  override render() {
    return html`<form @submit=${this.onSubmit}>
        <label for="note">${msg('Ghi chú cho lần chốt (không bắt buộc)')}</label>
        <textarea
          id="note"
          rows="2"
          maxlength="1000"
          placeholder=${msg('Ví dụ: đã tiếp thu ý kiến của Thường trực Đảng ủy')}
        ></textarea>
        <button class="primary" type="submit" ?disabled=${this.action.busy}>
          ${msg(str`Chốt dự thảo lần ${this.next}`)}
        </button>
      </form>
      ${renderNotice(actionNotice(this.action, this.notice))}`;
  }

  private async onSubmit(event: SubmitEvent) {
    event.preventDefault();
    // One version per click: a second submission while the first runs would be refused anyway.
    if (this.action.busy) return;
    this.notice = null;
    await this.action.run(async () => {
      const version = await freezeVersion(this.draftId, this.note.value.trim());
      this.note.value = '';
      this.notice = { kind: 'ok', text: msg(str`Đã chốt ${versionLabel(version.number)}.`) };
      this.dispatchEvent(new VersionFrozenEvent(version));
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vk-versions-freeze': VkVersionsFreeze;
  }
  interface HTMLElementEventMap {
    'vk-version-frozen': VersionFrozenEvent;
  }
}
