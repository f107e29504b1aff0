import { localized, msg, str } from '@lit/localize';
import type { Editor } from '@tiptap/core';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import {
  alignButtons,
  emphasisButtons,
  findButtons,
  historyButtons,
  listButtons,
  tableButtons,
} from './toolbar-buttons.ts';
import { keepEditorFocus } from './keep-editor-focus.ts';
import { toolIcon } from './toolbar-icons.ts';
import { toolbarStyles } from './toolbar-styles.ts';

/** Heading levels offered; section headings go as deep as the outline (four levels). */
const LEVELS = [1, 2, 3, 4] as const;

/**
 * The formatting toolbar of the live editor: block type, bold, italic, underline, alignment,
 * lists, tables (with row, column, header and merge commands while the cursor is in one) and undo/redo.
 * Slotted children (suggesting mode's controls) follow the buttons.
 * Undo/redo are Collaboration's commands on Yjs' UndoManager, which tracks only this user's
 * edits, so undo never takes back a colleague's sentence. One Tab stop; arrow keys move
 * between the controls (WAI-ARIA toolbar pattern).
 */
@customElement('vk-editor-toolbar')
@localized()
export class VkEditorToolbar extends LitElement {
  static override styles = toolbarStyles;

  /** The editor the buttons act on. */
  @property({ attribute: false }) editor: Editor | null = null;

  private focusIndex = 0;

  override disconnectedCallback(): void {
    this.editor?.off('transaction', this.refresh);
    super.disconnectedCallback();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('editor')) return;
    changed.get('editor')?.off('transaction', this.refresh);
    this.editor?.on('transaction', this.refresh);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.setAttribute('role', 'toolbar');
    // Re-attached after a move; the first subscription happens in willUpdate.
    if (this.hasUpdated) this.editor?.on('transaction', this.refresh);
  }

  override render() {
    const editor = this.editor;
    if (editor === null) return nothing;
    const level = LEVELS.find((l) => editor.isActive('heading', { level: l })) ?? 0;
    const groups = [
      emphasisButtons(),
      alignButtons(),
      listButtons(),
      tableButtons(editor),
      findButtons(),
      historyButtons(),
    ];
    return html`<select
        aria-label=${msg('Kiểu đoạn')}
        .value=${String(level)}
        @change=${this.onBlockType}
        @keydown=${this.onKey}
        tabindex="-1"
      >
        <option value="0">${msg('Đoạn văn')}</option>
        ${LEVELS.map((l) => html`<option value=${l}>${msg(str`Tiêu đề ${l}`)}</option>`)}
      </select>
      ${groups.map(
        (group) =>
          html`<span class="sep" aria-hidden="true"></span>${group.map(
              (b) =>
                html`<button
                  type="button"
                  tabindex="-1"
                  aria-label=${b.label}
                  title=${b.shortcut ? `${b.label} (${b.shortcut})` : b.label}
                  aria-keyshortcuts=${b.shortcut.replace('⌘', 'Meta').replace('Ctrl', 'Control')}
                  aria-pressed=${b.active ? String(b.active(editor)) : nothing}
                  ?disabled=${b.enabled ? !b.enabled(editor) : false}
                  @mousedown=${keepEditorFocus}
                  @click=${() => b.run(editor)}
                  @keydown=${this.onKey}
                >
                  ${toolIcon(b.icon)}
                </button>`,
            )}`,
      )}<slot></slot>`;
  }

  protected override updated(): void {
    this.setAttribute('aria-label', msg('Định dạng văn bản'));
    // Roving tabindex: exactly one control is reachable with Tab; a disabled one (e.g. Undo
    // with nothing left to undo) cannot be, so the stop falls back to the first enabled control.
    const controls = this.controls();
    const enabled = (c: HTMLElement) => !(c as HTMLButtonElement).disabled;
    let stop = Math.min(this.focusIndex, controls.length - 1);
    const current = controls[stop];
    if (current !== undefined && !enabled(current)) stop = Math.max(0, controls.findIndex(enabled));
    controls.forEach((c, i) => (c.tabIndex = i === stop ? 0 : -1));
  }

  private controls(): HTMLElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('select, button')];
  }

  private onBlockType(event: Event) {
    const level = Number((event.target as HTMLSelectElement).value);
    const chain = this.editor?.chain().focus();
    if (level === 0) chain?.setParagraph().run();
    else chain?.setHeading({ level: level as (typeof LEVELS)[number] }).run();
  }

  private onKey(event: KeyboardEvent) {
    const controls = this.controls().filter((c) => !(c as HTMLButtonElement).disabled);
    const at = controls.indexOf(event.currentTarget as HTMLElement);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0 || at < 0) return;
    event.preventDefault();
    const next = controls[(at + step + controls.length) % controls.length]!;
    this.focusIndex = this.controls().indexOf(next);
    this.updated();
    next.focus();
  }

  private readonly refresh = (): void => this.requestUpdate();
}

declare global {
  interface HTMLElementTagNameMap {
    'vk-editor-toolbar': VkEditorToolbar;
  }
}
