import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { SessionInfo } from '../../shared/api/auth.ts';
import { DraftList, type Draft } from '../../shared/api/drafts.ts';
import { DraftProgress } from '../../shared/api/progress.ts';
import { VersionList } from '../../shared/api/versions.ts';
import { request } from '../api/api-client.ts';
import { accessLabel, statusLabel } from '../app/labels.ts';
import { navigate } from '../app/router.ts';
import '../components/vk-create-draft-dialog/vk-create-draft-dialog.ts';
import type {
  DraftCreatedEvent,
  VkCreateDraftDialog,
} from '../components/vk-create-draft-dialog/vk-create-draft-dialog.ts';
import '../components/vk-progress-bar/vk-progress-bar.ts';

interface DraftCard {
  draft: Draft;
  progress: DraftProgress['totals'] & { sections: number };
  version: number;
}

const STATUSES = ['drafting', 'consultation', 'final'] as const;

/** Home: the drafts the user may open, grouped by status, with progress and the current version. */
@customElement('vk-home-page')
@localized()
export class VkHomePage extends LitElement {
  static override styles = css`
    :host {
      display: block;
      padding: 24px;
      max-width: 1100px;
      width: 100%;
      margin: 0 auto;
    }
    .top {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 12px;
    }
    h1 {
      font-size: 1.4rem;
      margin: 0;
    }
    h2 {
      font-size: 1.05rem;
      margin: 28px 0 10px;
      color: var(--vk-muted);
    }
    ul {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(320px, 1fr));
      gap: 12px;
    }
    li a {
      display: grid;
      gap: 6px;
      padding: 14px 16px;
      background: var(--vk-surface);
      border: 1px solid var(--vk-border);
      border-radius: var(--vk-radius);
      color: inherit;
      text-decoration: none;
      box-shadow: var(--vk-shadow);
    }
    li a:hover {
      border-color: var(--vk-accent);
    }
    .title {
      font-weight: 600;
    }
    .meta {
      color: var(--vk-muted);
      font-size: 0.88rem;
    }
    button {
      font: inherit;
      font-weight: 600;
      padding: 8px 14px;
      border: 0;
      border-radius: var(--vk-radius);
      background: var(--vk-accent);
      color: var(--vk-accent-text);
      cursor: pointer;
    }
    .empty {
      color: var(--vk-muted);
    }
  `;

  @property({ attribute: false }) session!: SessionInfo;
  @state() private cards: DraftCard[] | null = null;
  @state() private failed = false;
  @query('vk-create-draft-dialog') private dialog!: VkCreateDraftDialog;

  override connectedCallback(): void {
    super.connectedCallback();
    this.load().catch(() => (this.failed = true));
  }

  override render() {
    const canCreate = this.session.roles.some((r) => r.role === 'drafter' || r.role === 'secretary');
    return html`<div class="top">
        <h1>${msg('Dự thảo văn kiện')}</h1>
        ${canCreate ? html`<button @click=${() => void this.dialog.show()}>${msg('Tạo dự thảo')}</button>` : nothing}
      </div>
      ${
        this.failed
          ? html`<p class="empty" role="alert">
              ${msg('Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.')}
            </p>`
          : this.cards === null
            ? html`<p class="empty">${msg('Đang tải…')}</p>`
            : this.cards.length === 0
              ? html`<p class="empty">${msg('Chưa có dự thảo nào bạn được xem.')}</p>`
              : STATUSES.map((status) => this.renderGroup(status))
      }
      <vk-create-draft-dialog @vk-draft-created=${this.onCreated}></vk-create-draft-dialog>`;
  }

  private renderGroup(status: (typeof STATUSES)[number]) {
    const cards = (this.cards ?? []).filter((c) => c.draft.status === status);
    if (cards.length === 0) return nothing;
    return html`<h2>${statusLabel(status)}</h2>
      <ul>
        ${cards.map(
          ({ draft, progress, version }) =>
            html`<li>
              <a href="/drafts/${draft.id}">
                <span class="title">${draft.title}</span>
                <span class="meta"
                  >${version > 0 ? msg(str`Dự thảo lần ${version}`) : msg('Chưa chốt lần dự thảo nào')} ·
                  ${accessLabel(draft.access)}</span
                >
                ${
                  draft.lastEdit
                    ? html`<span class="meta"
                        >${msg(
                          str`Sửa lần cuối: ${draft.lastEdit.name ?? '—'}, ${new Date(
                            draft.lastEdit.at,
                          ).toLocaleString('vi-VN', { dateStyle: 'short', timeStyle: 'short' })}`,
                        )}</span
                      >`
                    : nothing
                }
                ${
                  progress.sections > 0
                    ? html`<vk-progress-bar
                        .written=${progress.written}
                        .writing=${progress.writing}
                        .total=${progress.sections}
                        .flagged=${progress.flagged}
                      ></vk-progress-bar>`
                    : nothing
                }
              </a>
            </li>`,
        )}
      </ul>`;
  }

  private async load() {
    const { drafts } = await request('/drafts', DraftList);
    this.cards = await Promise.all(
      drafts.map(async (draft) => {
        const [progress, versions] = await Promise.all([
          request(`/drafts/${draft.id}/progress`, DraftProgress),
          request(`/drafts/${draft.id}/versions`, VersionList),
        ]);
        return {
          draft,
          progress: { ...progress.totals, sections: progress.sections.length },
          version: versions.versions.at(-1)?.number ?? 0,
        };
      }),
    );
  }

  private onCreated(event: DraftCreatedEvent) {
    navigate(`/drafts/${event.draft.id}`);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vk-home-page': VkHomePage;
  }
}
