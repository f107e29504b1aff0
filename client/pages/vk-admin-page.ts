import { localized, msg } from '@lit/localize';
import { css, html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { SessionInfo } from '../../shared/api/auth.ts';
import { OrgList, type Org } from '../../shared/api/orgs.ts';
import { request } from '../api/api-client.ts';
import '../components/vk-templates-admin/vk-templates-admin.ts';
import '../components/vk-users-admin/vk-users-admin.ts';

/** Administration for admins: the organisation tree, users and roles, templates (bloc admins). */
@customElement('vk-admin-page')
@localized()
export class VkAdminPage extends LitElement {
  static override styles = css`
    :host {
      display: grid;
      gap: 16px;
      padding: 24px;
      max-width: 1200px;
      width: 100%;
      margin: 0 auto;
      grid-template-columns: minmax(220px, 300px) 1fr;
      align-items: start;
    }
    h1 {
      grid-column: 1 / -1;
      margin: 0;
      font-size: 1.4rem;
    }
    nav {
      background: var(--vk-surface);
      border: 1px solid var(--vk-border);
      border-radius: var(--vk-radius);
      padding: 12px 16px;
    }
    nav h2 {
      font-size: 1rem;
      margin: 0 0 8px;
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    li {
      padding: 2px 0;
    }
    .kind {
      color: var(--vk-muted);
      font-size: 0.8rem;
    }
    .main {
      display: grid;
      gap: 16px;
    }
    @media (max-width: 900px) {
      :host {
        grid-template-columns: 1fr;
      }
    }
  `;

  @property({ attribute: false }) session!: SessionInfo;
  @state() private orgs: Org[] = [];
  @state() private failed = false;

  override connectedCallback(): void {
    super.connectedCallback();
    request('/orgs', OrgList).then(
      ({ orgs }) => (this.orgs = orgs),
      () => (this.failed = true),
    );
  }

  override render() {
    const blocAdmin = this.session.roles.some(
      (r) => r.role === 'admin' && this.orgs.find((o) => o.id === r.orgId)?.kind === 'bloc',
    );
    return html`<h1>${msg('Quản trị')}</h1>
      ${this.failed ? html`<p role="alert">${msg('Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.')}</p>` : ''}
      <nav aria-label=${msg('Cây tổ chức')}>
        <h2>${msg('Cây tổ chức')}</h2>
        <ul>
          ${this.orgs.map(
            (o) =>
              html`<li style="padding-left:${this.depth(o) * 14}px">
                ${o.name} <span class="kind">${o.shortName}</span>
              </li>`,
          )}
        </ul>
      </nav>
      <div class="main">
        <vk-users-admin .orgs=${this.orgs}></vk-users-admin>
        ${blocAdmin ? html`<vk-templates-admin></vk-templates-admin>` : ''}
      </div>`;
  }

  private depth(org: Org): number {
    let depth = 0;
    for (let at = org; at.parentId !== null; depth++) {
      const parent = this.orgs.find((o) => o.id === at.parentId);
      if (parent === undefined) break;
      at = parent;
    }
    return depth;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vk-admin-page': VkAdminPage;
  }
}
