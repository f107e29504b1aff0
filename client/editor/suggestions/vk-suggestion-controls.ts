import { localized, msg, str } from '@lit/localize';
import type { Editor } from '@tiptap/core';
import type { Transaction } from '@tiptap/pm/state';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { plural } from '../../app/plural.ts';
import { keepEditorFocus } from '../keep-editor-focus.ts';
import { isSuggesting } from './suggesting-mode.ts';
import { listSuggestions } from './suggestion-ops.ts';

/**
 * The toolbar's suggesting-mode controls: the "Đề xuất" switch (this user's edits become
 * proposals), how many proposals are pending, and accept all / reject all. Reads the editor
 * after every transaction, so a colleague's proposal shows in the count as it arrives.
 */
@customElement('vk-suggestion-controls')
@localized()
export class VkSuggestionControls extends LitElement {
  static override styles = css`
    :host {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px;
      margin-left: auto;
    }
    button {
      font: inherit;
      font-size: 0.9rem;
      height: 32px;
      padding: 0 10px;
      border: 1px solid var(--vk-border);
      border-radius: var(--vk-radius);
      background: transparent;
      color: var(--vk-text);
      cursor: pointer;
      white-space: nowrap;
    }
    button:hover {
      background: #efeee8;
    }
    button[aria-pressed='true'] {
      background: #e6f0e6;
      border-color: #7fa87f;
      color: #1d5a1d;
      font-weight: 600;
    }
    .count {
      font-size: 0.85rem;
      color: var(--vk-muted);
      padding: 0 4px;
      white-space: nowrap;
    }
  `;

  /** The live editor. */
  @property({ attribute: false }) editor: Editor | null = null;

  @state() private suggesting = false;
  @state() private count = 0;

  override disconnectedCallback(): void {
    this.editor?.off('transaction', this.refresh);
    super.disconnectedCallback();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.editor?.on('transaction', this.refresh);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('editor')) return;
    changed.get('editor')?.off('transaction', this.refresh);
    this.editor?.on('transaction', this.refresh);
    this.refresh();
  }

  override render() {
    if (this.editor === null) return nothing;
    const n = this.count;
    return html`<button
        type="button"
        aria-pressed=${String(this.suggesting)}
        title=${msg('Đề xuất: nội dung bạn gõ hoặc xóa được đánh dấu để người khác chấp nhận hay từ chối')}
        @mousedown=${keepEditorFocus}
        @click=${this.toggle}
      >
        ✎ ${msg('Đề xuất')}
      </button>
      ${
        n === 0
          ? nothing
          : html`<span class="count" role="status"
                >${plural(
                  n,
                  msg(str`${n} đề xuất chờ duyệt`, { id: 'suggestions-pending.one' }),
                  msg(str`${n} đề xuất chờ duyệt`, { id: 'suggestions-pending.other' }),
                )}</span
              >
              <button type="button" @mousedown=${keepEditorFocus} @click=${() => this.decide('accept')}>
                ✓ ${msg('Chấp nhận tất cả')}
              </button>
              <button type="button" @mousedown=${keepEditorFocus} @click=${() => this.decide('reject')}>
                ✗ ${msg('Từ chối tất cả')}
              </button>`
      }`;
  }

  private toggle(): void {
    this.editor?.chain().focus().setSuggesting(!this.suggesting).run();
  }

  private decide(decision: 'accept' | 'reject'): void {
    this.editor?.chain().focus().decideSuggestion(decision, null).run();
  }

  private counting = 0;

  /** The switch at once; the count (a walk over the document) at most once a frame, after text changes. */
  private readonly refresh = (event?: { transaction: Transaction }): void => {
    const editor = this.editor;
    if (editor === null) return;
    this.suggesting = isSuggesting(editor.state);
    if (event !== undefined && !event.transaction.docChanged) return;
    cancelAnimationFrame(this.counting);
    this.counting = requestAnimationFrame(() => {
      if (this.editor !== null) this.count = listSuggestions(this.editor.state.doc).length;
    });
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'vk-suggestion-controls': VkSuggestionControls;
  }
}
