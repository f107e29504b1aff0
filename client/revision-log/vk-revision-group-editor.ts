import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { DISPOSITIONS, type Disposition } from '../../shared/api/comments.ts';
import type { RevisionGroup } from '../../shared/api/revision-log.ts';
import { ActionController } from '../api/action-controller.ts';
import { errorMessage } from '../app/labels.ts';
import { dispositionLabel } from '../comments/comment-labels.ts';
import { saveGroup, updateGroup } from './revision-api.ts';
import { RevisionLogChangedEvent } from './revision-events.ts';
import { dialogStyles } from '../styles/dialog-styles.ts';

/** Answers that must give their reason (giải trình, tiếp thu một phần). */
const REASON_REQUIRED: ReadonlySet<Disposition> = new Set(['explained', 'partly']);

/**
 * Words and answers one group of the table: the summary that stands for its comments, and
 * one answer (tiếp thu / tiếp thu một phần / giải trình / ghi nhận) with its content, which
 * the server applies to every comment in the group. An automatic group is saved as it
 * stands, so later regrouping does not lose the answer.
 */
@customElement('vk-revision-group-editor')
@localized()
export class VkRevisionGroupEditor extends LitElement {
  static override styles = [
    dialogStyles,
    css`
      dialog {
        width: min(640px, 94vw);
        padding: 20px;
      }
      textarea {
        resize: vertical;
      }
      .headline {
        grid-column: 1 / -1;
        margin: 0;
        color: var(--vk-muted);
      }
    `,
  ];

  @query('dialog') private dialog!: HTMLDialogElement;
  @state() private group: RevisionGroup | null = null;
  @state() private summary = '';
  @state() private disposition: Disposition | '' = '';
  @state() private answer = '';
  private readonly action = new ActionController(this, 'internal_error');

  /** The draft of the round. */
  @property() draftId = '';
  /** The round whose table this is. */
  @property({ type: Number }) roundId = 0;

  /** Opens the editor on a group. */
  async show(group: RevisionGroup): Promise<void> {
    this.group = group;
    this.summary = group.summary;
    this.disposition = group.disposition ?? '';
    this.answer = group.answer;
    this.action.fail(null);
    await this.updateComplete;
    this.dialog.showModal();
  }

  override render() {
    const g = this.group;
    return html`<dialog aria-labelledby="title">
      ${
        g === null
          ? nothing
          : html`<form @submit=${this.onSubmit}>
              <h2 id="title">${msg('Tổng hợp và trả lời nhóm ý kiến')}</h2>
              <p class="headline">
                ${msg(str`${g.position} · ${g.comments.length} ý kiến của ${g.orgs.length} đơn vị`)}
              </p>
              <label class="wide"
                >${msg('Nội dung góp ý (tóm tắt, gộp)')}
                <textarea
                  rows="3"
                  .value=${this.summary}
                  @input=${(e: Event) => (this.summary = value(e))}
                ></textarea>
              </label>
              <label class="wide"
                >${msg('Hướng xử lý')}
                <select @change=${(e: Event) => (this.disposition = value(e) as Disposition | '')}>
                  <option value="" ?selected=${this.disposition === ''}>${msg('Chưa xử lý')}</option>
                  ${DISPOSITIONS.map(
                    (d) =>
                      html`<option value=${d} ?selected=${this.disposition === d}>
                        ${dispositionLabel(d)}
                      </option>`,
                  )}
                </select>
              </label>
              <label class="wide"
                >${
                  this.disposition !== '' && REASON_REQUIRED.has(this.disposition)
                    ? msg('Nội dung tiếp thu, giải trình (bắt buộc)')
                    : msg('Nội dung tiếp thu, giải trình')
                }
                <textarea
                  rows="4"
                  .value=${this.answer}
                  @input=${(e: Event) => (this.answer = value(e))}
                ></textarea>
              </label>
              ${this.action.error === null ? nothing : html`<p class="error" role="alert">${this.action.error}</p>`}
              <div class="actions">
                <button type="button" @click=${() => this.dialog.close()}>${msg('Hủy')}</button>
                <button class="primary" ?disabled=${this.action.busy}>${msg('Lưu')}</button>
              </div>
            </form>`
      }
    </dialog>`;
  }

  private async onSubmit(event: Event): Promise<void> {
    event.preventDefault();
    const g = this.group;
    if (g === null) return;
    if (this.disposition !== '' && REASON_REQUIRED.has(this.disposition) && this.answer.trim() === '') {
      this.action.fail(errorMessage('answer_reason_required'));
      return;
    }
    const body = {
      summary: this.summary,
      answer: this.answer,
      ...(this.disposition === '' ? {} : { disposition: this.disposition }),
    };
    await this.action.run(async () => {
      const log =
        g.groupId === null
          ? await saveGroup(this.draftId, this.roundId, { ...body, commentIds: g.comments.map((c) => c.id) })
          : await updateGroup(this.draftId, this.roundId, g.groupId, body);
      this.dialog.close();
      this.dispatchEvent(new RevisionLogChangedEvent(log));
    });
  }
}

function value(event: Event): string {
  return (event.target as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement).value;
}

declare global {
  interface HTMLElementTagNameMap {
    'vk-revision-group-editor': VkRevisionGroupEditor;
  }
}
