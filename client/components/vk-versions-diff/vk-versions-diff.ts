import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import type { z } from 'zod';
import { VersionDiff, type DiffPart } from '../../../shared/api/versions.ts';
import { ApiError, request } from '../../api/api-client.ts';
import { errorMessage } from '../../app/labels.ts';
import { readingDialogStyles } from '../vk-versions-viewer/dialog-styles.ts';

type Part = z.infer<typeof DiffPart>;
type Section = VersionDiff['sections'][number];

/** Unchanged runs longer than this many words are shortened to their ends. */
const LONG_RUN = 40;
const CONTEXT = 12;

/**
 * What changed between two versions, section by section: added words green and underlined,
 * removed words red and struck through, unchanged stretches shortened to a few words of
 * context so the changes stand out. Unchanged sections are only counted.
 */
@customElement('vk-versions-diff')
@localized()
export class VkVersionsDiff extends LitElement {
  static override styles = [
    readingDialogStyles,
    css`
      .sheet {
        box-sizing: border-box;
        max-width: 800px;
        margin: 0 auto;
        background: var(--vk-surface);
        border: 1px solid var(--vk-border);
        padding: 32px 48px;
        font-family: var(--vk-font-doc);
        font-size: 13.5pt;
        line-height: 1.55;
      }
      h3 {
        font-size: 1em;
        margin: 20px 0 6px;
        display: flex;
        gap: 10px;
        align-items: baseline;
      }
      h3:first-of-type {
        margin-top: 0;
      }
      .chip {
        font: 600 0.72rem/1.6 var(--vk-font);
        border-radius: 999px;
        padding: 0 8px;
        background: #eeede6;
        color: var(--vk-muted);
        white-space: nowrap;
      }
      .chip.added {
        background: #e7f3ec;
        color: var(--vk-ok);
      }
      .chip.removed {
        background: #fbeaea;
        color: var(--vk-danger);
      }
      .text {
        white-space: pre-wrap;
        text-align: justify;
        margin: 0;
      }
      ins {
        background: #dff3e6;
        color: #0a5c2f;
        text-decoration: underline;
        text-decoration-color: #7cc49a;
      }
      del {
        background: #fbe3e3;
        color: #9b1c1c;
        text-decoration: line-through;
      }
      .skip {
        color: var(--vk-muted);
        font-family: var(--vk-font);
        font-size: 0.8em;
      }
      .summary {
        font-family: var(--vk-font);
        font-size: 0.9rem;
        color: var(--vk-muted);
        margin: 0 0 16px;
      }
    `,
  ];

  @state() private diff: VersionDiff | null = null;
  @state() private heading = '';
  @state() private error = '';
  @query('dialog') private dialog!: HTMLDialogElement;
  private requested = 0;

  /** Opens the dialog on the changes from version `from` to version `to`. */
  async show(draftId: string, from: number, to: number): Promise<void> {
    const ticket = ++this.requested;
    this.diff = null;
    this.error = '';
    this.heading = msg(str`So sánh Dự thảo lần ${from} với lần ${to}`);
    this.dialog.showModal();
    try {
      const diff = await request(
        `/drafts/${encodeURIComponent(draftId)}/versions/diff?from=${from}&to=${to}`,
        VersionDiff,
      );
      if (ticket === this.requested) this.diff = diff;
    } catch (error) {
      if (ticket === this.requested)
        this.error = errorMessage(error instanceof ApiError ? error.code : 'network_error');
    }
  }

  override render() {
    return html`<dialog aria-labelledby="diff-title">
      <header>
        <div class="grow"><h2 id="diff-title">${this.heading}</h2></div>
        <button type="button" @click=${() => this.dialog.close()}>${msg('Đóng')}</button>
      </header>
      <div class="body">
        ${this.error ? html`<p class="status error" role="alert">${this.error}</p>` : nothing}
        ${this.diff === null && !this.error ? html`<p class="status">${msg('Đang tải…')}</p>` : nothing}
        ${this.diff ? this.renderDiff(this.diff) : nothing}
      </div>
    </dialog>`;
  }

  private renderDiff(diff: VersionDiff) {
    const changed = diff.sections.filter((s) => s.status !== 'unchanged');
    const same = diff.sections.length - changed.length;
    return html`<article class="sheet">
      <p class="summary">${msg(str`${changed.length} mục thay đổi, ${same} mục giữ nguyên.`)}</p>
      ${changed.length === 0 ? html`<p>${msg('Hai lần dự thảo giống hệt nhau.')}</p>` : nothing}
      ${changed.map((section) => this.renderSection(section))}
    </article>`;
  }

  private renderSection(section: Section) {
    const status = {
      changed: msg('Có sửa đổi'),
      added: msg('Mục mới'),
      removed: msg('Mục bị xóa'),
      unchanged: '',
    }[section.status];
    const last = section.parts.length - 1;
    return html`<h3>
        <span>${section.heading || msg('(Phần đầu văn bản)')}</span
        ><span class="chip ${section.status}">${status}</span>
      </h3>
      <p class="text">${section.parts.map((part, i) => renderPart(part, i === 0, i === last))}</p>`;
  }
}

/** One run: inserted, deleted, or kept (long kept runs shortened to their ends); the revision log reuses it. */
export function renderPart(part: Part, first: boolean, last: boolean) {
  if (part.added) return html`<ins>${part.value}</ins>`;
  if (part.removed) return html`<del>${part.value}</del>`;
  const words = part.value.split(/(\s+)/);
  if (words.length <= LONG_RUN * 2) return part.value;
  const head = first ? '' : words.slice(0, CONTEXT * 2).join('');
  const tail = last ? '' : words.slice(-CONTEXT * 2).join('');
  const skipped = Math.round((words.length - (first ? 0 : CONTEXT * 2) - (last ? 0 : CONTEXT * 2)) / 2);
  return html`${head}<span class="skip"> […${msg(str`${skipped} chữ không đổi`)}…] </span>${tail}`;
}

declare global {
  interface HTMLElementTagNameMap {
    'vk-versions-diff': VkVersionsDiff;
  }
}
