import { versionLabel } from '../app/version-label.ts';
import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { z } from 'zod';
import type { RevisionHistory, SectionWordDiff } from '../../shared/api/revision-log.ts';
import { ApiError } from '../api/api-client.ts';
import { formatWhen } from '../app/format-when.ts';
import { errorMessage } from '../app/labels.ts';
import { loadHistory, loadSectionDiff } from './revision-api.ts';
import { buttonStyles } from '../styles/button-styles.ts';
import { renderPart } from '../versions/vk-versions-diff.ts';

type Diff = z.infer<typeof SectionWordDiff>;

/**
 * What the committee changed after the round, section by section: between the round's
 * version and the next one (or the text being written), how many words were added and
 * removed, how many of the round's groups on the section were taken up, and the section's
 * word diff one click away. Who and when are per version: the text keeps no author per section.
 */
@customElement('vk-revision-history')
@localized()
export class VkRevisionHistory extends LitElement {
  static override styles = [
    buttonStyles,
    css`
      :host {
        display: block;
      }
      table {
        width: 100%;
        border-collapse: collapse;
        background: var(--vk-surface);
      }
      th,
      td {
        border-bottom: 1px solid var(--vk-border);
        padding: 6px 8px;
        text-align: left;
        vertical-align: top;
      }
      .added {
        color: var(--vk-ok);
      }
      .removed {
        color: var(--vk-danger);
      }
      .diff {
        font-family: var(--vk-font-doc);
        line-height: 1.55;
        white-space: pre-wrap;
      }
      ins {
        color: var(--vk-ok);
      }
      del {
        color: var(--vk-danger);
      }
      button {
        font-size: 0.85rem;
        padding: 2px 8px;
      }
    `,
  ];

  @state() private history: RevisionHistory | null = null;
  @state() private diffs: ReadonlyMap<string, Diff> = new Map();
  @state() private error: string | null = null;

  /** The draft of the round. */
  @property() draftId = '';
  /** The round whose edits to show. */
  @property({ type: Number }) roundId = 0;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('draftId') || changed.has('roundId')) && this.draftId !== '' && this.roundId > 0)
      void this.load();
  }

  override render() {
    if (this.error !== null) return html`<p role="alert">${this.error}</p>`;
    const h = this.history;
    if (h === null) return html`<p role="status">${msg('Đang tải…')}</p>`;
    const changed = h.sections.filter((s) => s.status !== 'unchanged');
    return html`<p>
        ${msg(
          str`Từ ${versionLabel(h.fromVersion)} đến ${h.toVersion === null ? msg('Bản đang soạn') : versionLabel(h.toVersion)}: ${changed.length} phần có sửa đổi.`,
        )}
        ${h.editedBy === null ? nothing : msg(str`Người sửa: ${h.editedBy}, ${formatWhen(h.editedAt ?? '')}.`)}
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">${msg('Phần')}</th>
            <th scope="col">${msg('Số chữ thêm / bớt')}</th>
            <th scope="col">${msg('Người viết thêm')}</th>
            <th scope="col">${msg('Nhóm ý kiến đã tiếp thu')}</th>
            <th scope="col"></th>
          </tr>
        </thead>
        <tbody>
          ${changed.map(
            (s) =>
              html`<tr>
                  <td>${s.position}</td>
                  <td>
                    <span class="added">+${s.wordsAdded}</span> /
                    <span class="removed">−${s.wordsRemoved}</span>
                  </td>
                  <td>${s.editors.join(', ') || '—'}</td>
                  <td>${s.accepted}/${s.groups}</td>
                  <td>
                    <button
                      aria-expanded=${this.diffs.has(s.sectionId)}
                      @click=${() => void this.toggle(s.sectionId)}
                    >
                      ${this.diffs.has(s.sectionId) ? msg('Ẩn') : msg('Xem thay đổi')}
                    </button>
                  </td>
                </tr>
                ${this.renderDiff(s.sectionId)}`,
          )}
        </tbody>
      </table>`;
  }

  private renderDiff(sectionId: string) {
    const diff = this.diffs.get(sectionId);
    if (diff === undefined) return nothing;
    const last = diff.parts.length - 1;
    return html`<tr>
      <td colspan="5" class="diff">${diff.parts.map((part, i) => renderPart(part, i === 0, i === last))}</td>
    </tr>`;
  }

  private async load(): Promise<void> {
    try {
      this.history = await loadHistory(this.draftId, this.roundId);
    } catch (error) {
      this.error = errorMessage(error instanceof ApiError ? error.code : 'internal_error');
    }
  }

  private async toggle(sectionId: string): Promise<void> {
    const next = new Map(this.diffs);
    if (!next.delete(sectionId))
      next.set(sectionId, await loadSectionDiff(this.draftId, this.roundId, sectionId));
    this.diffs = next;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vk-revision-history': VkRevisionHistory;
  }
}
