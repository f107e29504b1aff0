import { localized, msg } from '@lit/localize';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { linkButtonStyles } from '../styles/link-button-styles.ts';
import { customElement, property, state } from 'lit/decorators.js';
import type { Comment } from '../../shared/api/comments.ts';
import type { SimilarComments } from '../../shared/api/revision-log.ts';
import { ActionController } from '../api/action-controller.ts';
import { loadSimilar, saveGroup } from '../revision-log/revision-api.ts';

/** Similar comments offered on a card (the table offers more). */
const SHOWN = 3;

/**
 * On a comment card the committee answers: the round's comments most like this one, so the
 * same request from several sub-branches is answered once, with "gộp" one click away (the two
 * become one group of the revision log). Read when the card opens.
 */
@customElement('vk-comment-similar')
@localized()
export class VkCommentSimilar extends LitElement {
  static override styles = [
    linkButtonStyles,
    css`
      :host {
        display: block;
        margin-top: 8px;
        font-size: 0.88rem;
      }
      h4 {
        margin: 0 0 4px;
        font-size: 0.85rem;
        color: var(--vk-muted, #555);
      }
      ul {
        margin: 0;
        padding-left: 16px;
      }
      li {
        margin: 2px 0;
      }
      .done,
      .error {
        margin: 4px 0 0;
      }
      .error {
        color: var(--vk-danger, #9b1c1c);
      }
    `,
  ];

  /** The draft the comment belongs to. */
  @property() draftId = '';
  /** The comment being answered. */
  @property({ attribute: false }) comment: Comment | null = null;

  @state() private similar: SimilarComments['comments'] | null = null;
  /** The comment's row in the table: a merge joins the other comment to all of it. */
  private row: readonly number[] = [];
  @state() private merged: ReadonlySet<number> = new Set();
  private readonly action = new ActionController(this);

  protected override willUpdate(changed: PropertyValues<this>): void {
    const before = changed.get('comment');
    if (changed.has('comment') && this.comment !== null && before?.id !== this.comment.id) void this.load();
  }

  override render() {
    const others = (this.similar ?? []).filter((c) => !c.together).slice(0, SHOWN);
    if (others.length === 0 && this.action.error === null) return nothing;
    return html`<h4>${msg('Ý kiến tương tự của đơn vị khác')}</h4>
      <ul>
        ${others.map(
          (c) =>
            html`<li>
              <strong>${c.orgName}:</strong> ${c.body}
              ${
                this.merged.has(c.id)
                  ? html`<span class="done" role="status">${msg('Đã gộp')}</span>`
                  : html`<button
                      class="link"
                      ?disabled=${this.action.busy}
                      @click=${() => void this.merge(c.id)}
                    >
                      ${msg('Gộp thành một nhóm')}
                    </button>`
              }
            </li>`,
        )}
      </ul>
      ${this.action.error === null ? nothing : html`<p class="error" role="alert">${this.action.error}</p>`}`;
  }

  private async load(): Promise<void> {
    const comment = this.comment;
    if (comment === null) return;
    await this.action.run(async () => {
      const answer = await loadSimilar(this.draftId, comment.roundId, comment.id);
      this.similar = answer.comments;
      this.row = answer.row;
    });
  }

  private async merge(otherId: number): Promise<void> {
    const comment = this.comment;
    if (comment === null) return;
    await this.action.run(async () => {
      const row = this.row.includes(comment.id) ? this.row : [comment.id];
      await saveGroup(this.draftId, comment.roundId, { commentIds: [...row, otherId] });
      this.merged = new Set([...this.merged, otherId]);
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vk-comment-similar': VkCommentSimilar;
  }
}
