import { localized, msg, str } from '@lit/localize';
import type { Editor } from '@tiptap/core';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { findState, findStep, replaceAll, replaceCurrent, setFindQuery } from './find-replace.ts';
import { buttonStyles } from '../styles/button-styles.ts';

/** Fired when the user closes the find bar (Escape or the close button). */
export class FindClosedEvent extends Event {
  static readonly type = 'vk-find-closed';

  constructor() {
    super(FindClosedEvent.type, { bubbles: true, composed: true });
  }
}

/**
 * The find and replace bar above the draft: the query (matched without regard to case or
 * diacritics: "dang" finds "Đảng"), how many matches and which one is current, previous and
 * next (Enter, Shift+Enter), and the replacement with "replace" and "replace all".
 */
@customElement('vk-find-replace')
@localized()
export class VkFindReplace extends LitElement {
  static override styles = [
    buttonStyles,
    css`
      :host {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 6px;
        padding: 6px 8px;
        margin-bottom: 12px;
        background: var(--vk-surface);
        border: 1px solid var(--vk-border);
        border-radius: var(--vk-radius);
      }
      input {
        font: inherit;
        font-size: 0.9rem;
        height: 30px;
        padding: 0 8px;
        border: 1px solid var(--vk-border);
        border-radius: var(--vk-radius);
        width: 13em;
        max-width: 100%;
      }
      button {
        height: 30px;
        padding: 0 10px;
        font-size: 0.85rem;
      }
      .count {
        min-width: 6em;
        font-size: 0.85rem;
        color: var(--vk-muted, #555);
      }
      .group {
        display: flex;
        align-items: center;
        gap: 6px;
        flex-wrap: wrap;
      }
    `,
  ];

  /** The editor searched. */
  @property({ attribute: false }) editor: Editor | null = null;
  /** Find only: no replacement. */
  @property({ type: Boolean, attribute: 'read-only' }) readOnly = false;

  @state() private replacement = '';
  @query('input[name=find]') private findInput!: HTMLInputElement;

  /** Puts the cursor in the query field, its text selected. */
  override focus(): void {
    this.findInput?.focus();
    this.findInput?.select();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Escape closes the bar from any of its controls.
    this.addEventListener('keydown', this.onEscape);
  }

  override disconnectedCallback(): void {
    this.removeEventListener('keydown', this.onEscape);
    this.editor?.off('transaction', this.refresh);
    if (this.editor !== null && !this.editor.isDestroyed) setFindQuery(this.editor, '');
    super.disconnectedCallback();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('editor')) return;
    changed.get('editor')?.off('transaction', this.refresh);
    this.editor?.on('transaction', this.refresh);
  }

  override render() {
    const editor = this.editor;
    if (editor === null) return nothing;
    const { query: text, matches, current } = findState(editor);
    const count =
      text === ''
        ? ''
        : matches.length === 0
          ? msg('Không thấy')
          : msg(str`${current + 1}/${matches.length}`);
    return html`<div class="group" role="search">
        <input
          name="find"
          type="search"
          aria-label=${msg('Tìm trong dự thảo')}
          placeholder=${msg('Tìm (không cần dấu)')}
          .value=${text}
          @input=${(e: Event) => setFindQuery(editor, (e.target as HTMLInputElement).value)}
          @keydown=${this.onFindKey}
        />
        <span class="count" aria-live="polite">${count}</span>
        <button type="button" ?disabled=${matches.length === 0} @click=${() => findStep(editor, -1)}>
          ${msg('Trước')}
        </button>
        <button type="button" ?disabled=${matches.length === 0} @click=${() => findStep(editor, 1)}>
          ${msg('Sau')}
        </button>
      </div>
      ${
        this.readOnly
          ? nothing
          : html`<div class="group">
              <input
                name="replace"
                aria-label=${msg('Thay bằng')}
                placeholder=${msg('Thay bằng')}
                .value=${this.replacement}
                @input=${(e: Event) => (this.replacement = (e.target as HTMLInputElement).value)}
              />
              <button
                type="button"
                ?disabled=${current < 0}
                @click=${() => replaceCurrent(editor, this.replacement)}
              >
                ${msg('Thay')}
              </button>
              <button
                type="button"
                ?disabled=${matches.length === 0}
                @click=${() => {
                  replaceAll(editor, this.replacement);
                  // The button is disabled once nothing matches: keep the focus in the bar.
                  this.focus();
                }}
              >
                ${msg('Thay tất cả')}
              </button>
            </div>`
      }
      <button type="button" aria-label=${msg('Đóng tìm kiếm')} @click=${this.close}>✕</button>`;
  }

  private onFindKey(event: KeyboardEvent): void {
    if (this.editor === null) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      findStep(this.editor, event.shiftKey ? -1 : 1);
    }
  }

  private readonly onEscape = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') this.close();
  };

  private readonly close = (): void => {
    this.dispatchEvent(new FindClosedEvent());
  };

  private readonly refresh = (): void => this.requestUpdate();
}

declare global {
  interface HTMLElementTagNameMap {
    'vk-find-replace': VkFindReplace;
  }
  interface HTMLElementEventMap {
    'vk-find-closed': FindClosedEvent;
  }
}
