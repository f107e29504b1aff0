import { css } from 'lit';
import { buttonStyles } from './button-styles.ts';
import { noticeStyles } from './notice-styles.ts';
import { panelStyles } from './panel-styles.ts';

/** What the comment elements share: form controls, buttons, badges, quotes and notices. */
export const commentStyles = [
  panelStyles,
  buttonStyles,
  noticeStyles,
  css`
    label {
      font-weight: 600;
      font-size: 0.82rem;
    }
    textarea,
    select {
      font: inherit;
      font-size: 0.88rem;
      width: 100%;
      border: 1px solid var(--vk-border);
      border-radius: var(--vk-radius);
      padding: 5px 8px;
      background: var(--vk-surface);
      color: var(--vk-text);
    }
    textarea {
      resize: vertical;
      min-height: 3.2em;
    }
    button {
      font-size: 0.84rem;
      padding: 3px 10px;
      color: var(--vk-text);
    }
    button:hover:not([disabled]) {
      background: #efeee8;
    }
    button.primary {
      color: var(--vk-accent-text);
      font-weight: 600;
    }
    button.primary:hover:not([disabled]) {
      background: #8a1417;
    }
    button.link {
      border: 0;
      background: none;
      padding: 2px 4px;
      color: #1a4fa8;
      text-decoration: underline;
    }
    button.danger {
      color: var(--vk-danger);
    }
    button[aria-pressed='true'] {
      background: #f3e3e3;
      border-color: #e2bcbc;
      color: var(--vk-accent);
      font-weight: 600;
    }
    button[disabled] {
      opacity: 0.55;
      cursor: not-allowed;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 6px;
    }
    .muted,
    small {
      color: var(--vk-muted);
    }
    .count {
      font-size: 0.75rem;
      color: var(--vk-muted);
      text-align: right;
    }
    .count.over {
      color: var(--vk-danger);
      font-weight: 600;
    }
    .badge {
      display: inline-block;
      font-size: 0.72rem;
      line-height: 1.5;
      padding: 0 6px;
      border-radius: 999px;
      border: 1px solid var(--vk-border);
      white-space: nowrap;
    }
    .badge.suggestion {
      border-color: #d3c8f0;
      color: #4b2fa0;
      background: #f3effc;
    }
    .badge.accepted,
    .badge.partly {
      border-color: #b9dcc7;
      color: var(--vk-ok);
      background: #e7f3ec;
    }
    .badge.explained {
      border-color: #e8cf9a;
      color: var(--vk-warn);
      background: #fdf6e7;
    }
    .badge.noted {
      color: var(--vk-muted);
      background: #f3f2ee;
    }
    .badge.none {
      border-style: dashed;
      color: var(--vk-muted);
    }
    .quote {
      margin: 0;
      padding: 2px 8px;
      border-left: 3px solid #e0b44c;
      background: #fcf6e6;
      font-family: var(--vk-font-doc);
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      display: -webkit-box;
      -webkit-line-clamp: 4;
      -webkit-box-orient: vertical;
      overflow: hidden;
    }
    .notice {
      margin: 0;
      padding: 5px 8px;
    }
  `,
];
