import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { SessionInfo } from '../../shared/api/auth.ts';

/** Placeholder until the editor page lands. */
@customElement('vk-draft-page')
export class VkDraftPage extends LitElement {
  @property({ attribute: false }) session!: SessionInfo;
  @property() draftId = '';

  override render() {
    return html`<p>${this.draftId}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vk-draft-page': VkDraftPage;
  }
}
