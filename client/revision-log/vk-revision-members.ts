import { localized, msg } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { linkButtonStyles } from '../styles/link-button-styles.ts';
import { customElement, property } from 'lit/decorators.js';
import type { GroupMember, RevisionGroup } from '../../shared/api/revision-log.ts';
import { proposalDiff } from './proposal-diff.ts';
import { RevisionRegroupEvent } from './revision-events.ts';

/** A comment of the round and the row it sits in, to offer it as similar. */
export interface PlacedComment {
  readonly comment: GroupMember;
  readonly group: RevisionGroup;
}

/** Similar comments offered per member (the server ranks more; three fit a row). */
const SHOWN_SIMILAR = 3;

/**
 * The comments of one row of the consolidated table: each with its organisation, its place
 * when the row spans sections, "chưa gửi" while its organisation has not sent, a suggestion's
 * proposed wording as a word diff, and for the committee "tách riêng" and the most similar
 * comments of other rows, each merged into this row with one click.
 */
@customElement('vk-revision-members')
@localized()
export class VkRevisionMembers extends LitElement {
  static override styles = [
    linkButtonStyles,
    css`
      ol {
        margin: 6px 0 0;
        padding-left: 20px;
      }
      li {
        margin: 4px 0;
      }
      .where,
      .unsent {
        font-size: 0.85em;
        color: var(--vk-muted, #555);
      }
      .removed {
        color: var(--vk-warn, #8a4b00);
        font-size: 0.85em;
      }
      .unsent {
        border: 1px solid currentColor;
        border-radius: 3px;
        padding: 0 4px;
      }
      del {
        color: #9b1c1c;
      }
      ins {
        color: #1d5e2c;
      }
      .similar {
        margin: 2px 0 0;
        padding-left: 16px;
        font-size: 0.9em;
        list-style: '≈ ';
      }
      @media print {
        button,
        .similar {
          display: none;
        }
      }
    `,
  ];

  /** The row whose comments to list. */
  @property({ attribute: false }) group: RevisionGroup | null = null;
  /** Every comment of the table by id, to name the similar ones. */
  @property({ attribute: false }) comments: ReadonlyMap<number, PlacedComment> = new Map();
  /** The caller may regroup. */
  @property({ type: Boolean }) editable = false;

  override render() {
    const g = this.group;
    if (g === null) return nothing;
    const spans = new Set(g.comments.map((c) => c.sectionId)).size > 1;
    return html`<ol>
      ${g.comments.map((c) => this.renderMember(g, c, spans))}
    </ol>`;
  }

  private renderMember(g: RevisionGroup, c: GroupMember, spans: boolean) {
    const others = this.editable
      ? c.similar
          .map((id) => this.comments.get(id))
          .filter((p): p is PlacedComment => p !== undefined && p.group.key !== g.key)
          .slice(0, SHOWN_SIMILAR)
      : [];
    return html`<li>
      <strong>${c.orgName}:</strong> ${c.body}
      ${spans ? html`<span class="where">(${c.position})</span>` : nothing}
      ${c.unsent ? html`<span class="unsent">${msg('chưa gửi')}</span>` : nothing}
      ${
        c.textRemoved
          ? html`<span class="removed">${msg('đã tiếp thu, nhưng đoạn sửa đã bị xóa khỏi dự thảo')}</span>`
          : nothing
      }
      ${c.replacement !== null ? html`<div>${msg('Đề xuất:')} ${proposalDiff(c.quote, c.replacement)}</div>` : nothing}
      ${
        this.editable && g.comments.length > 1
          ? html`<button class="link" @click=${() => this.regroup([c.id])}>${msg('Tách riêng')}</button>`
          : nothing
      }
      ${
        others.length > 0
          ? html`<ul class="similar" aria-label=${msg('Ý kiến tương tự ở nhóm khác')}>
              ${others.map(
                (p) =>
                  html`<li>
                    ${p.comment.orgName}: ${p.comment.body}
                    <button
                      class="link"
                      @click=${() => this.regroup([...g.comments.map((m) => m.id), p.comment.id])}
                    >
                      ${msg('Gộp vào nhóm này')}
                    </button>
                  </li>`,
              )}
            </ul>`
          : nothing
      }
    </li>`;
  }

  private regroup(ids: readonly number[]): void {
    this.dispatchEvent(new RevisionRegroupEvent(ids));
  }
}

/** Every member of the table by comment id, with its row. */
export function commentsOf(groups: readonly RevisionGroup[]): Map<number, PlacedComment> {
  return new Map(
    groups.flatMap((group) => group.comments.map((comment) => [comment.id, { comment, group }] as const)),
  );
}

declare global {
  interface HTMLElementTagNameMap {
    'vk-revision-members': VkRevisionMembers;
  }
}
