import { localized, msg } from '@lit/localize';
import { css, html, LitElement } from 'lit';
import { customElement } from 'lit/decorators.js';

/** A path that leads nowhere, or a draft the user may not see (the same, on purpose). */
@customElement('vk-not-found-page')
@localized()
export class VkNotFoundPage extends LitElement {
  static override styles = css`
    :host {
      margin: auto;
      text-align: center;
      padding: 48px 24px;
    }
    h1 {
      font-size: 1.4rem;
    }
  `;

  override render() {
    return html`<h1>${msg('Không tìm thấy trang')}</h1>
      <p>${msg('Trang này không tồn tại, hoặc bạn không có quyền xem.')}</p>
      <p><a href="/">${msg('Về trang chủ')}</a></p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vk-not-found-page': VkNotFoundPage;
  }
}
