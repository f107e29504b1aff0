import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { SessionInfo } from '../../shared/api/auth.ts';
import { formatWhen } from '../app/format-when.ts';
import { errorMessage, invitationStateLabel } from '../app/labels.ts';
import { AnswersController, type InvitedRound } from './answers-controller.ts';
import type { CommentThread } from './threads.ts';
import './vk-comment-thread.ts';
import { titleWithVersion } from '../rounds/round-label.ts';
import { buttonStyles } from '../styles/button-styles.ts';
import { pageStyles } from '../styles/page-styles.ts';
import { plural } from '../app/plural.ts';

/**
 * `/drafts/:id/answers`: a sub-branch's or mass organisation's own comments on a draft, each
 * with the committee's answer, grouped by section. It is how a commenter sees that their
 * comments were answered, also after the round closed and the draft is no longer theirs to read.
 */
@customElement('vk-answers-page')
@localized()
export class VkAnswersPage extends LitElement {
  static override styles = [
    buttonStyles,
    pageStyles,
    css`
      :host {
        --vk-page-width: 860px;
      }
      h1 {
        font-size: 1.4rem;
        margin: 6px 0 4px;
      }
      h2 {
        font-size: 1rem;
        margin: 24px 0 8px;
        font-family: var(--vk-font-doc);
      }
      .meta,
      .empty {
        color: var(--vk-muted);
      }
      .rounds {
        display: grid;
        gap: 4px;
        margin: 8px 0 0;
        padding: 0;
        list-style: none;
      }
      .summary {
        display: flex;
        flex-wrap: wrap;
        gap: 8px 16px;
        align-items: center;
        margin: 16px 0;
      }
      .summary strong {
        font-size: 1.1rem;
      }
      .waiting {
        color: var(--vk-warn);
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 10px;
      }
      button {
        padding: 6px 12px;
      }
      @media print {
        button,
        .back {
          display: none;
        }
      }
    `,
  ];

  /** The signed-in user. */
  @property({ attribute: false }) session!: SessionInfo;
  /** The draft whose comments to show. */
  @property() draftId = '';

  private readonly answers = new AnswersController(this);

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('draftId') && this.draftId !== '') void this.answers.load(this.draftId);
  }

  override render() {
    const value = this.answers.value;
    if (value.state === 'loading') return html`<p role="status">${msg('Đang tải…')}</p>`;
    if (value.state === 'error')
      return html`<div role="alert">
        <p>${errorMessage(value.code)}</p>
        <p><a href="/">${msg('Về trang chủ')}</a></p>
      </div>`;
    const { rounds, threads, sections } = value;
    const answered = threads.filter((t) => t.root.disposition !== null).length;
    const open = rounds.some((r) => r.round.status === 'open');
    return html`<a class="back" href="/">${msg('← Trang chủ')}</a>
      <h1>${msg('Góp ý của tổ chức và trả lời của tiểu ban')}</h1>
      <p class="meta">${rounds[0]?.draft.title ?? ''}</p>
      <ul class="rounds">
        ${rounds.map((r) => this.renderRound(r))}
      </ul>
      <div class="summary" role="status">
        <strong
          >${plural(
            threads.length,
            msg(str`${answered}/${threads.length} góp ý đã được trả lời`, { id: 'answered-of.one' }),
            msg(str`${answered}/${threads.length} góp ý đã được trả lời`, { id: 'answered-of.other' }),
          )}</strong
        >
        ${
          threads.length > answered
            ? html`<span class="waiting">${msg(str`${threads.length - answered} đang chờ trả lời`)}</span>`
            : nothing
        }
        ${open ? html`<a href="/drafts/${this.draftId}">${msg('Mở dự thảo để góp ý')}</a>` : nothing}
        <button type="button" @click=${this.reload}>${msg('Tải lại')}</button>
      </div>
      ${
        threads.length === 0
          ? html`<p class="empty">${msg('Tổ chức của bạn chưa có góp ý nào cho dự thảo này.')}</p>`
          : this.renderSections(threads, sections)
      }`;
  }

  private readonly reload = () => void this.answers.load(this.draftId);

  private renderRound({ round, mine }: InvitedRound) {
    const state =
      round.status === 'open'
        ? msg(str`Hạn góp ý: ${formatWhen(round.deadline)}`)
        : msg('Đợt lấy ý kiến đã kết thúc');
    return html`<li>
      <strong>${titleWithVersion(round)}</strong> · ${state} · ${mine.orgName}:
      ${invitationStateLabel(mine.state)}
    </li>`;
  }

  /** Threads under their section's heading; whole-draft ones first, as the server orders them. */
  private renderSections(threads: readonly CommentThread[], sections: ReadonlyMap<string, string>) {
    const groups = new Map<string, CommentThread[]>();
    for (const thread of threads) {
      const id = thread.root.anchor?.sectionId ?? '';
      groups.set(id, [...(groups.get(id) ?? []), thread]);
    }
    return [...groups].map(
      ([id, group]) =>
        html`<section>
          <h2>${sections.get(id) ?? msg('Chung cho cả dự thảo')}</h2>
          <ol @vk-comment-changed=${this.reload} @vk-comment-withdrawn=${this.reload}>
            ${group.map(
              (t) =>
                html`<li>
                  <vk-comment-thread
                    .draftId=${this.draftId}
                    .thread=${t}
                    .selfId=${this.session.user.id}
                    ?orphaned=${t.root.orphaned}
                    .nowReads=${t.root.nowReads}
                    expanded
                  ></vk-comment-thread>
                </li>`,
            )}
          </ol>
        </section>`,
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vk-answers-page': VkAnswersPage;
  }
}
