import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { RoundTally } from '../../shared/api/rounds.ts';
import { plural } from '../app/plural.ts';

/** Whole percent, rounded down like the server's (4 of 5 answered is 80%, 199 of 200 is not 100%). */
export function percentOf(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.floor((100 * part) / whole);
}

/**
 * A round's tally at a glance: "Đã gửi 200/277 (72%)" in large type over a bar, then the
 * organisations overdue and how many comments the committee has answered. `compact` is the
 * one-line form for lists.
 */
@customElement('vk-round-tally')
@localized()
export class VkRoundTally extends LitElement {
  static override styles = css`
    :host {
      display: grid;
      gap: 6px;
    }
    .big {
      font-size: 1.6rem;
      font-weight: 700;
      line-height: 1.2;
    }
    :host([compact]) .big {
      font-size: 1rem;
      font-weight: 600;
    }
    .bar {
      height: 10px;
      border-radius: 5px;
      background: #e8e7e0;
      overflow: hidden;
    }
    :host([compact]) .bar {
      height: 6px;
    }
    .bar span {
      display: block;
      height: 100%;
      background: var(--vk-ok);
    }
    .facts {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 16px;
      color: var(--vk-muted);
      font-size: 0.9rem;
    }
    .overdue {
      color: var(--vk-danger);
      font-weight: 600;
    }
  `;

  /** The counts to show. */
  @property({ attribute: false }) tally: RoundTally | null = null;
  /** One line for lists (smaller type, no comment counts). */
  @property({ type: Boolean, reflect: true }) compact = false;

  override render() {
    const t = this.tally;
    if (t === null) return nothing;
    const sent = msg(str`Đã gửi ${t.submitted}/${t.invited} (${t.percent}%)`);
    return html`<div class="big">${sent}</div>
      <div
        class="bar"
        role="progressbar"
        aria-label=${msg('Tổ chức đã gửi góp ý')}
        aria-valuemin="0"
        aria-valuemax=${t.invited}
        aria-valuenow=${t.submitted}
        aria-valuetext=${sent}
      >
        <span style="width:${percentOf(t.submitted, t.invited)}%"></span>
      </div>
      <div class="facts">
        ${
          t.overdue > 0
            ? html`<span class="overdue">${msg(str`${t.overdue} tổ chức quá hạn chưa gửi`)}</span>`
            : nothing
        }
        ${
          this.compact
            ? nothing
            : html`<span
                  >${plural(
                    t.comments,
                    msg(str`${t.comments} góp ý`, { id: 'comments-count.one' }),
                    msg(str`${t.comments} góp ý`, { id: 'comments-count.other' }),
                  )}</span
                >
                <span
                  >${msg(
                    str`Đã trả lời ${t.answered}/${t.comments} (${percentOf(t.answered, t.comments)}%)`,
                  )}</span
                >`
        }
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vk-round-tally': VkRoundTally;
  }
}
