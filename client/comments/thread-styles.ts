import { css } from 'lit';
import { commentStyles } from '../styles/comment-styles.ts';

/** Styles of a comment card, kept apart so the element stays readable. */
export const threadStyles = [
  commentStyles,
  css`
    :host {
      display: block;
    }
    article {
      display: grid;
      gap: 6px;
      padding: 8px 10px;
      border: 1px solid var(--vk-border);
      border-radius: var(--vk-radius);
      background: var(--vk-surface);
    }
    :host([active]) article {
      border-color: #e0b44c;
      box-shadow:
        0 0 0 2px #f3dc9f,
        var(--vk-shadow);
    }
    header {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 4px 6px;
    }
    header strong {
      font-size: 0.88rem;
    }
    header small {
      flex-basis: 100%;
    }
    p {
      margin: 0;
    }
    .body,
    .reply-body {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .orphan {
      font-size: 0.8rem;
      color: var(--vk-warn);
    }
    .change,
    .now {
      display: grid;
      gap: 2px;
      font-family: var(--vk-font-doc);
      font-size: 0.95rem;
      overflow-wrap: anywhere;
    }
    .change del,
    .change ins {
      white-space: pre-wrap;
    }
    .change del {
      color: #8a1417;
      background: #fbeaea;
    }
    .change ins {
      color: var(--vk-ok);
      background: #e7f3ec;
      text-decoration: none;
    }
    .now {
      white-space: pre-wrap;
    }
    .change .arrow,
    .now .arrow {
      font-family: var(--vk-font);
      font-size: 0.75rem;
      color: var(--vk-muted);
    }
    .answer {
      display: grid;
      gap: 2px;
      padding: 6px 8px;
      border-radius: var(--vk-radius);
      background: #f7f6f1;
    }
    ol {
      list-style: none;
      margin: 0;
      padding: 0 0 0 10px;
      border-left: 2px solid var(--vk-border);
      display: grid;
      gap: 6px;
    }
    form {
      display: grid;
      gap: 4px;
    }
    .more {
      font-size: 0.8rem;
    }
  `,
];
