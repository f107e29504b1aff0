import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ROLES, type Role } from '../../shared/access.ts';
import type { Org } from '../../shared/api/orgs.ts';
import type { UserSummary } from '../../shared/api/users.ts';
import { ActionController } from '../api/action-controller.ts';
import { ApiError } from '../api/api-client.ts';
import { errorMessage, roleLabel } from '../app/labels.ts';
import { adminStyles } from './admin-styles.ts';
import { createUser, deleteUser, listUsers, resetPassword, setUserRole } from './users-api.ts';
import { askConfirm } from '../ui/vk-dialog.ts';

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
      .role {
        display: inline-flex;
        align-items: center;
        gap: 2px;
        border: 1px solid var(--vk-border);
        border-radius: 999px;
        padding: 0 4px 0 8px;
        margin: 0 4px 4px 0;
        white-space: nowrap;
      }
      button.revoke {
        border: none;
        padding: 0 4px;
        color: var(--vk-danger);
        background: transparent;
      }
      form.grant {
        display: flex;
        flex-wrap: wrap;
        gap: 4px;
        margin-top: 4px;
      }
      form.grant select,
      form.grant button {
        font-size: 0.85rem;
        padding: 2px 6px;
      }
      .ok {
        color: var(--vk-ok);
      }
      .table-wrap {
        overflow-x: auto;
        /* Holds the screen-reader-only labels too: placed against the page, they widened it. */
        position: relative;
      }
      @media (max-width: 600px) {
        :host {
          padding: 12px;
        }
        td.actions {
          white-space: normal;
        }
        td.actions button {
          display: block;
          margin-bottom: 4px;
        }
      }
    `,
  ];

  /** Organisations the admin may manage (a new user's organisation and granted roles are chosen from these). */
  @property({ attribute: false }) orgs: Org[] = [];
  /** Every organisation the admin sees, to name the ones roles are held in. */
  @property({ attribute: false }) allOrgs: Org[] = [];
  @state() private users: UserSummary[] = [];
  @state() private notice = '';
  /** What the last role change did (a polite status line). */
  @state() private status = '';
  /** The last change of the admin's; its `error` also says when the list could not be read. */
  private readonly action = new ActionController(this, 'internal_error');

  override connectedCallback(): void {
    super.connectedCallback();
    this.load().catch(() => this.action.fail(errorMessage('network_error')));
  }

  override render() {
    const orgName = (id: number) =>
      (this.allOrgs.length > 0 ? this.allOrgs : this.orgs).find((o) => o.id === id)?.shortName ?? String(id);
    return html`<h2>${msg('Người dùng và vai trò')}</h2>
      ${this.notice ? html`<p class="password" role="status">${this.notice}</p>` : ''}
      ${this.action.error ? html`<p class="error" role="alert">${this.action.error}</p>` : ''}
      ${this.status ? html`<p class="ok" role="status">${this.status}</p>` : ''}
      <div class="table-wrap">
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
                  <td class="roles">
                    ${u.roles.map((r) => {
                      const label = `${roleLabel(r.role)} (${orgName(r.orgId)})`;
                      const manageable = this.orgs.some((o) => o.id === r.orgId);
                      return html`<span class="role"
                        >${label}${
                          manageable
                            ? html`<button
                                class="revoke"
                                title=${msg(str`Thu hồi vai trò ${label}`)}
                                aria-label=${msg(str`Thu hồi vai trò ${label}`)}
                                @click=${() => this.setRole(u.username, r.orgId, r.role, false)}
                              >
                                ×
                              </button>`
                            : ''
                        }</span
                      >`;
                    })}
                    <form class="grant" @submit=${(e: SubmitEvent) => this.grant(e, u.username)}>
                      <select name="orgId" aria-label=${msg('Tổ chức')}>
                        ${this.orgs.map(
                          (o) =>
                            html`<option value=${o.id} ?selected=${o.id === u.orgId}>${o.shortName}</option>`,
                        )}
                      </select>
                      <select name="role" aria-label=${msg('Vai trò')}>
                        ${ROLES.map((r) => html`<option value=${r} ?selected=${r === 'drafter'}>${roleLabel(r)}</option>`)}
                      </select>
                      <button type="submit">${msg('Cấp vai trò')}</button>
                    </form>
                  </td>
                  <td class="actions">
                    <button @click=${() => this.reset(u.username)}>${msg('Cấp lại mật khẩu')}</button>
                    <button class="danger" @click=${() => this.removeUser(u.username)}>${msg('Xóa')}</button>
                  </td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <form class="create" @submit=${this.create}>
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
    this.users = (await listUsers()).users;
  }

  private async run(action: () => Promise<void>) {
    // A one-time password belongs to the action that made it; the next action hides it.
    this.notice = '';
    this.status = '';
    await this.action.run(
      async () => {
        await action();
        await this.load();
      },
      // In the interface language only: the code picks the sentence, `fields` the names.
      (error, code) => {
        const fields =
          error instanceof ApiError ? (error.details.fields ?? []).map(fieldLabel).join(', ') : '';
        return fields === '' ? undefined : `${errorMessage(code)} (${fields})`;
      },
    );
  }

  private async create(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    await this.run(async () => {
      const created = await createUser({
        username: data.get('username') as string,
        displayName: data.get('displayName') as string,
        orgId: Number(data.get('orgId')),
        roles: data.getAll('roles') as Role[],
      });
      form.reset();
      this.notice = msg(str`Mật khẩu của ${created.user.username} (chỉ hiện một lần): ${created.password}`);
    });
  }

  private async grant(event: SubmitEvent, username: string) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    await this.setRole(username, Number(data.get('orgId')), data.get('role') as Role, true);
  }

  private async setRole(username: string, orgId: number, role: Role, granted: boolean) {
    await this.run(async () => {
      await setUserRole(username, { orgId, role, granted });
      const org = this.orgs.find((o) => o.id === orgId)?.shortName ?? String(orgId);
      this.status = granted
        ? msg(str`Đã cấp vai trò ${roleLabel(role)} (${org}) cho ${username}.`)
        : msg(str`Đã thu hồi vai trò ${roleLabel(role)} (${org}) của ${username}.`);
    });
  }

  private async reset(username: string) {
    const question = msg(str`Cấp mật khẩu mới cho ${username}? Các phiên đang mở của người này sẽ kết thúc.`);
    if (!(await askConfirm({ message: question, confirmLabel: msg('Cấp lại mật khẩu') }))) return;
    await this.run(async () => {
      const { password } = await resetPassword(username);
      this.notice = msg(str`Mật khẩu mới của ${username} (chỉ hiện một lần): ${password}`);
    });
  }

  private async removeUser(username: string) {
    const question = msg(str`Xóa người dùng ${username}?`);
    if (!(await askConfirm({ message: question, confirmLabel: msg('Xóa'), danger: true }))) return;
    await this.run(() => deleteUser(username));
  }
}

/** A form field's name in the interface language (for the fields a refusal names). */
function fieldLabel(field: string): string {
  switch (field) {
    case 'username':
      return msg('Tên đăng nhập');
    case 'displayName':
      return msg('Họ và tên');
    case 'orgId':
      return msg('Tổ chức');
    case 'roles':
    case 'role':
      return msg('Vai trò');
    default:
      return field;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vk-users-admin': VkUsersAdmin;
  }
}
