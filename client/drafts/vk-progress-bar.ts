import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';

/** How many of a draft's sections are written, being written, or empty (flagged ones counted apart). */
@customElement('vk-progress-bar')
@localized()
export class VkProgressBar extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    .bar {
      display: flex;
      height: 8px;
      border-radius: 4px;
      overflow: hidden;
      background: #e8e7e0;
    }
    .written {
      background: var(--vk-ok);
    }
    .writing {
      background: #d9a441;
    }
    small {
      color: var(--vk-muted);
    }
  `;

  @property({ type: Number }) written = 0;
  @property({ type: Number }) writing = 0;
  @property({ type: Number }) total = 0;
  @property({ type: Number }) flagged = 0;

  override render() {
    const pct = (n: number) => (this.total === 0 ? 0 : (100 * n) / this.total);
    const label = msg(str`${this.written}/${this.total} mục đã viết, ${this.writing} đang viết`);
    return html`<div class="bar" role="img" aria-label=${label}>
        <span class="written" style="width:${pct(this.written)}%"></span>
        <span class="writing" style="width:${pct(this.writing)}%"></span>
      </div>
      <small>${label}${this.flagged > 0 ? msg(str` · ${this.flagged} mục bắt buộc còn trống`) : ''}</small>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vk-progress-bar': VkProgressBar;
  }
}
