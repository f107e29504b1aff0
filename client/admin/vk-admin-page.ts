import { localized, msg } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { SessionInfo } from '../../shared/api/auth.ts';
import type { Org } from '../../shared/api/orgs.ts';
import { listOrgs } from './orgs-api.ts';
import './vk-templates-admin.ts';
import './vk-users-admin.ts';

/** Administration for admins: the organisation tree, users and roles, templates (bloc admins). */
@customElement('vk-admin-page')
@localized()
export class VkAdminPage extends LitElement {
  static override styles = css`
    :host {
      /* The theme's box-sizing does not reach the host inside the shell's shadow root. */
      box-sizing: border-box;
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
    ul ul {
      padding-left: 14px;
      border-left: 1px solid var(--vk-border);
      margin-left: 4px;
    }
    .denied {
      grid-column: 1 / -1;
      background: var(--vk-surface);
      border: 1px solid var(--vk-border);
      border-radius: var(--vk-radius);
      padding: 16px 20px;
      max-width: 640px;
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
      /* Lets the users table scroll inside its panel instead of widening the page. */
      min-width: 0;
    }
    nav,
    .main > * {
      min-width: 0;
    }
    @media (max-width: 900px) {
      :host {
        grid-template-columns: minmax(0, 1fr);
      }
    }
    @media (max-width: 640px) {
      :host {
        padding: 12px;
      }
    }
  `;

  @property({ attribute: false }) session!: SessionInfo;
  @state() private orgs: Org[] = [];
  @state() private failed = false;

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.adminOf().length === 0) return;
    listOrgs().then(
      ({ orgs }) => (this.orgs = orgs),
      () => (this.failed = true),
    );
  }

  /** The organisations the user administers (their subtrees are theirs to manage). */
  private adminOf(): number[] {
    return this.session.roles.filter((r) => r.role === 'admin').map((r) => r.orgId);
  }

  override render() {
    const adminOf = this.adminOf();
    // A secretary or drafter who types /admin gets a plain answer, not forms that would fail.
    if (adminOf.length === 0)
      return html`<section class="denied" role="alert">
        <h1>${msg('Quản trị')}</h1>
        <p>
          ${msg('Bạn không có quyền quản trị. Trang này dành cho người quản trị của Đảng ủy Khối hoặc của đơn vị.')}
        </p>
        <p>
          ${msg('Cần thêm người dùng hay đổi vai trò trong đơn vị của bạn? Hãy liên hệ người quản trị của đơn vị.')}
        </p>
        <p><a href="/">${msg('Về trang chủ')}</a></p>
      </section>`;
    const manageable = subtree(this.orgs, adminOf);
    const blocAdmin = this.orgs.some((o) => o.kind === 'bloc' && adminOf.includes(o.id));
    return html`<h1>${msg('Quản trị')}</h1>
      ${this.failed ? html`<p role="alert">${msg('Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.')}</p>` : ''}
      <nav aria-label=${msg('Cây tổ chức')}>
        <h2>${msg('Cây tổ chức')}</h2>
        ${this.renderTree(null)}
      </nav>
      <div class="main">
        <vk-users-admin
          .orgs=${this.orgs.filter((o) => manageable.has(o.id))}
          .allOrgs=${this.orgs}
        ></vk-users-admin>
        ${blocAdmin ? html`<vk-templates-admin></vk-templates-admin>` : ''}
      </div>`;
  }

  /** The organisations under `parentId` as a nested list (the API lists parents first, not children under parents). */
  private renderTree(parentId: number | null): unknown {
    const known = new Set(this.orgs.map((o) => o.id));
    const children = this.orgs.filter((o) =>
      parentId === null ? o.parentId === null || !known.has(o.parentId) : o.parentId === parentId,
    );
    if (children.length === 0) return nothing;
    return html`<ul role=${parentId === null ? 'tree' : 'group'}>
      ${children.map(
        (o) =>
          html`<li role="treeitem" data-org=${o.id}>
            <span class="name">${o.name}</span> <span class="kind">${o.shortName}</span>
            ${this.renderTree(o.id)}
          </li>`,
      )}
    </ul>`;
  }
}

/** These organisations and everything below them. */
function subtree(orgs: readonly Org[], roots: readonly number[]): Set<number> {
  const result = new Set(roots);
  // Parents come before children in the API's list, so one pass reaches every descendant.
  for (const org of orgs) if (org.parentId !== null && result.has(org.parentId)) result.add(org.id);
  return result;
}

declare global {
  interface HTMLElementTagNameMap {
    'vk-admin-page': VkAdminPage;
  }
}
