import { localized, msg } from '@lit/localize';
import { css, html, LitElement } from 'lit';
import { customElement } from 'lit/decorators.js';
import type { SessionInfo } from '../../shared/api/auth.ts';
import { ActionController } from '../api/action-controller.ts';
import { signIn } from './session.ts';

/** Fired when the user has signed in. */
export class SignedInEvent extends Event {
  static readonly type = 'vk-signed-in';

  constructor(readonly session: SessionInfo) {
    super(SignedInEvent.type, { bubbles: true, composed: true });
  }
}

/** The sign-in form: username and password; errors never say which one was wrong. */
@customElement('vk-sign-in-page')
@localized()
export class VkSignInPage extends LitElement {
  static override styles = css`
    :host {
      display: grid;
      place-items: center;
      flex: 1;
      padding: 24px;
    }
    form {
      box-sizing: border-box;
      width: min(380px, 100%);
      background: var(--vk-surface);
      border: 1px solid var(--vk-border);
      border-radius: var(--vk-radius);
      box-shadow: var(--vk-shadow);
      padding: 28px;
      display: grid;
      gap: 14px;
    }
    h1 {
      margin: 0 0 4px;
      font-size: 1.35rem;
    }
    p.lead {
      margin: 0;
      color: var(--vk-muted);
    }
    label {
      display: grid;
      gap: 4px;
      font-weight: 600;
    }
    input {
      font: inherit;
      padding: 8px 10px;
      border: 1px solid var(--vk-border);
      border-radius: var(--vk-radius);
    }
    button {
      font: inherit;
      font-weight: 600;
      padding: 9px;
      border: 0;
      border-radius: var(--vk-radius);
      background: var(--vk-accent);
      color: var(--vk-accent-text);
      cursor: pointer;
    }
    button[disabled] {
      opacity: 0.6;
      cursor: progress;
    }
    .error {
      color: var(--vk-danger);
      margin: 0;
    }
  `;

  private readonly action = new ActionController(this);

  override render() {
    return html`<form @submit=${this.onSubmit} novalidate>
      <h1>${msg('Đăng nhập')}</h1>
      <p class="lead">${msg('Dùng tài khoản do văn phòng cấp ủy cấp.')}</p>
      <label
        >${msg('Tên đăng nhập')}
        <input name="username" autocomplete="username" required autocapitalize="none" spellcheck="false"
      /></label>
      <label
        >${msg('Mật khẩu')} <input name="password" type="password" autocomplete="current-password" required
      /></label>
      ${this.action.error ? html`<p class="error" role="alert">${this.action.error}</p>` : ''}
      <button type="submit" ?disabled=${this.action.busy}>
        ${this.action.busy ? msg('Đang đăng nhập…') : msg('Đăng nhập')}
      </button>
    </form>`;
  }

  private async onSubmit(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const username = ((data.get('username') as string | null) ?? '').trim();
    const password = (data.get('password') as string | null) ?? '';
    if (username === '' || password === '') {
      this.action.fail(msg('Nhập tên đăng nhập và mật khẩu.'));
      return;
    }
    await this.action.run(async () => {
      this.dispatchEvent(new SignedInEvent(await signIn(username, password)));
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vk-sign-in-page': VkSignInPage;
  }
  interface HTMLElementEventMap {
    'vk-signed-in': SignedInEvent;
  }
}
