import { localized, msg, str } from '@lit/localize';
import { formatWhen } from '../../app/format-when.ts';
import { html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { z } from 'zod';
import { VersionList, type VersionSummary } from '../../../shared/api/versions.ts';
import { ApiError, request } from '../../api/api-client.ts';
import { errorMessage } from '../../app/labels.ts';
import '../vk-versions-diff/vk-versions-diff.ts';
import '../vk-versions-freeze/vk-versions-freeze.ts';
import type { VkVersionsDiff } from '../vk-versions-diff/vk-versions-diff.ts';
import '../vk-versions-viewer/vk-versions-viewer.ts';
import type { VkVersionsViewer } from '../vk-versions-viewer/vk-versions-viewer.ts';
import { versionsPanelStyles } from './versions-panel-styles.ts';
import { versionLabel } from '../../app/version-label.ts';
import { renderNotice, type PanelNotice } from './panel-notice.ts';

type Versions = z.infer<typeof VersionList>;

/**
 * The numbered drafts (Dự thảo lần N): who froze each and why, freezing the next one, reading
 * one as it was, comparing two, and restoring one. Freeze and restore are offered only with
 * edit access (the server refuses them otherwise); a restore reaches the live editor through
 * Yjs like any colleague's edit.
 */
@customElement('vk-versions-panel')
@localized()
export class VkVersionsPanel extends LitElement {
  static override styles = versionsPanelStyles;

  /** The draft whose versions are listed. */
  @property() draftId = '';
  /** Whether the user may freeze and restore. */
  @property({ type: Boolean, attribute: 'can-edit' }) canEdit = false;
  /** The signed-in user's id (shown as "bạn"). */
  @property({ type: Number, attribute: false }) selfId = 0;
  /** Known user names by id (the API gives ids only). */
  @property({ attribute: false }) names: ReadonlyMap<number, string> = new Map();

  @state() private data: Versions | null = null;
  @state() private busy = false;
  @state() private notice: PanelNotice | null = null;
  @query('vk-versions-viewer') private viewer!: VkVersionsViewer;
  @query('vk-versions-diff') private differ!: VkVersionsDiff;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.reload();
  }

  /** Re-reads the list (someone else may have frozen a version). */
  async reload(): Promise<void> {
    try {
      this.data = await request(`/drafts/${encodeURIComponent(this.draftId)}/versions`, VersionList);
    } catch (error) {
      this.notice = {
        kind: 'error',
        text: errorMessage(error instanceof ApiError ? error.code : 'network_error'),
      };
    }
  }

  override render() {
    const versions = [...(this.data?.versions ?? [])].reverse();
    const next = (this.data?.versions.at(-1)?.number ?? 0) + 1;
    return html`<h2 id="versions-title">${msg('Các lần dự thảo')}</h2>
      ${
        this.canEdit
          ? html`<vk-versions-freeze .draftId=${this.draftId} .next=${next} @vk-version-frozen=${this.reload}>
            </vk-versions-freeze>`
          : nothing
      }
      ${renderNotice(this.notice)} ${versions.length >= 2 ? this.renderCompare(versions) : nothing}
      ${
        this.data === null
          ? html`<p class="muted">${msg('Đang tải…')}</p>`
          : versions.length === 0
            ? html`<p class="muted">${msg('Chưa chốt lần dự thảo nào.')}</p>`
            : html`<ol aria-labelledby="versions-title">
                ${versions.map((v) => this.renderVersion(v))}
              </ol>`
      }
      <vk-versions-viewer></vk-versions-viewer>
      <vk-versions-diff></vk-versions-diff>`;
  }

  private renderVersion(v: z.infer<typeof VersionSummary>) {
    const restores = (this.data?.restores ?? []).filter((r) => r.version === v.number);
    return html`<li>
      <div class="head">
        <strong>${versionLabel(v.number)}</strong><small>${formatWhen(v.createdAt)}</small>
      </div>
      <small class="muted">${this.who(v.createdBy, v.createdByName)}</small>
      ${v.note ? html`<p class="note">${v.note}</p>` : nothing}
      ${restores.map(
        (r) =>
          html`<small class="restored"
            >${msg(str`Đã khôi phục: ${this.who(r.restoredBy, r.restoredByName)}, ${formatWhen(r.restoredAt)}`)}</small
          >`,
      )}
      <div class="actions">
        <button
          type="button"
          @click=${() => void this.viewer.show(this.draftId, v.number)}
          aria-label=${msg(str`Xem ${versionLabel(v.number)}`)}
        >
          ${msg('Xem')}
        </button>
        ${
          v.number > 1
            ? html`<button
                type="button"
                @click=${() => void this.differ.show(this.draftId, v.number - 1, v.number)}
                aria-label=${msg(str`So sánh ${versionLabel(v.number)} với lần trước`)}
              >
                ${msg('So với lần trước')}
              </button>`
            : nothing
        }
        ${
          this.canEdit
            ? html`<button
                type="button"
                class="danger"
                ?disabled=${this.busy}
                @click=${() => void this.onRestore(v.number)}
                aria-label=${msg(str`Khôi phục ${versionLabel(v.number)}`)}
              >
                ${msg('Khôi phục')}
              </button>`
            : nothing
        }
      </div>
    </li>`;
  }

  private renderCompare(versions: Versions['versions']) {
    const options = (selected: number) =>
      versions.map(
        (v) =>
          html`<option value=${v.number} ?selected=${v.number === selected}>
            ${versionLabel(v.number)}
          </option>`,
      );
    return html`<form class="compare" @submit=${this.onCompare} aria-label=${msg('So sánh hai lần dự thảo')}>
      <select name="from" aria-label=${msg('Từ lần')}>
        ${options(versions[1]!.number)}
      </select>
      <span aria-hidden="true">→</span>
      <select name="to" aria-label=${msg('Đến lần')}>
        ${options(versions[0]!.number)}
      </select>
      <button type="submit">${msg('So sánh')}</button>
    </form>`;
  }

  private who(userId: number | null, name: string | null): string {
    if (userId === null) return '—';
    if (userId === this.selfId) return msg('Bạn');
    return name ?? this.names.get(userId) ?? msg(str`Thành viên số ${userId}`);
  }

  private async onRestore(number: number) {
    const question = msg(
      str`Khôi phục Dự thảo lần ${number}? Văn bản đang soạn sẽ được thay bằng nội dung của lần này, và mọi người đang mở dự thảo sẽ thấy ngay. Nếu cần giữ văn bản hiện tại, hãy chốt nó thành một lần dự thảo trước.`,
    );
    if (!confirm(question)) return;
    this.busy = true;
    this.notice = null;
    try {
      await request(`/drafts/${encodeURIComponent(this.draftId)}/versions/${number}/restore`, z.undefined(), {
        method: 'POST',
      });
      this.notice = { kind: 'ok', text: msg(str`Đã khôi phục Dự thảo lần ${number}.`) };
      await this.reload();
    } catch (error) {
      this.notice = {
        kind: 'error',
        text: errorMessage(error instanceof ApiError ? error.code : 'network_error'),
      };
    } finally {
      this.busy = false;
    }
  }

  private onCompare(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const from = Number(data.get('from'));
    const to = Number(data.get('to'));
    if (from === to) this.notice = { kind: 'error', text: msg('Chọn hai lần dự thảo khác nhau để so sánh.') };
    else void this.differ.show(this.draftId, Math.min(from, to), Math.max(from, to));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vk-versions-panel': VkVersionsPanel;
  }
}
