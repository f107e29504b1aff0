import { localized, msg, str } from '@lit/localize';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { DISPOSITIONS } from '../../shared/api/comments.ts';
import type { RevisionLog } from '../../shared/api/revision-log.ts';
import { dispositionLabel } from '../comments/comment-labels.ts';

/**
 * The figures over the consolidated table: organisations that sent comments out of those
 * invited, comments and groups, and how many comments have each answer. Each comment and
 * each organisation is counted once (the server sums them that way).
 */
@customElement('vk-revision-summary')
@localized()
export class VkRevisionSummary extends LitElement {
  static override styles = css`
    :host {
      display: grid;
      gap: 8px;
    }
    .big {
      font-size: 1.3rem;
      font-weight: 700;
    }
    ul {
      display: flex;
      flex-wrap: wrap;
      gap: 6px 10px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    li {
      border: 1px solid var(--vk-border);
      border-radius: 999px;
      padding: 2px 10px;
      background: var(--vk-surface);
      font-size: 0.9rem;
    }
    li strong {
      margin-left: 4px;
    }
    li.none {
      border-color: var(--vk-danger);
    }
  `;

  /** The table whose figures to show. */
  @property({ attribute: false }) log: RevisionLog | null = null;

  override render() {
    const log = this.log;
    if (log === null) return nothing;
    const c = log.counts;
    // The server names the organisations in Vietnamese; say it in the interface language.
    const noun = log.unitNoun === 'chi bộ' ? msg('chi bộ') : msg('đơn vị');
    return html`<div class="big">
        ${msg(str`${c.submitted}/${c.invited} ${noun} đã gửi góp ý (${c.percent}%)`)}
      </div>
      <div class="facts">
        ${msg(str`${c.comments} ý kiến của ${c.commenting} ${noun}, tổng hợp thành ${c.groups} nhóm`)}
      </div>
      <ul aria-label=${msg('Số ý kiến theo hướng xử lý')}>
        ${DISPOSITIONS.map(
          (d) => html`<li class=${d}>${dispositionLabel(d)}<strong>${c.byDisposition[d]}</strong></li>`,
        )}
        <li class="none">${msg('Chưa xử lý')}<strong>${c.byDisposition.none}</strong></li>
      </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'vk-revision-summary': VkRevisionSummary;
  }
}
