import { localized, msg } from '@lit/localize';
import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { anchorFromSelection } from '../comments/anchor-from-selection.ts';
import { DiscussionRequestedEvent } from './discussion-events.ts';
import { VkCommentBubble } from '../comments/vk-comment-bubble.ts';

/**
 * The committee's button by the selected text, "Trao đổi nội bộ": one click from a selection
 * to a new internal thread (Ctrl+Alt+M from the keyboard). The commenters' bubble, placed and
 * shown the same way, with the committee's one action.
 */
@customElement('vk-discussion-bubble')
@localized()
export class VkDiscussionBubble extends VkCommentBubble {
  protected override toolbarLabel(): string {
    return msg('Trao đổi về đoạn đã chọn');
  }

  protected override renderButtons() {
    return html`<button
      type="button"
      class="primary"
      aria-keyshortcuts="Control+Alt+M"
      @click=${() => this.request()}
    >
      ${msg('Trao đổi nội bộ')}
    </button>`;
  }

  protected override request(): void {
    const anchor = this.editor === null ? null : anchorFromSelection(this.editor.state);
    if (anchor !== null) this.dispatchEvent(new DiscussionRequestedEvent(anchor));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vk-discussion-bubble': VkDiscussionBubble;
  }
}
