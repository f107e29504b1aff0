import { localized, msg } from '@lit/localize';
import { html, LitElement, nothing } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import type { Draft } from '../../shared/api/drafts.ts';
import { accessLabel, statusLabel } from '../app/labels.ts';
import type { CollabEnd, ConnectionStatus, PresencePeer } from '../collab/collab-controller.ts';
import '../editor/vk-editor-status.ts';
import '../export/vk-export-dialog.ts';
import type { VkExportDialog } from '../export/vk-export-dialog.ts';
import '../collab/vk-presence.ts';
import { buttonStyles } from '../styles/button-styles.ts';
import { draftHeaderStyles } from './draft-header-styles.ts';

/**
 * The draft page's title line: the draft's title, status and the user's access; for the
 * committee, the way to its consultation rounds and the export dialog; then the connection
 * state and who else is here.
 */
@customElement('vk-draft-header')
@localized()
export class VkDraftHeader extends LitElement {
  static override styles = [buttonStyles, draftHeaderStyles];

  /** The open draft. */
  @property({ attribute: false }) draft: Draft | null = null;
  /** The collaboration connection's status. */
  @property() status: ConnectionStatus = 'connecting';
  /** Whether the first sync happened. */
  @property({ type: Boolean }) synced = false;
  /** Set when the server ended the collaboration. */
  @property() ended: CollabEnd | null = null;
  /** Who else has the draft open. */
  @property({ attribute: false }) peers: PresencePeer[] = [];

  @query('vk-export-dialog') private exportDialog?: VkExportDialog;

  override render() {
    const draft = this.draft;
    if (draft === null) return nothing;
    return html`<h1 title=${draft.title}>${draft.title}</h1>
      <span class="chip status-${draft.status}">${statusLabel(draft.status)}</span>
      <span class="chip access">${accessLabel(draft.access)}</span>
      <span class="grow"></span>
      ${
        draft.access === 'edit'
          ? html`<a class="rounds" href="/drafts/${draft.id}/rounds">${msg('Lấy ý kiến')}</a>
              <button type="button" class="export" @click=${this.openExport}>${msg('Xuất văn bản')}</button>
              <vk-export-dialog .draftId=${draft.id} ?final=${draft.status === 'final'}></vk-export-dialog>`
          : nothing
      }
      <vk-editor-status .status=${this.status} ?synced=${this.synced} .ended=${this.ended}></vk-editor-status>
      <vk-presence .peers=${this.peers}></vk-presence>`;
  }

  private openExport() {
    void this.exportDialog?.show();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vk-draft-header': VkDraftHeader;
  }
}
