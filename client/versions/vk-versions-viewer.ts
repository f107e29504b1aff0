import { localized, msg } from '@lit/localize';
import { formatWhen } from '../app/format-when.ts';
import type { Editor, JSONContent } from '@tiptap/core';
import { html, LitElement, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import type { z } from 'zod';
import type { VersionDetail } from '../../shared/api/versions.ts';
import { ApiError } from '../api/api-client.ts';
import { loadVersion } from './versions-api.ts';
import { errorMessage } from '../app/labels.ts';
import { documentStyles } from '../editor/document-styles.ts';
import { createStaticEditor } from '../editor/live-editor.ts';
import { readingDialogStyles } from './viewer-dialog-styles.ts';
import { versionLabel } from '../app/version-label.ts';

/**
 * A frozen version, read-only, in a dialog: its ProseMirror JSON rendered by a non-editable
 * Tiptap with the shared schema, on the same sheet as the live text, so it reads as it did.
 */
@customElement('vk-versions-viewer')
@localized()
export class VkVersionsViewer extends LitElement {
  static override styles = [documentStyles, readingDialogStyles];

  @state() private version: z.infer<typeof VersionDetail> | null = null;
  @state() private error = '';
  @query('dialog') private dialog!: HTMLDialogElement;
  @query('.mount') private mount!: HTMLElement;
  private editor: Editor | null = null;
  private requested = 0;

  /** Opens the dialog on version `number` of a draft. */
  async show(draftId: string, number: number): Promise<void> {
    const ticket = ++this.requested;
    this.version = null;
    this.error = '';
    this.destroyEditor();
    this.dialog.showModal();
    try {
      const version = await loadVersion(draftId, number);
      if (ticket !== this.requested) return;
      this.version = version;
      await this.updateComplete;
      this.editor = createStaticEditor(
        this.mount,
        version.content as JSONContent,
        versionLabel(version.number),
      );
    } catch (error) {
      if (ticket === this.requested)
        this.error = errorMessage(error instanceof ApiError ? error.code : 'network_error');
    }
  }

  override disconnectedCallback(): void {
    this.destroyEditor();
    super.disconnectedCallback();
  }

  override render() {
    const v = this.version;
    return html`<dialog aria-labelledby="viewer-title" @close=${this.destroyEditor}>
      <header>
        <div class="grow">
          <h2 id="viewer-title">
            ${v ? versionLabel(v.number) : this.error ? msg('Không mở được lần dự thảo này') : msg('Đang tải…')}
          </h2>
          ${v ? html`<p>${formatWhen(v.createdAt)}${v.note ? html` — ${v.note}` : nothing}</p>` : nothing}
        </div>
        <button type="button" @click=${() => this.dialog.close()}>${msg('Đóng')}</button>
      </header>
      <div class="body">
        ${this.error ? html`<p class="status error" role="alert">${this.error}</p>` : nothing}
        <div class="sheet" ?hidden=${v === null}><div class="mount"></div></div>
      </div>
    </dialog>`;
  }

  private readonly destroyEditor = (): void => {
    this.editor?.destroy();
    this.editor = null;
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'vk-versions-viewer': VkVersionsViewer;
  }
}
