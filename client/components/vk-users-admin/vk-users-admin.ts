import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { z } from 'zod';
import { ROLES, type Role } from '../../../shared/access.ts';
import type { Org } from '../../../shared/api/orgs.ts';
import { UserList, UserSummary, UserWithPassword } from '../../../shared/api/users.ts';
import { ApiError, request } from '../../api/api-client.ts';
import { errorMessage, roleLabel } from '../../app/labels.ts';
import { adminStyles } from '../admin-styles.ts';
import { askConfirm } from '../vk-dialog/vk-dialog.ts';

/** Users of the administered organisations: roles per organisation, a new user form, reset, remove. */
@customElement('vk-users-admin')
@localized()
export class VkUsersAdmin extends LitElement {
  static override styles = [
    adminStyles,
    css`
      .password {
        background: #fff8e1;
        border: 1px solid #e0c36a;
        padding: 8px 12px;
        border-radius: var(--vk-radius);
      }
      code {
        font-size: 1.05em;
        user-select: all;
      }
    `,
  ];

  /** Organisations the admin may manage (the new user's organisation is chosen from these). */
  @property({ attribute: false }) orgs: Org[] = [];
  @state() private users: UserSummary[] = [];
  @state() private notice = '';
  @state() private error = '';

  override connectedCallback(): void {
    super.connectedCallback();
    this.load().catch(() => (this.error = errorMessage('network_error')));
  }

  override render() {
    const orgName = (id: number) => this.orgs.find((o) => o.id === id)?.shortName ?? String(id);
    return html`<h2>${msg('Người dùng và vai trò')}</h2>
      ${this.notice ? html`<p class="password" role="status">${this.notice}</p>` : ''}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
      <table>
        <thead>
          <tr>
            <th>${msg('Tên đăng nhập')}</th>
            <th>${msg('Họ và tên')}</th>
            <th>${msg('Tổ chức')}</th>
            <th>${msg('Vai trò')}</th>
            <th><span class="sr-only">${msg('Thao tác')}</span></th>
          </tr>
        </thead>
        <tbody>
          ${this.users.map(
            (u) =>
              html`<tr>
                <td>${u.username}</td>
                <td>${u.displayName}</td>
                <td>${orgName(u.orgId)}</td>
                <td>${u.roles.map((r) => `${roleLabel(r.role)} (${orgName(r.orgId)})`).join(', ')}</td>
                <td class="actions">
                  <button @click=${() => this.reset(u.username)}>${msg('Cấp lại mật khẩu')}</button>
                  <button class="danger" @click=${() => this.removeUser(u.username)}>${msg('Xóa')}</button>
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
      <form @submit=${this.create}>
        <h3>${msg('Thêm người dùng')}</h3>
        <label
          >${msg('Tên đăng nhập')} <input name="username" required pattern="[a-z0-9][a-z0-9._\\-]{1,63}"
        /></label>
        <label>${msg('Họ và tên')} <input name="displayName" required maxlength="200" /></label>
        <label
          >${msg('Tổ chức')}
          <select name="orgId">
            ${this.orgs.map((o) => html`<option value=${o.id}>${o.name}</option>`)}
          </select></label
        >
        <fieldset>
          <legend>${msg('Vai trò')}</legend>
          ${ROLES.map((r) => html`<label class="inline"><input type="checkbox" name="roles" value=${r} /> ${roleLabel(r)}</label>`)}
        </fieldset>
        <button class="primary" type="submit">${msg('Thêm')}</button>
      </form>`;
  }

  private async load() {
    this.users = (await request('/users', UserList)).users;
  }

  private async run(action: () => Promise<void>) {
    this.error = '';
    // A one-time password belongs to the action that made it; the next action hides it.
    this.notice = '';
    try {
      await action();
      await this.load();
    } catch (error) {
      // In the interface language, chosen by the code; the server's (English) detail only names
      // the field at fault of a validation failure, as the other forms do.
      this.error =
        error instanceof ApiError
          ? `${errorMessage(error.code)}${error.code === 'validation_failed' ? ` (${error.message})` : ''}`
          : errorMessage('internal_error');
    }
  }

  private async create(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    await this.run(async () => {
      const created = await request('/users', UserWithPassword, {
        body: {
          username: data.get('username'),
          displayName: data.get('displayName'),
          orgId: Number(data.get('orgId')),
          roles: data.getAll('roles') as Role[],
        },
      });
      form.reset();
      this.notice = msg(str`Mật khẩu của ${created.user.username} (chỉ hiện một lần): ${created.password}`);
    });
  }

  private async reset(username: string) {
    const question = msg(str`Cấp mật khẩu mới cho ${username}? Các phiên đang mở của người này sẽ kết thúc.`);
    if (!(await askConfirm({ message: question, confirmLabel: msg('Cấp lại mật khẩu') }))) return;
    await this.run(async () => {
      const { password } = await request(`/users/${username}/password`, UserWithPassword, { method: 'POST' });
      this.notice = msg(str`Mật khẩu mới của ${username} (chỉ hiện một lần): ${password}`);
    });
  }

  private async removeUser(username: string) {
    const question = msg(str`Xóa người dùng ${username}?`);
    if (!(await askConfirm({ message: question, confirmLabel: msg('Xóa'), danger: true }))) return;
    await this.run(() =>
      request(`/users/${username}`, z.undefined(), { method: 'DELETE' }).then(() => undefined),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vk-users-admin': VkUsersAdmin;
  }
}
