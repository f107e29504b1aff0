import { localized, msg, str } from '@lit/localize';
import type { Editor } from '@tiptap/core';
import type { Transaction } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { formatWhen } from '../../app/format-when.ts';
import { keepEditorFocus } from '../keep-editor-focus.ts';
import { suggestionAt, type Suggestion } from './suggestion-ops.ts';
import { buttonStyles } from '../../styles/button-styles.ts';

/** Longest quote shown from a proposal. */
const QUOTE_CHARS = 80;

/**
 * The card under a proposal the user clicked (or moved the caret into): who proposed what,
 * when, and accept / reject. Placed by the caller inside the sheet (position: relative); it
 * sets its own top and left from the proposal's place in the text. Typing hides it, so it
 * never covers the words being written.
 */
@customElement('vk-suggestion-popover')
@localized()
export class VkSuggestionPopover extends LitElement {
  static override styles = [
    buttonStyles,
    css`
      :host {
        position: absolute;
        z-index: 3;
        width: min(320px, calc(100% - 16px));
        font-family: var(--vk-font);
        font-size: 0.9rem;
        line-height: 1.4;
      }
      :host([hidden]) {
        display: none;
      }
      .card {
        box-sizing: border-box;
        background: var(--vk-surface);
        border: 1px solid var(--vk-border);
        border-left: 4px solid hsl(var(--hue) 55% 40%);
        border-radius: var(--vk-radius);
        box-shadow: var(--vk-shadow);
        padding: 8px 10px;
        text-indent: 0;
        text-align: left;
      }
      .who {
        font-weight: 600;
      }
      .when {
        color: var(--vk-muted);
        font-size: 0.8rem;
      }
      .what {
        margin: 4px 0 8px;
        overflow-wrap: anywhere;
      }
      ins {
        color: #1d5a1d;
      }
      del {
        color: #8a1f1f;
      }
      .actions {
        display: flex;
        gap: 6px;
      }
      button {
        padding: 4px 10px;
        font-size: 0.85rem;
      }
    `,
  ];

  /** The live editor. */
  @property({ attribute: false }) editor: Editor | null = null;

  @state() private suggestion: Suggestion | null = null;

  override disconnectedCallback(): void {
    this.editor?.off('transaction', this.onTransaction);
    super.disconnectedCallback();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.editor?.on('transaction', this.onTransaction);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('editor')) {
      changed.get('editor')?.off('transaction', this.onTransaction);
      this.editor?.on('transaction', this.onTransaction);
      this.suggestion = null;
    }
    this.hidden = this.suggestion === null;
  }

  override render() {
    const s = this.suggestion;
    if (s === null) return nothing;
    const quote = (text: string) => (text.length > QUOTE_CHARS ? `${text.slice(0, QUOTE_CHARS)}…` : text);
    const what =
      s.inserted !== '' && s.deleted !== ''
        ? html`${msg('Thay')} <del>“${quote(s.deleted)}”</del> ${msg('bằng')}
            <ins>“${quote(s.inserted)}”</ins>`
        : s.inserted !== ''
          ? html`${msg('Thêm')} <ins>“${quote(s.inserted)}”</ins>`
          : html`${msg('Xóa')} <del>“${quote(s.deleted)}”</del>`;
    return html`<div
      class="card"
      role="dialog"
      aria-label=${msg(str`Đề xuất của ${s.authorName}`)}
      style="--hue: ${this.hue()}"
    >
      <div><span class="who">${s.authorName}</span> <span class="when">${formatWhen(s.createdAt)}</span></div>
      <div class="what">${what}</div>
      <div class="actions">
        <button
          type="button"
          class="primary"
          @mousedown=${keepEditorFocus}
          @click=${() => this.decide('accept')}
        >
          ${msg('Chấp nhận')}
        </button>
        <button type="button" @mousedown=${keepEditorFocus} @click=${() => this.decide('reject')}>
          ${msg('Từ chối')}
        </button>
      </div>
    </div>`;
  }

  private hue(): string {
    const el = this.editor?.view.dom.querySelector(
      `[data-suggestion="${CSS.escape(this.suggestion?.id ?? '')}"]`,
    );
    return el instanceof HTMLElement ? el.style.getPropertyValue('--suggestion-hue') : '140';
  }

  private decide(decision: 'accept' | 'reject'): void {
    const id = this.suggestion?.id;
    if (id === undefined || this.editor === null) return;
    this.editor.chain().focus().decideSuggestion(decision, id).run();
    this.suggestion = null;
  }

  private readonly onTransaction = ({ transaction }: { transaction: Transaction }): void => {
    const editor = this.editor;
    if (editor === null) return;
    const remote = transaction.getMeta(ySyncPluginKey) !== undefined;
    // Own typing hides the card; a click or arrow key into a proposal shows it.
    if (transaction.docChanged && !remote) this.suggestion = null;
    else if (transaction.selectionSet || transaction.docChanged) this.show(editor);
  };

  private show(editor: Editor): void {
    const { selection, doc } = editor.state;
    const near = selection.empty || selection.to - selection.from < 2;
    this.suggestion = near ? suggestionAt(doc, selection.from) : null;
  }

  /** Under the proposal's first line, kept inside the sheet (the offset parent). */
  protected override updated(): void {
    const editor = this.editor;
    const host = this.offsetParent;
    if (editor === null || this.suggestion === null || !(host instanceof HTMLElement)) return;
    const box = host.getBoundingClientRect();
    const at = editor.view.coordsAtPos(Math.min(this.suggestion.from + 1, editor.state.doc.content.size));
    const width = this.getBoundingClientRect().width;
    this.style.top = `${at.bottom - box.top + 6}px`;
    this.style.left = `${Math.max(8, Math.min(at.left - box.left, box.width - width - 8))}px`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vk-suggestion-popover': VkSuggestionPopover;
  }
}
