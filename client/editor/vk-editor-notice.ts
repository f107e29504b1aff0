import { localized, msg } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';

/** What a notice above the text reports. */
export type NoticeKind =
  'session-ended' | 'access-revoked' | 'round-ended' | 'offline' | 'read-only' | 'final';

/**
 * One line above the text about the state of the work: the session or access ended (with the
 * way out), the connection is being restored (edits are kept), or the text is read-only.
 * Endings are alerts; the rest are polite status messages.
 */
@customElement('vk-editor-notice')
@localized()
export class VkEditorNotice extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    p {
      box-sizing: border-box;
      max-width: 800px;
      margin: 0 auto 12px;
      padding: 8px 14px;
      border-radius: var(--vk-radius);
      border: 1px solid;
      font-size: 0.92rem;
    }
    .info {
      background: #eef4fe;
      border-color: #c6d8f7;
      color: #1a3f80;
    }
    .warn {
      background: #fdf6e7;
      border-color: #e8cf9a;
      color: #6e4200;
    }
    .danger {
      background: #fbeaea;
      border-color: #efc1c1;
      color: #8c1d18;
    }
    a {
      color: inherit;
      font-weight: 600;
    }
  `;

  /** The notice to show, or null for none. */
  @property() kind: NoticeKind | null = null;
  /** The draft, for the way out of a commenter's ended round (its answers page). */
  @property() draftId = '';

  override render() {
    switch (this.kind) {
      case null:
        return nothing;
      case 'session-ended':
        // A full reload (target=_self skips the in-app router) shows the sign-in form, then this draft.
        return html`<p class="danger" role="alert">
          ${msg('Phiên làm việc đã hết.')}
          <a href=${location.pathname} target="_self">${msg('Đăng nhập lại')}</a>
        </p>`;
      case 'access-revoked':
        return html`<p class="danger" role="alert">
          ${msg('Bạn không còn quyền với dự thảo này.')} <a href="/">${msg('Về trang chủ')}</a>
        </p>`;
      case 'round-ended':
        return html`<p class="warn" role="alert">
          ${msg('Đợt lấy ý kiến đã kết thúc; dự thảo không còn mở cho tổ chức của bạn.')}
          <a href="/drafts/${this.draftId}/answers">${msg('Xem góp ý và trả lời')}</a>
        </p>`;
      case 'offline':
        return html`<p class="warn" role="status">
          ${msg('Đang kết nối lại… — các thay đổi sẽ được gửi khi có mạng.')}
        </p>`;
      case 'read-only':
        return html`<p class="info" role="status">${msg('Bạn đang xem dự thảo ở chế độ chỉ đọc.')}</p>`;
      case 'final':
        return html`<p class="info" role="status">
          ${msg('Dự thảo đã là bản cuối cùng, không sửa được nữa.')}
        </p>`;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vk-editor-notice': VkEditorNotice;
  }
}
