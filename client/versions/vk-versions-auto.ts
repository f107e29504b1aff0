import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { SnapshotList, VersionSummary } from '../../shared/api/versions.ts';
import { ActionController } from '../api/action-controller.ts';
import { nameSnapshot } from './versions-api.ts';
import { formatWhen } from '../app/format-when.ts';
import { versionLabel } from '../app/version-label.ts';
import type { Point } from './vk-versions-diff.ts';
import { actionNotice, renderNotice, type PanelNotice } from './panel-notice.ts';
import { versionsPanelStyles } from './versions-panel-styles.ts';

type Snapshot = SnapshotList['snapshots'][number];

/** Fired when an automatic snapshot was named: it is now the numbered version `version`. */
export class SnapshotNamedEvent extends Event {
  static readonly type = 'vk-snapshot-named';

  constructor(readonly version: VersionSummary) {
    super(SnapshotNamedEvent.type, { bubbles: true, composed: true });
  }
}

/** Asks the panel to show the changes between two points of the history. */
export class CompareRequestEvent extends Event {
  static readonly type = 'vk-compare-request';

  constructor(
    readonly from: Point,
    readonly to: Point,
  ) {
    super(CompareRequestEvent.type, { bubbles: true, composed: true });
  }
}

/** How an automatic snapshot is named in lists and dialog titles. */
export function snapshotLabel(snapshot: Snapshot): string {
  return msg(str`Tự động lưu lúc ${formatWhen(snapshot.createdAt)}`);
}

/**
 * "Tự động lưu": the snapshots the server took while people edited, newest first, each with
 * who edited and how much; each can be compared with the one before it and, with edit access,
 * named: frozen as the next "Dự thảo lần N" with a note, the text as it was then.
 */
@customElement('vk-versions-auto')
@localized()
export class VkVersionsAuto extends LitElement {
  static override styles = [
    versionsPanelStyles,
    css`
      form.name {
        margin: 6px 0 0;
      }
      form.name .row {
        display: flex;
        flex-wrap: wrap;
        gap: 6px;
      }
      input {
        font: inherit;
        border: 1px solid var(--vk-border);
        border-radius: var(--vk-radius);
        padding: 5px 8px;
      }
      .editors {
        margin: 0;
        padding: 0;
        list-style: none;
        font-size: 0.85rem;
      }
      /* Lines of text, not the bordered cards the panel's lists are made of. */
      .editors li {
        border: 0;
        padding: 0;
        background: none;
      }
    `,
  ];

  /** The draft the snapshots belong to. */
  @property() draftId = '';
  /** The snapshots, newest first (null while loading). */
  @property({ attribute: false }) snapshots: readonly Snapshot[] | null = null;
  /** Why the snapshots could not be listed, or ''. */
  @property() error = '';
  /** Whether the user may name a snapshot. */
  @property({ type: Boolean, attribute: 'can-edit' }) canEdit = false;
  /** The number naming will give (shown on the button). */
  @property({ type: Number }) next = 1;
  /** The signed-in user's id (shown as "Bạn"). */
  @property({ type: Number, attribute: false }) selfId = 0;

  /** The snapshot whose naming form is open. */
  @state() private naming: number | null = null;
  private readonly action = new ActionController(this);
  @state() private notice: PanelNotice | null = null;

  override render() {
    if (this.error) return html`<p class="notice error" role="alert">${this.error}</p>`;
    if (this.snapshots === null) return html`<p class="muted">${msg('Đang tải…')}</p>`;
    if (this.snapshots.length === 0) return html`<p class="muted">${msg('Chưa có bản tự động lưu nào.')}</p>`;
    return html`${renderNotice(actionNotice(this.action, this.notice))}
      <ol aria-label=${msg('Tự động lưu')}>
        ${this.snapshots.map((s, i) => this.renderSnapshot(s, this.snapshots![i + 1]))}
      </ol>`;
  }

  private renderSnapshot(s: Snapshot, previous: Snapshot | undefined) {
    const label = snapshotLabel(s);
    return html`<li>
      <div class="head">
        <strong>${formatWhen(s.createdAt)}</strong>
        <small>${msg(str`soạn từ ${formatWhen(s.startedAt)}`)}</small>
      </div>
      <ul class="editors muted">
        ${s.editors.map(
          (e) =>
            html`<li>
              ${e.userId === this.selfId ? msg('Bạn') : (e.name ?? msg(str`Thành viên số ${e.userId}`))}:
              ${msg(str`${e.updates} lần sửa`)} (${kilobytes(e.bytes)})
            </li>`,
        )}
      </ul>
      <div class="actions">
        ${
          previous === undefined
            ? nothing
            : html`<button
                type="button"
                aria-label=${msg(str`So sánh ${label} với bản trước`)}
                @click=${() => this.compare(previous, s)}
              >
                ${msg('So với bản trước')}
              </button>`
        }
        ${
          this.canEdit && this.naming !== s.id
            ? html`<button
                type="button"
                aria-label=${msg(str`Đặt tên cho ${label}`)}
                @click=${() => this.openNaming(s.id)}
              >
                ${msg('Đặt tên')}
              </button>`
            : nothing
        }
      </div>
      ${this.naming === s.id ? this.renderNaming(s) : nothing}
    </li>`;
  }

  private renderNaming(s: Snapshot) {
    return html`<form class="name" @submit=${(e: SubmitEvent) => this.onName(e, s)}>
      <label for="name-${s.id}">${msg(str`Ghi chú cho ${versionLabel(this.next)}`)}</label>
      <input id="name-${s.id}" name="note" maxlength="1000" autocomplete="off" />
      <div class="row">
        <button class="primary" type="submit" ?disabled=${this.action.busy}>
          ${msg(str`Lưu thành ${versionLabel(this.next)}`)}
        </button>
        <button type="button" @click=${() => (this.naming = null)}>${msg('Hủy')}</button>
      </div>
    </form>`;
  }

  private async openNaming(id: number) {
    this.naming = id;
    this.notice = null;
    this.action.fail(null);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>(`#name-${id}`)?.focus();
  }

  private compare(from: Snapshot, to: Snapshot) {
    this.dispatchEvent(
      new CompareRequestEvent(
        { point: `s${from.id}`, label: snapshotLabel(from) },
        { point: `s${to.id}`, label: snapshotLabel(to) },
      ),
    );
  }

  private async onName(event: SubmitEvent, s: Snapshot) {
    event.preventDefault();
    if (this.action.busy) return;
    this.notice = null;
    const input = (event.target as HTMLFormElement).elements.namedItem('note') as HTMLInputElement;
    const note = input.value.trim();
    await this.action.run(async () => {
      const version = await nameSnapshot(this.draftId, s.id, note);
      this.naming = null;
      this.notice = {
        kind: 'ok',
        text: msg(str`Đã lưu ${snapshotLabel(s)} thành ${versionLabel(version.number)}.`),
      };
      this.dispatchEvent(new SnapshotNamedEvent(version));
    });
  }
}

/** Bytes of accepted changes, as a rough measure of how much was edited. */
function kilobytes(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`;
}

declare global {
  interface HTMLElementTagNameMap {
    'vk-versions-auto': VkVersionsAuto;
  }
  interface HTMLElementEventMap {
    'vk-snapshot-named': SnapshotNamedEvent;
    'vk-compare-request': CompareRequestEvent;
  }
}
