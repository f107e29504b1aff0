import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { PresencePeer } from './collab-controller.ts';

/** Avatars shown before the rest collapse into "+N". */
const SHOWN = 5;

/**
 * Who has the draft open: one round avatar per person with the initial of their given name
 * (the last word of a Vietnamese name), in the colour of their caret. Names and colours come
 * from the server (it rewrites every awareness `user`), so nobody can appear as someone else.
 */
@customElement('vk-presence')
@localized()
export class VkPresence extends LitElement {
  static override styles = css`
    :host {
      display: inline-flex;
      align-items: center;
    }
    ul {
      display: flex;
      list-style: none;
      margin: 0;
      padding: 0 0 0 6px;
    }
    li {
      width: 30px;
      height: 30px;
      margin-left: -6px;
      border-radius: 50%;
      border: 2px solid var(--vk-surface);
      color: #fff;
      display: grid;
      place-items: center;
      font: 600 0.8rem/1 var(--vk-font);
      cursor: default;
      position: relative;
    }
    li.self::after {
      content: '';
      position: absolute;
      right: -2px;
      bottom: -2px;
      width: 9px;
      height: 9px;
      border-radius: 50%;
      background: var(--vk-ok);
      border: 2px solid var(--vk-surface);
    }
    li.more {
      background: #e8e7e0;
      color: var(--vk-text);
    }
  `;

  /** The people present, the local user first. */
  @property({ attribute: false }) peers: PresencePeer[] = [];

  override render() {
    const shown = this.peers.slice(0, SHOWN);
    const rest = this.peers.slice(SHOWN);
    const names = this.peers.map((p) => this.nameOf(p)).join(', ');
    return html`<ul role="list" aria-label=${msg(str`Đang mở dự thảo: ${names}`)} title=${names}>
      ${shown.map(
        (peer) =>
          html`<li
            class=${peer.self ? 'self' : ''}
            style="background:${peer.color}"
            title=${this.nameOf(peer)}
            aria-label=${this.nameOf(peer)}
          >
            <span aria-hidden="true">${initial(peer.name)}</span>
          </li>`,
      )}
      ${
        rest.length > 0
          ? html`<li
              class="more"
              title=${rest.map((p) => p.name).join(', ')}
              aria-label=${rest.map((p) => p.name).join(', ')}
            >
              <span aria-hidden="true">+${rest.length}</span>
            </li>`
          : nothing
      }
    </ul>`;
  }

  private nameOf(peer: PresencePeer): string {
    return peer.self ? msg(str`${peer.name} (bạn)`) : peer.name;
  }
}

/** The given name's first letter ("Lê Thị Minh Phương" → "P"). */
function initial(name: string): string {
  const words = name.trim().split(/\s+/);
  return (words.at(-1) ?? '?').charAt(0).toLocaleUpperCase('vi');
}

declare global {
  interface HTMLElementTagNameMap {
    'vk-presence': VkPresence;
  }
}
