import { localized, msg, str } from '@lit/localize';
import { formatWhen } from '../app/format-when.ts';
import { html, LitElement, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { Notification } from '../../shared/api/notifications.ts';
import { NotificationsController } from './notifications-controller.ts';
import { notificationsStyles } from './notifications-styles.ts';

/** Where a notification leads: a submission to the round's dashboard, an answer to the organisation's answers page, the rest to the draft. */
export function notificationHref(n: Notification): string {
  if (n.kind === 'org_submitted' && n.roundId !== null) return `/drafts/${n.draftId}/rounds/${n.roundId}`;
  // The answers page stays open to the organisation after its round, unlike the draft.
  if (n.kind === 'comment_answered') return `/drafts/${n.draftId}/answers`;
  if (n.kind === 'discussion_mentioned') return `/drafts/${n.draftId}/discussions`;
  return `/drafts/${n.draftId}`;
}

/** What happened, in one line. */
function headline(n: Notification): string {
  switch (n.kind) {
    case 'round_opened':
      return msg('Đợt lấy ý kiến mới mời tổ chức của bạn góp ý');
    case 'comment_answered':
      return n.actorName === null
        ? msg('Tiểu ban văn kiện đã trả lời góp ý của tổ chức bạn')
        : msg(str`${n.actorName} đã trả lời góp ý của tổ chức bạn`);
    case 'comment_replied':
      return n.actorName === null
        ? msg('Có phản hồi mới về góp ý của tổ chức bạn')
        : msg(str`${n.actorName} đã phản hồi góp ý của tổ chức bạn`);
    case 'org_submitted':
      return msg(str`${n.text} đã gửi góp ý`);
    case 'section_assigned':
      return n.actorName === null
        ? msg('Bạn được phân công viết một mục của dự thảo')
        : msg(str`${n.actorName} phân công bạn viết một mục của dự thảo`);
    case 'discussion_mentioned':
      return n.actorName === null
        ? msg('Bạn được nhắc đến trong một trao đổi nội bộ')
        : msg(str`${n.actorName} nhắc đến bạn trong trao đổi nội bộ`);
  }
}

/**
 * The header's bell: the unread count (in its accessible name too) and a panel of the newest
 * notifications, each a link; opening one marks it read. Kept live by the notification stream.
 */
@customElement('vk-notifications')
@localized()
export class VkNotifications extends LitElement {
  static override styles = notificationsStyles;

  @state() private open = false;
  /** Where the panel sits, relative to the bell's box, so that it stays inside the window. */
  @state() private placement: { left: number; width: number } | null = null;
  @query('button.bell') private bell!: HTMLButtonElement;
  @query('.panel') private panel!: HTMLElement;
  private readonly notes = new NotificationsController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('click', this.onDocumentClick);
  }

  override disconnectedCallback(): void {
    document.removeEventListener('click', this.onDocumentClick);
    super.disconnectedCallback();
  }

  override render() {
    const { unread, notifications } = this.notes;
    const label = unread > 0 ? msg(str`Thông báo: ${unread} chưa đọc`) : msg('Thông báo');
    return html`<button
        class="bell"
        type="button"
        aria-label=${label}
        title=${label}
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls="panel"
        @click=${this.toggle}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2">
          <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        ${unread > 0 ? html`<span class="badge" aria-hidden="true">${unread > 99 ? '99+' : unread}</span>` : nothing}
      </button>
      <div
        id="panel"
        class="panel"
        role="region"
        aria-labelledby="panel-title"
        tabindex="-1"
        style=${styleMap(
          this.placement === null
            ? {}
            : { left: `${this.placement.left}px`, right: 'auto', width: `${this.placement.width}px` },
        )}
        ?hidden=${!this.open}
        @keydown=${this.onKey}
      >
        <div class="head">
          <h2 id="panel-title">${msg('Thông báo')}</h2>
          <button type="button" ?disabled=${unread === 0} @click=${() => void this.notes.markAllRead()}>
            ${msg('Đánh dấu đã đọc tất cả')}
          </button>
        </div>
        ${
          notifications === null
            ? html`<p class="empty" role=${this.notes.failed ? 'alert' : 'status'}>
                ${this.notes.failed ? msg('Không tải được thông báo.') : msg('Đang tải…')}
              </p>`
            : notifications.length === 0
              ? html`<p class="empty">${msg('Chưa có thông báo nào.')}</p>`
              : html`<ul>
                  ${notifications.map((n) => this.item(n))}
                </ul>`
        }
      </div>`;
  }

  private item(n: Notification) {
    return html`<li class=${n.read ? 'read' : 'unread'}>
      <a href=${notificationHref(n)} @click=${() => this.onOpenItem(n)}>
        ${n.read ? nothing : html`<span class="sr-only">${msg('Chưa đọc:')}</span>`}
        <span class="what">${headline(n)}</span>
        ${n.kind === 'org_submitted' || n.text === '' ? nothing : html`<span class="excerpt">${n.text}</span>`}
        <small>${n.draftTitle} · ${formatWhen(n.createdAt)}</small>
      </a>
    </li>`;
  }

  private async toggle() {
    this.open = !this.open;
    if (this.open) this.place();
    await this.updateComplete;
    if (this.open) this.panel.focus();
  }

  /** Right-aligned under the bell, but never past either edge of a narrow window. */
  private place() {
    const host = this.getBoundingClientRect();
    const bell = this.bell.getBoundingClientRect();
    const width = Math.min(400, window.innerWidth - 24);
    const left = Math.min(Math.max(12, bell.right - width), window.innerWidth - 12 - width);
    this.placement = { left: left - host.left, width };
  }

  private onOpenItem(n: Notification) {
    this.open = false;
    void this.notes.markRead([n.id]);
  }

  private onKey(event: KeyboardEvent) {
    if (event.key !== 'Escape') return;
    this.open = false;
    this.bell.focus();
  }

  private readonly onDocumentClick = (event: MouseEvent) => {
    // A click anywhere else closes the panel, as menus do.
    if (this.open && !event.composedPath().includes(this)) this.open = false;
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'vk-notifications': VkNotifications;
  }
}
