import { localized, msg } from '@lit/localize';
import type { Editor } from '@tiptap/core';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { CommentKind } from '../../shared/api/comments.ts';
import { anchorFromSelection, type SelectionAnchor } from './anchor-from-selection.ts';
import { CommentRequestedEvent } from './comment-events.ts';
import { commentStyles } from '../styles/comment-styles.ts';

/** Room kept free above the selection for the page's sticky bar and the toolbar. */
const STICKY_CLEARANCE = 120;

/**
 * Two buttons by the selected text, "Góp ý" and "Đề xuất sửa", for a commenter while the
 * round is open: one click from a selection to the composer. Ctrl+Alt+M does the same from
 * the keyboard (Ctrl+Alt+Shift+M for a suggestion). A suggestion needs text within one
 * paragraph, so its button is off for longer selections.
 */
@customElement('vk-comment-bubble')
@localized()
export class VkCommentBubble extends LitElement {
  static override styles = [
    commentStyles,
    css`
      :host {
        position: fixed;
        z-index: 5;
        display: block;
      }
      :host([hidden]) {
        display: none;
      }
      .bubble {
        display: flex;
        gap: 4px;
        padding: 4px;
        background: var(--vk-surface);
        border: 1px solid var(--vk-border);
        border-radius: var(--vk-radius);
        box-shadow: 0 2px 10px rgb(0 0 0 / 18%);
      }
      button {
        white-space: nowrap;
      }
    `,
  ];

  /** The editor whose selection is commented on. */
  @property({ attribute: false }) editor: Editor | null = null;
  /** The user may comment now. */
  @property({ type: Boolean }) enabled = false;

  @state() protected anchor: SelectionAnchor | null = null;
  private followed: Editor | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('keydown', this.onKey);
    addEventListener('scroll', this.place, { capture: true, passive: true });
    document.addEventListener('selectionchange', this.read);
  }

  override disconnectedCallback(): void {
    removeEventListener('keydown', this.onKey);
    removeEventListener('scroll', this.place, { capture: true });
    document.removeEventListener('selectionchange', this.read);
    this.follow(null);
    super.disconnectedCallback();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('editor')) this.follow(this.editor);
    if (changed.has('enabled') || changed.has('editor')) this.read();
  }

  protected override updated(): void {
    this.hidden = this.anchor === null;
    this.place();
  }

  override render() {
    if (this.anchor === null) return nothing;
    // mousedown would move the selection away before the click lands.
    return html`<div
      class="bubble"
      role="toolbar"
      aria-label=${this.toolbarLabel()}
      @mousedown=${(e: Event) => e.preventDefault()}
    >
      ${this.renderButtons(this.anchor)}
    </div>`;
  }

  /** The toolbar's accessible name. */
  protected toolbarLabel(): string {
    return msg('Góp ý cho đoạn đã chọn');
  }

  /** The bubble's buttons for the selected text. */
  protected renderButtons(anchor: SelectionAnchor) {
    return html`<button
        type="button"
        class="primary"
        aria-keyshortcuts="Control+Alt+M"
        @click=${() => this.request('comment')}
      >
        ${msg('Góp ý')}
      </button>
      <button
        type="button"
        aria-keyshortcuts="Control+Alt+Shift+M"
        ?disabled=${!anchor.singleBlock}
        title=${anchor.singleBlock ? '' : msg('Đề xuất sửa chỉ dùng cho văn bản trong một đoạn.')}
        @click=${() => this.request('suggestion')}
      >
        ${msg('Đề xuất sửa')}
      </button>`;
  }

  private follow(editor: Editor | null): void {
    this.followed?.off('selectionUpdate', this.read);
    this.followed = editor;
    editor?.on('selectionUpdate', this.read);
  }

  /**
   * Shown while text is selected in the editor. A read-only view keeps its last selection in
   * its state when the reader selects or clicks elsewhere, so the page's selection decides.
   */
  private readonly read = (): void => {
    const editor = this.editor;
    const usable = this.enabled && editor !== null && !editor.isDestroyed && selectedInside(editor);
    this.anchor = usable ? anchorFromSelection(editor.state) : null;
  };

  /** Asks for a comment of `kind` on the selected text (Ctrl+Alt+M; with Shift a suggestion). */
  protected request(kind: CommentKind): void {
    const editor = this.editor;
    const anchor = editor === null ? null : anchorFromSelection(editor.state);
    if (anchor === null || (kind === 'suggestion' && !anchor.singleBlock)) return;
    this.dispatchEvent(new CommentRequestedEvent(kind, anchor));
  }

  /** Just above the selection's start, or below its end when the sticky bar would cover it. */
  private readonly place = (): void => {
    const editor = this.editor;
    if (this.anchor === null || editor === null || editor.isDestroyed) return;
    const { from, to } = editor.state.selection;
    const start = editor.view.coordsAtPos(from);
    const end = editor.view.coordsAtPos(to);
    const height = this.offsetHeight || 40;
    const above = start.top - height - 6;
    const top = above >= STICKY_CLEARANCE ? above : end.bottom + 6;
    const left = Math.min(Math.max(8, start.left), innerWidth - this.offsetWidth - 8);
    this.style.top = `${top}px`;
    this.style.left = `${left}px`;
  };

  private readonly onKey = (event: KeyboardEvent): void => {
    if (!(event.ctrlKey && event.altKey && event.code === 'KeyM') || this.anchor === null) return;
    event.preventDefault();
    this.request(event.shiftKey ? 'suggestion' : 'comment');
  };
}

/** Whether the page's selection is a range inside the editor's text. */
function selectedInside(editor: Editor): boolean {
  const root = editor.view.root as Document | (ShadowRoot & { getSelection?: () => Selection | null });
  const selection = root.getSelection?.() ?? document.getSelection();
  const node = selection?.anchorNode ?? null;
  return selection !== null && !selection.isCollapsed && node !== null && editor.view.dom.contains(node);
}

declare global {
  interface HTMLElementTagNameMap {
    'vk-comment-bubble': VkCommentBubble;
  }
}
