import { localized, msg } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { DiscussionMember } from '../../shared/api/discussions.ts';
import { matchMembers, mentionQuery, type MentionQuery } from './mentions.ts';
import { commentStyles } from '../styles/comment-styles.ts';

/** Fired on every change of the text. */
export class MentionInputEvent extends Event {
  static readonly type = 'vk-mention-input';

  constructor(readonly value: string) {
    super(MentionInputEvent.type, { bubbles: true, composed: true });
  }
}

/**
 * A plain-text field where typing `@` offers the drafting committee's members by name
 * (diacritics optional); ↑/↓ move, Enter or Tab picks, Esc closes the list. A pick writes
 * `@Full Name`, which is how the message names whom to notify.
 */
@customElement('vk-mention-input')
@localized()
export class VkMentionInput extends LitElement {
  static override styles = [
    commentStyles,
    css`
      :host {
        display: block;
        position: relative;
      }
      [role='listbox'] {
        position: absolute;
        z-index: 6;
        left: 0;
        right: 0;
        margin: 2px 0 0;
        padding: 4px 0;
        list-style: none;
        background: var(--vk-surface);
        border: 1px solid var(--vk-border);
        border-radius: var(--vk-radius);
        box-shadow: 0 2px 10px rgb(0 0 0 / 18%);
        max-height: 12em;
        overflow: auto;
      }
      [role='option'] {
        padding: 4px 10px;
        cursor: pointer;
        font-size: 0.88rem;
      }
      [role='option'][aria-selected='true'] {
        background: #e6eefb;
      }
    `,
  ];

  /** Who may be mentioned. */
  @property({ attribute: false }) members: readonly DiscussionMember[] = [];
  /** The text. */
  @property() value = '';
  /** The field's accessible name. */
  @property() label = '';
  /** The field's id for a visible label outside (optional). */
  @property({ attribute: 'field-id' }) fieldId = 'mention-field';

  @state() private query: MentionQuery | null = null;
  @state() private choice = 0;
  @query('textarea') private field!: HTMLTextAreaElement;

  override focus(): void {
    this.field?.focus();
  }

  private get options(): DiscussionMember[] {
    return this.query === null ? [] : matchMembers(this.members, this.query.text).slice(0, 8);
  }

  override render() {
    const options = this.options;
    const open = options.length > 0;
    return html`<textarea
        id=${this.fieldId}
        rows="3"
        aria-label=${this.label}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded=${String(open)}
        aria-controls="mention-list"
        aria-activedescendant=${open ? `mention-${this.choice}` : ''}
        .value=${this.value}
        @input=${this.onInput}
        @keydown=${this.onKey}
        @click=${this.readQuery}
        @blur=${() => (this.query = null)}
      ></textarea>
      ${
        open
          ? html`<ul id="mention-list" role="listbox" aria-label=${msg('Thành viên tiểu ban')}>
              ${options.map(
                (m, i) =>
                  html`<li
                    id="mention-${i}"
                    role="option"
                    aria-selected=${String(i === this.choice)}
                    @mousedown=${(e: Event) => {
                      e.preventDefault(); // keeps the focus (and the caret) in the field
                      this.pick(m);
                    }}
                  >
                    @${m.name}
                  </li>`,
              )}
            </ul>`
          : nothing
      }`;
  }

  private readonly onInput = () => {
    this.value = this.field.value;
    this.readQuery();
    this.dispatchEvent(new MentionInputEvent(this.value));
  };

  private readonly readQuery = () => {
    const caret = this.field.selectionStart ?? this.value.length;
    const next = mentionQuery(this.value, caret);
    if (next?.at !== this.query?.at) this.choice = 0;
    this.query = next;
  };

  private readonly onKey = (event: KeyboardEvent) => {
    const options = this.options;
    if (options.length === 0) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      this.choice = (this.choice + step + options.length) % options.length;
    } else if ((event.key === 'Enter' && !event.ctrlKey && !event.metaKey) || event.key === 'Tab') {
      event.preventDefault();
      this.pick(options[this.choice] ?? options[0]!);
    } else if (event.key === 'Escape') {
      // Closes the list only; the composer around stays open.
      event.stopPropagation();
      this.query = null;
    }
  };

  private pick(member: DiscussionMember): void {
    const q = this.query;
    if (q === null) return;
    const end = q.at + 1 + q.text.length;
    const inserted = `@${member.name} `;
    this.value = this.value.slice(0, q.at) + inserted + this.value.slice(end);
    this.field.value = this.value;
    const caret = q.at + inserted.length;
    this.field.setSelectionRange(caret, caret);
    this.query = null;
    this.dispatchEvent(new MentionInputEvent(this.value));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vk-mention-input': VkMentionInput;
  }
  interface HTMLElementEventMap {
    'vk-mention-input': MentionInputEvent;
  }
}
