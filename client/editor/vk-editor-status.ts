import { localized, msg } from '@lit/localize';
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { CollabEnd, ConnectionStatus } from '../collab/collab-controller.ts';

/**
 * The connection state in a word and a coloured dot: connected, connecting for the first
 * time, reconnecting (edits are kept and sent later), or ended by the server. A live region,
 * so a screen reader hears when the connection drops or comes back.
 */
@customElement('vk-editor-status')
@localized()
export class VkEditorStatus extends LitElement {
  static override styles = css`
    :host {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      font-size: 0.82rem;
      color: var(--vk-muted);
      white-space: nowrap;
    }
    .dot {
      width: 9px;
      height: 9px;
      border-radius: 50%;
      background: #b5b4ab;
      flex: none;
    }
    .connected .dot {
      background: var(--vk-ok);
    }
    .reconnecting .dot {
      background: #d9a441;
      animation: pulse 1.2s ease-in-out infinite;
    }
    .ended .dot {
      background: var(--vk-danger);
    }
    .reconnecting,
    .ended {
      color: var(--vk-text);
      font-weight: 600;
    }
    span.wrap {
      display: inline-flex;
      align-items: center;
      gap: 6px;
    }
    @keyframes pulse {
      50% {
        opacity: 0.35;
      }
    }
    @media (max-width: 640px) {
      .text {
        display: none;
      }
    }
  `;

  /** The provider's status. */
  @property() status: ConnectionStatus = 'connecting';
  /** Whether the first sync happened (afterwards "connecting" means reconnecting). */
  @property({ type: Boolean }) synced = false;
  /** Set when the server ended the collaboration. */
  @property() ended: CollabEnd | null = null;

  override render() {
    const [kind, text] = this.describe();
    return html`<span class="wrap ${kind}" role="status" title=${text}>
      <span class="dot" aria-hidden="true"></span><span class="text">${text}</span>
    </span>`;
  }

  private describe(): [string, string] {
    if (this.ended !== null) return ['ended', msg('Đã ngắt kết nối')];
    if (this.status === 'connected' && this.synced) return ['connected', msg('Đã kết nối')];
    if (this.synced) return ['reconnecting', msg('Đang kết nối lại…')];
    return ['connecting', msg('Đang kết nối…')];
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vk-editor-status': VkEditorStatus;
  }
}
