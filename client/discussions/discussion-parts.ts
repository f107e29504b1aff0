import { msg, str } from '@lit/localize';
import { html, type TemplateResult } from 'lit';
import type { Discussion } from '../../shared/api/discussions.ts';
import { formatWhen } from '../app/format-when.ts';
import type { ThreadState } from './discussion-threads.ts';

// Every user text below goes through Lit's text bindings, never as HTML.

/** A message's body with its @mentions marked. */
export function renderBody(message: Discussion): TemplateResult {
  const names = message.mentions.map((m) => `@${m.name}`).filter((n) => n.length > 1);
  if (names.length === 0) return html`<p class="body">${message.body}</p>`;
  const escaped = names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const parts = message.body.split(new RegExp(`(${escaped.join('|')})`, 'u'));
  // No whitespace around the parts: the body keeps its own line breaks (pre-wrap).
  const marked = parts.map((part) =>
    names.includes(part) ? html`<span class="mention">${part}</span>` : part,
  );
  return html`<p class="body">${marked}</p>`;
}

/** Who wrote a message and when. */
export function byline(message: Discussion) {
  return html`<small
    ><strong>${message.authorName ?? '—'}</strong> · ${formatWhen(message.createdAt)}</small
  >`;
}

/** The thread's state as a badge. */
export function stateBadge(state: ThreadState) {
  switch (state) {
    case 'resolved':
      return html`<span class="badge resolved">${msg('Đã giải quyết')}</span>`;
    case 'answered':
      return html`<span class="badge answered">${msg('Đã trả lời')}</span>`;
    case 'open':
      return html`<span class="badge open">${msg('Chưa trả lời')}</span>`;
  }
}

/** "2 trả lời", or nothing. */
export function replyCount(n: number): string {
  return n === 0 ? '' : msg(str`${n} trả lời`);
}
