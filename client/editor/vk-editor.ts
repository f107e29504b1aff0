import { localized, msg } from '@lit/localize';
import type { Editor } from '@tiptap/core';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { commentRanges, setCommentAnchors, type AnchoredComment } from '../comments/comment-anchors.ts';
import { ThreadSelectedEvent } from '../comments/comment-events.ts';
import { documentStyles } from './document-styles.ts';
import { createLiveEditor } from './live-editor.ts';
import { currentSectionId, goToSection } from './sections.ts';
import './vk-editor-toolbar.ts';
import './vk-find-replace.ts';
import './suggestions/vk-suggestion-controls.ts';
import './suggestions/vk-suggestion-popover.ts';

/** Fired when the cursor moves into another outline section (null: before the first one). */
export class SectionChangedEvent extends Event {
  static readonly type = 'vk-section-changed';

  constructor(readonly sectionId: string | null) {
    super(SectionChangedEvent.type, { bubbles: true, composed: true });
  }
}

/** Fired when the Tiptap editor was built (after a rebuild too) or taken down (null). */
export class EditorReadyEvent extends Event {
  static readonly type = 'vk-editor-ready';

  constructor(readonly editor: Editor | null) {
    super(EditorReadyEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface Window {
    /** The live editor, for end-to-end tests (they assert on `getText()`, T16). */
    __vkEditor?: Editor;
  }
}

/**
 * The draft's text: a Tiptap editor bound to the shared Y.Doc, on a document-like sheet,
 * with the formatting toolbar when the user may edit. The editor is rebuilt when the
 * document, the provider or the read-only flag changes (a 4500 close can take write
 * access away mid-session); the Y.Doc keeps the text, so nothing is lost by rebuilding.
 */
@customElement('vk-editor')
@localized()
export class VkEditor extends LitElement {
  static override styles = [
    documentStyles,
    css`
      :host {
        display: block;
      }
      /*
       * Sticks right under the page bar with the toolbar and any notice (e.g. offline), so
       * they stay in sight while writing far down; its background hides text scrolling under it.
       */
      .sticky {
        position: sticky;
        top: var(--vk-sticky-top, 0px);
        z-index: 2;
        max-width: 800px;
        margin: -8px auto 0;
        padding-top: 8px;
        background: var(--vk-bg);
      }
      vk-editor-toolbar {
        margin-bottom: 12px;
      }
      .find-open {
        display: block;
        margin: 0 0 8px auto;
        font: inherit;
        font-size: 0.84rem;
        padding: 3px 10px;
        border: 1px solid var(--vk-border);
        border-radius: var(--vk-radius);
        background: var(--vk-surface);
        color: var(--vk-text);
        cursor: pointer;
      }
    `,
  ];

  /** The shared document (from CollabController). */
  @property({ attribute: false }) ydoc: Y.Doc | null = null;
  /** The y-websocket provider, whose awareness carries carets. */
  @property({ attribute: false }) provider: WebsocketProvider | null = null;
  /** The local user's caret label. */
  @property({ attribute: false }) user: { id: number; name: string; color: string } | null = null;
  /** No toolbar, no caret, not editable. Slot `notice`: messages kept in sight above the text. */
  @property({ type: Boolean, attribute: 'read-only' }) readOnly = false;
  /** Comments to highlight in the text. */
  @property({ attribute: false }) comments: readonly AnchoredComment[] = [];
  /** The focused comment, highlighted more strongly. */
  @property({ attribute: false }) activeComment: number | null = null;

  /** The Tiptap editor; null until mounted. */
  @state() editor: Editor | null = null;
  /** Whether the find bar is open. */
  @state() private finding = false;

  @query('.mount') private mount!: HTMLElement;
  private sectionId: string | null | undefined = undefined;

  /** Scrolls to a section's heading and places the cursor in its text. */
  goToSection(sectionId: string): boolean {
    return this.editor !== null && goToSection(this.editor, sectionId);
  }

  /** Scrolls the text so that a comment's highlight is in sight (a third down the window). */
  scrollToComment(commentId: number): boolean {
    const range = this.editor === null ? undefined : commentRanges(this.editor.state).get(commentId);
    if (this.editor === null || range === undefined) return false;
    const top = this.editor.view.coordsAtPos(range.from).top;
    scrollBy({ top: top - innerHeight / 3, behavior: 'smooth' });
    return true;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('keydown', this.onReadOnlyFind);
    // Moved in the DOM: the editor was destroyed on disconnect; build it again.
    if (this.hasUpdated && this.editor === null) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    removeEventListener('keydown', this.onReadOnlyFind);
    this.destroyEditor();
    super.disconnectedCallback();
  }

  override render() {
    return html`<div class="sticky">
        ${
          this.editor === null
            ? nothing
            : this.readOnly
              ? this.finding
                ? nothing
                : html`<button
                    type="button"
                    class="find-open"
                    aria-keyshortcuts="Control+F"
                    @click=${() => void this.openFind()}
                  >
                    ${msg('Tìm trong dự thảo')}
                  </button>`
              : html`<vk-editor-toolbar .editor=${this.editor}
                  ><vk-suggestion-controls .editor=${this.editor}></vk-suggestion-controls
                ></vk-editor-toolbar>`
        }
        ${
          this.finding && this.editor !== null
            ? html`<vk-find-replace
                .editor=${this.editor}
                ?read-only=${this.readOnly}
                @vk-find-closed=${this.closeFind}
              ></vk-find-replace>`
            : nothing
        }
        <slot name="notice"></slot>
      </div>
      <div class="sheet">
        <div class="mount"></div>
        ${
          this.readOnly || this.editor === null
            ? nothing
            : html`<vk-suggestion-popover .editor=${this.editor}></vk-suggestion-popover>`
        }
      </div>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    const inputs = changed.has('ydoc') || changed.has('provider') || changed.has('readOnly');
    const rebuilt = (inputs || this.editor === null) && this.isConnected;
    if (rebuilt) this.mountEditor();
    if ((rebuilt || changed.has('comments') || changed.has('activeComment')) && this.editor !== null)
      setCommentAnchors(this.editor, this.comments, this.activeComment);
  }

  private mountEditor(): void {
    this.destroyEditor();
    // A read-only text may come without a socket (an organisation reads its round's version).
    if (this.ydoc === null || (this.provider === null && !this.readOnly) || this.user === null) return;
    const editor = createLiveEditor({
      element: this.mount,
      ydoc: this.ydoc,
      provider: this.provider,
      user: this.user,
      readOnly: this.readOnly,
      hint: msg('Viết nội dung mục này…'),
      label: msg('Nội dung dự thảo'),
      onCommentClick: (id) => this.dispatchEvent(new ThreadSelectedEvent(id, 'text')),
      onFind: () => void this.openFind(),
    });
    editor.on('transaction', this.onTransaction);
    this.editor = editor;
    window.__vkEditor = editor;
    this.onTransaction();
    this.dispatchEvent(new EditorReadyEvent(editor));
  }

  /** Opens the find bar (or moves to it) with the cursor in its query field. */
  async openFind(): Promise<void> {
    this.finding = true;
    await this.updateComplete;
    this.renderRoot.querySelector('vk-find-replace')?.focus();
  }

  /**
   * Ctrl+F for readers: a read-only text never takes the focus, so the editor's own shortcut
   * (find-replace.ts) never hears it; the page's does, and opens the same bar, find only.
   */
  private readonly onReadOnlyFind = (event: KeyboardEvent): void => {
    if (!this.readOnly || this.editor === null || !(event.ctrlKey || event.metaKey) || event.altKey) return;
    if (event.key.toLowerCase() !== 'f' || event.shiftKey) return;
    event.preventDefault();
    void this.openFind();
  };

  private readonly closeFind = (): void => {
    this.finding = false;
    this.editor?.commands.focus();
  };

  private destroyEditor(): void {
    const editor = this.editor;
    if (editor === null) return;
    editor.off('transaction', this.onTransaction);
    editor.destroy();
    if (window.__vkEditor === editor) delete window.__vkEditor;
    this.editor = null;
    this.dispatchEvent(new EditorReadyEvent(null));
  }

  private readonly onTransaction = (): void => {
    if (this.editor === null) return;
    const id = currentSectionId(this.editor.state);
    if (id === this.sectionId) return;
    this.sectionId = id;
    this.dispatchEvent(new SectionChangedEvent(id));
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'vk-editor': VkEditor;
  }
  interface HTMLElementEventMap {
    'vk-section-changed': SectionChangedEvent;
    'vk-editor-ready': EditorReadyEvent;
  }
}
