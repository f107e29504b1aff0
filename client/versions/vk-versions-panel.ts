import { localized, msg, str } from '@lit/localize';
import { formatWhen } from '../app/format-when.ts';
import { html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { SnapshotList, VersionList, VersionSummary } from '../../shared/api/versions.ts';
import { ActionController, failureMessage } from '../api/action-controller.ts';
import { listSnapshots, listVersions, restoreVersion } from './versions-api.ts';
import './vk-versions-auto.ts';
import { snapshotLabel, type CompareRequestEvent } from './vk-versions-auto.ts';
import './vk-versions-diff.ts';
import './vk-versions-freeze.ts';
import type { VkVersionsFreeze } from './vk-versions-freeze.ts';
import type { Point, VkVersionsDiff } from './vk-versions-diff.ts';
import './vk-versions-viewer.ts';
import type { VkVersionsViewer } from './vk-versions-viewer.ts';
import { versionsPanelStyles } from './versions-panel-styles.ts';
import { versionLabel } from '../app/version-label.ts';
import { actionNotice, renderNotice, type PanelNotice } from './panel-notice.ts';
import { askConfirm } from '../ui/vk-dialog.ts';

type Versions = VersionList;
type Snapshot = SnapshotList['snapshots'][number];

/** A point offered for comparison, with when it was taken (the older one is compared first). */
interface Entry extends Point {
  at: number;
}

/**
 * A draft's history in two lists: the numbered drafts (Dự thảo lần N: who froze each and why,
 * freezing the next one, reading one as it was, restoring one) and the automatic snapshots
 * (`vk-versions-auto`, which can name one as the next numbered draft). Any two points, or one
 * and the text as it is now, can be compared, the added words coloured by who typed them.
 * Freeze, name and restore are offered only with edit access (the server refuses them
 * otherwise); a restore reaches the live editor through Yjs like any colleague's edit.
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
  @state() private snapshots: readonly Snapshot[] | null = null;
  @state() private snapshotsError = '';
  /** Restoring a version. */
  private readonly action = new ActionController(this);
  @state() private notice: PanelNotice | null = null;
  @query('vk-versions-viewer') private viewer!: VkVersionsViewer;
  @query('vk-versions-freeze') private freeze?: VkVersionsFreeze;
  @query('vk-versions-diff') private differ!: VkVersionsDiff;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.reload();
  }

  /** Re-reads both lists (someone else may have frozen a version; the server snapshots as people edit). */
  async reload(): Promise<void> {
    await Promise.all([this.reloadVersions(), this.reloadSnapshots()]);
  }

  private async reloadVersions(): Promise<void> {
    try {
      this.data = await listVersions(this.draftId);
    } catch (error) {
      this.show({ kind: 'error', text: failureMessage(error) });
    }
  }

  private async reloadSnapshots(): Promise<void> {
    try {
      this.snapshots = (await listSnapshots(this.draftId)).snapshots;
      this.snapshotsError = '';
    } catch (error) {
      this.snapshotsError = failureMessage(error);
    }
  }

  override render() {
    const versions = [...(this.data?.versions ?? [])].reverse();
    const next = (this.data?.versions.at(-1)?.number ?? 0) + 1;
    const entries = this.entries();
    return html`<h2>${msg('Các lần dự thảo')}</h2>
      ${
        this.canEdit
          ? html`<vk-versions-freeze .draftId=${this.draftId} .next=${next} @vk-version-frozen=${this.reload}>
            </vk-versions-freeze>`
          : nothing
      }
      ${renderNotice(actionNotice(this.action, this.notice))}
      ${entries.length >= 2 ? this.renderCompare(entries) : nothing}
      <h3 id="versions-title">${msg('Các bản dự thảo')}</h3>
      ${
        this.data === null
          ? html`<p class="muted">${msg('Đang tải…')}</p>`
          : versions.length === 0
            ? html`<p class="muted">${msg('Chưa chốt lần dự thảo nào.')}</p>`
            : html`<ol aria-labelledby="versions-title">
                ${versions.map((v) => this.renderVersion(v))}
              </ol>`
      }
      <h3>${msg('Tự động lưu')}</h3>
      <vk-versions-auto
        .draftId=${this.draftId}
        .snapshots=${this.snapshots}
        .error=${this.snapshotsError}
        .canEdit=${this.canEdit}
        .next=${next}
        .selfId=${this.selfId}
        @vk-snapshot-named=${this.reloadVersions}
        @vk-compare-request=${(e: CompareRequestEvent) => void this.differ.compare(this.draftId, e.from, e.to)}
      ></vk-versions-auto>
      <vk-versions-viewer></vk-versions-viewer>
      <vk-versions-diff></vk-versions-diff>`;
  }

  /** Every point that can be compared: the text now, the numbered versions, the snapshots (newest first each). */
  private entries(): Entry[] {
    if (this.data === null) return [];
    const versions = [...this.data.versions].reverse().map((v) => ({
      point: `v${v.number}`,
      label: versionLabel(v.number),
      at: Date.parse(v.createdAt),
    }));
    const snapshots = (this.snapshots ?? []).map((s) => ({
      point: `s${s.id}`,
      label: snapshotLabel(s),
      at: Date.parse(s.createdAt),
    }));
    if (versions.length + snapshots.length === 0) return [];
    return [{ point: 'live', label: msg('Bản đang soạn'), at: Infinity }, ...versions, ...snapshots];
  }

  private renderVersion(v: VersionSummary) {
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
                @click=${() =>
                  void this.differ.compare(
                    this.draftId,
                    { point: `v${v.number - 1}`, label: versionLabel(v.number - 1) },
                    { point: `v${v.number}`, label: versionLabel(v.number) },
                  )}
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
                ?disabled=${this.action.busy}
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

  private renderCompare(entries: readonly Entry[]) {
    // By default the two newest saved points: the last two versions, or a version and a snapshot.
    const saved = entries.slice(1);
    const [to, from] = [saved[0]!, saved[1] ?? entries[0]!];
    const options = (selected: Entry, group: (e: Entry) => boolean) =>
      entries
        .filter(group)
        .map((e) => html`<option value=${e.point} ?selected=${e === selected}>${e.label}</option>`);
    const select = (name: string, label: string, selected: Entry) =>
      html`<select name=${name} aria-label=${label}>
        ${options(selected, (e) => e.point === 'live')}
        <optgroup label=${msg('Các bản dự thảo')}>
          ${options(selected, (e) => e.point.startsWith('v'))}
        </optgroup>
        <optgroup label=${msg('Tự động lưu')}>${options(selected, (e) => e.point.startsWith('s'))}</optgroup>
      </select>`;
    return html`<form class="compare" @submit=${this.onCompare} aria-label=${msg('So sánh hai bản')}>
      ${select('from', msg('Từ bản'), from)}
      <span aria-hidden="true">→</span>
      ${select('to', msg('Đến bản'), to)}
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
    if (!(await askConfirm({ message: question, confirmLabel: msg('Khôi phục') }))) return;
    this.notice = null;
    await this.action.run(async () => {
      await restoreVersion(this.draftId, number);
      this.notice = { kind: 'ok', text: msg(str`Đã khôi phục Dự thảo lần ${number}.`) };
      this.freeze?.clearNotice();
      await this.reloadVersions();
    });
  }

  /** Shows a notice of the panel's own in place of the last action's failure. */
  private show(notice: PanelNotice): void {
    this.notice = notice;
    this.action.fail(null);
  }

  private onCompare(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const entries = this.entries();
    const pick = (name: string) => entries.find((e) => e.point === data.get(name));
    const [a, b] = [pick('from'), pick('to')];
    if (a === undefined || b === undefined) return;
    if (a === b) this.show({ kind: 'error', text: msg('Chọn hai lần dự thảo khác nhau để so sánh.') });
    else void this.differ.compare(this.draftId, ...((a.at <= b.at ? [a, b] : [b, a]) as [Point, Point]));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vk-versions-panel': VkVersionsPanel;
  }
}
