import { msg, str } from '@lit/localize';
import { formatWhen } from '../app/format-when.ts';
import { html, nothing } from 'lit';
import type { Comment } from '../../shared/api/comments.ts';
import { dispositionLabel } from './comment-labels.ts';

// Every user text below goes through Lit's text bindings, never as HTML: comments come from
// other organisations and are shown to the committee.

/** The answer's badge, or "Chưa trả lời" for those who answer. */
export function dispositionBadge(root: Comment, forCommittee: boolean) {
  if (root.disposition !== null)
    return html`<span class="badge ${root.disposition.value}"
      >${dispositionLabel(root.disposition.value)}</span
    >`;
  return forCommittee ? html`<span class="badge none">${msg('Chưa trả lời')}</span>` : nothing;
}

/**
 * The quote, or a suggestion's change as "quote → thay bằng → replacement", then the body.
 * Once the change is in the draft the anchor points at the new text, so only that is shown.
 */
export function renderContent(root: Comment, nowReads: string | null) {
  const quote = root.anchor?.quote ?? '';
  // The committee changed the commented words since: say what they read now.
  const now =
    nowReads === null || quote === '' || root.disposition?.appliedAt != null
      ? nothing
      : html`<p class="now"><span class="arrow">${msg('Nay là')}</span> ${nowReads}</p>`;
  const replacement =
    root.replacement === ''
      ? html`<em class="muted">${msg('(xoá đoạn này)')}</em>`
      : html`<ins>${root.replacement}</ins>`;
  const change =
    root.kind !== 'suggestion' || root.replacement === null
      ? quote === ''
        ? nothing
        : html`<blockquote class="quote">${quote}</blockquote>`
      : root.disposition?.appliedAt != null
        ? html`<p class="change"><span class="arrow">${msg('Đã sửa thành')}</span> ${replacement}</p>`
        : html`<p class="change">
            <del>${quote}</del> <span class="arrow">${msg('thay bằng')}</span> ${replacement}
          </p>`;
  return html`${change}${now}${root.body === '' ? nothing : html`<p class="body">${root.body}</p>`}`;
}

/** The committee's answer with its note, who gave it and when. */
export function renderAnswer(root: Comment) {
  const d = root.disposition;
  if (d === null) return nothing;
  const by = d.byName === null ? '' : ` · ${d.byName}`;
  return html`<div class="answer">
    <small>${msg(str`Tiểu ban: ${dispositionLabel(d.value)}`)}${by} · ${formatWhen(d.at)}</small>
    ${d.note === '' ? nothing : html`<p class="body">${d.note}</p>`}
    ${
      d.appliedAt === null
        ? nothing
        : d.textRemoved
          ? html`<small class="warn"
              >${msg('Đã đưa vào dự thảo, nhưng đoạn sửa sau đó đã bị xóa (ví dụ khi khôi phục một bản cũ).')}</small
            >`
          : html`<small>${msg('Đã đưa vào dự thảo.')}</small>`
    }
  </div>`;
}

/** One reply in a thread. */
export function renderReply(reply: Comment) {
  return html`<li>
    <small
      ><strong>${reply.authorName ?? '—'}</strong> (${reply.orgName}) · ${formatWhen(reply.createdAt)}</small
    >
    <p class="reply-body">${reply.body}</p>
  </li>`;
}

/** A text field of a submitted form ('' when absent). */
export function field(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === 'string' ? value : '';
}
